// End to end through the gateway: real HTTP over loopback into RuntimeHost, Lambda proxy
// integrations running real Python and Node processes written by the test. Checks what a user of
// the served API sees — the events per payload version (the functions echo them), AWS's response
// rules and error statuses, timeout and crash recovery — and what the trace tells them.
#include "runtime/runtimehost.h"
#include "runtime/lambda/functionhost.h"
#include "runtime/trace/trace.h"

#include "tests/runtime/rawhttpclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw::Runtime;
using GwTest::RawHttpClient;
using GwTest::RawResponse;

namespace {

// Echoes the event, or misbehaves on purpose depending on the last path segment.
const char *pythonHandler = R"PY(
import json, os, time

def handler(event, context):
    path = event.get("path") or event.get("rawPath") or ""
    last = path.rstrip("/").split("/")[-1]
    if last == "raise":
        raise ValueError("boom from python")
    if last == "sleep":
        time.sleep(10)
    if last == "crash":
        os._exit(7)
    if last == "badstatus":
        return {"statusCode": "two hundred", "body": "x"}
    if last == "unknownkey":
        return {"statusCode": 200, "body": "x", "colour": "blue"}
    if last == "nonstringbody":
        return {"statusCode": 200, "body": {"an": "object"}}
    if last == "pid":
        return {"statusCode": 200, "body": str(os.getpid())}
    if last == "multi":
        return {"statusCode": 201, "headers": {"x-one": "1"},
                "multiValueHeaders": {"x-many": ["a", "b"]}, "body": "multi"}
    print("event path " + path)
    return {"statusCode": 200, "headers": {"content-type": "application/json"},
            "body": json.dumps({"event": event, "remaining": context.get_remaining_time_in_millis() > 0,
                                "requestId": context.aws_request_id})}
)PY";

const char *nodeHandler = R"JS(
exports.handler = async (event, context) => {
  const path = event.rawPath || event.path || '';
  const last = path.replace(/\/$/, '').split('/').pop();
  if (last === 'infer') return { hello: 'world' };
  if (last === 'bare') return 'just a string';
  if (last === 'cookies') return { statusCode: 200, cookies: ['a=1; Path=/', 'b=2'], body: 'with cookies' };
  if (last === 'raise') throw new Error('boom from node');
  return { statusCode: 200, headers: { 'content-type': 'application/json' },
           body: JSON.stringify({ event, requestId: context.awsRequestId }) };
};
)JS";

