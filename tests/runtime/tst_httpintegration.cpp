// Tests HTTP and HTTP_PROXY integrations over real loopback sockets: a client talks to the
// gateway (RuntimeHost), the gateway to a backend this test runs. Covers stage variables in the
// URI, greedy and named path variables, query/headers/body forwarding, keep-alive to the backend,
// AWS's timeout answers (REST 504, HTTP API 503), unreachable backends, HTTP API parameter
// mapping with reserved headers, REST request parameters and the benchmark's HTTP_PROXY route.
#include "runtime/gateway.h"
#include "runtime/integrations/parametermapping.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/router.h"
#include "runtime/runtimehost.h"
#include "runtime/trace/tracering.h"

#include "model/serialization/projectfile.h"

#include "tests/runtime/httpbackendfixture.h"
#include "tests/runtime/rawhttpclient.h"
#include "tests/runtime/testdocuments.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Gw::Runtime;
using namespace Gw::Model;
using namespace GwTest;

namespace {

Method httpMethod(const QString &verb, IntegrationType type, const QString &uri,
                  const QString &integrationMethod = QStringLiteral("ANY"))
{
    Method m;
    m.id = QStringLiteral("mth_") + verb.toLower();
    m.httpMethod = verb;
    m.integration.type = type;
    m.integration.uri = uri;
    m.integration.httpMethod = integrationMethod;
    return m;
}

QByteArray requestBytes(const QByteArray &method, const QByteArray &target,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {},
                        const QByteArray &body = {})
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    if (!body.isEmpty())
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

QJsonObject json(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// A port nothing listens on: bound once, then released.
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace

class tst_HttpIntegration : public QObject
{
    Q_OBJECT

    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_port = 0;

    bool serve(const Api &api)
    {
        m_host = std::make_unique<RuntimeHost>();
        RuntimeOptions options;
        QString error;
        if (!m_host->start(documentWith(api), options, &error)) {
            qWarning() << error;
            return false;
        }
        m_port = quint16(m_host->endpoints().first().baseUrl.port());
        return true;
    }

    RawResponse call(const QByteArray &method, const QByteArray &target,
                     const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {})
    {
        RawHttpClient client;
        if (!client.connectTo(m_port))
            return {};
        return client.request(requestBytes(method, target, headers, body), method == "HEAD");
    }

    // The trace of a finished request (traces reach the ring right after the answer is sent).
    TracePtr traceOf(const RawResponse &r)
    {
        const QByteArray restId = r.header("x-amzn-RequestId");
        const QByteArray httpId = r.header("apigw-requestid");
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5000) {
            for (const TracePtr &t : m_host->traces()->latest(50)) {
                if ((!restId.isEmpty() && t->requestId == QString::fromLatin1(restId))
                    || (!httpId.isEmpty() && headerValue(t->responseHeaders, "apigw-requestid") == httpId))
                    return t;
            }
            QTest::qWait(10);
        }
        return {};
    }

private Q_SLOTS:
    void cleanup() { m_host.reset(); }

    void restProxyWithStageVariablesAndGreedyPath()
    {
        HttpBackendFixture backend([](const BackendSeenRequest &r) {
            return BackendReply::echo(r, 201, {{"X-Backend", "yes"}, {"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"},
                                               {"Date", "Mon, 01 Jan 2024 00:00:00 GMT"}});
        });
        QVERIFY(backend.start());
        Api api = restApi();
        api.stages[0].variables.insert(QStringLiteral("backend"), QStringLiteral("127.0.0.1:%1").arg(backend.port()));
        api.stages[0].variables.insert(QStringLiteral("base"), QStringLiteral("v1"));
        const QString pets = addResource(api, QStringLiteral("res_root"), QStringLiteral("pets"));
        addResource(api, pets, QStringLiteral("{proxy+}"),
                    {httpMethod(QStringLiteral("ANY"), IntegrationType::HttpProxy,
                                QStringLiteral("http://${stageVariables.backend}/${stageVariables.base}/{proxy}"))});
        QVERIFY(serve(api));

        const RawResponse r = call("POST", "/dev/pets/a/b%20c?x=1&y=two&x=3",
                                   {{"X-Custom", "v1"}, {"X-Multi", "m1"}, {"X-Multi", "m2"},
                                    {"Content-Type", "text/plain"}},
                                   "hello backend");
        QVERIFY(r.complete);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("X-Backend"), QByteArray("yes"));
        int cookies = 0;
        for (const auto &h : r.headers)
            cookies += h.first.compare("Set-Cookie", Qt::CaseInsensitive) == 0;
        QCOMPARE(cookies, 2); // repeated backend headers stay repeated
        // REST keeps the backend's Date aside; the gateway's own Date is the only Date.
        QCOMPARE(r.header("x-amzn-Remapped-Date"), QByteArray("Mon, 01 Jan 2024 00:00:00 GMT"));
        int dates = 0;
        for (const auto &h : r.headers)
            dates += h.first.compare("Date", Qt::CaseInsensitive) == 0;
        QCOMPARE(dates, 1);
        QVERIFY(r.header("Date") != "Mon, 01 Jan 2024 00:00:00 GMT");
        QVERIFY(r.hasHeader("x-amzn-RequestId"));

        const QJsonObject seen = json(r);
        QCOMPARE(seen.value("method").toString(), QStringLiteral("POST"));
        QCOMPARE(seen.value("target").toString(), QStringLiteral("/v1/a/b%20c?x=1&y=two&x=3"));
        QCOMPARE(seen.value("body").toString(), QStringLiteral("hello backend"));
        const QJsonObject headers = seen.value("headers").toObject();
        QCOMPARE(headers.value("x-custom").toString(), QStringLiteral("v1"));
        QCOMPARE(headers.value("x-multi").toString(), QStringLiteral("m1,m2"));
        QCOMPARE(headers.value("content-type").toString(), QStringLiteral("text/plain"));
        QCOMPARE(headers.value("host").toString(), QStringLiteral("127.0.0.1:%1").arg(backend.port()));
        QCOMPARE(headers.value("x-forwarded-for").toString(), QStringLiteral("127.0.0.1"));

        const TracePtr t = traceOf(r);
        QVERIFY(t);
        QCOMPARE(t->endpointUri, QStringLiteral("http://127.0.0.1:%1/v1/a/b%20c?x=1&y=two&x=3").arg(backend.port()));
        QCOMPARE(t->endpointStatus, 201);
        QCOMPARE(t->endpointRequestBody, QByteArray("hello backend"));
        QCOMPARE(headerValue(t->endpointRequestHeaders, "Host"), QStringLiteral("127.0.0.1:%1").arg(backend.port()).toUtf8());
        QCOMPARE(headerValue(t->endpointResponseHeaders, "X-Backend"), QByteArray("yes"));
    }

