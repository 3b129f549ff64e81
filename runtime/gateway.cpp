// In-process invocation: runs one request through the same pipeline the server uses, without a
// socket (the CLI `invoke` command, the console, tests).
#include "runtime/gateway.h"

#include "runtime/lambda/functionhost.h"
#include "runtime/pipeline/pipeline.h"

#include <QEventLoop>
#include <QTimer>

namespace Gw::Runtime {

InvokeResult Gateway::invoke(std::shared_ptr<const Model::ApiDocument> doc, const QString &api,
                             const QString &stage, const HttpRequest &request, int timeoutMs,
                             const QString &projectDir)
{
    QString error;
    std::unique_ptr<FunctionHost> functions;
    if (!doc->functions.isEmpty()) {
        functions = std::make_unique<FunctionHost>();
        functions->setFunctions(doc->functions, projectDir);
    }
    CompiledApiPtr compiled = CompiledApi::compile(std::move(doc), api, stage, &error);
    if (!compiled) {
        InvokeResult r;
        r.error = error;
        return r;
    }
    if (!functions)
        return invoke(compiled, request, {}, timeoutMs);
    return invoke(compiled, request, Pipeline::createDefault({functions.get()}), timeoutMs);
}

InvokeResult Gateway::invoke(const CompiledApiPtr &api, const HttpRequest &request,
                             std::shared_ptr<const Pipeline> pipeline, int timeoutMs)
{
    if (!pipeline) {
        static const std::shared_ptr<const Pipeline> standard = Pipeline::createDefault();
        pipeline = standard;
    }
    struct State
    {
        bool done = false;
        InvokeResult result;
        QEventLoop *loop = nullptr;
    };
    auto state = std::make_shared<State>();
    auto ctx = std::make_shared<RequestContext>(api, request);
    pipeline->run(ctx, [state](const RequestContextPtr &c) {
        state->done = true;
        state->result.response = c->response;
        if (c->request.isHead())
            state->result.response.body.clear();
        state->result.trace = c->sharedTrace();
        if (state->loop)
            state->loop->quit();
    });
    if (!state->done) {
        QEventLoop loop;
        state->loop = &loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        state->loop = nullptr;
        if (!state->done) {
            InvokeResult r;
            r.error = QStringLiteral("the request did not finish within %1 ms").arg(timeoutMs);
            r.trace = ctx->sharedTrace();
            return r;
        }
    }
    return state->result;
}

} // namespace Gw::Runtime
