// Tests the pipeline driver: the fixed stage order in traces, pending stages resumed later,
// exceptions and Fail turned into AWS's 500 with a flagged step (in process and over a real
// server that keeps serving), the MOCK integration and integration response selection.
#include "runtime/apiservice.h"
#include "runtime/gateway.h"
#include "runtime/integrations/mockintegration.h"
#include "runtime/pipeline/pipeline.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/server/httpserver.h"
#include "runtime/server/workerpool.h"
#include "runtime/trace/tracesink.h"

#include "tests/runtime/rawhttpclient.h"
#include "tests/runtime/testdocuments.h"

#include <QMutex>
#include <QTest>
#include <QTimer>

#include <stdexcept>

using namespace Gw::Runtime;
using namespace Gw::Model;
using namespace GwTest;

namespace {

// An "authorize" stage that decides later, from a timer, as Lambda authorizers will.
class TimerStage : public Gw::Runtime::Stage
{
public:
    TimerStage(int delayMs, StageResult::Kind outcome) : m_delayMs(delayMs), m_outcome(outcome) {}
    const QString &name() const override
    {
        static const QString n = QStringLiteral("authorize");
        return n;
    }
    StageResult decide(RequestContext &ctx) override
    {
        ctx.note(QStringLiteral("waiting %1 ms").arg(m_delayMs));
        auto self = ctx.shared_from_this();
        const StageResult::Kind outcome = m_outcome;
        QTimer::singleShot(m_delayMs, [self, outcome] {
            if (outcome == StageResult::Kind::Respond) {
                self->setGatewayResponse(QStringLiteral("UNAUTHORIZED"));
                self->resume(StageResult::respond());
            } else if (outcome == StageResult::Kind::Fail) {
                self->resume(StageResult::fail(QStringLiteral("authorizer crashed")));
            } else {
                self->resume(StageResult::next());
            }
        });
        return StageResult::pending();
    }

private:
    int m_delayMs;
    StageResult::Kind m_outcome;
};

// Resumes before even returning Pending.
class SyncResumeStage : public Gw::Runtime::Stage
{
public:
    const QString &name() const override
    {
        static const QString n = QStringLiteral("throttle");
        return n;
    }
    StageResult decide(RequestContext &ctx) override
    {
        ctx.resume(StageResult::next());
        return StageResult::pending();
    }
};

// A "validate" stage that throws on paths containing "boom", fails on "fail".
class ThrowingStage : public Gw::Runtime::Stage
{
public:
    const QString &name() const override
    {
        static const QString n = QStringLiteral("validate");
        return n;
    }
    StageResult decide(RequestContext &ctx) override
    {
        if (ctx.request.path.contains("boom"))
            throw std::runtime_error("validator exploded");
        if (ctx.request.path.contains("fail"))
            return StageResult::fail(QStringLiteral("validator gave up"));
        return StageResult::next();
    }
};

class ListSink : public TraceSink
{
public:
    void record(TracePtr trace) override
    {
        QMutexLocker lock(&mutex);
        traces.append(trace);
    }
    QMutex mutex;
    QList<TracePtr> traces;
};

QStringList stepNames(const TracePtr &t)
{
    QStringList names;
    for (const TraceStep &s : t->steps)
        names.append(s.name);
    return names;
}

const TraceStep *step(const TracePtr &t, const QString &name)
{
    for (const TraceStep &s : t->steps) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

Api petsApi()
{
    Api api = restApi();
    addResource(api, QStringLiteral("res_root"), QStringLiteral("health"),
                {mockMethod(QStringLiteral("GET"), QStringLiteral("{\"status\":\"ok\"}"))});
    addResource(api, QStringLiteral("res_root"), QStringLiteral("boom"),
                {mockMethod(QStringLiteral("GET"), QStringLiteral("never"))});
    addResource(api, QStringLiteral("res_root"), QStringLiteral("fail"),
                {mockMethod(QStringLiteral("GET"), QStringLiteral("never"))});
    Method lambda;
    lambda.id = QStringLiteral("mth_lambda");
    lambda.httpMethod = QStringLiteral("POST");
    lambda.integration.type = IntegrationType::AwsProxy;
    lambda.integration.functionName = QStringLiteral("fn");
    lambda.authorizationType = AuthorizationType::Custom;
    addResource(api, QStringLiteral("res_root"), QStringLiteral("lambda"), {lambda});
    return api;
}

} // namespace

class tst_Pipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedOrderInTrace()
    {
        const InvokeResult r = Gateway::invoke(documentWith(petsApi()), {}, {},
                                               HttpRequest::make("GET", "/dev/health"));
        QVERIFY(r.ok());
        QCOMPARE(r.response.status, 200);
        QCOMPARE(r.response.body, QByteArray("{\"status\":\"ok\"}"));
        QCOMPARE(stepNames(r.trace), Pipeline::stageOrder());
        QCOMPARE(Pipeline::stageOrder(),
                 QStringList({"receive", "route", "cors", "apiKey", "authorize", "throttle", "validate",
                              "mapRequest", "integrate", "mapResponse", "respond"}));
        qint64 lastStart = -1;
        for (const TraceStep &s : r.trace->steps) {
            QCOMPARE(toString(s.outcome), toString(TraceStep::Outcome::Continue));
            QVERIFY(!s.flagged);
            QVERIFY2(!s.notes.isEmpty(), qPrintable(s.name)); // every step says why
            QVERIFY(s.startUs >= lastStart);
            lastStart = s.startUs;
        }
        QCOMPARE(step(r.trace, "authorize")->notes.first(), QStringLiteral("no authorizer configured"));
        QCOMPARE(step(r.trace, "mapRequest")->payloadAfter, QByteArray("{\"statusCode\": 200}"));
        QCOMPARE(step(r.trace, "mapResponse")->payloadAfter, QByteArray("{\"status\":\"ok\"}"));
        QCOMPARE(r.trace->routeKey, QStringLiteral("GET /health"));
        QCOMPARE(r.trace->stage, QStringLiteral("dev"));
        QCOMPARE(r.trace->status, 200);
        QVERIFY(!r.trace->failed());
        QVERIFY(r.trace->failingStep() == nullptr);
    }

