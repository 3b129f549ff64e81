// The Runtime API endpoint of one function process, served on the function host's own thread.
// The gateway's HttpServer hands connections to a worker pool; here that would cost four
// cross-thread posts per invocation (next → host, event → worker, response → host, 202 → worker),
// which dominated warm Lambda throughput. The traffic is one process talking to the host, so
// the connection lives where the host's state machine lives and requests reach it by a call.
#pragma once

#include "runtime/server/httpserveroptions.h"

#include <QTcpServer>

#include <memory>

namespace Gw::Runtime {

class HttpRequestHandler;

class RuntimeApiListener : public QTcpServer
{
public:
    // `handler` must outlive the listener and its connections (they are its children).
    RuntimeApiListener(HttpRequestHandler *handler, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpRequestHandler *m_handler;
    std::shared_ptr<const HttpServerOptions> m_options;
};

} // namespace Gw::Runtime
