// Tests gateway responses: every AWS type's defaults, per-API overrides with template
// substitution, DEFAULT_4XX/5XX fallbacks, HTTP API fixed bodies, and the request-id headers —
// in process for every type, and over loopback for every type a local request can trigger.
#include "runtime/gatewayresponses.h"
#include "runtime/gateway.h"
#include "runtime/runtimehost.h"
#include "runtime/auth/sigv4.h"

#include "tests/runtime/httpbackendfixture.h"
#include "tests/runtime/rawhttpclient.h"
#include "tests/runtime/testdocuments.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Gw::Runtime;
using namespace Gw::Model;
using namespace GwTest;

namespace {

// A REST API whose routes each trigger one gateway response type when called locally.
struct TriggerApi
{
    Api api = restApi();
    std::unique_ptr<HttpBackendFixture> stalling;
    quint16 closedPort = 0;
    QTemporaryDir functionDir;

    static constexpr const char *apiKey = "quota-key-0123456789abcdef";
    static constexpr const char *accessKeyId = "AKIDLOCALTEST0000001";

    TriggerApi()
    {
        stalling = std::make_unique<HttpBackendFixture>([](const BackendSeenRequest &) { return BackendReply::stall(); });
        stalling->start();
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        closedPort = s.serverPort();
        s.close();

        auto mock = [](const QString &verb, const QString &id) {
            return mockMethod(verb, QStringLiteral("{}"), 200, id);
        };
        const QString root = QStringLiteral("res_root");

        // INTEGRATION_TIMEOUT: a backend that never answers, 200 ms timeout.
        Method slow;
        slow.id = QStringLiteral("mth_slow");
        slow.httpMethod = QStringLiteral("GET");
        slow.integration.type = IntegrationType::HttpProxy;
        slow.integration.uri = QStringLiteral("http://127.0.0.1:%1/").arg(stalling->port());
        slow.integration.timeoutInMillis = 200;
        addResource(api, root, QStringLiteral("slow"), {slow});
        // INTEGRATION_FAILURE: nothing listens on the backend's port.
        Method down = slow;
        down.id = QStringLiteral("mth_down");
        down.integration.uri = QStringLiteral("http://127.0.0.1:%1/").arg(closedPort);
        down.integration.timeoutInMillis = 29000;
        addResource(api, root, QStringLiteral("down"), {down});
        // API_CONFIGURATION_ERROR: MOCK answers 299, which no integration response selects.
        Method unmapped = mock(QStringLiteral("GET"), QStringLiteral("mth_unmapped"));
        unmapped.integration.requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": 299}");
        unmapped.integration.responses[0].selectionPattern = QStringLiteral("200");
        addResource(api, root, QStringLiteral("unmapped"), {unmapped});
        // UNSUPPORTED_MEDIA_TYPE: only a JSON template and passthrough NEVER.
        Method strict = mock(QStringLiteral("POST"), QStringLiteral("mth_strict"));
        strict.integration.passthroughBehavior = PassthroughBehavior::Never;
        addResource(api, root, QStringLiteral("strict"), {strict});
        // INVALID_API_KEY: a key is required, none is sent.
        Method key = mock(QStringLiteral("GET"), QStringLiteral("mth_key"));
        key.apiKeyRequired = true;
        addResource(api, root, QStringLiteral("key"), {key});
        // QUOTA_EXCEEDED: the key's usage plan allows one request a day.
        Method quota = key;
        quota.id = QStringLiteral("mth_quota");
        addResource(api, root, QStringLiteral("quota"), {quota});
        // BAD_REQUEST_PARAMETERS / BAD_REQUEST_BODY: a validator checking both.
        RequestValidator all;
        all.id = QStringLiteral("val_all");
        all.name = QStringLiteral("all");
        all.validateRequestBody = true;
        all.validateRequestParameters = true;
        api.requestValidators.append(all);
        Method params = mock(QStringLiteral("GET"), QStringLiteral("mth_params"));
        params.requestValidatorId = all.id;
        params.requestParameters.insert(QStringLiteral("method.request.querystring.q"), true);
        addResource(api, root, QStringLiteral("params"), {params});
        ApiModel pet;
        pet.id = QStringLiteral("mdl_pet");
        pet.name = QStringLiteral("Pet");
        pet.schema = QJsonObject{{"type", "object"}, {"required", QJsonArray{"name"}}};
        api.models.append(pet);
        Method body = mock(QStringLiteral("POST"), QStringLiteral("mth_body"));
        body.requestValidatorId = all.id;
        body.requestModels.insert(QStringLiteral("application/json"), pet.name);
        addResource(api, root, QStringLiteral("body"), {body});
        // THROTTLED: a method setting of rate 0, burst 0.
        addResource(api, root, QStringLiteral("throttled"), {mock(QStringLiteral("GET"), QStringLiteral("mth_throttled"))});
        ThrottleSettings none;
        none.rateLimit = 0;
        none.burstLimit = 0;
        api.stages[0].methodThrottle.insert(QStringLiteral("/throttled/GET"), none);
        // UNAUTHORIZED: a TOKEN authorizer whose identity source is missing (not invoked).
        // ACCESS_DENIED: a TOKEN authorizer function answering an explicit Deny.
        Authorizer token;
        token.id = QStringLiteral("auth_deny");
        token.name = QStringLiteral("deny");
        token.type = AuthorizerType::Token;
        token.functionName = QStringLiteral("denyfn");
        token.identitySource = {QStringLiteral("method.request.header.Authorization")};
        token.resultTtlInSeconds = 0;
        api.authorizers.append(token);
        Method unauth = mock(QStringLiteral("GET"), QStringLiteral("mth_unauth"));
        unauth.authorizationType = AuthorizationType::Custom;
        unauth.authorizerId = token.id;
        addResource(api, root, QStringLiteral("unauth"), {unauth});
        Method denied = unauth;
        denied.id = QStringLiteral("mth_denied");
        addResource(api, root, QStringLiteral("denied"), {denied});
        // AUTHORIZER_CONFIGURATION_ERROR: the method names an authorizer that does not exist.
        Method authcfg = unauth;
        authcfg.id = QStringLiteral("mth_authcfg");
        authcfg.authorizerId = QStringLiteral("auth_nope");
        addResource(api, root, QStringLiteral("authcfg"), {authcfg});
        // INVALID_SIGNATURE / EXPIRED_TOKEN: AWS_IAM with SigV4 signatures that fail.
        Method iam = mock(QStringLiteral("GET"), QStringLiteral("mth_iam"));
        iam.authorizationType = AuthorizationType::AwsIam;
        addResource(api, root, QStringLiteral("iam"), {iam});

