// Tests the local identity provider over real loopback HTTP, the JWKS client and the token command.
#include "runtime/auth/jwksclient.h"
#include "runtime/auth/jwt.h"
#include "runtime/auth/jwtverifier.h"
#include "runtime/auth/localidentityprovider.h"
#include "runtime/auth/tokencommand.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw::Runtime;

// QTRY_* macros return void on failure; helpers that return a value wait with this instead.
#define WAIT_UNTIL(expr, timeout) \
    do { \
        QElapsedTimer t_; \
        t_.start(); \
        while (!(expr) && t_.elapsed() < (timeout)) \
            QTest::qWait(10); \
    } while (false)

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

HttpResult httpGet(const QUrl &url, const QByteArray &verb = "GET")
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(5000))
        return {};
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return r;
}

// A loopback server that answers every request with a canned response, or never answers.
class CannedServer : public QTcpServer
{
public:
    explicit CannedServer(QByteArray response)
        : m_response(std::move(response))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                m_sockets.append(s);
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    s->readAll();
                    if (!m_response.isEmpty()) {
                        s->write(m_response);
                        s->disconnectFromHost();
                    }
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

private:
    QByteArray m_response;
    QList<QTcpSocket *> m_sockets;
};

JwtVerifyResult verifyWithClient(JwksClient &client, const QByteArray &token, const JwtAuthorizerConfig &config)
{
    std::optional<JwtVerifyResult> result;
    client.verify(token, config, QDateTime::currentDateTimeUtc(), [&](const JwtVerifyResult &r) { result = r; });
    WAIT_UNTIL(result.has_value(), 5000);
    if (!result)
        return {};
    return *result;
}

} // namespace


class TestLocalIdentityProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void keyPersistsAcrossRestarts();
    void servesDiscoveryAndJwks();
    void mintedTokenVerifiesAgainstServedJwks();
    void negativeMintOptions();
    void jwksClientCachesAndRefetches();
    void jwksClientTimeout();
    void jwksClientSizeLimit();
    void parseDuration();
    void tokenCommand();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLocalIdentityProvider::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLocalIdentityProvider::keyPersistsAcrossRestarts()
{
    const QString dir = m_dir->path() + QStringLiteral("/idp");
    QString kid;
    {
        LocalIdentityProvider idp(dir);
        QString error;
        QVERIFY2(idp.start(0, &error), qPrintable(error));
        kid = idp.keyId();
        QCOMPARE(kid.size(), 43);
        QVERIFY(QFile::exists(idp.keyFilePath()));
        QCOMPARE(QFile::permissions(idp.keyFilePath()) & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
    }
    LocalIdentityProvider again(dir);
    QVERIFY(again.loadOrCreateKey());
    QCOMPARE(again.keyId(), kid);
    // A different folder means a different key.
    LocalIdentityProvider other(m_dir->path() + QStringLiteral("/other"));
    QVERIFY(other.loadOrCreateKey());
    QVERIFY(other.keyId() != kid);

    // A corrupt key file is reported, never overwritten.
    QFile bad(m_dir->path() + QStringLiteral("/bad/signing-key.pem"));
    QDir().mkpath(m_dir->path() + QStringLiteral("/bad"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("garbage");
    bad.close();
    LocalIdentityProvider corrupt(m_dir->path() + QStringLiteral("/bad"));
    QString error;
    QVERIFY(!corrupt.loadOrCreateKey(&error));
    QVERIFY(error.contains(QStringLiteral("does not hold an RSA private key")));
    QFile check(bad.fileName());
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("garbage"));
}

void TestLocalIdentityProvider::servesDiscoveryAndJwks()
{
    LocalIdentityProvider idp(m_dir->path());
    QVERIFY(idp.start(0));
    QVERIFY(idp.issuer().startsWith(QStringLiteral("http://127.0.0.1:")));
    QVERIFY(idp.issuer().endsWith(QLatin1Char('/')));

    const HttpResult discovery = httpGet(JwksClient::discoveryUrl(idp.issuer()));
    QCOMPARE(discovery.status, 200);
    QCOMPARE(discovery.contentType, QByteArray("application/json"));
    const QJsonObject doc = QJsonDocument::fromJson(discovery.body).object();
    QCOMPARE(doc.value(QStringLiteral("issuer")).toString(), idp.issuer());
    const QString jwksUri = doc.value(QStringLiteral("jwks_uri")).toString();
    QCOMPARE(jwksUri, idp.issuer() + QStringLiteral(".well-known/jwks.json"));

    const HttpResult jwks = httpGet(QUrl(jwksUri));
    QCOMPARE(jwks.status, 200);
    QString error;
    const auto set = JwkSet::fromJson(jwks.body, &error);
    QVERIFY2(set, qPrintable(error));
    QCOMPARE(set->keys().size(), 1);
    const Jwk *key = set->find(idp.keyId());
    QVERIFY(key);
    QCOMPARE(key->alg, QStringLiteral("RS256"));
    QVERIFY(!jwks.body.contains("\"d\"")); // public members only

    QCOMPARE(httpGet(QUrl(idp.issuer() + QStringLiteral("nothing"))).status, 404);
    QCOMPARE(httpGet(QUrl(jwksUri), "POST").status, 405);
}

void TestLocalIdentityProvider::mintedTokenVerifiesAgainstServedJwks()
{
    LocalIdentityProvider idp(m_dir->path());
    QVERIFY(idp.start(0));
    JwtMintOptions o;
    o.audiences = {QStringLiteral("studio-client")};
    o.scopes = {QStringLiteral("pets/read"), QStringLiteral("pets/write")};
    o.extraClaims.insert(QStringLiteral("email"), QStringLiteral("dev@example.com"));
    const QByteArray token = idp.mint(o);
    QVERIFY(!token.isEmpty());

    JwtAuthorizerConfig config;
    config.issuer = idp.issuer();
    config.audiences = {QStringLiteral("studio-client")};
    config.routeScopes = {QStringLiteral("pets/write")};

    // Offline, against the JWKS fetched by hand over HTTP.
    const auto served = JwkSet::fromJson(httpGet(QUrl(idp.issuer() + QStringLiteral(".well-known/jwks.json"))).body);
    QVERIFY(served);
    const JwtVerifyResult offline = JwtVerifier::verify(token, *served, config, QDateTime::currentDateTimeUtc());
    QVERIFY2(offline.ok, qPrintable(offline.failure.description));
    QCOMPARE(offline.claims.value(QStringLiteral("email")).toString(), QStringLiteral("dev@example.com"));
    QCOMPARE(offline.claims.value(QStringLiteral("aud")).toString(), QStringLiteral("studio-client"));

    // Through the JWKS client (discovery → jwks_uri → verify).
    JwksClient client;
    const JwtVerifyResult online = verifyWithClient(client, "Bearer " + token, config);
    QVERIFY2(online.ok, qPrintable(online.failure.description));
    QCOMPARE(online.scopes, QStringList({QStringLiteral("pets/read"), QStringLiteral("pets/write")}));
}

void TestLocalIdentityProvider::negativeMintOptions()
{
    LocalIdentityProvider idp(m_dir->path());
    QVERIFY(idp.loadOrCreateKey());
    JwtAuthorizerConfig config;
    config.issuer = idp.issuer();
    config.audiences = {QStringLiteral("a")};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto check = [&](JwtMintOptions o, JwtFailureKind kind, const QString &description) {
        o.audiences = {QStringLiteral("a")};
        const JwtVerifyResult r = JwtVerifier::verify(idp.mint(o), idp.jwks(), config, now);
        QVERIFY(!r.ok);
        QCOMPARE(r.failure.kind, kind);
        QCOMPARE(r.failure.description, description);
    };
    JwtMintOptions kid;
    kid.kidOverride = QStringLiteral("rotated-away");
    check(kid, JwtFailureKind::UnknownKid, QStringLiteral("unable to find key with kid rotated-away"));
    JwtMintOptions wrongKey;
    wrongKey.signWithWrongKey = true;
    check(wrongKey, JwtFailureKind::InvalidSignature, QStringLiteral("the token signature is invalid"));
    JwtMintOptions none;
    none.algNone = true;
    check(none, JwtFailureKind::InvalidSigningMethod, QStringLiteral("signing method none is invalid"));
    JwtMintOptions expired;
    expired.issuedAt = now.addSecs(-7200);
    expired.expiresInSeconds = 3600;
    check(expired, JwtFailureKind::Expired, QStringLiteral("the token has expired"));
    JwtMintOptions otherIssuer;
    otherIssuer.issuer = QStringLiteral("https://elsewhere.example.com/");
    check(otherIssuer, JwtFailureKind::InvalidIssuer, QStringLiteral("the token does not have a valid issuer"));
}

void TestLocalIdentityProvider::jwksClientCachesAndRefetches()
{
    LocalIdentityProvider idp(m_dir->path());
    QVERIFY(idp.start(0));
    QSignalSpy served(&idp, &LocalIdentityProvider::requestServed);
    JwksClient client;
    client.setMinimumRefetchSeconds(60);
    JwtAuthorizerConfig config;
    config.issuer = idp.issuer();
    config.audiences = {QStringLiteral("a")};
    JwtMintOptions o;
    o.audiences = {QStringLiteral("a")};

    QVERIFY(verifyWithClient(client, idp.mint(o), config).ok);
    QCOMPARE(client.fetchCount(), 1);
    QCOMPARE(served.count(), 2); // discovery + jwks
    QVERIFY(verifyWithClient(client, idp.mint(o), config).ok);
    QCOMPARE(client.fetchCount(), 1); // cached

    // An unknown kid forces a refetch the first time, then the rate limit applies.
    o.kidOverride = QStringLiteral("new-key");
    const JwtVerifyResult first = verifyWithClient(client, idp.mint(o), config);
    QCOMPARE(first.failure.kind, JwtFailureKind::UnknownKid);
    QCOMPARE(client.fetchCount(), 1); // fetched < 60 s ago: served from cache
    client.setMinimumRefetchSeconds(0);
    QCOMPARE(verifyWithClient(client, idp.mint(o), config).failure.kind, JwtFailureKind::UnknownKid);
    QCOMPARE(client.fetchCount(), 2);

    // A failed refresh keeps serving the last good keys.
    const QString issuer = idp.issuer();
    idp.stop();
    o.kidOverride.clear();
    QVERIFY(client.cached(issuer));
    QVERIFY(verifyWithClient(client, idp.mint(o), config).ok);
    o.kidOverride = QStringLiteral("another-new-key");
    const int before = client.fetchCount();
    const JwtVerifyResult stale = verifyWithClient(client, idp.mint(o), config);
    QCOMPARE(client.fetchCount(), before + 1); // the refresh was attempted and failed...
    QCOMPARE(stale.failure.kind, JwtFailureKind::UnknownKid); // ...and the cached keys were used
}

void TestLocalIdentityProvider::jwksClientTimeout()
{
    CannedServer silent({}); // accepts, never answers
    JwksClient client;
    QElapsedTimer timer;
    timer.start();
    std::optional<JwksFetchResult> result;
    client.keysFor(silent.base() + QStringLiteral("/"), QStringLiteral("k"), [&](const JwksFetchResult &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!result->ok);
    QVERIFY2(result->error.startsWith(QStringLiteral("OIDC discovery failed")), qPrintable(result->error));
    QVERIFY2(timer.elapsed() >= 1400 && timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
}

void TestLocalIdentityProvider::jwksClientSizeLimit()
{
    const QByteArray big(200000, ' ');
    CannedServer huge("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(big.size()) + "\r\nConnection: close\r\n\r\n" + big);
    JwksClient client;
    std::optional<JwksFetchResult> result;
    client.keysFor(huge.base(), {}, [&](const JwksFetchResult &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!result->ok);
    QVERIFY2(result->error.contains(QStringLiteral("exceeds 150000 bytes")), qPrintable(result->error));
}

void TestLocalIdentityProvider::parseDuration()
{
    using TokenCommand::parseDuration;
    QCOMPARE(parseDuration(u"1h"), std::optional<qint64>(3600));
    QCOMPARE(parseDuration(u"30m"), std::optional<qint64>(1800));
    QCOMPARE(parseDuration(u"3600"), std::optional<qint64>(3600));
    QCOMPARE(parseDuration(u"45s"), std::optional<qint64>(45));
    QCOMPARE(parseDuration(u"2d"), std::optional<qint64>(172800));
    QCOMPARE(parseDuration(u"1H"), std::optional<qint64>(3600));
    QVERIFY(!parseDuration(u"0"));
    QVERIFY(!parseDuration(u"-5m"));
    QVERIFY(!parseDuration(u"1w"));
    QVERIFY(!parseDuration(u"h"));
    QVERIFY(!parseDuration(u""));
}

void TestLocalIdentityProvider::tokenCommand()
{
    TokenCommand::Request request;
    request.keyDirectory = m_dir->path();
    request.audiences = {QStringLiteral("client-a"), QStringLiteral("client-b")};
    request.scopes = {QStringLiteral("read write"), QStringLiteral("admin")};
    request.claims = {QStringLiteral("tenant=acme"), QStringLiteral("level=3"), QStringLiteral("beta=true"),
                      QStringLiteral("groups=[\"a\",\"b\"]")};
    request.expires = QStringLiteral("30m");
    request.port = 9555;
    const TokenCommand::Result result = TokenCommand::mintToken(request);
    QVERIFY2(result.ok, qPrintable(result.error));
    const auto jwt = Jwt::parse(result.token);
    QVERIFY(jwt);
    const QJsonObject c = jwt->payload;
    QCOMPARE(c.value(QStringLiteral("iss")).toString(), QStringLiteral("http://127.0.0.1:9555/"));
    QCOMPARE(c.value(QStringLiteral("aud")).toArray().size(), 2);
    QCOMPARE(c.value(QStringLiteral("scope")).toString(), QStringLiteral("read write admin"));
    QCOMPARE(c.value(QStringLiteral("tenant")).toString(), QStringLiteral("acme"));
    QCOMPARE(c.value(QStringLiteral("level")).toInt(), 3);
    QCOMPARE(c.value(QStringLiteral("beta")).toBool(), true);
    QCOMPARE(c.value(QStringLiteral("groups")).toArray().size(), 2);
    QCOMPARE(qint64(c.value(QStringLiteral("exp")).toDouble() - c.value(QStringLiteral("iat")).toDouble()), 1800);

    // Signed by the same persistent key the IdP serves.
    LocalIdentityProvider idp(m_dir->path());
    idp.setPort(9555);
    QVERIFY(idp.loadOrCreateKey());
    QCOMPARE(jwt->keyId(), idp.keyId());
    JwtAuthorizerConfig config;
    config.issuer = QStringLiteral("http://127.0.0.1:9555/");
    config.audiences = {QStringLiteral("client-b")};
    config.routeScopes = {QStringLiteral("admin")};
    QVERIFY(JwtVerifier::verify(result.token, idp.jwks(), config, QDateTime::currentDateTimeUtc()).ok);

    TokenCommand::Request bad = request;
    bad.expires = QStringLiteral("soon");
    QVERIFY(TokenCommand::mintToken(bad).error.contains(QStringLiteral("invalid --expires")));
    bad = request;
    bad.claims = {QStringLiteral("novalue")};
    QVERIFY(TokenCommand::mintToken(bad).error.contains(QStringLiteral("invalid --claim")));
}

QTEST_GUILESS_MAIN(TestLocalIdentityProvider)
#include "tst_localidentityprovider.moc"
