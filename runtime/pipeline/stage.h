// A pipeline stage: one decision per request. Stages add notes to their trace step; the pipeline
// driver writes the step itself (name, timing, outcome, payloads).
#pragma once

#include <QByteArray>
#include <QString>

namespace Gw::Runtime {

class RequestContext;

struct StageResult
{
    enum class Kind {
        Continue, // go on with the next stage
        Respond,  // ctx.response is the answer: skip to the respond stage
        Pending,  // asynchronous: the stage calls ctx.resume(result) later, on the same thread
        Fail      // unexpected failure: the gateway answers AWS's 500 and flags the step
    };
    Kind kind = Kind::Continue;
    QString message; // Fail: what went wrong

    static StageResult next() { return {Kind::Continue, {}}; }
    static StageResult respond() { return {Kind::Respond, {}}; }
    static StageResult pending() { return {Kind::Pending, {}}; }
    static StageResult fail(const QString &message) { return {Kind::Fail, message}; }
};

class Stage
{
public:
    virtual ~Stage() = default;

    // The step name in traces and in the UI: receive, route, cors, apiKey, … (Pipeline::stageOrder).
    virtual const QString &name() const = 0;
    // Called concurrently from worker threads: a stage keeps no per-request state in itself.
    virtual StageResult decide(RequestContext &ctx) = 0;

    // What the stage transforms, recorded by the driver before and after decide().
    virtual QByteArray payloadBefore(const RequestContext &) const { return {}; }
    virtual QByteArray payloadAfter(const RequestContext &) const { return {}; }
};

} // namespace Gw::Runtime