        QFile code(functionDir.filePath(QStringLiteral("app.py")));
        if (code.open(QIODevice::WriteOnly)) {
            code.write("def handler(event, context):\n"
                       "    return {'principalId': 'u1', 'policyDocument': {'Version': '2012-10-17', 'Statement': [\n"
                       "        {'Action': 'execute-api:Invoke', 'Effect': 'Deny', 'Resource': event['methodArn']}]}}\n");
        }
    }

    std::shared_ptr<const ApiDocument> document() const
    {
        auto doc = std::make_shared<ApiDocument>();
        doc->name = QStringLiteral("triggers");
        doc->apis.append(api);
        LocalFunction fn;
        fn.id = QStringLiteral("fn_deny");
        fn.name = QStringLiteral("denyfn");
        fn.runtime = QStringLiteral("python3.11");
        fn.handler = QStringLiteral("app.handler");
        fn.codeDirectory = functionDir.path();
        fn.timeout = 10;
        doc->functions.append(fn);
        ApiKey k;
        k.id = QStringLiteral("key_quota");
        k.name = QStringLiteral("quota");
        k.value = QString::fromLatin1(apiKey);
        doc->apiKeys.append(k);
        UsagePlan plan;
        plan.id = QStringLiteral("plan_one");
        plan.name = QStringLiteral("one a day");
        plan.apiStages = {ApiStageRef{api.id, QStringLiteral("dev")}};
        plan.quota = QuotaSettings{1, QuotaPeriod::Day, 0};
        plan.apiKeyIds = {k.id};
        doc->usagePlans.append(plan);
        IamCredential cred;
        cred.accessKeyId = QString::fromLatin1(accessKeyId);
        cred.secretAccessKey = QStringLiteral("local-secret");
        cred.principalArn = QStringLiteral("arn:aws:iam::123456789012:user/local");
        doc->iamCredentials.append(cred);
        return doc;
    }
};

QByteArray iamRequest(bool expired)
{
    SigV4Request r;
    r.method = "GET";
    r.rawPath = "/dev/iam";
    r.headers = {{"Host", "x"}, {"X-In", "hello"}};
    SigV4Options options;
    options.expiresSeconds = 60;
    // Wrong secret: a well-formed signature that does not match. Expired: presigned two hours ago.
    SigV4Signer signer({TriggerApi::accessKeyId, expired ? "local-secret" : "wrong-secret", {}}, "us-east-1",
                       "execute-api", options);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const SigV4SigningResult s = expired ? signer.presign(r, now.addSecs(-7200)) : signer.signHeaders(r, now);
    QByteArray out = "GET " + s.signedRequest.rawPath
                     + (s.signedRequest.rawQuery.isEmpty() ? QByteArray() : "?" + s.signedRequest.rawQuery)
                     + " HTTP/1.1\r\n";
    for (const auto &h : s.signedRequest.headers)
        out += h.first + ": " + h.second + "\r\n";
    return out + "\r\n";
}

