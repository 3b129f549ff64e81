// REST Cognito user pool authorizers over loopback, against a local identity provider standing in
// for the user pool: ID tokens put their claims into $context.authorizer.claims, access tokens must
// carry one of the method's authorization scopes (an ID token cannot), and missing, expired or
// foreign tokens answer 401 Unauthorized.
#include "policytest.h"

#include "runtime/auth/localidentityprovider.h"
#include "runtime/policies/jwtauthorizer.h"

#include <QTemporaryDir>
#include <QThread>

using namespace Gw::Runtime;
using GwTest::RawResponse;

class tst_CognitoAuthorizer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QThread m_idpThread;
    LocalIdentityProvider *m_idp = nullptr;
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_port = 0;

    QByteArray idToken(qint64 expiresIn = 3600)
    {
        JwtMintOptions o;
        o.audiences = {QStringLiteral("client-123")};
        o.expiresInSeconds = expiresIn;
        if (expiresIn < 0)
            o.issuedAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
        o.extraClaims = QJsonObject{{QStringLiteral("token_use"), QStringLiteral("id")},
                                    {QStringLiteral("email"), QStringLiteral("ada@example.com")}};
        return m_idp->mint(o);
    }

    QByteArray accessToken(const QStringList &scopes)
    {
        JwtMintOptions o;
        o.scopes = scopes;
        o.extraClaims = QJsonObject{{QStringLiteral("token_use"), QStringLiteral("access")},
                                    {QStringLiteral("client_id"), QStringLiteral("client-123")}};
        return m_idp->mint(o);
    }

    RawResponse get(const QByteArray &path, const QByteArray &token)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!token.isNull())
            headers.append({"Authorization", token});
        return GwTest::request(m_port, "GET", "/dev" + path, headers, {}, 30000);
    }

    std::shared_ptr<Gw::Model::ApiDocument> document(const QString &issuer)
    {
        Gw::Model::Api api;
        api.id = QStringLiteral("api_rest");
        api.name = QStringLiteral("cognito");
        api.type = Gw::Model::ApiType::Rest;
        Gw::Model::Resource root;
        root.id = QStringLiteral("res_root");
        api.resources = {root};
        Gw::Model::Stage dev;
        dev.name = QStringLiteral("dev");
        api.stages = {dev};
        Gw::Model::Authorizer pool;
        pool.id = QStringLiteral("auth_pool");
        pool.name = QStringLiteral("pool");
        pool.type = Gw::Model::AuthorizerType::CognitoUserPools;
        pool.identitySource = {QStringLiteral("method.request.header.Authorization")};
        pool.providerArns = {issuer}; // a local issuer URL stands in for the user pool ARN
        api.authorizers = {pool};
        auto method = [](const QString &id, const QStringList &scopes) {
            Gw::Model::Method m;
            m.id = id;
            m.httpMethod = QStringLiteral("GET");
            m.authorizationType = Gw::Model::AuthorizationType::CognitoUserPools;
            m.authorizerId = QStringLiteral("auth_pool");
            m.authorizationScopes = scopes;
            m.integration.type = Gw::Model::IntegrationType::Mock;
            m.integration.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}"));
            Gw::Model::IntegrationResponse ir;
            ir.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("$context.authorizer.claims.email"));
            m.integration.responses = {ir};
            return m;
        };
        for (const auto &[part, scopes] : {std::pair{QStringLiteral("profile"), QStringList()},
                                           std::pair{QStringLiteral("scoped"), QStringList{QStringLiteral("pets/read")}}}) {
            Gw::Model::Resource r;
            r.id = QStringLiteral("res_") + part;
            r.parentId = QStringLiteral("res_root");
            r.pathPart = part;
            r.methods = {method(QStringLiteral("mth_") + part, scopes)};
            api.resources.append(r);
        }
        auto doc = std::make_shared<Gw::Model::ApiDocument>();
        doc->apis = {api};
        return doc;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The issuer runs on its own thread: the test thread blocks on its client sockets.
        m_idp = new LocalIdentityProvider(m_dir.filePath(QStringLiteral("idp")));
        m_idp->moveToThread(&m_idpThread);
        m_idpThread.start();
        bool started = false;
        QString error;
        QMetaObject::invokeMethod(m_idp, [&] { started = m_idp->start(0, &error); }, Qt::BlockingQueuedConnection);
        QVERIFY2(started, qPrintable(error));
        m_host = std::make_unique<RuntimeHost>();
        QVERIFY2(m_host->start(document(m_idp->issuer()), RuntimeOptions(), &error), qPrintable(error));
        m_port = quint16(m_host->endpoints().constFirst().baseUrl.port());
    }

    void cleanupTestCase()
    {
        m_host.reset();
        QMetaObject::invokeMethod(m_idp, [this] { delete m_idp; }, Qt::BlockingQueuedConnection);
        m_idpThread.quit();
        m_idpThread.wait();
    }

    void idTokenClaimsReachTheTemplate()
    {
        const RawResponse r = get("/profile", idToken());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("ada@example.com"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("ID token")) && notes.contains(QLatin1String("token accepted")), qPrintable(notes));
    }

    void bearerPrefixAccepted()
    {
        QCOMPARE(get("/profile", "Bearer " + idToken()).status, 200);
    }

    void missingOrExpiredToken()
    {
        const RawResponse missing = get("/profile", QByteArray());
        QCOMPARE(missing.status, 401);
        QCOMPARE(missing.body, QByteArray("{\"message\":\"Unauthorized\"}"));
        QCOMPARE(missing.header("x-amzn-ErrorType"), QByteArray("UnauthorizedException"));
        const RawResponse expired = get("/profile", idToken(-1));
        QCOMPARE(expired.status, 401);
        QVERIFY(GwTest::notesOf(GwTest::traceOf(*m_host, expired), QStringLiteral("authorize")).contains(QLatin1String("expired")));
    }

    void foreignIssuer()
    {
        JwtMintOptions o;
        o.issuer = QStringLiteral("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other");
        o.extraClaims = QJsonObject{{QStringLiteral("token_use"), QStringLiteral("id")}};
        QCOMPARE(get("/profile", m_idp->mint(o)).status, 401);
    }

    void methodScopesNeedAnAccessToken()
    {
        QCOMPARE(get("/scoped", accessToken({QStringLiteral("pets/read")})).status, 200);
        const RawResponse wrongScope = get("/scoped", accessToken({QStringLiteral("pets/write")}));
        QCOMPARE(wrongScope.status, 401);
        const RawResponse id = get("/scoped", idToken());
        QCOMPARE(id.status, 401);
        QVERIFY(GwTest::notesOf(GwTest::traceOf(*m_host, id), QStringLiteral("authorize")).contains(QLatin1String("only an access token")));
    }

    void issuerOfAUserPoolArn()
    {
        QCOMPARE(JwtAuthorizer::cognitoIssuer(QStringLiteral("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123")),
                 QStringLiteral("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123"));
    }
};

QTEST_GUILESS_MAIN(tst_CognitoAuthorizer)
#include "tst_cognitoauthorizer.moc"
