// The function host's thread-safe face: owns the host thread (which also serves the Runtime API)
// and posts every call to the core on that thread.
#include "runtime/lambda/functionhost.h"

#include "runtime/lambda/functionhostcore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>

#include <future>

namespace Gw::Runtime {

FunctionHost::FunctionHost()
    : FunctionHost(Options())
{}

FunctionHost::FunctionHost(Options options)
    : m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(QStringLiteral("function-host"));
    m_core = new FunctionHostCore(std::move(options));
    m_core->moveToThread(m_thread.get());
    m_thread->start();
}

FunctionHost::~FunctionHost()
{
    FunctionHostCore *core = m_core;
    // The core's timers and processes belong to its thread: delete it there.
    QMetaObject::invokeMethod(core, [core] { delete core; }, Qt::BlockingQueuedConnection);
    m_core = nullptr;
    m_thread->quit();
    m_thread->wait();
}

void FunctionHost::setFunctions(const QList<Model::LocalFunction> &functions, const QString &projectDir)
{
    FunctionHostCore *core = m_core;
    QMetaObject::invokeMethod(core, [core, functions, projectDir] {
        core->setFunctions(functions, projectDir);
    }, Qt::QueuedConnection);
}

void FunctionHost::invoke(const FunctionInvocation &request, QObject *context, FunctionCallback callback)
{
    auto pending = std::make_shared<PendingInvocation>();
    pending->request = request;
    pending->context = context;
    pending->hasContext = context != nullptr;
    pending->callback = std::move(callback);
    FunctionHostCore *core = m_core;
    QMetaObject::invokeMethod(core, [core, pending] { core->enqueue(pending); }, Qt::QueuedConnection);
}

FunctionResult FunctionHost::invokeSync(const FunctionInvocation &request)
{
    Q_ASSERT(QThread::currentThread() != m_thread.get());
    auto promise = std::make_shared<std::promise<FunctionResult>>();
    std::future<FunctionResult> future = promise->get_future();
    invoke(request, nullptr, [promise](const FunctionResult &r) { promise->set_value(r); });
    return future.get();
}

int FunctionHost::processCount(const QString &functionName) const
{
    return m_core->processCount(functionName);
}

QString FunctionHost::defaultRuntimesDir()
{
    const QString fromEnv = qEnvironmentVariable("APIGW_STUDIO_RUNTIMES");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (QCoreApplication::instance()) {
        const QString installed = QCoreApplication::applicationDirPath()
                                  + QStringLiteral("/../share/apigw-studio/runtimes");
        if (QFileInfo::exists(installed))
            return QFileInfo(installed).canonicalFilePath();
    }
    return QStringLiteral(GW_RUNTIMES_DIR);
}

} // namespace Gw::Runtime