QByteArray requestFor(const QString &type)
{
    auto get = [](const QByteArray &path, const QByteArray &extra = {}) -> QByteArray {
        return "GET /dev/" + path + " HTTP/1.1\r\nHost: x\r\nX-In: hello\r\n" + extra + "\r\n";
    };
    if (type == QLatin1String("MISSING_AUTHENTICATION_TOKEN"))
        return get("nowhere");
    if (type == QLatin1String("INTEGRATION_TIMEOUT"))
        return get("slow");
    if (type == QLatin1String("INTEGRATION_FAILURE"))
        return get("down");
    if (type == QLatin1String("API_CONFIGURATION_ERROR"))
        return get("unmapped");
    if (type == QLatin1String("UNSUPPORTED_MEDIA_TYPE"))
        return "POST /dev/strict HTTP/1.1\r\nHost: x\r\nX-In: hello\r\nContent-Type: application/xml\r\n"
               "Content-Length: 4\r\n\r\n<a/>";
    if (type == QLatin1String("INVALID_API_KEY"))
        return get("key");
    if (type == QLatin1String("QUOTA_EXCEEDED"))
        return get("quota", QByteArray("x-api-key: ") + TriggerApi::apiKey + "\r\n");
    if (type == QLatin1String("BAD_REQUEST_PARAMETERS"))
        return get("params");
    if (type == QLatin1String("BAD_REQUEST_BODY"))
        return "POST /dev/body HTTP/1.1\r\nHost: x\r\nX-In: hello\r\nContent-Type: application/json\r\n"
               "Content-Length: 2\r\n\r\n{}";
    if (type == QLatin1String("THROTTLED"))
        return get("throttled");
    if (type == QLatin1String("UNAUTHORIZED"))
        return get("unauth");
    if (type == QLatin1String("ACCESS_DENIED"))
        return get("denied", "Authorization: allow-me-please\r\n");
    if (type == QLatin1String("AUTHORIZER_CONFIGURATION_ERROR"))
        return get("authcfg", "Authorization: t\r\n");
    if (type == QLatin1String("INVALID_SIGNATURE"))
        return iamRequest(false);
    if (type == QLatin1String("EXPIRED_TOKEN"))
        return iamRequest(true);
    return {};
}

// Sends the request that triggers `type` (twice for QUOTA_EXCEEDED: the first one is allowed).
RawResponse trigger(quint16 port, const QString &type)
{
    RawHttpClient client;
    if (!client.connectTo(port))
        return {};
    const QByteArray bytes = requestFor(type);
    if (type == QLatin1String("QUOTA_EXCEEDED"))
        client.request(bytes);
    return client.request(bytes);
}

} // namespace

