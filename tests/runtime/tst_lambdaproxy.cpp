// Tests the Lambda proxy event shapes (REST v1, HTTP 1.0/2.0) and AWS's response rules, including
// every 502 case AWS validated (reference §1.16, §1.17, §3.1, §3.2).
#include "runtime/integrations/lambdaproxyevent.h"
#include "runtime/integrations/lambdaproxyresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Gw::Runtime;

class TestLambdaProxy : public QObject
{
    Q_OBJECT

private:
    static ProxyEventInput sampleInput()
    {
        ProxyEventInput in;
        in.method = QStringLiteral("POST");
        in.path = QStringLiteral("/dev/pets/7");
        in.stagePath = QStringLiteral("/pets/7");
        in.resourcePath = QStringLiteral("/pets/{petId}");
        in.routeKey = QStringLiteral("POST /pets/{petId}");
        in.stage = QStringLiteral("dev");
        in.rawQuery = "a=1&a=2&b=hello%20world&c=x+y";
        in.headers = {{"Host", "127.0.0.1:3000"}, {"User-Agent", "curl/7.88"},
                      {"X-Dup", "one"}, {"X-Dup", "two"}, {"Cookie", "s=1; t=2"}};
        in.pathParameters = {{QStringLiteral("petId"), QStringLiteral("7")}};
        in.stageVariables = {{QStringLiteral("env"), QStringLiteral("dev")}};
        in.body = "{\"name\":\"rex\"}";
        in.requestId = QStringLiteral("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        in.extendedRequestId = QStringLiteral("Mc7UVioPPHcEKPA=");
        in.apiId = QStringLiteral("api_123");
        in.resourceId = QStringLiteral("res_abc");
        in.sourceIp = QStringLiteral("127.0.0.1");
        in.domainName = QStringLiteral("127.0.0.1:3000");
        in.requestTime = QDateTime(QDate(2026, 11, 22), QTime(7, 5, 9), Qt::UTC);
        return in;
    }

    static QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

private Q_SLOTS:
    void restEventV1()
    {
        const QJsonObject e = restProxyEvent(sampleInput());
        QCOMPARE(e.value("resource").toString(), QStringLiteral("/pets/{petId}"));
        QCOMPARE(e.value("path").toString(), QStringLiteral("/pets/7"));
        QCOMPARE(e.value("httpMethod").toString(), QStringLiteral("POST"));
        QCOMPARE(e.value("headers").toObject().value("X-Dup").toString(), QStringLiteral("two"));
        QCOMPARE(e.value("multiValueHeaders").toObject().value("X-Dup").toArray(),
                 QJsonArray({"one", "two"}));
        QCOMPARE(e.value("queryStringParameters").toObject().value("a").toString(), QStringLiteral("2"));
        QCOMPARE(e.value("queryStringParameters").toObject().value("b").toString(), QStringLiteral("hello world"));
        QCOMPARE(e.value("queryStringParameters").toObject().value("c").toString(), QStringLiteral("x y"));
        QCOMPARE(e.value("multiValueQueryStringParameters").toObject().value("a").toArray(),
                 QJsonArray({"1", "2"}));
        QCOMPARE(e.value("pathParameters").toObject().value("petId").toString(), QStringLiteral("7"));
        QCOMPARE(e.value("stageVariables").toObject().value("env").toString(), QStringLiteral("dev"));
        QCOMPARE(e.value("body").toString(), QStringLiteral("{\"name\":\"rex\"}"));
        QCOMPARE(e.value("isBase64Encoded").toBool(), false);
        QVERIFY(!e.contains("version"));
        const QJsonObject rc = e.value("requestContext").toObject();
        QCOMPARE(rc.value("path").toString(), QStringLiteral("/dev/pets/7"));
        QCOMPARE(rc.value("resourcePath").toString(), QStringLiteral("/pets/{petId}"));
        QCOMPARE(rc.value("stage").toString(), QStringLiteral("dev"));
        QCOMPARE(rc.value("requestTime").toString(), QStringLiteral("22/Nov/2026:07:05:09 +0000"));
        QCOMPARE(qint64(rc.value("requestTimeEpoch").toDouble()),
                 sampleInput().requestTime.toMSecsSinceEpoch());
        QCOMPARE(rc.value("protocol").toString(), QStringLiteral("HTTP/1.1"));
        QCOMPARE(rc.value("requestId").toString(), sampleInput().requestId);
        const QJsonObject identity = rc.value("identity").toObject();
        QCOMPARE(identity.value("sourceIp").toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(identity.value("userAgent").toString(), QStringLiteral("curl/7.88"));
        QVERIFY(identity.value("cognitoIdentityId").isNull()); // null, not absent
        QVERIFY(identity.contains("cognitoIdentityId"));
        QVERIFY(!rc.contains("authorizer"));
    }

    void restEventAbsentMapsAreNull()
    {
        ProxyEventInput in = sampleInput();
        in.rawQuery.clear();
        in.pathParameters.clear();
        in.stageVariables.clear();
        in.body.clear();
        const QJsonObject e = restProxyEvent(in);
        for (const char *key : {"queryStringParameters", "multiValueQueryStringParameters",
                                "pathParameters", "stageVariables", "body"}) {
            QVERIFY2(e.contains(QLatin1String(key)), key);
            QVERIFY2(e.value(QLatin1String(key)).isNull(), key);
        }
    }

    void binaryBodyIsBase64()
    {
        ProxyEventInput in = sampleInput();
        in.body = QByteArray("\x89PNG\r\n\x1a\n", 8);
        in.bodyIsBinary = true;
        const QJsonObject e = restProxyEvent(in);
        QCOMPARE(e.value("isBase64Encoded").toBool(), true);
        QCOMPARE(QByteArray::fromBase64(e.value("body").toString().toLatin1()), in.body);
        QVERIFY(isBinaryMediaType("image/png", {"image/*"}));
        QVERIFY(isBinaryMediaType("application/octet-stream; charset=x", {"application/octet-stream"}));
        QVERIFY(!isBinaryMediaType("application/json", {"image/*"}));
        QVERIFY(isBinaryMediaType("application/json", {"*/*"}));
        QVERIFY(isTextContentType("application/json; charset=utf-8"));
        QVERIFY(isTextContentType("application/vnd.api+json"));
        QVERIFY(!isTextContentType("image/png"));
    }

    void httpEventV1HasVersionAndRouteKey()
    {
        const QJsonObject e = httpProxyEventV1(sampleInput());
        QCOMPARE(e.value("version").toString(), QStringLiteral("1.0"));
        QCOMPARE(e.value("requestContext").toObject().value("routeKey").toString(),
                 QStringLiteral("POST /pets/{petId}"));
        QVERIFY(e.value("multiValueHeaders").isObject());
    }

    void httpEventV2()
    {
        const QJsonObject e = httpProxyEventV2(sampleInput());
        QCOMPARE(e.value("version").toString(), QStringLiteral("2.0"));
        QCOMPARE(e.value("routeKey").toString(), QStringLiteral("POST /pets/{petId}"));
        QCOMPARE(e.value("rawPath").toString(), QStringLiteral("/pets/7"));
        QCOMPARE(e.value("rawQueryString").toString(), QStringLiteral("a=1&a=2&b=hello%20world&c=x+y"));
        QCOMPARE(e.value("cookies").toArray(), QJsonArray({"s=1", "t=2"}));
        const QJsonObject headers = e.value("headers").toObject();
        QCOMPARE(headers.value("x-dup").toString(), QStringLiteral("one,two")); // lower-case, joined
        QVERIFY(!headers.contains("cookie"));
        QVERIFY(!e.contains("multiValueHeaders"));
        QCOMPARE(e.value("queryStringParameters").toObject().value("a").toString(), QStringLiteral("1,2"));
        const QJsonObject rc = e.value("requestContext").toObject();
        QCOMPARE(rc.value("http").toObject().value("method").toString(), QStringLiteral("POST"));
        QCOMPARE(rc.value("http").toObject().value("userAgent").toString(), QStringLiteral("curl/7.88"));
        QCOMPARE(rc.value("time").toString(), QStringLiteral("22/Nov/2026:07:05:09 +0000"));
        QCOMPARE(rc.value("routeKey").toString(), QStringLiteral("POST /pets/{petId}"));

        ProxyEventInput bare = sampleInput();
        bare.rawQuery.clear();
        bare.pathParameters.clear();
        bare.stageVariables.clear();
        bare.body.clear();
        bare.headers = {{"Host", "h"}};
        const QJsonObject b = httpProxyEventV2(bare);
        for (const char *key : {"queryStringParameters", "pathParameters", "stageVariables", "body", "cookies"})
            QVERIFY2(!b.contains(QLatin1String(key)), key); // v2 omits what is absent
    }

    // AWS-validated REST cases (LocalStack's aws.validated tests, reference §1.17).
    void restResponseRules_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("status");
        QTest::newRow("plain") << QByteArray(R"({"statusCode":201,"body":"hi"})") << true << 201;
        QTest::newRow("string status") << QByteArray(R"({"statusCode":"201"})") << true << 201;
        QTest::newRow("only headers") << QByteArray(R"({"headers":{"a":"b"}})") << true << 200;
        QTest::newRow("unknown key") << QByteArray(R"({"statusCode":200,"wrongValue":1})") << false << 0;
        QTest::newRow("multiValueHeaders not a list") << QByteArray(R"({"statusCode":200,"multiValueHeaders":{"a":"b"}})") << false << 0;
        QTest::newRow("bad status") << QByteArray(R"({"statusCode":"test"})") << false << 0;
        QTest::newRow("bare string") << QByteArray(R"("justAString")") << false << 0;
        QTest::newRow("non-string body") << QByteArray(R"({"statusCode":200,"body":{"a":1}})") << false << 0;
        QTest::newRow("not json") << QByteArray("oops") << false << 0;
        QTest::newRow("null") << QByteArray("null") << false << 0;
    }

    void restResponseRules()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, ok);
        QFETCH(int, status);
        const ProxyResponse r = parseRestProxyResponse(payload, {}, "application/json");
        QCOMPARE(r.ok, ok);
        if (ok)
            QCOMPARE(r.response.status, status);
        else
            QVERIFY(!r.malformedReason.isEmpty());
    }

    void restHeadersMergeAndBooleans()
    {
        const ProxyResponse r = parseRestProxyResponse(
            R"({"statusCode":200,"headers":{"X-A":"1","X-Flag":true,"X-N":5},
                "multiValueHeaders":{"X-A":["0","1"],"Set-Cookie":["a=1","b=2"]}})", {}, "");
        QVERIFY(r.ok);
        QCOMPARE(headerValues(r.response.headers, "X-A"), QList<QByteArray>({"0", "1"}));
        QCOMPARE(r.response.header("X-Flag"), QByteArray("true"));
        QCOMPARE(r.response.header("X-N"), QByteArray("5"));
        QCOMPARE(headerValues(r.response.headers, "Set-Cookie").size(), 2);
    }

    void restBase64OnlyWhenAcceptIsBinary()
    {
        const QByteArray payload = R"({"statusCode":200,"body":"aGVsbG8=","isBase64Encoded":true})";
        QCOMPARE(parseRestProxyResponse(payload, {"image/png"}, "image/png").response.body, QByteArray("hello"));
        QCOMPARE(parseRestProxyResponse(payload, {"image/png"}, "application/json").response.body,
                 QByteArray("aGVsbG8="));
        QCOMPARE(parseHttpProxyResponseV1(payload).response.body, QByteArray("hello"));
    }

    void httpV1ToleratesExtraKeys()
    {
        const ProxyResponse r = parseHttpProxyResponseV1(R"({"statusCode":202,"extra":1})");
        QVERIFY(r.ok);
        QCOMPARE(r.response.status, 202);
    }

    void httpV2Inference()
    {
        ProxyResponse r = parseHttpProxyResponseV2(R"("Hello from Lambda!")");
        QVERIFY(r.ok);
        QCOMPARE(r.response.status, 200);
        QCOMPARE(r.response.body, QByteArray("Hello from Lambda!"));
        QCOMPARE(r.response.header("content-type"), QByteArray("application/json"));

        r = parseHttpProxyResponseV2(R"({"message":"hi"})");
        QVERIFY(r.ok);
        QCOMPARE(r.response.status, 200);
        QCOMPARE(r.response.body, QByteArray(R"({"message":"hi"})"));

        r = parseHttpProxyResponseV2("42");
        QVERIFY(r.ok);
        QCOMPARE(r.response.body, QByteArray("42"));

        r = parseHttpProxyResponseV2(R"({"statusCode":201,"cookies":["a=1","b=2; Secure"],"headers":{"x":"y"},"body":"ok"})");
        QVERIFY(r.ok);
        QCOMPARE(r.response.status, 201);
        QCOMPARE(headerValues(r.response.headers, "Set-Cookie"), QList<QByteArray>({"a=1", "b=2; Secure"}));
        QCOMPARE(r.response.body, QByteArray("ok"));

        QVERIFY(!parseHttpProxyResponseV2("not json {").ok);
        QVERIFY(!parseHttpProxyResponseV2(R"({"statusCode":"abc"})").ok);
    }
};

QTEST_GUILESS_MAIN(TestLambdaProxy)
#include "tst_lambdaproxy.moc"
