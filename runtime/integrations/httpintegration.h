// HTTP and HTTP_PROXY integrations: the request forwarded to the backend URI (stage variables,
// path variables, query, headers, body, parameter mapping), AWS's timeouts and failure answers.
#pragma once

#include "runtime/integrations/httpbackendclient.h"
#include "runtime/integrations/integration.h"
#include "runtime/server/httpmessage.h"

namespace Gw::Runtime {

class HttpIntegration : public Integration
{
public:
    // HTTP_PROXY passes the backend's answer to the client as it is; HTTP (REST non-proxy) hands
    // it to the map response stage.
    explicit HttpIntegration(bool proxy) : m_proxy(proxy) {}
    StageResult invoke(RequestContext &ctx) override;

    // The backend request for ctx; returns why the integration URI is unusable, or empty.
    static QString buildRequest(const RequestContext &ctx, bool proxy, BackendRequest *out,
                                QStringList *notes);
    // The integration timeout AWS applies: REST timeoutInMillis (default 29 s), HTTP API at most 30 s.
    static int timeoutMs(const RequestContext &ctx);
    // The backend's answer as the client gets it from a proxy integration.
    static HttpResponse proxyResponse(const BackendResponse &backend, bool rest);

private:
    bool m_proxy;
};

} // namespace Gw::Runtime