    void unmatchedSkipsToRespond()
    {
        const InvokeResult r = Gateway::invoke(documentWith(petsApi()), {}, {},
                                               HttpRequest::make("GET", "/dev/missing"));
        QCOMPARE(r.response.status, 403);
        QCOMPARE(stepNames(r.trace), QStringList({"receive", "route", "respond"}));
        QCOMPARE(toString(step(r.trace, "route")->outcome), toString(TraceStep::Outcome::Respond));
        QCOMPARE(r.trace->failingStep()->name, QStringLiteral("route"));
    }

    void pendingResumesLater()
    {
        auto pipeline = Pipeline::createDefault();
        QVERIFY(pipeline->replaceStage(std::make_unique<TimerStage>(60, StageResult::Kind::Continue)));
        auto api = CompiledApi::compile(documentWith(petsApi()), {});
        const InvokeResult r = Gateway::invoke(api, HttpRequest::make("GET", "/dev/health"), pipeline);
        QVERIFY(r.ok());
        QCOMPARE(r.response.status, 200);
        QCOMPARE(stepNames(r.trace), Pipeline::stageOrder());
        const TraceStep *auth = step(r.trace, "authorize");
        QCOMPARE(toString(auth->outcome), toString(TraceStep::Outcome::Continue));
        QVERIFY2(auth->durationUs >= 50000, qPrintable(QString::number(auth->durationUs)));
        QVERIFY(auth->notes.contains(QStringLiteral("completed asynchronously")));
        // Later steps started after the wait.
        QVERIFY(step(r.trace, "throttle")->startUs >= auth->startUs + auth->durationUs);
    }

    void pendingResumesWithRespond()
    {
        auto pipeline = Pipeline::createDefault();
        pipeline->replaceStage(std::make_unique<TimerStage>(10, StageResult::Kind::Respond));
        auto api = CompiledApi::compile(documentWith(petsApi()), {});
        const InvokeResult r = Gateway::invoke(api, HttpRequest::make("GET", "/dev/health"), pipeline);
        QCOMPARE(r.response.status, 401);
        QCOMPARE(r.response.body, QByteArray("{\"message\":\"Unauthorized\"}"));
        QCOMPARE(stepNames(r.trace),
                 QStringList({"receive", "route", "cors", "apiKey", "authorize", "respond"}));
        QCOMPARE(toString(step(r.trace, "authorize")->outcome), toString(TraceStep::Outcome::Respond));
        QVERIFY(r.response.hasHeader("x-amzn-RequestId"));
    }

    void pendingResumesWithFail()
    {
        auto pipeline = Pipeline::createDefault();
        pipeline->replaceStage(std::make_unique<TimerStage>(10, StageResult::Kind::Fail));
        auto api = CompiledApi::compile(documentWith(petsApi()), {});
        const InvokeResult r = Gateway::invoke(api, HttpRequest::make("GET", "/dev/health"), pipeline);
        QCOMPARE(r.response.status, 500);
        const TraceStep *auth = step(r.trace, "authorize");
        QVERIFY(auth->flagged);
        QVERIFY(auth->notes.contains(QStringLiteral("authorizer crashed")));
    }

