// The server's threads: one acceptor thread and N worker threads, each with its own event loop.
// Accepted sockets are handed to the workers round-robin; a connection stays on its worker.
#include "runtime/server/workerpool.h"

#include "runtime/server/httpconnection.h"

#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace Gw::Runtime {

void HttpWorker::adopt(qintptr socketDescriptor, HttpRequestHandler *handler,
                       std::shared_ptr<const HttpServerOptions> options)
{
    if (m_shuttingDown) {
        ::close(int(socketDescriptor));
        return;
    }
    auto *connection = new HttpConnection(socketDescriptor, handler, std::move(options), this);
    if (!connection->isValid()) {
        delete connection;
        return;
    }
    ++m_connections;
    connect(connection, &HttpConnection::finished, this, &HttpWorker::connectionFinished);
}

void HttpWorker::connectionFinished()
{
    --m_connections;
    quitIfDrained();
}

void HttpWorker::quitIfDrained()
{
    if (m_shuttingDown && m_connections <= 0)
        thread()->quit();
}

void HttpWorker::beginShutdown(int graceMs)
{
    m_shuttingDown = true;
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *c : connections)
        c->closeWhenIdle();
    quitIfDrained();
    QTimer::singleShot(graceMs, this, [this] {
        const auto remaining = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
        for (HttpConnection *c : remaining)
            c->abort();
        thread()->quit();
    });
}

WorkerPool::WorkerPool(int workerThreads, int nice)
{
    m_acceptorThread = std::make_unique<QThread>();
    m_acceptorThread->setObjectName(QStringLiteral("gw-acceptor"));
    m_acceptorThread->start();
    const int n = qMax(1, workerThreads);
    for (int i = 0; i < n; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("gw-worker-%1").arg(i));
        auto *worker = new HttpWorker;
        worker->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        if (nice > 0) {
            QMetaObject::invokeMethod(worker, [nice] {
                setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), nice);
            }, Qt::QueuedConnection);
        }
        m_workers.push_back(worker);
        m_threads.push_back(std::move(thread));
    }
}

WorkerPool::~WorkerPool()
{
    shutdown(0);
}

void WorkerPool::dispatch(qintptr socketDescriptor, HttpRequestHandler *handler,
                          std::shared_ptr<const HttpServerOptions> options)
{
    HttpWorker *worker = m_workers[m_next.fetch_add(1, std::memory_order_relaxed) % m_workers.size()];
    QMetaObject::invokeMethod(worker, [worker, socketDescriptor, handler, options = std::move(options)] {
        worker->adopt(socketDescriptor, handler, options);
    }, Qt::QueuedConnection);
}

void WorkerPool::shutdown(int graceMs)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_acceptorThread->quit();
    m_acceptorThread->wait();
    for (HttpWorker *worker : m_workers) {
        QMetaObject::invokeMethod(worker, [worker, graceMs] { worker->beginShutdown(graceMs); },
                                  Qt::QueuedConnection);
    }
    for (auto &thread : m_threads)
        thread->wait();
    m_workers.clear();
}

} // namespace Gw::Runtime
