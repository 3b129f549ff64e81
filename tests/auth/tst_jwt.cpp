// Tests JWT parsing, JWK/JWKS loading and the HTTP API JWT authorizer rules (offline).
#include "runtime/auth/jwk.h"
#include "runtime/auth/jwt.h"
#include "runtime/auth/jwtsigner.h"
#include "runtime/auth/jwtverifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Gw::Runtime;

namespace {

const QString kIssuer = QStringLiteral("https://issuer.example.com/");

QDateTime now()
{
    return QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0), QTimeZone::utc());
}

QJsonObject claims(qint64 expiresIn = 3600)
{
    const qint64 t = now().toSecsSinceEpoch();
    return QJsonObject{{QStringLiteral("iss"), kIssuer},
                       {QStringLiteral("sub"), QStringLiteral("user-1")},
                       {QStringLiteral("aud"), QStringLiteral("my-client")},
                       {QStringLiteral("iat"), double(t - 10)},
                       {QStringLiteral("nbf"), double(t - 10)},
                       {QStringLiteral("exp"), double(t + expiresIn)},
                       {QStringLiteral("scope"), QStringLiteral("read write")}};
}

QJsonObject header(const QString &alg, const QString &kid)
{
    return QJsonObject{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")},
                       {QStringLiteral("kid"), kid}};
}

JwtAuthorizerConfig config()
{
    JwtAuthorizerConfig c;
    c.issuer = kIssuer;
    c.audiences = {QStringLiteral("other"), QStringLiteral("my-client")};
    return c;
}

// A JWKS as an issuer would publish it, parsed back through JSON like a fetched one.
JwkSet publish(const QList<QPair<QString, EVP_PKEY *>> &keys)
{
    QJsonArray array;
    for (const auto &k : keys)
        array.append(JwkSet::publicJwk(k.second, k.first));
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("keys"), array}}).toJson();
    QString error;
    auto set = JwkSet::fromJson(json, &error);
    if (!set)
        qFatal("JWKS did not parse: %s", qPrintable(error));
    return *set;
}