QJsonObject bodyJson(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class tst_LambdaGateway : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_restPort = 0;
    quint16 m_httpPort = 0;

    static Gw::Model::LocalFunction function(const QString &name, const QString &runtime,
                                             const QString &handler, const QString &dir, int timeout)
    {
        Gw::Model::LocalFunction f;
        f.id = QStringLiteral("fn_") + name;
        f.name = name;
        f.runtime = runtime;
        f.handler = handler;
        f.codeDirectory = dir;
        f.timeout = timeout;
        f.concurrency = 2;
        f.environment.insert(QStringLiteral("GREETING"), QStringLiteral("hello"));
        return f;
    }

    static Gw::Model::Integration lambda(const QString &name, const QString &version = {})
    {
        Gw::Model::Integration in;
        in.type = Gw::Model::IntegrationType::AwsProxy;
        in.httpMethod = QStringLiteral("POST");
        in.functionName = name;
        if (!version.isEmpty())
            in.payloadFormatVersion = version;
        return in;
    }

    std::shared_ptr<Gw::Model::ApiDocument> document() const
    {
        auto doc = std::make_shared<Gw::Model::ApiDocument>();
        doc->name = QStringLiteral("lambda e2e");
        doc->functions = {function(QStringLiteral("py"), QStringLiteral("python3.11"),
                                   QStringLiteral("app.handler"), QStringLiteral("py"), 1),
                          function(QStringLiteral("node"), QStringLiteral("nodejs20.x"),
                                   QStringLiteral("index.handler"), QStringLiteral("node"), 3)};

        // REST: /items/{id} and /{proxy+} → Python, stage "dev" with a stage variable.
        Gw::Model::Api rest;
        rest.id = QStringLiteral("api_rest");
        rest.name = QStringLiteral("rest");
        rest.type = Gw::Model::ApiType::Rest;
        Gw::Model::Resource root;
        root.id = QStringLiteral("res_root");
        Gw::Model::Resource items;
        items.id = QStringLiteral("res_items");
        items.parentId = root.id;
        items.pathPart = QStringLiteral("items");
        Gw::Model::Resource item;
        item.id = QStringLiteral("res_item");
        item.parentId = items.id;
        item.pathPart = QStringLiteral("{id}");
        Gw::Model::Method get;
        get.id = QStringLiteral("mth_item_get");
        get.httpMethod = QStringLiteral("ANY");
        get.integration = lambda(QStringLiteral("py"));
        item.methods.append(get);
        Gw::Model::Resource proxy;
        proxy.id = QStringLiteral("res_proxy");
        proxy.parentId = root.id;
        proxy.pathPart = QStringLiteral("{proxy+}");
        Gw::Model::Method any = get;
        any.id = QStringLiteral("mth_proxy_any");
        proxy.methods.append(any);
        rest.resources = {root, items, item, proxy};
        Gw::Model::Stage dev;
        dev.name = QStringLiteral("dev");
        dev.variables.insert(QStringLiteral("colour"), QStringLiteral("green"));
        rest.stages.append(dev);

        // HTTP API: payload 2.0 to Node, 1.0 to Python, and a 2.0 Python route for errors.
        Gw::Model::Api http;
        http.id = QStringLiteral("api_http");
        http.name = QStringLiteral("http");
        http.type = Gw::Model::ApiType::Http;
        Gw::Model::Route v2;
        v2.id = QStringLiteral("rt_v2");
        v2.routeKey = QStringLiteral("ANY /v2/{proxy+}");
        v2.integration = lambda(QStringLiteral("node"), QStringLiteral("2.0"));
        Gw::Model::Route v1;
        v1.id = QStringLiteral("rt_v1");
        v1.routeKey = QStringLiteral("GET /v1/{name}");
        v1.integration = lambda(QStringLiteral("py"), QStringLiteral("1.0"));
        Gw::Model::Route pyv2;
        pyv2.id = QStringLiteral("rt_py");
        pyv2.routeKey = QStringLiteral("GET /py/{what}");
        pyv2.integration = lambda(QStringLiteral("py"), QStringLiteral("2.0"));
        http.routes = {v2, v1, pyv2};
        Gw::Model::Stage def;
        def.name = QStringLiteral("$default");
        http.stages.append(def);

        doc->apis = {rest, http};
        return doc;
    }

    RawResponse call(quint16 port, const QByteArray &method, const QByteArray &target,
                     const QByteArray &extraHeaders = {}, const QByteArray &body = {})
    {
        RawHttpClient client;
        if (!client.connectTo(port))
            return {};
        QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
        if (!body.isEmpty())
            request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        request += "\r\n" + body;
        client.send(request);
        return client.read(false, 20000);
    }

    static bool writeFile(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            QFAIL("python3 and node are needed (scripts/setup.sh installs them)");
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("py/app.py")), pythonHandler));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("node/index.js")), nodeHandler));

        m_host = std::make_unique<RuntimeHost>();
        RuntimeOptions options;
        options.projectDir = m_dir.path();
        QString error;
        QVERIFY2(m_host->start(document(), options, &error), qPrintable(error));
        const QList<ApiEndpoint> endpoints = m_host->endpoints();
        QCOMPARE(endpoints.size(), 2);
        for (const ApiEndpoint &e : endpoints) {
            (e.apiId == QLatin1String("api_rest") ? m_restPort : m_httpPort) = quint16(e.baseUrl.port());
        }
        QVERIFY(m_restPort && m_httpPort);
    }

    void cleanupTestCase()
    {
        m_host.reset();
    }

    void restEventHasEveryV1Field()
    {
        const RawResponse r = call(m_restPort, "POST", "/dev/items/42?a=1&a=2&b=x",
                                   "X-Multi: one\r\nX-Multi: two\r\nContent-Type: text/plain\r\n",
                                   "hello body");
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QVERIFY(r.hasHeader("x-amzn-RequestId"));
        const QJsonObject answer = bodyJson(r);
        const QJsonObject e = answer.value(QLatin1String("event")).toObject();
        QCOMPARE(e.value(QLatin1String("resource")).toString(), QStringLiteral("/items/{id}"));
        QCOMPARE(e.value(QLatin1String("path")).toString(), QStringLiteral("/items/42"));
        QCOMPARE(e.value(QLatin1String("httpMethod")).toString(), QStringLiteral("POST"));
        QCOMPARE(e.value(QLatin1String("body")).toString(), QStringLiteral("hello body"));
        QCOMPARE(e.value(QLatin1String("isBase64Encoded")).toBool(true), false);
        QCOMPARE(e.value(QLatin1String("pathParameters")).toObject().value(QLatin1String("id")).toString(),
                 QStringLiteral("42"));
        // Last value wins in the single-value map; every value in the multi-value one.
        QCOMPARE(e.value(QLatin1String("queryStringParameters")).toObject().value(QLatin1String("a")).toString(),
                 QStringLiteral("2"));
        QCOMPARE(e.value(QLatin1String("multiValueQueryStringParameters")).toObject().value(QLatin1String("a")).toArray(),
                 QJsonArray({QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(e.value(QLatin1String("multiValueHeaders")).toObject().value(QLatin1String("X-Multi")).toArray(),
                 QJsonArray({QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(e.value(QLatin1String("stageVariables")).toObject().value(QLatin1String("colour")).toString(),
                 QStringLiteral("green"));
        const QJsonObject rc = e.value(QLatin1String("requestContext")).toObject();
        QCOMPARE(rc.value(QLatin1String("stage")).toString(), QStringLiteral("dev"));
        QCOMPARE(rc.value(QLatin1String("resourcePath")).toString(), QStringLiteral("/items/{id}"));
        QCOMPARE(rc.value(QLatin1String("path")).toString(), QStringLiteral("/dev/items/42"));
        QCOMPARE(rc.value(QLatin1String("requestId")).toString(), QString::fromLatin1(r.header("x-amzn-RequestId")));
        QCOMPARE(rc.value(QLatin1String("identity")).toObject().value(QLatin1String("sourceIp")).toString(),
                 QStringLiteral("127.0.0.1"));
        QVERIFY(answer.value(QLatin1String("remaining")).toBool());
        QVERIFY(!answer.value(QLatin1String("requestId")).toString().isEmpty());
    }

    void restGetHasNullBodyAndNullMaps()
    {
        const RawResponse r = call(m_restPort, "GET", "/dev/some/greedy/path");
        QCOMPARE(r.status, 200);
        const QJsonObject e = bodyJson(r).value(QLatin1String("event")).toObject();
        QCOMPARE(e.value(QLatin1String("resource")).toString(), QStringLiteral("/{proxy+}"));
        QCOMPARE(e.value(QLatin1String("pathParameters")).toObject().value(QLatin1String("proxy")).toString(),
                 QStringLiteral("some/greedy/path"));
        QVERIFY(e.value(QLatin1String("body")).isNull());
        QVERIFY(e.value(QLatin1String("queryStringParameters")).isNull());
        QVERIFY(e.value(QLatin1String("multiValueQueryStringParameters")).isNull());
    }

    void httpPayload2Event()
    {
        const RawResponse r = call(m_httpPort, "PUT", "/v2/a/b?x=1&x=2",
                                   "Cookie: c1=v1; c2=v2\r\nContent-Type: application/json\r\n",
                                   "{\"k\":1}");
        QCOMPARE(r.status, 200);
        QVERIFY(r.hasHeader("apigw-requestid"));
        const QJsonObject e = bodyJson(r).value(QLatin1String("event")).toObject();
        QCOMPARE(e.value(QLatin1String("version")).toString(), QStringLiteral("2.0"));
        QCOMPARE(e.value(QLatin1String("routeKey")).toString(), QStringLiteral("ANY /v2/{proxy+}"));
        QCOMPARE(e.value(QLatin1String("rawPath")).toString(), QStringLiteral("/v2/a/b"));
        QCOMPARE(e.value(QLatin1String("rawQueryString")).toString(), QStringLiteral("x=1&x=2"));
        QCOMPARE(e.value(QLatin1String("queryStringParameters")).toObject().value(QLatin1String("x")).toString(),
                 QStringLiteral("1,2"));
        QCOMPARE(e.value(QLatin1String("cookies")).toArray(),
                 QJsonArray({QStringLiteral("c1=v1"), QStringLiteral("c2=v2")}));
        QCOMPARE(e.value(QLatin1String("body")).toString(), QStringLiteral("{\"k\":1}"));
        QCOMPARE(e.value(QLatin1String("pathParameters")).toObject().value(QLatin1String("proxy")).toString(),
                 QStringLiteral("a/b"));
        const QJsonObject http = e.value(QLatin1String("requestContext")).toObject().value(QLatin1String("http")).toObject();
        QCOMPARE(http.value(QLatin1String("method")).toString(), QStringLiteral("PUT"));
        QCOMPARE(http.value(QLatin1String("path")).toString(), QStringLiteral("/v2/a/b"));
        QCOMPARE(e.value(QLatin1String("requestContext")).toObject().value(QLatin1String("stage")).toString(),
                 QStringLiteral("$default"));
    }

    void httpPayload1Event()
    {
        const RawResponse r = call(m_httpPort, "GET", "/v1/alice");
        QCOMPARE(r.status, 200);
        const QJsonObject e = bodyJson(r).value(QLatin1String("event")).toObject();
        QCOMPARE(e.value(QLatin1String("version")).toString(), QStringLiteral("1.0"));
        QCOMPARE(e.value(QLatin1String("resource")).toString(), QStringLiteral("/v1/{name}"));
        QCOMPARE(e.value(QLatin1String("httpMethod")).toString(), QStringLiteral("GET"));
        QCOMPARE(e.value(QLatin1String("pathParameters")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("alice"));
        QVERIFY(e.contains(QLatin1String("multiValueHeaders")));
    }

    void v2ResponseInferenceAndCookies()
    {
        RawResponse r = call(m_httpPort, "GET", "/v2/infer");
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("hello")).toString(),
                 QStringLiteral("world"));
        QVERIFY(r.header("Content-Type").startsWith("application/json"));

        r = call(m_httpPort, "GET", "/v2/bare");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("just a string"));

        r = call(m_httpPort, "GET", "/v2/cookies");
        QCOMPARE(r.status, 200);
        QList<QByteArray> cookies;
        for (const auto &h : r.headers) {
            if (h.first.compare("Set-Cookie", Qt::CaseInsensitive) == 0)
                cookies.append(h.second);
        }
        QCOMPARE(cookies, QList<QByteArray>({"a=1; Path=/", "b=2"}));
    }

    void restMultiValueHeadersMerged()
    {
        const RawResponse r = call(m_restPort, "GET", "/dev/x/multi");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("x-one"), QByteArray("1"));
        QList<QByteArray> many;
        for (const auto &h : r.headers) {
            if (h.first.compare("x-many", Qt::CaseInsensitive) == 0)
                many.append(h.second);
        }
        QCOMPARE(many, QList<QByteArray>({"a", "b"}));
    }

    void malformedResponsesAre502OnRest()
    {
        for (const QByteArray last : {"badstatus", "unknownkey", "nonstringbody"}) {
            const RawResponse r = call(m_restPort, "GET", "/dev/x/" + last);
            QCOMPARE(r.status, 502);
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("message")).toString(),
                     QStringLiteral("Internal server error"));
        }
    }

    void functionErrors()
    {
        RawResponse r = call(m_restPort, "GET", "/dev/x/raise");
        QCOMPARE(r.status, 502);
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("InternalServerErrorException"));
        r = call(m_httpPort, "GET", "/v2/raise");
        QCOMPARE(r.status, 500);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("message")).toString(),
                 QStringLiteral("Internal Server Error"));
    }

    void timeoutKillsAndNextCallRecovers()
    {
        // The function's own timeout (1 s) ends the call: 504 on REST, 503 on HTTP APIs.
        RawResponse r = call(m_restPort, "GET", "/dev/x/sleep");
        QCOMPARE(r.status, 504);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("message")).toString(),
                 QStringLiteral("Endpoint request timed out"));
        r = call(m_httpPort, "GET", "/py/sleep");
        QCOMPARE(r.status, 503);
        r = call(m_restPort, "GET", "/dev/x/fine");
        QCOMPARE(r.status, 200);
    }

    void crashIs502AndNextCallRecovers()
    {
        RawResponse r = call(m_restPort, "GET", "/dev/x/crash");
        QCOMPARE(r.status, 502);
        r = call(m_restPort, "GET", "/dev/x/after-crash");
        QCOMPARE(r.status, 200);
    }

    void warmProcessIsReused()
    {
        const RawResponse first = call(m_restPort, "GET", "/dev/x/pid");
        const RawResponse second = call(m_restPort, "GET", "/dev/x/pid");
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        QCOMPARE(first.body, second.body); // sequential calls land on the same warm process
        QVERIFY(m_host->functionHost()->processCount(QStringLiteral("py")) >= 1);
    }

    void traceCarriesFunctionLogsAndEvent()
    {
        QSignalSpy spy(m_host.get(), &RuntimeHost::traceRecorded);
        const RawResponse r = call(m_restPort, "GET", "/dev/items/logme");
        QCOMPARE(r.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 5000);
        TracePtr trace;
        for (const QList<QVariant> &args : spy) {
            const TracePtr t = args.first().value<TracePtr>();
            if (t->path.endsWith(QLatin1String("/items/logme")))
                trace = t;
        }
        QVERIFY(trace);
        const QString log = trace->integrationLog.join(QLatin1Char('\n'));
        QVERIFY2(log.contains(QLatin1String("START RequestId:")), qPrintable(log));
        QVERIFY(log.contains(QLatin1String("event path /items/logme")));
        QVERIFY(log.contains(QLatin1String("REPORT RequestId:")));
        QVERIFY(trace->endpointRequestBody.contains("\"resource\":\"/items/{id}\""));
        bool integrateNoted = false;
        for (const TraceStep &s : trace->steps) {
            if (s.name == QLatin1String("integrate")) {
                for (const QString &n : s.notes)
                    integrateNoted |= n.contains(QLatin1String("invoking local function py"));
            }
        }
        QVERIFY(integrateNoted);
    }
};

QTEST_GUILESS_MAIN(tst_LambdaGateway)
#include "tst_lambdagateway.moc"
