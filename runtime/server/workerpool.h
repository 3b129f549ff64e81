// The server's threads: one acceptor thread and N worker threads, each with its own event loop.
// Accepted sockets are handed to the workers round-robin; a connection stays on its worker.
#pragma once

#include "runtime/server/httpserveroptions.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace Gw::Runtime {

class HttpConnection;
class HttpRequestHandler;

// Lives on one worker thread and owns the connections served there.
class HttpWorker : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void adopt(qintptr socketDescriptor, HttpRequestHandler *handler,
               std::shared_ptr<const HttpServerOptions> options);
    // Closes idle connections now and busy ones once their answers are written; quits the thread
    // when none is left, or after graceMs by aborting what remains.
    void beginShutdown(int graceMs);
    int connectionCount() const { return m_connections; }

private:
    void connectionFinished();
    void quitIfDrained();

    int m_connections = 0;
    bool m_shuttingDown = false;
};

class WorkerPool
{
public:
    // `nice` > 0 lowers the worker threads' scheduling priority (Linux niceness).
    explicit WorkerPool(int workerThreads, int nice = 0);
    ~WorkerPool(); // shutdown() if not done

    QThread *acceptorThread() const { return m_acceptorThread.get(); }
    int workerCount() const { return int(m_workers.size()); }

    // Thread-safe; called on the acceptor thread.
    void dispatch(qintptr socketDescriptor, HttpRequestHandler *handler,
                  std::shared_ptr<const HttpServerOptions> options = {});

    // Graceful: requests in flight finish (up to graceMs), then every thread stops. Blocking.
    void shutdown(int graceMs = 5000);

private:
    std::unique_ptr<QThread> m_acceptorThread;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<HttpWorker *> m_workers;
    std::atomic<unsigned> m_next{0};
    bool m_stopped = false;
};

} // namespace Gw::Runtime
