// Serves one API over HTTP: binds the server to the pipeline, holds the API's current compiled
// snapshot (swapped atomically on update) and hands every trace to the sink.
#include "runtime/apiservice.h"

#include "runtime/pipeline/pipeline.h"
#include "runtime/trace/tracesink.h"

namespace Gw::Runtime {

ApiService::ApiService(std::shared_ptr<const Pipeline> pipeline, TraceSink *sink, CompiledApiPtr api)
    : m_pipeline(std::move(pipeline)), m_sink(sink), m_api(std::move(api))
{
}

void ApiService::setApi(CompiledApiPtr api)
{
    QMutexLocker lock(&m_mutex);
    m_api.swap(api);
    // The old snapshot is released outside the lock (possibly the last reference).
    lock.unlock();
}

CompiledApiPtr ApiService::api() const
{
    QMutexLocker lock(&m_mutex);
    return m_api;
}

void ApiService::handleRequest(HttpRequest request, HttpResponder responder)
{
    auto ctx = std::make_shared<RequestContext>(api(), std::move(request));
    TraceSink *sink = m_sink;
    m_pipeline->run(ctx, [responder, sink](const RequestContextPtr &done) {
        responder.respond(done->response);
        if (sink)
            sink->record(done->sharedTrace());
    });
}

void ApiService::requestRejected(const HttpRequest &request, const HttpResponse &response,
                                 const QString &reason)
{
    if (m_sink)
        m_sink->record(Pipeline::rejectedTrace(api(), request, response, reason));
}

} // namespace Gw::Runtime