struct Fixture
{
    PKeyPtr rsa = AuthCrypto::generateRsaKey(2048);
    PKeyPtr pss = AuthCrypto::generateRsaPssKey(2048);
    PKeyPtr p256 = AuthCrypto::generateEcKey("P-256");
    PKeyPtr p384 = AuthCrypto::generateEcKey("P-384");
    PKeyPtr p521 = AuthCrypto::generateEcKey("P-521");
    JwkSet jwks = publish({{QStringLiteral("rsa"), rsa.get()}, {QStringLiteral("pss"), pss.get()},
                           {QStringLiteral("p256"), p256.get()}, {QStringLiteral("p384"), p384.get()},
                           {QStringLiteral("p521"), p521.get()}});
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

QByteArray mint(const QString &alg, const QString &kid, EVP_PKEY *key, const QJsonObject &payload = claims())
{
    QString error;
    const QByteArray token = JwtSigner::sign(header(alg, kid), payload, key, &error);
    if (token.isEmpty())
        qWarning() << "mint failed" << error;
    return token;
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse();
    void jwkRoundTrip();
    void jwksTolerance();
    void algorithms_data();
    void algorithms();
    void awsAcceptsOnlyRsa();
    void rejections_data();
    void rejections();
    void algNone();
    void hmacKeyConfusion();
    void tamperedPayload();
    void audienceAndClientId();
    void scopes();
    void wwwAuthenticate();
};

void TestJwt::parse()
{
    QString error;
    QVERIFY(!Jwt::parse("abc.def", &error));
    QCOMPARE(error, QStringLiteral("token contains an invalid number of segments"));
    QVERIFY(!Jwt::parse("!!!.e30.", &error));
    const QByteArray token = mint(QStringLiteral("RS256"), QStringLiteral("rsa"), fixture().rsa.get());
    const auto jwt = Jwt::parse(token, &error);
    QVERIFY2(jwt, qPrintable(error));
    QCOMPARE(jwt->algorithm(), QStringLiteral("RS256"));
    QCOMPARE(jwt->keyId(), QStringLiteral("rsa"));
    QCOMPARE(jwt->payload.value(QStringLiteral("sub")).toString(), QStringLiteral("user-1"));
    QCOMPARE(Jwt::tokenFromIdentity(QByteArray("  Bearer " + token + " ")), token);
    QCOMPARE(Jwt::tokenFromIdentity(QByteArray("bearer " + token)), token);
    QCOMPARE(Jwt::tokenFromIdentity(token), token);
}

void TestJwt::jwkRoundTrip()
{
    for (EVP_PKEY *key : {fixture().rsa.get(), fixture().pss.get(), fixture().p256.get(), fixture().p521.get()}) {
        const QJsonObject jwk = JwkSet::publicJwk(key, QStringLiteral("k"));
        QVERIFY(!jwk.isEmpty());
        QString error;
        const auto loaded = JwkSet::keyFromJson(jwk, &error);
        QVERIFY2(loaded, qPrintable(error));
        // The loaded public key publishes the same JWK and thumbprint.
        QCOMPARE(JwkSet::publicJwk(loaded->key.get(), QStringLiteral("k")), jwk);
        QCOMPARE(JwkSet::thumbprint(loaded->key.get()), JwkSet::thumbprint(key));
    }
    QVERIFY(JwkSet::thumbprint(fixture().rsa.get()) != JwkSet::thumbprint(fixture().pss.get()));
    QCOMPARE(JwkSet::thumbprint(fixture().rsa.get()).size(), 43); // base64url of 32 bytes
    QCOMPARE(JwkSet::publicJwk(fixture().p384.get(), {}).value(QStringLiteral("crv")).toString(), QStringLiteral("P-384"));
}

void TestJwt::jwksTolerance()
{
    QString error;
    QVERIFY(!JwkSet::fromJson("not json", &error));
    QVERIFY(!JwkSet::fromJson(R"({"keys": 3})", &error));
    const QJsonObject good = JwkSet::publicJwk(fixture().rsa.get(), QStringLiteral("good"));
    QJsonObject badEc{{QStringLiteral("kty"), QStringLiteral("EC")}, {QStringLiteral("crv"), QStringLiteral("P-256")},
                      {QStringLiteral("kid"), QStringLiteral("bad")}, {QStringLiteral("x"), QStringLiteral("AAAA")},
                      {QStringLiteral("y"), QStringLiteral("AAAA")}};
    QJsonObject oct{{QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("k"), QStringLiteral("c2VjcmV0")}};
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{oct, badEc, good}}}).toJson();
    const auto set = JwkSet::fromJson(json, &error);
    QVERIFY(set);
    QCOMPARE(set->keys().size(), 1);
    QVERIFY(set->find(QStringLiteral("good")));
    QVERIFY(!set->find(QStringLiteral("bad")));
}

void TestJwt::algorithms_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("kid");
    QTest::newRow("RS256") << "RS256" << "rsa";
    QTest::newRow("RS384") << "RS384" << "rsa";
    QTest::newRow("RS512") << "RS512" << "rsa";
    QTest::newRow("PS256 rsa-pss key") << "PS256" << "pss";
    QTest::newRow("PS384 rsa-pss key") << "PS384" << "pss";
    QTest::newRow("PS512 rsa-pss key") << "PS512" << "pss";
    QTest::newRow("PS256 rsa key") << "PS256" << "rsa";
    QTest::newRow("ES256") << "ES256" << "p256";
    QTest::newRow("ES384") << "ES384" << "p384";
    QTest::newRow("ES512") << "ES512" << "p521";
}