    void resumeInsideDecide()
    {
        auto pipeline = Pipeline::createDefault();
        pipeline->replaceStage(std::make_unique<SyncResumeStage>());
        auto api = CompiledApi::compile(documentWith(petsApi()), {});
        const InvokeResult r = Gateway::invoke(api, HttpRequest::make("GET", "/dev/health"), pipeline);
        QCOMPARE(r.response.status, 200);
        QCOMPARE(toString(step(r.trace, "throttle")->outcome), toString(TraceStep::Outcome::Continue));
    }

    void replaceUnknownStageRefused()
    {
        class Nameless : public Gw::Runtime::Stage
        {
        public:
            const QString &name() const override
            {
                static const QString n = QStringLiteral("nope");
                return n;
            }
            StageResult decide(RequestContext &) override { return StageResult::next(); }
        };
        auto pipeline = Pipeline::createDefault();
        QVERIFY(!pipeline->replaceStage(std::make_unique<Nameless>()));
    }

    void throwingStageBecomes500()
    {
        auto pipeline = Pipeline::createDefault();
        pipeline->replaceStage(std::make_unique<ThrowingStage>());
        auto api = CompiledApi::compile(documentWith(petsApi()), {});
        InvokeResult r = Gateway::invoke(api, HttpRequest::make("GET", "/dev/boom"), pipeline);
        QCOMPARE(r.response.status, 500);
        QCOMPARE(r.response.body, QByteArray("{\"message\":\"Internal server error\"}"));
        QCOMPARE(r.response.header("x-amzn-ErrorType"), QByteArray("InternalServerErrorException"));
        QVERIFY(r.response.hasHeader("x-amzn-RequestId"));
        const TraceStep *v = step(r.trace, "validate");
        QVERIFY(v->flagged);
        QCOMPARE(toString(v->outcome), toString(TraceStep::Outcome::Fail));
        QVERIFY(v->notes.join('\n').contains(QLatin1String("validator exploded")));
        QCOMPARE(r.trace->failingStep()->name, QStringLiteral("validate"));
        QCOMPARE(stepNames(r.trace).last(), QStringLiteral("respond"));

        r = Gateway::invoke(api, HttpRequest::make("GET", "/dev/fail"), pipeline);
        QCOMPARE(r.response.status, 500);
        QVERIFY(step(r.trace, "validate")->notes.contains(QStringLiteral("validator gave up")));

        // HTTP APIs answer their own 500 body.
        Api http = httpApi();
        http.routes = {route(QStringLiteral("GET /boom"))};
        r = Gateway::invoke(CompiledApi::compile(documentWith(http), {}), HttpRequest::make("GET", "/boom"),
                            pipeline);
        QCOMPARE(r.response.status, 500);
        QCOMPARE(r.response.body, QByteArray("{\"message\":\"Internal Server Error\"}"));
        QVERIFY(r.response.hasHeader("apigw-requestid"));
    }

