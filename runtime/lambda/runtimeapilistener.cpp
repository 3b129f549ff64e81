// The Runtime API endpoint of one function process, served on the function host's own thread.
#include "runtime/lambda/runtimeapilistener.h"

#include "runtime/server/httpconnection.h"

namespace Gw::Runtime {

namespace {
std::shared_ptr<const HttpServerOptions> runtimeApiOptions()
{
    HttpServerOptions options;
    // A warm process keeps its one connection for its whole life; closing it when idle would
    // only make the bootstrap reconnect (or, for a naive curl loop, fail).
    options.idleTimeoutMs = 0;
    return std::make_shared<const HttpServerOptions>(options);
}
} // namespace

RuntimeApiListener::RuntimeApiListener(HttpRequestHandler *handler, QObject *parent)
    : QTcpServer(parent), m_handler(handler), m_options(runtimeApiOptions())
{}

void RuntimeApiListener::incomingConnection(qintptr socketDescriptor)
{
    auto *connection = new HttpConnection(socketDescriptor, m_handler, m_options, this);
    if (!connection->isValid())
        delete connection;
}

} // namespace Gw::Runtime
