// AWS_IAM authorization over loopback: requests signed with SigV4 (header and presigned query) by
// gw_auth's signer with credentials the project defines, checked by the gateway against them —
// unknown keys, wrong secrets, the 5-minute skew, expired presigned URLs and session tokens — with
// AWS's error types, and the caller's identity in the HTTP API event.
#include "policytest.h"
#include "pythonfunctions.h"

#include "runtime/auth/sigv4.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Gw::Runtime;
using GwTest::RawResponse;

class tst_IamAuthorizer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_rest = 0, m_http = 0;

    static SigV4Credentials devCredentials() { return {"AKIDEXAMPLELOCAL01", "local-secret-key-for-tests-0123456789", {}}; }
    static SigV4Credentials temporary()
    {
        return {"ASIAEXAMPLELOCAL02", "temporary-secret-0123456789", "session-token-abc"};
    }

    // Signs GET target as the client will send it (Host: 127.0.0.1) and sends it.
    RawResponse signedGet(quint16 port, const QByteArray &path, const QByteArray &query, const SigV4Credentials &credentials,
                          const QDateTime &when = QDateTime::currentDateTimeUtc(), bool presign = false, qint64 expires = 3600)
    {
        SigV4Request request;
        request.method = "GET";
        request.rawPath = path;
        request.rawQuery = query;
        request.headers = {{"Host", "127.0.0.1"}};
        SigV4Options options;
        options.expiresSeconds = expires;
        const SigV4Signer signer(credentials, "us-east-1", "execute-api", options);
        const SigV4SigningResult s = presign ? signer.presign(request, when) : signer.signHeaders(request, when);
        QList<QPair<QByteArray, QByteArray>> headers;
        for (const auto &h : s.signedRequest.headers) {
            if (h.first.compare("Host", Qt::CaseInsensitive) != 0)
                headers.append(h);
        }
        const QByteArray target = path + (s.signedRequest.rawQuery.isEmpty() ? QByteArray() : "?" + s.signedRequest.rawQuery);
        return GwTest::request(port, "GET", target, headers, {}, 30000);
    }

    std::shared_ptr<Gw::Model::ApiDocument> document()
    {
        Gw::Model::Api rest;
        rest.id = QStringLiteral("api_rest");
        rest.name = QStringLiteral("rest");
        rest.type = Gw::Model::ApiType::Rest;
        Gw::Model::Resource root;
        root.id = QStringLiteral("res_root");
        Gw::Model::Resource iam;
        iam.id = QStringLiteral("res_iam");
        iam.parentId = QStringLiteral("res_root");
        iam.pathPart = QStringLiteral("iam");
        Gw::Model::Method m;
        m.id = QStringLiteral("mth_iam");
        m.httpMethod = QStringLiteral("GET");
        m.authorizationType = Gw::Model::AuthorizationType::AwsIam;
        m.integration.type = Gw::Model::IntegrationType::Mock;
        m.integration.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}"));
        Gw::Model::IntegrationResponse ir;
        ir.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("signed by $context.identity.userArn"));
        m.integration.responses = {ir};
        iam.methods = {m};
        Gw::Model::Resource who;
        who.id = QStringLiteral("res_who");
        who.parentId = QStringLiteral("res_root");
        who.pathPart = QStringLiteral("who");
        Gw::Model::Method echo;
        echo.id = QStringLiteral("mth_who");
        echo.httpMethod = QStringLiteral("GET");
        echo.authorizationType = Gw::Model::AuthorizationType::AwsIam;
        echo.integration.type = Gw::Model::IntegrationType::AwsProxy;
        echo.integration.functionName = QStringLiteral("echo");
        who.methods = {echo};
        rest.resources = {root, iam, who};
        Gw::Model::Stage dev;
        dev.name = QStringLiteral("dev");
        rest.stages = {dev};

        Gw::Model::Api http;
        http.id = QStringLiteral("api_http");
        http.name = QStringLiteral("http");
        http.type = Gw::Model::ApiType::Http;
        Gw::Model::Stage def;
        def.name = QStringLiteral("$default");
        http.stages = {def};
        Gw::Model::Route r;
        r.id = QStringLiteral("rt_who");
        r.routeKey = QStringLiteral("GET /who");
        r.authorizationType = Gw::Model::AuthorizationType::AwsIam;
        r.integration.type = Gw::Model::IntegrationType::AwsProxy;
        r.integration.functionName = QStringLiteral("echo");
        r.integration.payloadFormatVersion = QStringLiteral("2.0");
        http.routes = {r};

        auto doc = std::make_shared<Gw::Model::ApiDocument>();
        doc->apis = {rest, http};
        doc->functions = {GwTest::writePythonFunction(m_dir.path(), QStringLiteral("echo"), GwTest::echoFunction)};
        Gw::Model::IamCredential c;
        c.accessKeyId = QString::fromLatin1(devCredentials().accessKeyId);
        c.secretAccessKey = QString::fromLatin1(devCredentials().secretAccessKey);
        c.principalArn = QStringLiteral("arn:aws:iam::111122223333:user/dev");
        Gw::Model::IamCredential t;
        t.accessKeyId = QString::fromLatin1(temporary().accessKeyId);
        t.secretAccessKey = QString::fromLatin1(temporary().secretAccessKey);
        t.sessionToken = QString::fromLatin1(temporary().sessionToken);
        t.principalArn = QStringLiteral("arn:aws:sts::111122223333:assumed-role/ci/session");
        doc->iamCredentials = {c, t};
        return doc;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QFAIL("python3 is needed (scripts/setup.sh installs it)");
        QVERIFY(m_dir.isValid());
        m_host = std::make_unique<RuntimeHost>();
        RuntimeOptions options;
        options.projectDir = m_dir.path();
        QString error;
        QVERIFY2(m_host->start(document(), options, &error), qPrintable(error));
        m_rest = quint16(m_host->endpoints().at(0).baseUrl.port());
        m_http = quint16(m_host->endpoints().at(1).baseUrl.port());
    }

    void cleanupTestCase() { m_host.reset(); }

    void signedRequestPasses()
    {
        const RawResponse r = signedGet(m_rest, "/dev/iam", "a=1&b=two", devCredentials());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("signed by arn:aws:iam::111122223333:user/dev"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("arn:aws:iam::111122223333:user/dev")), qPrintable(notes));
    }

    void unsignedRequest()
    {
        const RawResponse r = GwTest::request(m_rest, "GET", "/dev/iam");
        QCOMPARE(r.status, 403);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Missing Authentication Token"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
    }

    void wrongSecret()
    {
        SigV4Credentials c = devCredentials();
        c.secretAccessKey = "not-the-secret";
        const RawResponse r = signedGet(m_rest, "/dev/iam", {}, c);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("InvalidSignatureException"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("canonical request")), qPrintable(notes));
    }

    void unknownAccessKey()
    {
        const RawResponse r = signedGet(m_rest, "/dev/iam", {}, {"AKIDUNKNOWN", "whatever", {}});
        QCOMPARE(r.status, 403);
    }

    void clockSkewBeyondFiveMinutes()
    {
        const RawResponse r = signedGet(m_rest, "/dev/iam", {}, devCredentials(), QDateTime::currentDateTimeUtc().addSecs(-6 * 60));
        QCOMPARE(r.status, 403);
        QVERIFY2(GwTest::messageOf(r).contains(QLatin1String("Signature expired")), r.body.constData());
        // Within the five minutes it still verifies.
        QCOMPARE(signedGet(m_rest, "/dev/iam", {}, devCredentials(), QDateTime::currentDateTimeUtc().addSecs(-4 * 60)).status, 200);
    }

    void presignedUrls()
    {
        QCOMPARE(signedGet(m_rest, "/dev/iam", "q=1", devCredentials(), QDateTime::currentDateTimeUtc(), true).status, 200);
        const RawResponse expired = signedGet(m_rest, "/dev/iam", "q=1", devCredentials(),
                                              QDateTime::currentDateTimeUtc().addSecs(-120), true, 60);
        QCOMPARE(expired.status, 403);
        QCOMPARE(expired.header("x-amzn-ErrorType"), QByteArray("ExpiredTokenException"));
    }

    void sessionTokens()
    {
        QCOMPARE(signedGet(m_rest, "/dev/iam", {}, temporary()).status, 200);
        SigV4Credentials noToken = temporary();
        noToken.sessionToken.clear();
        QCOMPARE(signedGet(m_rest, "/dev/iam", {}, noToken).status, 403);
    }

    void restEventIdentityIsTheCaller()
    {
        const RawResponse r = signedGet(m_rest, "/dev/who", {}, devCredentials());
        QCOMPARE(r.status, 200);
        const QJsonObject identity = QJsonDocument::fromJson(r.body).object().value(QLatin1String("requestContext")).toObject()
                                         .value(QLatin1String("identity")).toObject();
        QCOMPARE(identity.value(QLatin1String("userArn")).toString(), QStringLiteral("arn:aws:iam::111122223333:user/dev"));
        QCOMPARE(identity.value(QLatin1String("accessKey")).toString(), QStringLiteral("AKIDEXAMPLELOCAL01"));
        QCOMPARE(identity.value(QLatin1String("accountId")).toString(), QStringLiteral("111122223333"));
    }

    void httpApiEventCarriesTheCaller()
    {
        const RawResponse r = signedGet(m_http, "/who", {}, devCredentials());
        QCOMPARE(r.status, 200);
        const QJsonObject iam = QJsonDocument::fromJson(r.body).object().value(QLatin1String("requestContext")).toObject()
                                    .value(QLatin1String("authorizer")).toObject().value(QLatin1String("iam")).toObject();
        QCOMPARE(iam.value(QLatin1String("userArn")).toString(), QStringLiteral("arn:aws:iam::111122223333:user/dev"));
        QCOMPARE(iam.value(QLatin1String("accessKey")).toString(), QStringLiteral("AKIDEXAMPLELOCAL01"));
        QCOMPARE(iam.value(QLatin1String("accountId")).toString(), QStringLiteral("111122223333"));
        const RawResponse unsigned_ = GwTest::request(m_http, "GET", "/who");
        QCOMPARE(unsigned_.status, 403);
        QCOMPARE(unsigned_.body, QByteArray("{\"message\":\"Forbidden\"}"));
    }
};

QTEST_GUILESS_MAIN(tst_IamAuthorizer)
#include "tst_iamauthorizer.moc"
