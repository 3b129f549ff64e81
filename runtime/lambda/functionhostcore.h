// The function host's state machine, on its own thread: processes per function, the invocation
// queue, the Runtime API exchanges, timeouts, logs, reaping and code reloads.
#pragma once

#include "runtime/lambda/functionhost.h"
#include "runtime/server/httpconnection.h" // HttpResponder's QPointer needs the complete type
#include "runtime/server/httpmessage.h"
#include "runtime/server/httprequesthandler.h"

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QHash>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <deque>
#include <mutex>

namespace Gw::Runtime {


// A parked Runtime API request (a process waiting in /invocation/next) and its thread.
struct ParkedResponder
{
    HttpResponder responder;
    QThread *thread = nullptr;
    void respond(const HttpResponse &response) const;
    bool isSet() const { return thread != nullptr; }
};

// Hands Runtime API requests of one process to the core.
class FunctionHostCore;
class RuntimeApiHandler : public HttpRequestHandler
{
public:
    RuntimeApiHandler(FunctionHostCore *core, int instanceId)
        : m_core(core), m_instanceId(instanceId) {}
    void handleRequest(HttpRequest request, HttpResponder responder) override;

private:
    FunctionHostCore *m_core;
    int m_instanceId;
};

struct PendingInvocation
{
    FunctionInvocation request;
    QPointer<QObject> context;
    bool hasContext = false;
    FunctionCallback callback;
    QString requestId;
    QElapsedTimer queuedFor;
};

class FunctionHostCore : public QObject
{
    Q_OBJECT
public:
    explicit FunctionHostCore(FunctionHost::Options options);
    ~FunctionHostCore() override;

    // All of these run on the core's thread (callers post).
    void setFunctions(const QList<Model::LocalFunction> &functions, const QString &projectDir);
    void enqueue(std::shared_ptr<PendingInvocation> invocation);
    void onRuntimeApi(int instanceId, HttpRequest request, ParkedResponder responder);
    void shutdown();

    int processCount(const QString &functionName) const;

private:
    struct Instance;
    struct Function
    {
        Model::LocalFunction config;
        QString codeDirectory; // absolute
        int generation = 0;    // bumped when code or configuration changes
        QList<Instance *> instances;
        std::deque<std::shared_ptr<PendingInvocation>> waiting;
    };

    Instance *spawn(Function &function, QString *error);
    void dispatch(Function &function);
    void sendEvent(Instance *instance);
    void readyForWork(Instance *instance); // idle and parked: new code or the next event
    void finish(Instance *instance, FunctionResult result);
    void deliver(const std::shared_ptr<PendingInvocation> &invocation, FunctionResult result);
    void retire(Instance *instance); // kill and forget
    void onProcessFinished(Instance *instance);
    void collectOutput(Instance *instance);
    void watchCode(Function &function);
    void onCodeChanged(const QString &path);
    void reapIdle();
    Function *functionOf(const Instance *instance);

    FunctionHost::Options m_options;
    QHash<QString, Function> m_functions; // by name
    QHash<int, Instance *> m_instances;   // by id
    int m_nextInstanceId = 1;
    std::vector<std::unique_ptr<RuntimeApiHandler>> m_handlers;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_reaper = nullptr;
    QTimer *m_reloadDelay = nullptr;
    QStringList m_changedPaths;
    mutable std::mutex m_countMutex;
    QHash<QString, int> m_processCounts; // read from other threads
};

} // namespace Gw::Runtime
