// In-process invocation: runs one request through the same pipeline the server uses, without a
// socket (the CLI `invoke` command, the console, tests). Pending stages are waited for by spinning
// a local event loop.
#pragma once

#include "model/apidocument.h"
#include "runtime/compiledapi.h"
#include "runtime/server/httpmessage.h"
#include "runtime/trace/trace.h"

#include <memory>

namespace Gw::Runtime {

class Pipeline;

struct InvokeResult
{
    HttpResponse response;
    TracePtr trace;
    QString error; // the API could not be found, or the pipeline did not finish in time

    bool ok() const { return error.isEmpty(); }
};

class Gateway
{
public:
    static constexpr int DefaultTimeoutMs = 60000;

    // `api` is an API id or name (empty: the first API); `stage` restricts the stages served
    // (empty: all; REST paths still start with /{stage}/).
    // Local functions (Lambda integrations) run in a function host made for the call; their code
    // directories resolve against projectDir.
    static InvokeResult invoke(std::shared_ptr<const Model::ApiDocument> doc, const QString &api,
                               const QString &stage, const HttpRequest &request,
                               int timeoutMs = DefaultTimeoutMs, const QString &projectDir = {});

    // With a compiled snapshot and optionally a custom pipeline (default: the standard one).
    static InvokeResult invoke(const CompiledApiPtr &api, const HttpRequest &request,
                               std::shared_ptr<const Pipeline> pipeline = {},
                               int timeoutMs = DefaultTimeoutMs);
};

} // namespace Gw::Runtime