class tst_GatewayResponses : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static void triggers(bool withIam)
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("errorType");
        QTest::addColumn<QString>("message");
        auto row = [](const char *type, int status, const char *errorType, const QString &message) {
            QTest::newRow(type) << QString::fromLatin1(type) << status << QByteArray(errorType) << message;
        };
        row("MISSING_AUTHENTICATION_TOKEN", 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        row("INTEGRATION_TIMEOUT", 504, "InternalServerErrorException", "Endpoint request timed out");
        // Unreachable HTTP backends answer 500 InternalServerErrorException (reference §3.6).
        row("INTEGRATION_FAILURE", 500, "InternalServerErrorException", "Internal server error");
        row("API_CONFIGURATION_ERROR", 500, "InternalServerErrorException", "Internal server error");
        row("UNSUPPORTED_MEDIA_TYPE", 415, "BadRequestException", "Unsupported Media Type");
        row("INVALID_API_KEY", 403, "ForbiddenException", "Forbidden");
        row("QUOTA_EXCEEDED", 429, "LimitExceededException", "Limit Exceeded");
        row("BAD_REQUEST_PARAMETERS", 400, "BadRequestException", "Missing required request parameters: [q]");
        row("BAD_REQUEST_BODY", 400, "BadRequestException", "Invalid request body");
        row("THROTTLED", 429, "TooManyRequestsException", "Too Many Requests");
        row("UNAUTHORIZED", 401, "UnauthorizedException", "Unauthorized");
        row("ACCESS_DENIED", 403, "AccessDeniedException",
            "User is not authorized to access this resource with an explicit deny");
        row("AUTHORIZER_CONFIGURATION_ERROR", 500, "AuthorizerConfigurationException", QString()); // {"message": null}
        if (withIam) {
            // The IAM authorizer forces 403 after the gateway response is built, so these two do
            // not take customised statuses yet (reported to the policies owner).
            row("INVALID_SIGNATURE", 403, "InvalidSignatureException",
                QStringLiteral("The request signature we calculated does not match…"));
            row("EXPIRED_TOKEN", 403, "ExpiredTokenException", QStringLiteral("Signature expired…"));
        }
    }
    static bool messageMatches(const QString &actual, const QString &expected)
    {
        return expected.endsWith(QChar(0x2026)) ? actual.startsWith(expected.chopped(1)) : actual == expected;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Usage plan quotas persist in a file: this run's own.
        QVERIFY(m_dir.isValid());
        qputenv("APIGW_STUDIO_QUOTA_FILE", m_dir.filePath(QStringLiteral("quotas.json")).toUtf8());
    }

    void typeList()
    {
        // GetGatewayResponse's full list of types.
        const QStringList expected = {
            "ACCESS_DENIED", "API_CONFIGURATION_ERROR", "AUTHORIZER_CONFIGURATION_ERROR",
            "AUTHORIZER_FAILURE", "BAD_REQUEST_BODY", "BAD_REQUEST_PARAMETERS", "DEFAULT_4XX",
            "DEFAULT_5XX", "EXPIRED_TOKEN", "INTEGRATION_FAILURE", "INTEGRATION_TIMEOUT",
            "INVALID_API_KEY", "INVALID_SIGNATURE", "MISSING_AUTHENTICATION_TOKEN", "QUOTA_EXCEEDED",
            "REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND", "THROTTLED", "UNAUTHORIZED",
            "UNSUPPORTED_MEDIA_TYPE", "WAF_FILTERED"};
        QStringList got;
        for (const GatewayResponseType &t : GatewayResponses::types())
            got.append(t.type);
        QCOMPARE(got, expected);
    }

    void defaults_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("errorType");
        QTest::addColumn<QByteArray>("body");
        // Expected values from reference §1.8 / §3.6, written out independently of the table.
        QTest::newRow("ACCESS_DENIED") << "ACCESS_DENIED" << 403 << QByteArray("AccessDeniedException")
                                       << QByteArray("{\"message\":\"User is not authorized to access this resource\"}");
        QTest::newRow("API_CONFIGURATION_ERROR") << "API_CONFIGURATION_ERROR" << 500
                                                 << QByteArray("InternalServerErrorException")
                                                 << QByteArray("{\"message\":\"Internal server error\"}");
        QTest::newRow("AUTHORIZER_CONFIGURATION_ERROR") << "AUTHORIZER_CONFIGURATION_ERROR" << 500
                                                        << QByteArray("AuthorizerConfigurationException")
                                                        << QByteArray("{\"message\":null}");
        QTest::newRow("AUTHORIZER_FAILURE") << "AUTHORIZER_FAILURE" << 500 << QByteArray("AuthorizerFailureException")
                                            << QByteArray("{\"message\":\"Internal server error\"}");
        QTest::newRow("BAD_REQUEST_BODY") << "BAD_REQUEST_BODY" << 400 << QByteArray("BadRequestException")
                                          << QByteArray("{\"message\":\"Invalid request body\"}");
        QTest::newRow("BAD_REQUEST_PARAMETERS") << "BAD_REQUEST_PARAMETERS" << 400 << QByteArray("BadRequestException")
                                                << QByteArray("{\"message\":\"Missing required request parameters\"}");
        QTest::newRow("EXPIRED_TOKEN") << "EXPIRED_TOKEN" << 403 << QByteArray("ExpiredTokenException")
                                       << QByteArray("{\"message\":\"The security token included in the request is expired\"}");
        QTest::newRow("INTEGRATION_FAILURE") << "INTEGRATION_FAILURE" << 504 << QByteArray("IntegrationFailureException")
                                             << QByteArray("{\"message\":\"Internal server error\"}");
        QTest::newRow("INTEGRATION_TIMEOUT") << "INTEGRATION_TIMEOUT" << 504 << QByteArray("InternalServerErrorException")
                                             << QByteArray("{\"message\":\"Endpoint request timed out\"}");
        QTest::newRow("INVALID_API_KEY") << "INVALID_API_KEY" << 403 << QByteArray("ForbiddenException")
                                         << QByteArray("{\"message\":\"Forbidden\"}");
        QTest::newRow("INVALID_SIGNATURE") << "INVALID_SIGNATURE" << 403 << QByteArray("InvalidSignatureException")
                                           << QByteArray();
        QTest::newRow("MISSING_AUTHENTICATION_TOKEN") << "MISSING_AUTHENTICATION_TOKEN" << 403
                                                      << QByteArray("MissingAuthenticationTokenException")
                                                      << QByteArray("{\"message\":\"Missing Authentication Token\"}");
        QTest::newRow("QUOTA_EXCEEDED") << "QUOTA_EXCEEDED" << 429 << QByteArray("LimitExceededException")
                                        << QByteArray("{\"message\":\"Limit Exceeded\"}");
        QTest::newRow("REQUEST_TOO_LARGE") << "REQUEST_TOO_LARGE" << 413 << QByteArray("RequestTooLargeException")
                                           << QByteArray("{\"message\":\"Request Too Long\"}");
        QTest::newRow("RESOURCE_NOT_FOUND") << "RESOURCE_NOT_FOUND" << 404 << QByteArray("ResourceNotFoundException")
                                            << QByteArray("{\"message\":\"Not Found\"}");
        QTest::newRow("THROTTLED") << "THROTTLED" << 429 << QByteArray("TooManyRequestsException")
                                   << QByteArray("{\"message\":\"Too Many Requests\"}");
        QTest::newRow("UNAUTHORIZED") << "UNAUTHORIZED" << 401 << QByteArray("UnauthorizedException")
                                      << QByteArray("{\"message\":\"Unauthorized\"}");
        QTest::newRow("UNSUPPORTED_MEDIA_TYPE") << "UNSUPPORTED_MEDIA_TYPE" << 415 << QByteArray("BadRequestException")
                                                << QByteArray("{\"message\":\"Unsupported Media Type\"}");
        QTest::newRow("WAF_FILTERED") << "WAF_FILTERED" << 403 << QByteArray("WafFilteredException")
                                      << QByteArray("{\"message\":\"Forbidden\"}");
        QTest::newRow("DEFAULT_4XX") << "DEFAULT_4XX" << 400 << QByteArray() << QByteArray();
        QTest::newRow("DEFAULT_5XX") << "DEFAULT_5XX" << 500 << QByteArray() << QByteArray();
    }
    void defaults()
    {
        QFETCH(QString, type);
        QFETCH(int, status);
        QFETCH(QByteArray, errorType);
        QFETCH(QByteArray, body);
        const Api api = restApi();
        const HttpResponse r = GatewayResponses::restResponse(api, type, GatewayResponseContext());
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("x-amzn-ErrorType"), errorType);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        if (!body.isEmpty())
            QCOMPARE(r.body, body);
        QVERIFY(QJsonDocument::fromJson(r.body).isObject());
        const GatewayResponseType *t = GatewayResponses::find(type);
        QVERIFY(t);
    }

    void messageOverride()
    {
        const HttpResponse r = GatewayResponses::restResponse(
            restApi(), QStringLiteral("BAD_REQUEST_PARAMETERS"), GatewayResponseContext(),
            QStringLiteral("Missing required request parameters: [q1, \"x\"]"));
        QCOMPARE(r.body, QByteArray("{\"message\":\"Missing required request parameters: [q1, \\\"x\\\"]\"}"));
    }

    void typeOverride()
    {
        Api api = restApi();
        GatewayResponse g;
        g.responseType = QStringLiteral("MISSING_AUTHENTICATION_TOKEN");
        g.statusCode = QStringLiteral("404");
        g.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-Static"), QStringLiteral("'yes'"));
        g.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-Echo"),
                                    QStringLiteral("method.request.header.x-in"));
        g.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-Color"),
                                    QStringLiteral("stageVariables.color"));
        g.responseTemplates.insert(
            QStringLiteral("application/json"),
            QStringLiteral("{\"error\":$context.error.messageString,\"type\":\"$context.error.responseType\","
                           "\"id\":\"$context.requestId\",\"color\":\"${stageVariables.color}\","
                           "\"raw\":\"$context.error.message.\",\"unknown\":\"$nothing.here\",\"cost\":\"5$\"}"));
        api.gatewayResponses.append(g);

        QMap<QString, QString> vars{{QStringLiteral("color"), QStringLiteral("blue")}};
        HeaderList headers{{"X-In", "hello"}};
        GatewayResponseContext c;
        c.requestId = QStringLiteral("req-1");
        c.stageVariables = &vars;
        c.requestHeaders = &headers;
        const HttpResponse r = GatewayResponses::restResponse(api, QStringLiteral("MISSING_AUTHENTICATION_TOKEN"), c);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("X-Static"), QByteArray("yes"));
        QCOMPARE(r.header("x-echo"), QByteArray("hello"));
        QCOMPARE(r.header("X-Color"), QByteArray("blue"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
        QCOMPARE(r.body, QByteArray("{\"error\":\"Missing Authentication Token\",\"type\":\"MISSING_AUTHENTICATION_TOKEN\","
                                    "\"id\":\"req-1\",\"color\":\"blue\",\"raw\":\"Missing Authentication Token.\","
                                    "\"unknown\":\"$nothing.here\",\"cost\":\"5$\"}"));
        // Other types are untouched.
        QCOMPARE(GatewayResponses::restResponse(api, QStringLiteral("UNAUTHORIZED"), c).status, 401);
    }

    void defaultFallbacks()
    {
        Api api = restApi();
        GatewayResponse d4;
        d4.responseType = QStringLiteral("DEFAULT_4XX");
        d4.statusCode = QStringLiteral("418");
        d4.responseParameters.insert(QStringLiteral("gatewayresponse.header.Access-Control-Allow-Origin"),
                                     QStringLiteral("'*'"));
        d4.responseTemplates.insert(QStringLiteral("application/json"),
                                    QStringLiteral("{\"oops\":$context.error.messageString}"));
        api.gatewayResponses.append(d4);
        GatewayResponse own;
        own.responseType = QStringLiteral("THROTTLED");
        own.statusCode = QStringLiteral("503");
        api.gatewayResponses.append(own);

        // A 4xx type without its own override takes DEFAULT_4XX's status, headers and template.
        HttpResponse r = GatewayResponses::restResponse(api, QStringLiteral("UNAUTHORIZED"), {});
        QCOMPARE(r.status, 418);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("UnauthorizedException"));
        QCOMPARE(r.body, QByteArray("{\"oops\":\"Unauthorized\"}"));
        // Its own override wins.
        r = GatewayResponses::restResponse(api, QStringLiteral("THROTTLED"), {});
        QCOMPARE(r.status, 503);
        QVERIFY(!r.hasHeader("Access-Control-Allow-Origin"));
        QCOMPARE(r.body, QByteArray("{\"message\":\"Too Many Requests\"}"));
        // 5xx types are not affected by DEFAULT_4XX...
        r = GatewayResponses::restResponse(api, QStringLiteral("INTEGRATION_TIMEOUT"), {});
        QCOMPARE(r.status, 504);
        QVERIFY(!r.hasHeader("Access-Control-Allow-Origin"));
        // ...but by DEFAULT_5XX.
        GatewayResponse d5;
        d5.responseType = QStringLiteral("DEFAULT_5XX");
        d5.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-5"), QStringLiteral("'five'"));
        api.gatewayResponses.append(d5);
        r = GatewayResponses::restResponse(api, QStringLiteral("INTEGRATION_TIMEOUT"), {});
        QCOMPARE(r.status, 504); // DEFAULT_5XX without a status keeps the type's
        QCOMPARE(r.header("X-5"), QByteArray("five"));
    }

    void httpApiBodies()
    {
        HttpResponse r = GatewayResponses::httpApiResponse(QStringLiteral("RESOURCE_NOT_FOUND"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Not Found\"}"));
        QVERIFY(!r.hasHeader("x-amzn-ErrorType"));
        r = GatewayResponses::httpApiResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Internal Server Error\"}"));
        r = GatewayResponses::httpApiResponse(QStringLiteral("INTEGRATION_TIMEOUT"));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Service Unavailable\"}"));
        r = GatewayResponses::httpApiResponse(QStringLiteral("UNAUTHORIZED"));
        QCOMPARE(r.status, 401);
    }

    void requestIdHeaders()
    {
        // Through the pipeline: REST answers carry x-amzn-RequestId (UUID) and x-amz-apigw-id.
        InvokeResult r = Gateway::invoke(documentWith(restApi()), {}, {},
                                         HttpRequest::make("GET", "/dev/nowhere"));
        QVERIFY(r.ok());
        QCOMPARE(r.response.status, 403);
        QCOMPARE(r.response.body, QByteArray("{\"message\":\"Missing Authentication Token\"}"));
        QCOMPARE(r.response.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
        static const QRegularExpression uuid(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        const QString requestId = QString::fromLatin1(r.response.header("x-amzn-RequestId"));
        QVERIFY2(uuid.match(requestId).hasMatch(), qPrintable(requestId));
        QCOMPARE(r.trace->requestId, requestId);
        const QByteArray apigwId = r.response.header("x-amz-apigw-id");
        QCOMPARE(apigwId.size(), 16);
        QVERIFY(apigwId.endsWith('='));
        QCOMPARE(r.trace->errorType, QStringLiteral("MISSING_AUTHENTICATION_TOKEN"));

        // HTTP APIs: apigw-requestid, no x-amzn-ErrorType.
        r = Gateway::invoke(documentWith(httpApi()), {}, {}, HttpRequest::make("GET", "/nowhere"));
        QCOMPARE(r.response.status, 404);
        QCOMPARE(r.response.body, QByteArray("{\"message\":\"Not Found\"}"));
        QCOMPARE(r.response.header("apigw-requestid").size(), 16);
        QVERIFY(!r.response.hasHeader("x-amzn-RequestId"));
    }

    void overrideThroughPipeline()
    {
        Api api = restApi();
        GatewayResponse g;
        g.responseType = QStringLiteral("MISSING_AUTHENTICATION_TOKEN");
        g.responseTemplates.insert(QStringLiteral("application/json"),
                                   QStringLiteral("{\"stage\":\"$context.stage\",\"color\":\"$stageVariables.color\","
                                                  "\"id\":\"$context.requestId\"}"));
        api.gatewayResponses.append(g);
        addResource(api, QStringLiteral("res_root"), QStringLiteral("x"), {mockMethod(QStringLiteral("GET"), {})});
        InvokeResult r = Gateway::invoke(documentWith(api), {}, {}, HttpRequest::make("POST", "/dev/x"));
        QCOMPARE(r.response.status, 403);
        const QJsonObject o = QJsonDocument::fromJson(r.response.body).object();
        QCOMPARE(o.value("stage").toString(), QStringLiteral("dev"));
        QCOMPARE(o.value("color").toString(), QStringLiteral("blue"));
        QCOMPARE(o.value("id").toString(), QString::fromLatin1(r.response.header("x-amzn-RequestId")));
    }

    // Every type a local request can trigger, over loopback: AWS's default answer first. Not
    // triggerable locally: AUTHORIZER_FAILURE (no stage answers it), WAF_FILTERED (no WAF),
    // REQUEST_TOO_LARGE (the server's plain-text 413, tested with the server), RESOURCE_NOT_FOUND
    // (HTTP APIs only, below); DEFAULT_4XX/5XX are fallbacks, not triggers.
    // A message ending in "…" is compared as a prefix.
    void localTypesOverLoopback_data() { triggers(true); }
    void localTypesOverLoopback()
    {
        QFETCH(QString, type);
        QFETCH(int, status);
        QFETCH(QByteArray, errorType);
        QFETCH(QString, message);
        TriggerApi t;
        QVERIFY(t.stalling->port());
        RuntimeHost host;
        QString error;
        QVERIFY2(host.start(t.document(), {}, &error), qPrintable(error));
        const RawResponse r = trigger(quint16(host.endpoints().first().baseUrl.port()), type);
        QVERIFY(r.complete);
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("x-amzn-ErrorType"), errorType);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        const QString got = QJsonDocument::fromJson(r.body).object().value("message").toString();
        QVERIFY2(messageMatches(got, message), qPrintable(got));
        QVERIFY(r.hasHeader("x-amzn-RequestId"));
    }

    // The same requests against an API that customises each type: status, headers and a body
    // template using $context and $stageVariables.
    void customisedOverLoopback_data() { triggers(false); }
    void customisedOverLoopback()
    {
        QFETCH(QString, type);
        QFETCH(int, status);
        QFETCH(QByteArray, errorType);
        QFETCH(QString, message);
        TriggerApi t;
        GatewayResponse g;
        g.responseType = type;
        g.statusCode = QString::number(status + 1);
        g.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-Static"), QStringLiteral("'custom'"));
        g.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-Echo"), QStringLiteral("method.request.header.x-in"));
        g.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-Color"), QStringLiteral("stageVariables.color"));
        g.responseTemplates.insert(
            QStringLiteral("application/json"),
            QStringLiteral("{\"type\":\"$context.error.responseType\",\"msg\":$context.error.messageString,"
                           "\"raw\":\"$context.error.message\",\"id\":\"$context.requestId\","
                           "\"color\":\"$stageVariables.color\",\"stage\":\"${context.stage}\"}"));
        t.api.gatewayResponses.append(g);
        RuntimeHost host;
        QString error;
        QVERIFY2(host.start(t.document(), {}, &error), qPrintable(error));
        const RawResponse r = trigger(quint16(host.endpoints().first().baseUrl.port()), type);
        QVERIFY(r.complete);
        QCOMPARE(r.status, status + 1);
        QCOMPARE(r.header("x-amzn-ErrorType"), errorType);
        QCOMPARE(r.header("X-Static"), QByteArray("custom"));
        QCOMPARE(r.header("X-Echo"), QByteArray("hello"));
        QCOMPARE(r.header("X-Color"), QByteArray("blue"));
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value("type").toString(), type);
        QVERIFY(messageMatches(o.value("msg").toString(), message));
        QVERIFY(messageMatches(o.value("raw").toString(), message));
        QCOMPARE(o.value("id").toString(), QString::fromLatin1(r.header("x-amzn-RequestId")));
        QCOMPARE(o.value("color").toString(), QStringLiteral("blue"));
        QCOMPARE(o.value("stage").toString(), QStringLiteral("dev"));
    }

    // DEFAULT_4XX / DEFAULT_5XX customised: every local type falls back by its status class.
    void defaultFallbacksOverLoopback_data() { triggers(false); }
    void defaultFallbacksOverLoopback()
    {
        QFETCH(QString, type);
        QFETCH(int, status);
        QFETCH(QByteArray, errorType);
        QFETCH(QString, message);
        TriggerApi t;
        GatewayResponse d4;
        d4.responseType = QStringLiteral("DEFAULT_4XX");
        d4.statusCode = QStringLiteral("400");
        d4.responseParameters.insert(QStringLiteral("gatewayresponse.header.Access-Control-Allow-Origin"), QStringLiteral("'*'"));
        d4.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"four\":$context.error.messageString}"));
        GatewayResponse d5;
        d5.responseType = QStringLiteral("DEFAULT_5XX");
        d5.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-Five"), QStringLiteral("'5'"));
        d5.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"five\":$context.error.messageString}"));
        t.api.gatewayResponses = {d4, d5};
        RuntimeHost host;
        QString error;
        QVERIFY2(host.start(t.document(), {}, &error), qPrintable(error));
        const RawResponse r = trigger(quint16(host.endpoints().first().baseUrl.port()), type);
        QVERIFY(r.complete);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(r.header("x-amzn-ErrorType"), errorType);
        if (status < 500) {
            QCOMPARE(r.status, 400); // DEFAULT_4XX's status replaces every unset 4xx
            QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
            QVERIFY(messageMatches(o.value("four").toString(), message));
        } else {
            QCOMPARE(r.status, status); // DEFAULT_5XX sets no status: the type's stays
            QCOMPARE(r.header("X-Five"), QByteArray("5"));
            QVERIFY(messageMatches(o.value("five").toString(), message));
        }
    }

    void httpApiNotFoundOverLoopback()
    {
        // HTTP APIs have no customisable gateway responses: the fixed 404 even when the document
        // carries gateway responses (AWS has none to apply).
        Api api = httpApi();
        GatewayResponse g;
        g.responseType = QStringLiteral("RESOURCE_NOT_FOUND");
        g.statusCode = QStringLiteral("418");
        api.gatewayResponses.append(g);
        RuntimeHost host;
        QString error;
        QVERIFY2(host.start(documentWith(api), {}, &error), qPrintable(error));
        RawHttpClient client;
        QVERIFY(client.connectTo(quint16(host.endpoints().first().baseUrl.port())));
        const RawResponse r = client.request("GET /nothing/here HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Not Found\"}"));
        QVERIFY(r.hasHeader("apigw-requestid"));
        QVERIFY(!r.hasHeader("x-amzn-ErrorType"));
    }

    void contextVariablesInTemplates()
    {
        QMap<QString, QString> vars{{QStringLiteral("env"), QStringLiteral("test")}};
        HeaderList headers{{"User-Agent", "curl/8"}, {"X-M", "a"}, {"X-M", "b"}};
        GatewayResponseContext c;
        c.requestId = QStringLiteral("rid");
        c.apiId = QStringLiteral("api_1");
        c.stage = QStringLiteral("dev");
        c.httpMethod = QStringLiteral("PUT");
        c.resourcePath = QStringLiteral("/pets/{id}");
        c.resourceId = QStringLiteral("mth_put");
        c.path = QStringLiteral("/dev/pets/7");
        c.protocol = QStringLiteral("HTTP/1.1");
        c.requestTime = QDateTime(QDate(2024, 3, 5), QTime(6, 7, 8), Qt::UTC);
        c.validationErrorString = QStringLiteral("[object has missing required properties ([\"name\"])]");
        c.stageVariables = &vars;
        c.requestHeaders = &headers;
        const QByteArray out = GatewayResponses::renderTemplate(
            QStringLiteral("$context.apiId|$context.stage|$context.httpMethod|$context.resourcePath|$context.resourceId|"
                           "$context.path|$context.protocol|$context.requestTime|$context.requestTimeEpoch|"
                           "$context.identity.userAgent|$context.error.validationErrorString|$stageVariables.env|"
                           "${stageVariables.env}x|$context.accountId"),
            QStringLiteral("BAD_REQUEST_BODY"), QStringLiteral("Invalid request body"), c);
        QCOMPARE(out, QByteArray("api_1|dev|PUT|/pets/{id}|mth_put|/dev/pets/7|HTTP/1.1|05/Mar/2024:06:07:08 +0000|"
                                 "1709618828000|curl/8|[object has missing required properties ([\"name\"])]|test|testx|"
                                 "123456789012"));

        // What the authorizer and API key stages decided.
        GatewayResponseContext a;
        a.principalId = QStringLiteral("user-1");
        a.authorizer = QJsonObject{{"tenant", "acme"}, {"n", 1}, {"claims", QJsonObject{{"sub", "abc"}}}};
        a.apiKeyId = QStringLiteral("key_1");
        QCOMPARE(GatewayResponses::renderTemplate(
                     QStringLiteral("$context.authorizer.principalId|$context.authorizer.tenant|$context.authorizer.n|"
                                    "$context.authorizer.claims.sub|$context.identity.apiKeyId"),
                     QStringLiteral("ACCESS_DENIED"), QString(), a),
                 QByteArray("user-1|acme|1|abc|key_1"));

        // Header parameters may read repeated headers joined.
        Api api = restApi();
        GatewayResponse g;
        g.responseType = QStringLiteral("BAD_REQUEST_BODY");
        g.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-All"), QStringLiteral("method.request.multivalueheader.x-m"));
        api.gatewayResponses.append(g);
        const HttpResponse r = GatewayResponses::restResponse(api, QStringLiteral("BAD_REQUEST_BODY"), c);
        QCOMPARE(r.header("X-All"), QByteArray("a,b"));
    }

    void customStatusDetection()
    {
        Api api = restApi();
        QVERIFY(!GatewayResponses::hasCustomStatus(api, QStringLiteral("INTEGRATION_FAILURE")));
        GatewayResponse d5;
        d5.responseType = QStringLiteral("DEFAULT_5XX");
        api.gatewayResponses.append(d5);
        QVERIFY(!GatewayResponses::hasCustomStatus(api, QStringLiteral("INTEGRATION_FAILURE"))); // no status set
        api.gatewayResponses[0].statusCode = QStringLiteral("503");
        QVERIFY(GatewayResponses::hasCustomStatus(api, QStringLiteral("INTEGRATION_FAILURE")));
        QVERIFY(!GatewayResponses::hasCustomStatus(api, QStringLiteral("UNAUTHORIZED"))); // 4xx: DEFAULT_4XX's business
        GatewayResponse own;
        own.responseType = QStringLiteral("UNAUTHORIZED");
        own.statusCode = QStringLiteral("403");
        api.gatewayResponses.append(own);
        QVERIFY(GatewayResponses::hasCustomStatus(api, QStringLiteral("UNAUTHORIZED")));
    }
};

QTEST_GUILESS_MAIN(tst_GatewayResponses)
#include "tst_gatewayresponses.moc"