void TestJwt::algorithms()
{
    QFETCH(QString, alg);
    QFETCH(QString, kid);
    Fixture &f = fixture();
    EVP_PKEY *key = kid == QLatin1String("rsa") ? f.rsa.get()
        : kid == QLatin1String("pss")           ? f.pss.get()
        : kid == QLatin1String("p256")          ? f.p256.get()
        : kid == QLatin1String("p384")          ? f.p384.get()
                                                : f.p521.get();
    const QByteArray token = mint(alg, kid, key);
    QVERIFY(!token.isEmpty());
    JwtAuthorizerConfig c = config();
    c.rsaOnly = false;
    const JwtVerifyResult r = JwtVerifier::verify(QByteArray("Bearer " + token), f.jwks, c, now());
    QVERIFY2(r.ok, qPrintable(r.failure.description));
    QCOMPARE(r.claims.value(QStringLiteral("sub")).toString(), QStringLiteral("user-1"));
    QCOMPARE(r.scopes, QStringList({QStringLiteral("read"), QStringLiteral("write")}));
    QCOMPARE(r.algorithm, alg);

    // A signature by another key of the right type fails.
    PKeyPtr other = alg.startsWith(QLatin1Char('E')) ? AuthCrypto::generateEcKey(kid == QLatin1String("p256") ? "P-256"
                                                                                 : kid == QLatin1String("p384") ? "P-384"
                                                                                                                : "P-521")
                                                     : AuthCrypto::generateRsaKey(2048);
    const JwtVerifyResult wrong = JwtVerifier::verify(mint(alg, kid, other.get()), f.jwks, c, now());
    QVERIFY(!wrong.ok);
    QCOMPARE(wrong.failure.kind, JwtFailureKind::InvalidSignature);
    QCOMPARE(wrong.failure.description, QStringLiteral("the token signature is invalid"));
}

void TestJwt::awsAcceptsOnlyRsa()
{
    const JwtVerifyResult r = JwtVerifier::verify(mint(QStringLiteral("ES256"), QStringLiteral("p256"), fixture().p256.get()),
                                                  fixture().jwks, config(), now());
    QVERIFY(!r.ok);
    QCOMPARE(r.failure.kind, JwtFailureKind::InvalidSigningMethod);
    QCOMPARE(r.failure.description, QStringLiteral("signing method ES256 is invalid"));
    // RS256 claimed while the kid names an EC key.
    JwtAuthorizerConfig c = config();
    c.rsaOnly = false;
    const JwtVerifyResult mismatch = JwtVerifier::verify(mint(QStringLiteral("RS256"), QStringLiteral("p256"), fixture().rsa.get()),
                                                         fixture().jwks, c, now());
    QCOMPARE(mismatch.failure.description, QStringLiteral("signing method RS256 is invalid"));
}

void TestJwt::rejections_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("kid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("description");
    const double t = double(now().toSecsSinceEpoch());
    QTest::newRow("expired") << "exp" << QJsonValue(t - 1) << "rsa" << int(JwtFailureKind::Expired)
                             << "the token has expired";
    QTest::newRow("expires now") << "exp" << QJsonValue(t) << "rsa" << int(JwtFailureKind::Expired)
                                 << "the token has expired";
    QTest::newRow("no exp") << "exp" << QJsonValue(QJsonValue::Undefined) << "rsa" << int(JwtFailureKind::Expired)
                            << "the token has expired";
    QTest::newRow("not yet valid") << "nbf" << QJsonValue(t + 60) << "rsa" << int(JwtFailureKind::NotYetValid)
                                   << "the token is not valid yet";
    QTest::newRow("issued in future") << "iat" << QJsonValue(t + 60) << "rsa" << int(JwtFailureKind::IssuedInFuture)
                                      << "the token was issued in the future";
    QTest::newRow("wrong aud") << "aud" << QJsonValue(QStringLiteral("someone-else")) << "rsa"
                               << int(JwtFailureKind::InvalidAudience) << "the token does not have a valid audience";
    QTest::newRow("wrong iss") << "iss" << QJsonValue(QStringLiteral("https://evil.example.com/")) << "rsa"
                               << int(JwtFailureKind::InvalidIssuer) << "the token does not have a valid issuer";
    QTest::newRow("iss without slash") << "iss" << QJsonValue(QStringLiteral("https://issuer.example.com")) << "rsa"
                                       << int(JwtFailureKind::InvalidIssuer) << "the token does not have a valid issuer";
    QTest::newRow("wrong kid") << "sub" << QJsonValue(QStringLiteral("x")) << "missing-kid"
                               << int(JwtFailureKind::UnknownKid) << "unable to find key with kid missing-kid";
    // AWS order: iss is checked before aud and exp.
    QTest::newRow("iss before exp") << "iss" << QJsonValue(QStringLiteral("x")) << "rsa"
                                    << int(JwtFailureKind::InvalidIssuer) << "the token does not have a valid issuer";
}