    void restProxyFixedMethodAndUriQuery()
    {
        HttpBackendFixture backend;
        QVERIFY(backend.start());
        Api api = restApi();
        const QString items = addResource(api, QStringLiteral("res_root"), QStringLiteral("items"));
        addResource(api, items, QStringLiteral("{id}"),
                    {httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy,
                                QStringLiteral("http://127.0.0.1:%1/store/{id}/detail?fixed=1").arg(backend.port()),
                                QStringLiteral("PUT"))});
        QVERIFY(serve(api));
        const RawResponse r = call("GET", "/dev/items/a%2Fb?q=2");
        QCOMPARE(r.status, 200);
        const QJsonObject seen = json(r);
        QCOMPARE(seen.value("method").toString(), QStringLiteral("PUT")); // the integration's method
        // A non-greedy variable is encoded whole ('/' included); the URI's own query comes first.
        QCOMPARE(seen.value("target").toString(), QStringLiteral("/store/a%2Fb/detail?fixed=1&q=2"));
    }

    void keepsBackendConnectionsAlive()
    {
        HttpBackendFixture backend;
        QVERIFY(backend.start());
        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("k"),
                    {httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy,
                                QStringLiteral("http://127.0.0.1:%1/k").arg(backend.port()))});
        QVERIFY(serve(api));
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        for (int i = 0; i < 20; ++i) {
            const RawResponse r = client.request(requestBytes("GET", "/dev/k?i=" + QByteArray::number(i)));
            QCOMPARE(r.status, 200);
            QCOMPARE(json(r).value("target").toString(), QStringLiteral("/k?i=%1").arg(i));
        }
        QCOMPARE(backend.requestCount(), 20);
        // One client connection stays on one worker, whose client reuses one backend connection.
        QCOMPARE(backend.connectionCount(), 1);
    }

    void backendClosingKeptConnectionIsRetried()
    {
        // The backend answers, then closes every connection: the kept-alive connection the
        // gateway reuses is dead, and the gateway must open a fresh one without failing.
        HttpBackendFixture backend([](const BackendSeenRequest &r) {
            return BackendReply::andClose(BackendReply::echo(r));
        });
        QVERIFY(backend.start());
        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("c"),
                    {httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy,
                                QStringLiteral("http://127.0.0.1:%1/c").arg(backend.port()))});
        QVERIFY(serve(api));
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        for (int i = 0; i < 5; ++i) {
            // The client's Connection header is hop-by-hop: never forwarded.
            const RawResponse r = client.request(requestBytes("GET", "/dev/c", {{"Connection", "keep-alive"}}));
            QCOMPARE(r.status, 200);
            QVERIFY(!json(r).value("headers").toObject().contains("connection"));
        }
        QCOMPARE(backend.requestCount(), 5);
        QCOMPARE(backend.connectionCount(), 5);
    }

    void backendFramings()
    {
        // Chunked answers, answers ended by closing the connection, and large bodies both ways.
        const QByteArray big(1024 * 1024 + 7, 'x');
        HttpBackendFixture backend([big](const BackendSeenRequest &r) {
            if (r.target == "/chunked")
                return BackendReply{BackendReply::Kind::Answer,
                                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Framing: chunked\r\n\r\n"
                                    "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n"};
            if (r.target == "/eof")
                return BackendReply{BackendReply::Kind::AnswerAndClose,
                                    "HTTP/1.1 202 Accepted\r\nConnection: close\r\n\r\nuntil the end"};
            return BackendReply::answer(200, r.body == big ? big : QByteArray("body differs"));
        });
        QVERIFY(backend.start());
        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("{proxy+}"),
                    {httpMethod(QStringLiteral("ANY"), IntegrationType::HttpProxy,
                                QStringLiteral("http://127.0.0.1:%1/{proxy}").arg(backend.port()))});
        QVERIFY(serve(api));
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        RawResponse r = client.request(requestBytes("GET", "/dev/chunked"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("hello, world"));
        QCOMPARE(r.header("X-Framing"), QByteArray("chunked"));
        QVERIFY(!r.hasHeader("Transfer-Encoding")); // the gateway frames its answer itself
        r = client.request(requestBytes("GET", "/dev/eof"));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.body, QByteArray("until the end"));
        r = client.request(requestBytes("PUT", "/dev/big", {{"Content-Type", "application/octet-stream"}}, big));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), big.size());
        QVERIFY(r.body == big);
    }

    void httpApiGreedyAndDefaultRoute()
    {
        HttpBackendFixture backend;
        QVERIFY(backend.start());
        Api api = httpApi();
        Route greedy = route(QStringLiteral("ANY /api/{proxy+}"));
        greedy.integration.uri = QStringLiteral("http://127.0.0.1:%1/v2/{proxy}").arg(backend.port());
        api.routes.append(greedy);
        Route fallback = route(QStringLiteral("$default"));
        fallback.integration.uri = QStringLiteral("http://127.0.0.1:%1/root/").arg(backend.port());
        api.routes.append(fallback);
        QVERIFY(serve(api));

        RawResponse r = call("DELETE", "/api/x/y?q=1&q=2", {{"X-In", "1"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.hasHeader("apigw-requestid"));
        QCOMPARE(json(r).value("method").toString(), QStringLiteral("DELETE"));
        QCOMPARE(json(r).value("target").toString(), QStringLiteral("/v2/x/y?q=1&q=2"));
        QVERIFY(json(r).value("headers").toObject().value("forwarded").toString().contains("for=127.0.0.1"));

        // The $default route forwards the whole request path.
        r = call("GET", "/some/where?z=9");
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value("target").toString(), QStringLiteral("/root/some/where?z=9"));
    }

    void restTimeoutAnswers504()
    {
        HttpBackendFixture backend([](const BackendSeenRequest &) { return BackendReply::stall(); });
        QVERIFY(backend.start());
        Api api = restApi();
        Method m = httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy,
                              QStringLiteral("http://127.0.0.1:%1/slow").arg(backend.port()));
        m.integration.timeoutInMillis = 200;
        addResource(api, QStringLiteral("res_root"), QStringLiteral("slow"), {m});
        QVERIFY(serve(api));
        QElapsedTimer timer;
        timer.start();
        const RawResponse r = call("GET", "/dev/slow");
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(r.status, 504);
        QCOMPARE(json(r).value("message").toString(), QStringLiteral("Endpoint request timed out"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("InternalServerErrorException"));
        QVERIFY2(elapsed >= 190 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        const TracePtr t = traceOf(r);
        QVERIFY(t);
        QCOMPARE(t->errorType, QStringLiteral("INTEGRATION_TIMEOUT"));
        QCOMPARE(t->executionFailure, QStringLiteral("Execution failed due to a timeout error"));
        QCOMPARE(backend.requestCount(), 1);
    }

    void httpApiTimeoutAnswers503()
    {
        HttpBackendFixture backend([](const BackendSeenRequest &) { return BackendReply::stall(); });
        QVERIFY(backend.start());
        Api api = httpApi();
        Route rt = route(QStringLiteral("GET /slow"));
        rt.integration.uri = QStringLiteral("http://127.0.0.1:%1/slow").arg(backend.port());
        rt.integration.timeoutInMillis = 200;
        api.routes.append(rt);
        QVERIFY(serve(api));
        const RawResponse r = call("GET", "/slow");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Service Unavailable\"}"));
        QVERIFY(r.hasHeader("apigw-requestid"));
    }

    void unreachableBackend()
    {
        const quint16 port = closedPort();
        Api rest = restApi();
        addResource(rest, QStringLiteral("res_root"), QStringLiteral("down"),
                    {httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy,
                                QStringLiteral("http://127.0.0.1:%1/").arg(port))});
        QVERIFY(serve(rest));
        RawResponse r = call("GET", "/dev/down");
        QCOMPARE(r.status, 500);
        QCOMPARE(json(r).value("message").toString(), QStringLiteral("Internal server error"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("InternalServerErrorException"));
        TracePtr t = traceOf(r);
        QVERIFY(t);
        QCOMPARE(t->errorType, QStringLiteral("INTEGRATION_FAILURE"));
        const TraceStep *integrate = nullptr;
        for (const TraceStep &s : t->steps) {
            if (s.name == QLatin1String("integrate"))
                integrate = &s;
        }
        QVERIFY(integrate);
        QVERIFY2(integrate->notes.join('\n').contains(QLatin1String("refused"), Qt::CaseInsensitive),
                 qPrintable(integrate->notes.join('\n')));

        Api http = httpApi();
        Route rt = route(QStringLiteral("GET /down"));
        rt.integration.uri = QStringLiteral("http://127.0.0.1:%1/").arg(port);
        http.routes.append(rt);
        QVERIFY(serve(http));
        r = call("GET", "/down");
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Internal Server Error\"}"));
    }

    void tlsFailureIsReported()
    {
        // A plain-HTTP backend behind an https:// URI: the TLS handshake fails.
        HttpBackendFixture backend;
        backend.setAnswerAnyBytes(true);
        QVERIFY(backend.start());
        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("tls"),
                    {httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy,
                                QStringLiteral("https://127.0.0.1:%1/").arg(backend.port()))});
        QVERIFY(serve(api));
        const RawResponse r = call("GET", "/dev/tls");
        QCOMPARE(r.status, 500);
        const TracePtr t = traceOf(r);
        QVERIFY(t);
        QVERIFY2(t->executionFailure.startsWith(QLatin1String("Execution failed due to configuration error")),
                 qPrintable(t->executionFailure));
    }

    void invalidUriIsConfigurationError()
    {
        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("bad"),
                    {httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, QStringLiteral("ftp://x/"))});
        // A stage variable the stage does not set leaves no host: the trace says which.
        addResource(api, QStringLiteral("res_root"), QStringLiteral("unset"),
                    {httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy,
                                QStringLiteral("http://${stageVariables.nowhere}/x"))});
        QVERIFY(serve(api));
        RawResponse r = call("GET", "/dev/bad");
        QCOMPARE(r.status, 500);
        QCOMPARE(traceOf(r)->errorType, QStringLiteral("API_CONFIGURATION_ERROR"));
        r = call("GET", "/dev/unset");
        QCOMPARE(r.status, 500);
        const TracePtr t = traceOf(r);
        QVERIFY(t);
        QCOMPARE(t->errorType, QStringLiteral("API_CONFIGURATION_ERROR"));
        QString notes;
        for (const TraceStep &s : t->steps)
            notes += s.notes.join('\n');
        QVERIFY2(notes.contains(QLatin1String("stage variable nowhere is not set on stage dev")), qPrintable(notes));
    }

    void httpApiParameterMapping()
    {
        HttpBackendFixture backend([](const BackendSeenRequest &r) {
            return BackendReply::echo(r, 200, {{"X-Backend", "b"}, {"X-Secret", "s"}});
        });
        QVERIFY(backend.start());
        Api api = httpApi();
        api.stages[0].variables.insert(QStringLiteral("color"), QStringLiteral("green"));
        Route rt = route(QStringLiteral("POST /users/{id}"));
        rt.integration.uri = QStringLiteral("http://127.0.0.1:%1/ignored").arg(backend.port());
        QMap<QString, QString> &p = rt.integration.requestParameters;
        p.insert(QStringLiteral("overwrite:header.x-user"), QStringLiteral("$request.path.id"));
        p.insert(QStringLiteral("append:header.x-list"), QStringLiteral("${stageVariables.color}-${request.querystring.q}"));
        p.insert(QStringLiteral("remove:header.x-drop"), QString());
        p.insert(QStringLiteral("overwrite:header.x-name"), QStringLiteral("$request.body.user.name"));
        p.insert(QStringLiteral("overwrite:header.x-req"), QStringLiteral("$context.requestId"));
        // A body value with a line break must not smuggle a header to the backend.
        p.insert(QStringLiteral("overwrite:header.x-evil"), QStringLiteral("$request.body.user.evil"));
        p.insert(QStringLiteral("append:querystring.added"), QStringLiteral("static value"));
        p.insert(QStringLiteral("remove:querystring.secret"), QString());
        p.insert(QStringLiteral("overwrite:path"), QStringLiteral("/backend/users/$request.path.id"));
        // Reserved: AWS refuses to map these.
        p.insert(QStringLiteral("overwrite:header.x-amz-date"), QStringLiteral("forged"));
        p.insert(QStringLiteral("overwrite:header.Host"), QStringLiteral("mapped.example")); // not reserved
        p.insert(QStringLiteral("overwrite:header.Authorization"), QStringLiteral("forged"));
        QMap<QString, QString> onOk;
        onOk.insert(QStringLiteral("overwrite:statuscode"), QStringLiteral("202"));
        onOk.insert(QStringLiteral("append:header.x-out"), QStringLiteral("from-$response.header.x-backend"));
        onOk.insert(QStringLiteral("overwrite:header.x-method"), QStringLiteral("$response.body.method"));
        onOk.insert(QStringLiteral("remove:header.x-secret"), QString());
        onOk.insert(QStringLiteral("overwrite:header.apigw-requestid"), QStringLiteral("forged"));
        onOk.insert(QStringLiteral("overwrite:header.x-evil-out"), QStringLiteral("$request.body.user.evil"));
        rt.integration.responseParameters.insert(QStringLiteral("200"), onOk);
        api.routes.append(rt);
        QVERIFY(serve(api));

        const RawResponse r = call("POST", "/users/42?q=blue&secret=1",
                                   {{"X-List", "first"}, {"X-Drop", "gone"}, {"Authorization", "Bearer t"},
                                    {"Content-Type", "application/json"}},
                                   R"({"user":{"name":"Ada","evil":"a\r\nX-Smuggled: yes"}})");
        QCOMPARE(r.status, 202); // overwrite:statuscode
        QCOMPARE(r.header("x-out"), QByteArray("from-b"));
        QCOMPARE(r.header("x-method"), QByteArray("POST"));
        QVERIFY(!r.hasHeader("x-secret"));
        QVERIFY(r.header("apigw-requestid") != "forged");
        QVERIFY(!r.hasHeader("x-evil-out"));
        QVERIFY(!r.hasHeader("X-Smuggled"));

        const QJsonObject seen = json(r);
        QCOMPARE(seen.value("target").toString(), QStringLiteral("/backend/users/42?q=blue&added=static%20value"));
        const QJsonObject h = seen.value("headers").toObject();
        QCOMPARE(h.value("x-user").toString(), QStringLiteral("42"));
        QCOMPARE(h.value("x-list").toString(), QStringLiteral("first,green-blue"));
        QVERIFY(!h.contains("x-drop"));
        QCOMPARE(h.value("x-name").toString(), QStringLiteral("Ada"));
        QVERIFY(!h.contains("x-smuggled"));
        QVERIFY(!h.contains("x-evil"));
        QCOMPARE(h.value("x-req").toString().size(), 36); // a request id (UUID)
        QVERIFY(!h.contains("x-amz-date"));
        QCOMPARE(h.value("host").toString(), QStringLiteral("mapped.example")); // one Host: the mapped one
        QCOMPARE(h.value("authorization").toString(), QStringLiteral("Bearer t")); // the client's, unmapped

        const TracePtr t = traceOf(r);
        QVERIFY(t);
        QString notes;
        for (const TraceStep &s : t->steps)
            notes += s.notes.join('\n');
        QVERIFY2(notes.contains(QLatin1String("header x-amz-date is reserved")), qPrintable(notes));
        QVERIFY(notes.contains(QLatin1String("header Authorization is reserved")));
        QVERIFY(notes.contains(QLatin1String("header apigw-requestid is reserved")));
        QVERIFY(notes.contains(QLatin1String("'overwrite:header.x-evil': the value has a line break: not sent")));
    }

    void mappingValues()
    {
        // Value syntax of HTTP API parameter mapping, evaluated against one request.
        Api api = httpApi();
        api.stages[0].variables.insert(QStringLiteral("env"), QStringLiteral("test"));
        api.routes.append(route(QStringLiteral("POST /items/{id}")));
        const CompiledApiPtr compiled = CompiledApi::compile(documentWith(api), api.id);
        QVERIFY(compiled);
        auto ctx = std::make_shared<RequestContext>(
            compiled, HttpRequest::make("POST", "/items/7?tag=a&tag=b&one=1",
                                        {{"X-H", "h1"}, {"x-h", "h2"}, {"Host", "example.local"}},
                                        R"({"list":[{"n":1},{"n":2}],"obj":{"k":"v"},"flag":true})"));
        ctx->route = Router::match(*compiled, "POST", "/items/7");
        QVERIFY(ctx->route.matched());
        QStringList missing;
        auto eval = [&](const char *value) {
            return HttpApiParameterMapping::evaluate(QString::fromLatin1(value), *ctx, nullptr, &missing);
        };
        QCOMPARE(eval("$request.header.x-h"), QStringLiteral("h1,h2")); // repeats comma-joined
        QCOMPARE(eval("$request.querystring.tag"), QStringLiteral("a,b"));
        QCOMPARE(eval("$request.path.id"), QStringLiteral("7"));
        QCOMPARE(eval("$request.path"), QStringLiteral("/items/7"));
        QCOMPARE(eval("$request.body.list[1].n"), QStringLiteral("2"));
        QCOMPARE(eval("$request.body.obj"), QStringLiteral("{\"k\":\"v\"}"));
        QCOMPARE(eval("$request.body.flag"), QStringLiteral("true"));
        QCOMPARE(eval("${stageVariables.env}:${request.querystring.one}"), QStringLiteral("test:1"));
        QCOMPARE(eval("$context.httpMethod $context.domainName"), QStringLiteral("POST example.local"));
        QCOMPARE(eval("plain text"), QStringLiteral("plain text"));
        QVERIFY(missing.isEmpty());
        QCOMPARE(eval("[$request.header.absent]"), QStringLiteral("[]"));
        QCOMPARE(missing, QStringList{QStringLiteral("request.header.absent")});
    }

    void reservedHeaders_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("reserved");
        for (const char *n : {"Access-Control-Allow-Origin", "apigw-requestid", "Authorization", "Connection",
                              "Content-Encoding", "Content-Length", "Content-Location", "Forwarded",
                              "Keep-Alive", "Origin", "Proxy-Authenticate", "Proxy-Authorization", "TE",
                              "Trailers", "Transfer-Encoding", "Upgrade", "x-amz-anything", "X-Amzn-Trace-Id",
                              "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Via"})
            QTest::newRow(n) << QByteArray(n) << true;
        for (const char *n : {"Content-Type", "X-Custom", "Accept", "Cache-Control", "x-am"})
            QTest::newRow(n) << QByteArray(n) << false;
    }
    void reservedHeaders()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, reserved);
        QCOMPARE(HttpApiParameterMapping::isReservedHeader(name), reserved);
    }

    void restHttpIntegrationRequestParameters()
    {
        HttpBackendFixture backend([](const BackendSeenRequest &r) {
            return r.target.contains("missing") ? BackendReply::answer(404, "nope")
                                                : BackendReply::echo(r, 200);
        });
        QVERIFY(backend.start());
        Api api = restApi();
        const QString books = addResource(api, QStringLiteral("res_root"), QStringLiteral("books"));
        Method m = httpMethod(QStringLiteral("POST"), IntegrationType::Http,
                              QStringLiteral("http://127.0.0.1:%1/lib/{shelf}/{title}").arg(backend.port()),
                              QStringLiteral("POST"));
        QMap<QString, QString> &p = m.integration.requestParameters;
        p.insert(QStringLiteral("integration.request.header.x-id"), QStringLiteral("context.requestId"));
        p.insert(QStringLiteral("integration.request.header.x-lit"), QStringLiteral("'literal value'"));
        p.insert(QStringLiteral("integration.request.header.x-color"), QStringLiteral("stageVariables.color"));
        p.insert(QStringLiteral("integration.request.header.x-from"), QStringLiteral("method.request.header.x-in"));
        p.insert(QStringLiteral("integration.request.header.x-none"), QStringLiteral("method.request.header.absent"));
        p.insert(QStringLiteral("integration.request.querystring.q"), QStringLiteral("method.request.querystring.search"));
        p.insert(QStringLiteral("integration.request.path.shelf"), QStringLiteral("'fiction'"));
        p.insert(QStringLiteral("integration.request.path.title"), QStringLiteral("method.request.path.title"));
        m.integration.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"mapped\":true}"));
        IntegrationResponse ok;
        ok.statusCode = QStringLiteral("200");
        IntegrationResponse notFound;
        notFound.selectionPattern = QStringLiteral("4\\d{2}");
        notFound.statusCode = QStringLiteral("400");
        notFound.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"mapped\":\"error\"}"));
        m.integration.responses = {ok, notFound};
        addResource(api, books, QStringLiteral("{title}"), {m});
        QVERIFY(serve(api));

        RawResponse r = call("POST", "/dev/books/dune?search=sand&other=1",
                             {{"X-In", "client"}, {"X-Unmapped", "u"}, {"Content-Type", "application/json"}},
                             "{\"raw\":1}");
        QCOMPARE(r.status, 200);
        const QJsonObject seen = json(r); // passthrough: no response template
        QCOMPARE(seen.value("method").toString(), QStringLiteral("POST"));
        QCOMPARE(seen.value("target").toString(), QStringLiteral("/lib/fiction/dune?q=sand"));
        QCOMPARE(seen.value("body").toString(), QStringLiteral("{\"mapped\":true}")); // the mapped body
        const QJsonObject h = seen.value("headers").toObject();
        QCOMPARE(h.value("x-id").toString(), QString::fromLatin1(r.header("x-amzn-RequestId")));
        QCOMPARE(h.value("x-lit").toString(), QStringLiteral("literal value"));
        QCOMPARE(h.value("x-color").toString(), QStringLiteral("blue"));
        QCOMPARE(h.value("x-from").toString(), QStringLiteral("client"));
        QVERIFY(!h.contains("x-none"));
        QVERIFY(!h.contains("x-unmapped")); // non-proxy: only mapped headers reach the backend
        QCOMPARE(h.value("user-agent").toString(), QStringLiteral("AmazonAPIGateway_api_rest"));
        QCOMPARE(h.value("x-amzn-apigateway-api-id").toString(), QStringLiteral("api_rest"));
        QCOMPARE(h.value("content-type").toString(), QStringLiteral("application/json"));

        // The backend's 404 selects the 4\d{2} integration response.
        r = call("POST", "/dev/books/missing", {{"Content-Type", "application/json"}}, "{}");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"mapped\":\"error\"}"));
    }

    void inProcessInvokeAndHead()
    {
        // The console and `apigw-studio invoke` run the pipeline on the calling thread, spinning
        // a local event loop: the backend client must work there too.
        HttpBackendFixture backend([](const BackendSeenRequest &r) {
            return BackendReply::answer(200, r.method == "HEAD" ? QByteArray() : QByteArray("full body"),
                                        {{"X-Method", r.method}});
        });
        QVERIFY(backend.start());
        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("h"),
                    {httpMethod(QStringLiteral("ANY"), IntegrationType::HttpProxy,
                                QStringLiteral("http://127.0.0.1:%1/h").arg(backend.port()))});
        const InvokeResult r = Gateway::invoke(documentWith(api), {}, {}, HttpRequest::make("GET", "/dev/h"), 10000);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.response.status, 200);
        QCOMPARE(r.response.body, QByteArray("full body"));

        // HEAD over the server: the backend's HEAD answer has no body to wait for.
        QVERIFY(serve(api));
        const RawResponse head = call("HEAD", "/dev/h");
        QVERIFY(head.complete);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("X-Method"), QByteArray("HEAD"));
    }

    void benchmarkProxyRoute()
    {
        // tests/bench/bench.apigw.json's HTTP_PROXY route, pointed at this test's backend.
        HttpBackendFixture backend([](const BackendSeenRequest &) { return BackendReply::answer(200, "nginx says hi"); });
        QVERIFY(backend.start());
        auto loaded = ProjectFile::load(QStringLiteral(GW_SOURCE_DIR "/tests/bench/bench.apigw.json"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics().value(0).message));
        Api api = loaded.value().apis.first();
        QCOMPARE(api.name, QStringLiteral("BenchRest"));
        api.stages[0].variables[QStringLiteral("backend")] = QStringLiteral("127.0.0.1:%1").arg(backend.port());
        QVERIFY(serve(api));
        const RawResponse r = call("GET", "/bench/proxy");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("nginx says hi"));
        QCOMPARE(backend.lastRequest().target, QByteArray("/"));
    }
};

QTEST_GUILESS_MAIN(tst_HttpIntegration)
#include "tst_httpintegration.moc"