    void throwingStageOverServerKeepsServing()
    {
        auto pipeline = Pipeline::createDefault();
        pipeline->replaceStage(std::make_unique<ThrowingStage>());
        ListSink sink;
        ApiService service(pipeline, &sink, CompiledApi::compile(documentWith(petsApi()), {}));
        auto pool = std::make_shared<WorkerPool>(2);
        {
            HttpServer server(pool, &service);
            QString error;
            QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
            RawHttpClient c;
            QVERIFY(c.connectTo(server.port()));
            RawResponse r = c.request("GET /dev/boom HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(r.status, 500);
            QCOMPARE(r.body, QByteArray("{\"message\":\"Internal server error\"}"));
            // Same connection, next request: served normally.
            r = c.request("GET /dev/health HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, QByteArray("{\"status\":\"ok\"}"));
            QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
            RawHttpClient other;
            QVERIFY(other.connectTo(server.port()));
            QCOMPARE(other.request("GET /dev/boom HTTP/1.1\r\nHost: x\r\n\r\n").status, 500);
            QCOMPARE(other.request("GET /dev/health HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        }
        pool->shutdown();
        QMutexLocker lock(&sink.mutex);
        QCOMPARE(sink.traces.size(), 4);
        QVERIFY(step(sink.traces.at(0), "validate")->flagged);
        QCOMPARE(sink.traces.at(1)->status, 200);
    }

    void pendingOverServer()
    {
        // A pending stage on a worker thread, pipelined behind and ahead of other requests.
        auto pipeline = Pipeline::createDefault();
        pipeline->replaceStage(std::make_unique<TimerStage>(40, StageResult::Kind::Continue));
        ListSink sink;
        ApiService service(pipeline, &sink, CompiledApi::compile(documentWith(petsApi()), {}));
        auto pool = std::make_shared<WorkerPool>(1);
        {
            HttpServer server(pool, &service);
            QVERIFY(server.listen(QHostAddress::LocalHost, 0, nullptr));
            RawHttpClient c;
            QVERIFY(c.connectTo(server.port()));
            c.send("GET /dev/health HTTP/1.1\r\nHost: x\r\n\r\nGET /dev/nope HTTP/1.1\r\nHost: x\r\n\r\n");
            const RawResponse a = c.read();
            const RawResponse b = c.read();
            QCOMPARE(a.status, 200); // waited 40 ms, still first
            QCOMPARE(b.status, 403);
        }
        pool->shutdown();
    }

    void unsupportedIntegration()
    {
        const InvokeResult r = Gateway::invoke(documentWith(petsApi()), {}, {},
                                               HttpRequest::make("POST", "/dev/lambda", {}, "{}"));
        QCOMPARE(r.response.status, 500);
        QCOMPARE(r.response.header("x-amzn-ErrorType"), QByteArray("InternalServerErrorException"));
        const TraceStep *in = step(r.trace, "integrate");
        // Lambda proxy with no local function behind it: a configuration error that says why.
        QVERIFY2(in->notes.join('\n').contains(QLatin1String("function")), qPrintable(in->notes.join('\n')));
        const QString authNote = step(r.trace, "authorize")->notes.join('\n');
        QVERIFY2(authNote.contains(QLatin1String("authorizer not evaluated by this build"))
                     && authNote.contains(QLatin1String("CUSTOM")),
                 qPrintable(authNote));
    }

    void mockSelectionPattern()
    {
        Api api = restApi();
        Method m = mockMethod(QStringLiteral("GET"), QStringLiteral("ok"), 200);
        m.integration.requestTemplates[QStringLiteral("application/json")] =
            QStringLiteral("{\n  \"statusCode\" : 404, \"other\": 1\n}");
        IntegrationResponse notFound;
        notFound.selectionPattern = QStringLiteral("4\\d{2}");
        notFound.statusCode = QStringLiteral("404");
        notFound.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"missing\":true}"));
        notFound.responseParameters.insert(QStringLiteral("method.response.header.X-Mock"), QStringLiteral("'yes'"));
        notFound.responseParameters.insert(QStringLiteral("method.response.header.X-Dyn"),
                                           QStringLiteral("integration.response.header.x"));
        IntegrationResponse partial; // "40" must match the whole status, so not 404
        partial.selectionPattern = QStringLiteral("40");
        partial.statusCode = QStringLiteral("400");
        m.integration.responses = {partial, m.integration.responses.first(), notFound};
        addResource(api, QStringLiteral("res_root"), QStringLiteral("m"), {m});

        Method noDefault = mockMethod(QStringLiteral("GET"), QStringLiteral("x"), 201);
        noDefault.integration.responses.first().selectionPattern = QStringLiteral("200");
        addResource(api, QStringLiteral("res_root"), QStringLiteral("nodefault"), {noDefault});

        Method vtl = mockMethod(QStringLiteral("GET"), QStringLiteral("{\"id\":\"$context.requestId\"}"));
        addResource(api, QStringLiteral("res_root"), QStringLiteral("vtl"), {vtl});

        auto doc = documentWith(api);
        InvokeResult r = Gateway::invoke(doc, {}, {}, HttpRequest::make("GET", "/dev/m"));
        QCOMPARE(r.response.status, 404);
        QCOMPARE(r.response.body, QByteArray("{\"missing\":true}"));
        QCOMPARE(r.response.header("X-Mock"), QByteArray("yes"));
        QVERIFY(!r.response.hasHeader("x-amzn-ErrorType"));
        QVERIFY(step(r.trace, "integrate")->notes.contains(QStringLiteral("MOCK: statusCode 404 from the integration request")));
        QVERIFY(step(r.trace, "mapResponse")->notes.join('\n').contains(QLatin1String("integration.response.header.x")));

        r = Gateway::invoke(doc, {}, {}, HttpRequest::make("GET", "/dev/nodefault"));
        QCOMPARE(r.response.status, 500);
        QVERIFY(step(r.trace, "mapResponse")->notes.join('\n').contains(QLatin1String("No match for output mapping")));

        r = Gateway::invoke(doc, {}, {}, HttpRequest::make("GET", "/dev/vtl"));
        QCOMPARE(r.response.status, 200);
        // The response template is VTL: $context.requestId is the request's id.
        QCOMPARE(r.response.body, "{\"id\":\"" + r.response.header("x-amzn-RequestId") + "\"}");

        QCOMPARE(MockIntegration::statusCodeIn("{\"statusCode\": \"201\"}"), 201);
        QCOMPARE(MockIntegration::statusCodeIn("{\"status\": 5}"), -1);
    }

    void headThroughGateway()
    {
        const InvokeResult r = Gateway::invoke(documentWith(petsApi()), {}, {}, HttpRequest::make("HEAD", "/dev/health"));
        // HEAD is its own method: no HEAD method and no ANY → no route.
        QCOMPARE(r.response.status, 403);
        QVERIFY(r.response.body.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Pipeline)
#include "tst_pipeline.moc"