void TestJwt::rejections()
{
    QFETCH(QString, claim);
    QFETCH(QJsonValue, value);
    QFETCH(QString, kid);
    QFETCH(int, kind);
    QFETCH(QString, description);
    QJsonObject payload = claims();
    if (value.isUndefined())
        payload.remove(claim);
    else
        payload.insert(claim, value);
    if (QTest::currentDataTag() == QLatin1String("iss before exp"))
        payload.insert(QStringLiteral("exp"), 1.0);
    const JwtVerifyResult r = JwtVerifier::verify(mint(QStringLiteral("RS256"), kid, fixture().rsa.get(), payload),
                                                  fixture().jwks, config(), now());
    QVERIFY(!r.ok);
    QCOMPARE(int(r.failure.kind), kind);
    QCOMPARE(r.failure.description, description);
    QCOMPARE(r.failure.statusCode, 401);
    QCOMPARE(r.failure.error, QStringLiteral("invalid_token"));
}

void TestJwt::algNone()
{
    const QByteArray token = JwtSigner::sign(header(QStringLiteral("none"), QStringLiteral("rsa")), claims(), nullptr);
    QVERIFY(token.endsWith('.'));
    const JwtVerifyResult r = JwtVerifier::verify(token, fixture().jwks, config(), now());
    QVERIFY(!r.ok);
    QCOMPARE(r.failure.kind, JwtFailureKind::InvalidSigningMethod);
    QCOMPARE(r.failure.description, QStringLiteral("signing method none is invalid"));
    // Even with a (bogus) signature appended.
    const JwtVerifyResult r2 = JwtVerifier::verify(QByteArray(token + "c2ln"), fixture().jwks, config(), now());
    QCOMPARE(r2.failure.kind, JwtFailureKind::InvalidSigningMethod);
}

void TestJwt::hmacKeyConfusion()
{
    // The classic attack: HMAC-sign with the RSA public key (PEM or JWK bytes) as the secret.
    const QByteArray pem = AuthCrypto::publicKeyToPem(fixture().rsa.get());
    QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
    for (const QString &alg : {QStringLiteral("HS256"), QStringLiteral("HS384"), QStringLiteral("HS512")}) {
        const QByteArray token = JwtSigner::signHmac(header(alg, QStringLiteral("rsa")), claims(), pem);
        const JwtVerifyResult r = JwtVerifier::verify(token, fixture().jwks, config(), now());
        QVERIFY(!r.ok);
        QCOMPARE(r.failure.kind, JwtFailureKind::InvalidSigningMethod);
        QCOMPARE(r.failure.description, QStringLiteral("signing method %1 is invalid").arg(alg));
    }
}

void TestJwt::tamperedPayload()
{
    const QByteArray token = mint(QStringLiteral("RS256"), QStringLiteral("rsa"), fixture().rsa.get());
    QVERIFY(JwtVerifier::verify(token, fixture().jwks, config(), now()).ok);
    QList<QByteArray> parts = token.split('.');
    QJsonObject payload = claims();
    payload.insert(QStringLiteral("sub"), QStringLiteral("admin"));
    parts[1] = JwtSigner::encodeSegment(payload);
    const JwtVerifyResult r = JwtVerifier::verify(parts.join('.'), fixture().jwks, config(), now());
    QVERIFY(!r.ok);
    QCOMPARE(r.failure.kind, JwtFailureKind::InvalidSignature);
    // A flipped signature bit as well.
    QByteArray sig = *AuthCrypto::base64UrlDecode(token.split('.')[2]);
    sig[10] = char(sig[10] ^ 1);
    QList<QByteArray> p2 = token.split('.');
    p2[2] = AuthCrypto::base64UrlEncode(sig);
    QCOMPARE(JwtVerifier::verify(p2.join('.'), fixture().jwks, config(), now()).failure.kind,
             JwtFailureKind::InvalidSignature);
}

