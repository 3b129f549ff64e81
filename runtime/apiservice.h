// Serves one API over HTTP: binds the server to the pipeline, holds the API's current compiled
// snapshot (swapped atomically on update) and hands every trace to the sink.
#pragma once

#include "runtime/compiledapi.h"
#include "runtime/server/httprequesthandler.h"

#include <QMutex>

#include <memory>

namespace Gw::Runtime {

class Pipeline;
class TraceSink;

class ApiService : public HttpRequestHandler
{
public:
    ApiService(std::shared_ptr<const Pipeline> pipeline, TraceSink *sink, CompiledApiPtr api = {});

    // Requests already running keep the snapshot they started with.
    void setApi(CompiledApiPtr api);
    CompiledApiPtr api() const;

    void handleRequest(HttpRequest request, HttpResponder responder) override;
    void requestRejected(const HttpRequest &request, const HttpResponse &response,
                         const QString &reason) override;

private:
    std::shared_ptr<const Pipeline> m_pipeline;
    TraceSink *m_sink = nullptr;
    mutable QMutex m_mutex;
    CompiledApiPtr m_api;
};

} // namespace Gw::Runtime
