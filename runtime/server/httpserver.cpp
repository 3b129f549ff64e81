// One HTTP/1.1 (or HTTPS) listener: accepts on the pool's acceptor thread and serves on its
// worker threads.
#include "runtime/server/httpserver.h"

#include "runtime/server/workerpool.h"

#include <QTcpServer>
#include <QThread>

namespace Gw::Runtime {

// Accepting on a thread of its own keeps accept() going while the caller's thread is busy (a UI,
// or a test blocked in waitForReadyRead); sockets are handed over as descriptors so each is
// created on the worker thread that serves it.
class HttpAcceptor : public QTcpServer
{
public:
    HttpAcceptor(WorkerPool *pool, HttpRequestHandler *handler,
                 std::shared_ptr<const HttpServerOptions> options)
        : m_pool(pool), m_handler(handler), m_options(std::move(options))
    {
    }

protected:
    // The TLS handshake happens on the worker too (HttpConnection), so the acceptor never blocks.
    void incomingConnection(qintptr socketDescriptor) override
    {
        m_pool->dispatch(socketDescriptor, m_handler, m_options);
    }

private:
    WorkerPool *m_pool;
    HttpRequestHandler *m_handler;
    std::shared_ptr<const HttpServerOptions> m_options;
};

HttpServer::HttpServer(std::shared_ptr<WorkerPool> pool, HttpRequestHandler *handler,
                       HttpServerOptions options)
    : m_pool(std::move(pool)), m_handler(handler),
      m_options(std::make_shared<const HttpServerOptions>(std::move(options)))
{
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    auto *acceptor = new HttpAcceptor(m_pool.get(), m_handler, m_options);
    acceptor->setMaxPendingConnections(1024);
    acceptor->moveToThread(m_pool->acceptorThread());
    bool ok = false;
    QString message;
    quint16 bound = 0;
    QMetaObject::invokeMethod(acceptor, [&] {
        ok = acceptor->listen(address, port);
        if (ok) {
            bound = acceptor->serverPort();
        } else {
            message = acceptor->errorString();
            if (acceptor->serverError() == QAbstractSocket::AddressInUseError)
                message = QStringLiteral("address already in use");
        }
    }, Qt::BlockingQueuedConnection);
    if (!ok) {
        QMetaObject::invokeMethod(acceptor, [acceptor] { delete acceptor; }, Qt::BlockingQueuedConnection);
        if (error) {
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString(), QString::number(port), message);
        }
        return false;
    }
    m_acceptor = acceptor;
    m_address = address;
    m_port = bound;
    return true;
}

void HttpServer::close()
{
    if (!m_acceptor)
        return;
    HttpAcceptor *acceptor = m_acceptor;
    m_acceptor = nullptr;
    if (m_pool->acceptorThread()->isRunning()) {
        QMetaObject::invokeMethod(acceptor, [acceptor] {
            acceptor->close();
            delete acceptor;
        }, Qt::BlockingQueuedConnection);
    } else {
        delete acceptor; // its thread is gone: nothing else can touch it
    }
}

bool HttpServer::isListening() const
{
    return m_acceptor != nullptr;
}

} // namespace Gw::Runtime