void TestJwt::audienceAndClientId()
{
    auto verifyWith = [](const QJsonObject &payload) {
        return JwtVerifier::verify(mint(QStringLiteral("RS256"), QStringLiteral("rsa"), fixture().rsa.get(), payload),
                                   fixture().jwks, config(), now());
    };
    QJsonObject list = claims();
    list.insert(QStringLiteral("aud"), QJsonArray{QStringLiteral("a"), QStringLiteral("my-client")});
    QVERIFY(verifyWith(list).ok);

    // Cognito access tokens carry client_id and no aud.
    QJsonObject access = claims();
    access.remove(QStringLiteral("aud"));
    access.insert(QStringLiteral("client_id"), QStringLiteral("my-client"));
    QVERIFY(verifyWith(access).ok);

    // client_id is ignored when aud is present.
    QJsonObject both = claims();
    both.insert(QStringLiteral("aud"), QStringLiteral("nope"));
    both.insert(QStringLiteral("client_id"), QStringLiteral("my-client"));
    QCOMPARE(verifyWith(both).failure.kind, JwtFailureKind::InvalidAudience);

    QJsonObject none = claims();
    none.remove(QStringLiteral("aud"));
    QCOMPARE(verifyWith(none).failure.kind, JwtFailureKind::InvalidAudience);
}

void TestJwt::scopes()
{
    JwtAuthorizerConfig c = config();
    c.routeScopes = {QStringLiteral("admin"), QStringLiteral("write")};
    const QByteArray token = mint(QStringLiteral("RS256"), QStringLiteral("rsa"), fixture().rsa.get());
    QVERIFY(JwtVerifier::verify(token, fixture().jwks, c, now()).ok);

    QJsonObject scp = claims();
    scp.remove(QStringLiteral("scope"));
    scp.insert(QStringLiteral("scp"), QJsonArray{QStringLiteral("admin")});
    const JwtVerifyResult viaScp = JwtVerifier::verify(mint(QStringLiteral("RS256"), QStringLiteral("rsa"), fixture().rsa.get(), scp),
                                                       fixture().jwks, c, now());
    QVERIFY(viaScp.ok);
    QCOMPARE(viaScp.scopes, QStringList{QStringLiteral("admin")});

    QJsonObject readOnly = claims();
    readOnly.insert(QStringLiteral("scope"), QStringLiteral("read"));
    const JwtVerifyResult missing = JwtVerifier::verify(
        mint(QStringLiteral("RS256"), QStringLiteral("rsa"), fixture().rsa.get(), readOnly), fixture().jwks, c, now());
    QVERIFY(!missing.ok);
    QCOMPARE(missing.failure.kind, JwtFailureKind::InsufficientScope);
    QCOMPARE(missing.failure.statusCode, 403);
    QCOMPARE(missing.failure.error, QStringLiteral("insufficient_scope"));
    QCOMPARE(missing.failure.description, QStringLiteral("the token does not have the required scopes: admin write"));
    QCOMPARE(missing.failure.wwwAuthenticate(),
             QByteArray("Bearer scope=\"admin write\" error=\"insufficient_scope\" "
                        "error_description=\"the token does not have the required scopes: admin write\""));
}

void TestJwt::wwwAuthenticate()
{
    QJsonObject payload = claims();
    payload.insert(QStringLiteral("aud"), QStringLiteral("x"));
    const JwtVerifyResult r = JwtVerifier::verify(mint(QStringLiteral("RS256"), QStringLiteral("rsa"), fixture().rsa.get(), payload),
                                                  fixture().jwks, config(), now());
    QCOMPARE(r.failure.wwwAuthenticate(),
             QByteArray("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\""));
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
