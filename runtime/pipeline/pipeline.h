// The request pipeline, in the one place its fixed order is written:
// receive → route → cors → apiKey → authorize → throttle → validate → mapRequest → integrate →
// mapResponse → respond. The driver runs the stages, resumes pending ones and writes every trace
// step; an exception or a Fail becomes AWS's 500 with a flagged step.
#pragma once

#include "runtime/pipeline/pipelineservices.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/pipeline/stage.h"

#include <functional>
#include <memory>
#include <vector>

namespace Gw::Runtime {

class Pipeline : public std::enable_shared_from_this<Pipeline>
{
public:
    using Done = std::function<void(const RequestContextPtr &)>;

    // The fixed order, by step name.
    static const QStringList &stageOrder();

    // A pipeline with this build's standard stages.
    static std::shared_ptr<Pipeline> createDefault(const PipelineServices &services = {});

    // Replaces the stage with the same name (tests; later builds plug richer stages in). The order
    // never changes. Returns false when no stage has that name. Not thread-safe: configure first.
    bool replaceStage(std::unique_ptr<Stage> stage);
    Stage *stage(const QString &name) const;

    // Runs `ctx` from its first stage. `done` is called exactly once, on the thread the request
    // runs on, when the response is final (synchronously when no stage is pending).
    void run(const RequestContextPtr &ctx, Done done) const;

    // A trace for a request the server answered by itself (malformed → 400, too large → 413).
    static TracePtr rejectedTrace(const CompiledApiPtr &api, const HttpRequest &request,
                                  const HttpResponse &response, const QString &reason);

private:
    friend class RequestContext;
    Pipeline() = default;

    void advance(const RequestContextPtr &ctx) const;
    void beginStep(RequestContext &ctx, Stage &stage) const;
    void finishStep(RequestContext &ctx, Stage &stage, const StageResult &result, bool flagged) const;
    void complete(const RequestContextPtr &ctx) const;
    void resumed(const RequestContextPtr &ctx, const StageResult &result) const;

    std::vector<std::unique_ptr<Stage>> m_stages;
};

} // namespace Gw::Runtime
