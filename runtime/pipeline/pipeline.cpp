// The request pipeline, in the one place its fixed order is written:
// receive → route → cors → apiKey → authorize → throttle → validate → mapRequest → integrate →
// mapResponse → respond.
#include "runtime/pipeline/pipeline.h"

#include "runtime/requestids.h"
#include "runtime/stages/apikeystage.h"
#include "runtime/stages/authorizestage.h"
#include "runtime/stages/corsstage.h"
#include "runtime/stages/integratestage.h"
#include "runtime/stages/maprequeststage.h"
#include "runtime/stages/mapresponsestage.h"
#include "runtime/stages/receivestage.h"
#include "runtime/stages/respondstage.h"
#include "runtime/stages/routestage.h"
#include "runtime/stages/throttlestage.h"
#include "runtime/stages/validatestage.h"

#include <exception>

namespace Gw::Runtime {

const QStringList &Pipeline::stageOrder()
{
    static const QStringList order = {
        QStringLiteral("receive"),   QStringLiteral("route"),      QStringLiteral("cors"),
        QStringLiteral("apiKey"),    QStringLiteral("authorize"),  QStringLiteral("throttle"),
        QStringLiteral("validate"),  QStringLiteral("mapRequest"), QStringLiteral("integrate"),
        QStringLiteral("mapResponse"), QStringLiteral("respond"),
    };
    return order;
}

std::shared_ptr<Pipeline> Pipeline::createDefault(const PipelineServices &services)
{
    std::shared_ptr<Pipeline> p(new Pipeline);
    p->m_stages.push_back(std::make_unique<ReceiveStage>());
    p->m_stages.push_back(std::make_unique<RouteStage>());
    p->m_stages.push_back(std::make_unique<CorsStage>());
    p->m_stages.push_back(std::make_unique<ApiKeyStage>());
    p->m_stages.push_back(std::make_unique<AuthorizeStage>(services));
    p->m_stages.push_back(std::make_unique<ThrottleStage>(services));
    p->m_stages.push_back(std::make_unique<ValidateStage>());
    p->m_stages.push_back(std::make_unique<MapRequestStage>());
    p->m_stages.push_back(std::make_unique<IntegrateStage>(services));
    p->m_stages.push_back(std::make_unique<MapResponseStage>());
    p->m_stages.push_back(std::make_unique<RespondStage>());
    Q_ASSERT(int(p->m_stages.size()) == stageOrder().size());
    for (size_t i = 0; i < p->m_stages.size(); ++i)
        Q_ASSERT(p->m_stages[i]->name() == stageOrder().at(qsizetype(i)));
    return p;
}

bool Pipeline::replaceStage(std::unique_ptr<Stage> stage)
{
    for (auto &s : m_stages) {
        if (s->name() == stage->name()) {
            s = std::move(stage);
            return true;
        }
    }
    return false;
}

Stage *Pipeline::stage(const QString &name) const
{
    for (const auto &s : m_stages) {
        if (s->name() == name)
            return s.get();
    }
    return nullptr;
}

void Pipeline::run(const RequestContextPtr &ctx, Done done) const
{
    ctx->m_pipeline = shared_from_this();
    ctx->m_done = std::move(done);
    ctx->m_stageIndex = 0;
    advance(ctx);
}

void Pipeline::beginStep(RequestContext &ctx, Stage &stage) const
{
    TraceStep step;
    step.name = stage.name();
    step.startUs = ctx.elapsedUs();
    step.payloadBefore = stage.payloadBefore(ctx);
    ctx.m_trace->steps.append(std::move(step));
    ctx.m_stepIndex = int(ctx.m_trace->steps.size()) - 1;
}

void Pipeline::finishStep(RequestContext &ctx, Stage &stage, const StageResult &result, bool flagged) const
{
    TraceStep &step = ctx.m_trace->steps[ctx.m_stepIndex];
    try {
        step.payloadAfter = stage.payloadAfter(ctx);
    } catch (...) {
        step.notes.append(QStringLiteral("could not capture the payload after this step"));
    }
    switch (result.kind) {
    case StageResult::Kind::Continue:
        step.outcome = TraceStep::Outcome::Continue;
        break;
    case StageResult::Kind::Respond:
        step.outcome = TraceStep::Outcome::Respond;
        ctx.m_responding = true;
        break;
    case StageResult::Kind::Pending: // resumed with Pending again: a stage bug
    case StageResult::Kind::Fail:
        step.outcome = TraceStep::Outcome::Fail;
        step.flagged = true;
        step.notes.append(result.kind == StageResult::Kind::Pending
                              ? QStringLiteral("the stage resumed with Pending: treated as a failure")
                              : (result.message.isEmpty() ? QStringLiteral("the stage failed") : result.message));
        if (flagged)
            step.notes.append(QStringLiteral("unexpected failure: the gateway answers 500"));
        ctx.setInternalError();
        ctx.m_responding = true;
        break;
    }
    step.durationUs = ctx.elapsedUs() - step.startUs;
    ctx.m_stepIndex = -1;
    ++ctx.m_stageIndex;
}

void Pipeline::advance(const RequestContextPtr &ctxPtr) const
{
    RequestContext &ctx = *ctxPtr;
    const int last = int(m_stages.size()) - 1;
    while (ctx.m_stageIndex <= last) {
        // After a stage answered, only the respond stage still runs.
        if (ctx.m_responding && ctx.m_stageIndex < last) {
            ctx.m_stageIndex = last;
            continue;
        }
        Stage &stage = *m_stages[size_t(ctx.m_stageIndex)];
        beginStep(ctx, stage);
        StageResult result;
        bool flagged = false;
        ctx.m_inDecide = true;
        try {
            result = stage.decide(ctx);
        } catch (const std::exception &e) {
            result = StageResult::fail(QStringLiteral("exception in stage %1: %2")
                                           .arg(stage.name(), QString::fromLocal8Bit(e.what())));
            flagged = true;
        } catch (...) {
            result = StageResult::fail(QStringLiteral("unknown exception in stage %1").arg(stage.name()));
            flagged = true;
        }
        ctx.m_inDecide = false;
        if (result.kind == StageResult::Kind::Pending) {
            if (ctx.m_syncResume) {
                result = *ctx.m_syncResume;
                ctx.m_syncResume.reset();
            } else {
                ctx.m_trace->steps[ctx.m_stepIndex].outcome = TraceStep::Outcome::Pending;
                ctx.m_waiting = true;
                return; // RequestContext::resume() continues
            }
        }
        finishStep(ctx, stage, result, flagged);
    }
    complete(ctxPtr);
}

void Pipeline::resumed(const RequestContextPtr &ctx, const StageResult &result) const
{
    if (ctx->m_stageIndex >= int(m_stages.size()) || ctx->m_stepIndex < 0)
        return;
    Stage &stage = *m_stages[size_t(ctx->m_stageIndex)];
    ctx->note(QStringLiteral("completed asynchronously"));
    finishStep(*ctx, stage, result, false);
    advance(ctx);
}

void Pipeline::complete(const RequestContextPtr &ctxPtr) const
{
    RequestContext &ctx = *ctxPtr;
    Trace &t = *ctx.m_trace;
    t.durationUs = ctx.elapsedUs();
    t.stage = ctx.stageName();
    t.routeKey = ctx.route.routeKey;
    t.resourcePath = ctx.route.resourcePath;
    t.pathParameters = ctx.route.pathParameters;
    t.status = ctx.response.status;
    t.responseHeaders = ctx.response.headers;
    t.responseBody = ctx.request.isHead() ? QByteArray() : ctx.response.body;
    t.errorType = ctx.errorType;
    ctx.m_finished = true;
    Done done = std::move(ctx.m_done);
    ctx.m_done = nullptr;
    if (done)
        done(ctxPtr);
}

TracePtr Pipeline::rejectedTrace(const CompiledApiPtr &api, const HttpRequest &request,
                                 const HttpResponse &response, const QString &reason)
{
    auto t = std::make_shared<Trace>();
    t->requestId = newRequestId();
    t->startedAt = QDateTime::currentDateTimeUtc();
    if (api) {
        t->apiId = api->api().id;
        t->apiName = api->api().name;
        t->apiType = api->apiTypeName();
    }
    t->clientAddress = request.clientAddress;
    t->method = QString::fromLatin1(request.method);
    t->path = QString::fromUtf8(request.path);
    t->rawQuery = QString::fromUtf8(request.rawQuery);
    t->requestHeaders = request.headers;
    t->requestBody = request.body;
    const qint64 elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
                               std::chrono::steady_clock::now() - request.receivedAt)
                               .count();
    TraceStep receive;
    receive.name = stageOrder().first();
    receive.durationUs = elapsed;
    receive.outcome = TraceStep::Outcome::Respond;
    receive.notes.append(reason);
    receive.notes.append(QStringLiteral("the server answered %1 and closed the connection")
                             .arg(response.status));
    t->steps.append(receive);
    TraceStep respond;
    respond.name = stageOrder().last();
    respond.startUs = elapsed;
    respond.notes.append(QStringLiteral("%1 %2").arg(response.status).arg(QString::fromLatin1(reasonPhrase(response.status))));
    t->steps.append(respond);
    t->durationUs = elapsed;
    t->status = response.status;
    t->responseHeaders = response.headers;
    t->responseBody = response.body;
    if (response.status == 413)
        t->errorType = QStringLiteral("REQUEST_TOO_LARGE");
    return t;
}

} // namespace Gw::Runtime
