// Tests gateway responses: every AWS type's defaults, per-API overrides with template
// substitution, DEFAULT_4XX/5XX fallbacks, HTTP API fixed bodies, and the request-id headers.
#include "runtime/gatewayresponses.h"
#include "runtime/gateway.h"

#include "tests/runtime/testdocuments.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Gw::Runtime;
using namespace Gw::Model;
using namespace GwTest;

class tst_GatewayResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(tst_GatewayResponses)
#include "tst_gatewayresponses.moc"
