// One HTTP/1.1 (or HTTPS) listener: accepts on the pool's acceptor thread and serves on its
// worker threads.
#pragma once

#include "runtime/server/httpserveroptions.h"

#include <QHostAddress>
#include <QString>

#include <memory>

namespace Gw::Runtime {

class HttpRequestHandler;
class WorkerPool;
class HttpAcceptor;

class HttpServer
{
public:
    // `handler` must outlive the pool's shutdown (connections keep using it until then).
    HttpServer(std::shared_ptr<WorkerPool> pool, HttpRequestHandler *handler,
               HttpServerOptions options = {});
    ~HttpServer(); // stops listening

    // Port 0 picks a free port. On failure sets *error naming the address and port asked for.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    bool isListening() const;
    quint16 port() const { return m_port; }
    bool isTls() const { return m_options->tls.has_value(); }
    QHostAddress address() const { return m_address; }

private:
    std::shared_ptr<WorkerPool> m_pool;
    HttpRequestHandler *m_handler = nullptr;
    std::shared_ptr<const HttpServerOptions> m_options; // shared with every connection
    HttpAcceptor *m_acceptor = nullptr; // lives on the acceptor thread
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace Gw::Runtime
