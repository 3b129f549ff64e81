// HTTP API JWT authorizers over loopback (reference §1.9 "JWT authorizer"): tokens minted by a
// local identity provider served on its own thread (OIDC discovery + JWKS), checked in AWS's order
// — kid, algorithm and signature, iss, aud, exp, scopes — with 401 + www-authenticate (403 for
// scopes) on failure, and claims and scopes in the payload 2.0 event on success.
#include "policytest.h"
#include "pythonfunctions.h"

#include "runtime/auth/localidentityprovider.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

using namespace Gw::Runtime;
using GwTest::RawResponse;

class tst_JwtAuthorizer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QThread m_idpThread;
    LocalIdentityProvider *m_idp = nullptr;
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_port = 0;

    QByteArray mint(JwtMintOptions options)
    {
        if (options.audiences.isEmpty())
            options.audiences = {QStringLiteral("my-api")};
        QString error;
        const QByteArray token = m_idp->mint(options, &error);
        if (token.isEmpty())
            qWarning() << "mint failed:" << error;
        return token;
    }

    RawResponse get(const QByteArray &path, const QByteArray &authorization)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isNull())
            headers.append({"Authorization", authorization});
        return GwTest::request(m_port, "GET", path, headers, {}, 30000);
    }

    std::shared_ptr<Gw::Model::ApiDocument> document(const QString &issuer)
    {
        Gw::Model::Api api;
        api.id = QStringLiteral("api_http");
        api.name = QStringLiteral("JWT API");
        api.type = Gw::Model::ApiType::Http;
        Gw::Model::Stage stage;
        stage.name = QStringLiteral("$default");
        api.stages = {stage};
        Gw::Model::Authorizer jwt;
        jwt.id = QStringLiteral("auth_jwt");
        jwt.name = QStringLiteral("local-idp");
        jwt.type = Gw::Model::AuthorizerType::Jwt;
        jwt.identitySource = {QStringLiteral("$request.header.Authorization")};
        jwt.jwtIssuer = issuer;
        jwt.jwtAudiences = {QStringLiteral("my-api"), QStringLiteral("other-api")};
        Gw::Model::Authorizer down = jwt;
        down.id = QStringLiteral("auth_down");
        down.name = QStringLiteral("unreachable");
        down.jwtIssuer = QStringLiteral("http://127.0.0.1:9/"); // nothing listens on the discard port
        api.authorizers = {jwt, down};
        auto route = [](const QString &key, const QStringList &scopes) {
            Gw::Model::Route r;
            r.id = QStringLiteral("rt_") + key.section(QLatin1Char('/'), 1);
            r.routeKey = key;
            r.authorizationType = Gw::Model::AuthorizationType::Jwt;
            r.authorizerId = QStringLiteral("auth_jwt");
            r.authorizationScopes = scopes;
            r.integration.type = Gw::Model::IntegrationType::AwsProxy;
            r.integration.functionName = QStringLiteral("echo");
            r.integration.payloadFormatVersion = QStringLiteral("2.0");
            return r;
        };
        Gw::Model::Route unreachable = route(QStringLiteral("GET /unreachable"), {});
        unreachable.authorizerId = QStringLiteral("auth_down");
        api.routes = {unreachable, route(QStringLiteral("GET /echo"), {}),
                      route(QStringLiteral("GET /scoped"), {QStringLiteral("read:pets"), QStringLiteral("admin")})};
        auto doc = std::make_shared<Gw::Model::ApiDocument>();
        doc->apis = {api};
        doc->functions = {GwTest::writePythonFunction(m_dir.path(), QStringLiteral("echo"), GwTest::echoFunction)};
        return doc;
    }

    void expectUnauthorized(const RawResponse &r, const QString &description)
    {
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Unauthorized\"}"));
        const QByteArray challenge = r.header("www-authenticate");
        QVERIFY2(challenge.startsWith("Bearer scope=\"\" error=\"invalid_token\" error_description=\""), challenge.constData());
        QVERIFY2(challenge.contains(description.toUtf8()), challenge.constData());
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("token rejected")), qPrintable(notes));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QFAIL("python3 is needed (scripts/setup.sh installs it)");
        QVERIFY(m_dir.isValid());
        // The issuer runs on its own thread: the test thread blocks on its client sockets while the
        // gateway fetches discovery and JWKS.
        m_idp = new LocalIdentityProvider(m_dir.filePath(QStringLiteral("idp")));
        m_idp->moveToThread(&m_idpThread);
        m_idpThread.start();
        bool started = false;
        QString error;
        QMetaObject::invokeMethod(m_idp, [&] { started = m_idp->start(0, &error); }, Qt::BlockingQueuedConnection);
        QVERIFY2(started, qPrintable(error));
        m_host = std::make_unique<RuntimeHost>();
        RuntimeOptions options;
        options.projectDir = m_dir.path();
        QVERIFY2(m_host->start(document(m_idp->issuer()), options, &error), qPrintable(error));
        m_port = quint16(m_host->endpoints().constFirst().baseUrl.port());
    }

    void cleanupTestCase()
    {
        m_host.reset();
        QMetaObject::invokeMethod(m_idp, [this] { delete m_idp; }, Qt::BlockingQueuedConnection);
        m_idpThread.quit();
        m_idpThread.wait();
    }

    void validTokenReachesTheEvent()
    {
        JwtMintOptions o;
        o.scopes = {QStringLiteral("read:pets")};
        o.extraClaims = QJsonObject{{QStringLiteral("email"), QStringLiteral("ada@example.com")}};
        const RawResponse r = get("/echo", "Bearer " + mint(o));
        QCOMPARE(r.status, 200);
        const QJsonObject event = QJsonDocument::fromJson(r.body).object();
        const QJsonObject jwt = event.value(QLatin1String("requestContext")).toObject()
                                    .value(QLatin1String("authorizer")).toObject().value(QLatin1String("jwt")).toObject();
        QCOMPARE(jwt.value(QLatin1String("claims")).toObject().value(QLatin1String("sub")).toString(), QStringLiteral("local-user"));
        QCOMPARE(jwt.value(QLatin1String("claims")).toObject().value(QLatin1String("email")).toString(), QStringLiteral("ada@example.com"));
        QCOMPARE(jwt.value(QLatin1String("scopes")).toArray(), QJsonArray{QStringLiteral("read:pets")});
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("token accepted")), qPrintable(notes));
    }

    void rawTokenWithoutBearerPrefix()
    {
        QCOMPARE(get("/echo", mint({})).status, 200);
    }

    void missingToken()
    {
        const RawResponse r = get("/echo", QByteArray());
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Unauthorized\"}"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("identity source $request.header.Authorization missing")), qPrintable(notes));
    }

    void expiredToken()
    {
        JwtMintOptions o;
        o.issuedAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
        o.expiresInSeconds = 3600;
        expectUnauthorized(get("/echo", "Bearer " + mint(o)), QStringLiteral("the token has expired"));
    }

    void wrongAudience()
    {
        JwtMintOptions o;
        o.audiences = {QStringLiteral("someone-else")};
        expectUnauthorized(get("/echo", "Bearer " + mint(o)), QStringLiteral("the token does not have a valid audience"));
    }

    void secondAudienceAccepted()
    {
        JwtMintOptions o;
        o.audiences = {QStringLiteral("other-api")};
        QCOMPARE(get("/echo", "Bearer " + mint(o)).status, 200);
    }

    void wrongIssuer()
    {
        JwtMintOptions o;
        o.issuer = QStringLiteral("https://evil.example.com/");
        expectUnauthorized(get("/echo", "Bearer " + mint(o)), QStringLiteral("the token does not have a valid issuer"));
    }

    void unknownKid()
    {
        JwtMintOptions o;
        o.kidOverride = QStringLiteral("no-such-key");
        expectUnauthorized(get("/echo", "Bearer " + mint(o)), QStringLiteral("unable to find key with kid no-such-key"));
    }

    void wrongKey()
    {
        JwtMintOptions o;
        o.signWithWrongKey = true;
        expectUnauthorized(get("/echo", "Bearer " + mint(o)), QStringLiteral("the token signature is invalid"));
    }

    void algNoneRejected()
    {
        JwtMintOptions o;
        o.algNone = true;
        expectUnauthorized(get("/echo", "Bearer " + mint(o)), QStringLiteral("signing method"));
    }

    void garbageToken()
    {
        const RawResponse r = get("/echo", "Bearer not.a.jwt");
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("www-authenticate").contains("invalid_token"));
    }

    void issuerUnreachable()
    {
        JwtMintOptions o;
        o.issuer = QStringLiteral("http://127.0.0.1:9/");
        const RawResponse r = get("/unreachable", "Bearer " + mint(o));
        QCOMPARE(r.status, 401);
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("JWKS unavailable")), qPrintable(notes));
    }

    void scopes()
    {
        const RawResponse none = get("/scoped", "Bearer " + mint({}));
        QCOMPARE(none.status, 403);
        QVERIFY2(none.header("www-authenticate").contains("insufficient_scope"), none.header("www-authenticate").constData());
        JwtMintOptions o;
        o.scopes = {QStringLiteral("write:pets"), QStringLiteral("admin")};
        const RawResponse ok = get("/scoped", "Bearer " + mint(o));
        QCOMPARE(ok.status, 200);
        // "scp" (an array, as Okta and Azure send it) counts too.
        JwtMintOptions scp;
        scp.extraClaims = QJsonObject{{QStringLiteral("scp"), QJsonArray{QStringLiteral("read:pets")}}};
        QCOMPARE(get("/scoped", "Bearer " + mint(scp)).status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_JwtAuthorizer)
#include "tst_jwtauthorizer.moc"
