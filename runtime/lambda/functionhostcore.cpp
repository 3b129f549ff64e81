// The function host's state machine: warm processes per function speaking the Lambda Runtime API,
// a FIFO of invocations per function, deadlines that kill, logs with START/END/REPORT lines,
// idle reaping and restarts when a function's code changes.
#include "runtime/lambda/functionhostcore.h"

#include "runtime/lambda/runtimeapilistener.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <cmath>

namespace Gw::Runtime {

namespace {

const QByteArray runtimePrefix = "/2018-06-01/runtime";
// A process that never asks for work is dead to us after this long (AWS's init limit is 10 s).
constexpr int initTimeoutMs = 10000;
constexpr int maxWatchedEntries = 2000;

HttpResponse jsonResponse(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = body;
    return r;
}

QByteArray traceId()
{
    const quint32 epoch = quint32(QDateTime::currentSecsSinceEpoch());
    QByteArray random(12, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    return "Root=1-" + QByteArray::number(epoch, 16) + '-' + random.toHex()
           + ";Parent=" + QByteArray::number(QRandomGenerator::global()->generate64() & 0xffffffffffffull, 16)
           + ";Sampled=0";
}

// Peak resident memory of a process in MB, as REPORT's "Max Memory Used" shows it.
int maxMemoryUsedMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = status.readAll();
    const int at = text.indexOf("VmHWM:");
    if (at < 0)
        return 0;
    const QByteArray value = text.mid(at + 6, text.indexOf('\n', at) - at - 6).trimmed();
    return int(value.split(' ').constFirst().toLongLong() / 1024);
}

QString formatMs(double ms)
{
    return QString::number(ms, 'f', 2);
}

} // namespace

void ParkedResponder::respond(const HttpResponse &response) const
{
    // Runtime API connections live on the host's thread (RuntimeApiListener).
    Q_ASSERT(thread == QThread::currentThread());
    responder.respond(response);
}

QString toString(FunctionResult::Status status)
{
    switch (status) {
    case FunctionResult::Status::Success: return QStringLiteral("success");
    case FunctionResult::Status::FunctionError: return QStringLiteral("function error");
    case FunctionResult::Status::Timeout: return QStringLiteral("timeout");
    case FunctionResult::Status::Crashed: return QStringLiteral("crashed");
    case FunctionResult::Status::InitError: return QStringLiteral("init error");
    case FunctionResult::Status::NotFound: return QStringLiteral("function not found");
    case FunctionResult::Status::StartFailed: return QStringLiteral("start failed");
    }
    return {};
}

struct FunctionHostCore::Instance
{
    int id = 0;
    QString functionName;
    int generation = 0;
    QProcess *process = nullptr;
    RuntimeApiListener *listener = nullptr; // child of the core; its connections are its children
    ParkedResponder parked;
    std::shared_ptr<PendingInvocation> current;
    bool eventSent = false;
    bool initialized = false; // asked for work at least once
    bool dying = false;
    bool firstInvocation = true;
    double initDurationMs = 0;
    QElapsedTimer sinceSpawn;
    QElapsedTimer sinceEvent;
    QElapsedTimer idleSince;
    QTimer *deadline = nullptr;
    QStringList pendingLog; // output before the invocation it belongs to (init)
    QStringList *logTarget = nullptr;
    QStringList currentLog;
    QByteArray partialLine;
    bool apiDeadline = false;
    // REPORT's Max Memory Used, re-read from /proc at most every memorySampleMs: reading it on
    // every invocation cost the host thread a tenth of its time under load.
    int maxMemoryMb = 0;
    QElapsedTimer sinceMemorySample;
};

static constexpr qint64 memorySampleMs = 1000;



void RuntimeApiHandler::handleRequest(HttpRequest request, HttpResponder responder)
{
    // Called on the core's thread: the connection lives there (RuntimeApiListener).
    m_core->onRuntimeApi(m_instanceId, std::move(request), ParkedResponder{responder, QThread::currentThread()});
}

FunctionHostCore::FunctionHostCore(FunctionHost::Options options)
    : m_options(std::move(options))
    , m_watcher(new QFileSystemWatcher(this))
{
    m_reaper = new QTimer(this);
    m_reaper->setInterval(qBound(250, m_options.idleReapMs / 4, 10000));
    connect(m_reaper, &QTimer::timeout, this, &FunctionHostCore::reapIdle);
    m_reaper->start();
    m_reloadDelay = new QTimer(this);
    m_reloadDelay->setSingleShot(true);
    m_reloadDelay->setInterval(100); // editors write in bursts
    connect(m_reloadDelay, &QTimer::timeout, this, [this] {
        const QStringList changed = std::exchange(m_changedPaths, {});
        for (auto it = m_functions.begin(); it != m_functions.end(); ++it) {
            Function &f = it.value();
            const bool touched = std::any_of(changed.begin(), changed.end(), [&](const QString &p) {
                return p == f.codeDirectory || p.startsWith(f.codeDirectory + QLatin1Char('/'));
            });
            if (!touched)
                continue;
            ++f.generation;
            for (Instance *inst : QList<Instance *>(f.instances)) {
                if (!inst->current)
                    retire(inst);
            }
            watchCode(f); // new files
        }
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &FunctionHostCore::onCodeChanged);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &FunctionHostCore::onCodeChanged);
}

FunctionHostCore::~FunctionHostCore()
{
    shutdown();
}

void FunctionHostCore::shutdown()
{
    for (Instance *inst : QList<Instance *>(m_instances.values())) {
        if (inst->current) {
            FunctionResult r;
            r.status = FunctionResult::Status::Crashed;
            r.errorType = QStringLiteral("Runtime.Shutdown");
            r.errorMessage = QStringLiteral("the function host stopped");
            deliver(inst->current, r);
            inst->current.reset();
        }
        inst->process->disconnect(this);
        inst->process->kill();
        inst->process->waitForFinished(2000);
        delete inst->listener; // and its connections, before the handlers go
        delete inst->process;
        delete inst;
    }
    m_instances.clear();
    for (Function &f : m_functions) {
        f.instances.clear();
        for (auto &inv : f.waiting) {
            FunctionResult r;
            r.status = FunctionResult::Status::Crashed;
            r.errorMessage = QStringLiteral("the function host stopped");
            deliver(inv, r);
        }
        f.waiting.clear();
    }
    std::lock_guard lock(m_countMutex);
    m_processCounts.clear();
}

void FunctionHostCore::setFunctions(const QList<Model::LocalFunction> &functions,
                                    const QString &projectDir)
{
    QSet<QString> names;
    for (const Model::LocalFunction &fn : functions) {
        names.insert(fn.name);
        const QString codeDir = QDir::cleanPath(QDir(projectDir).absoluteFilePath(fn.codeDirectory));
        auto it = m_functions.find(fn.name);
        if (it == m_functions.end()) {
            Function f;
            f.config = fn;
            f.codeDirectory = codeDir;
            it = m_functions.insert(fn.name, f);
            watchCode(it.value());
            continue;
        }
        Function &f = it.value();
        if (f.config == fn && f.codeDirectory == codeDir)
            continue;
        f.config = fn;
        f.codeDirectory = codeDir;
        ++f.generation; // new configuration: fresh processes
        for (Instance *inst : QList<Instance *>(f.instances)) {
            if (!inst->current)
                retire(inst);
        }
        watchCode(f);
    }
    for (auto it = m_functions.begin(); it != m_functions.end();) {
        if (names.contains(it.key())) {
            ++it;
            continue;
        }
        for (Instance *inst : QList<Instance *>(it->instances))
            retire(inst);
        for (auto &inv : it->waiting) {
            FunctionResult r;
            r.status = FunctionResult::Status::NotFound;
            r.errorMessage = QStringLiteral("function %1 was removed").arg(it.key());
            deliver(inv, r);
        }
        it = m_functions.erase(it);
    }
}

void FunctionHostCore::enqueue(std::shared_ptr<PendingInvocation> invocation)
{
    auto it = m_functions.find(invocation->request.functionName);
    if (it == m_functions.end()) {
        FunctionResult r;
        r.status = FunctionResult::Status::NotFound;
        r.errorType = QStringLiteral("ResourceNotFoundException");
        r.errorMessage = QStringLiteral("Function not found: %1").arg(invocation->request.functionName);
        deliver(invocation, r);
        return;
    }
    invocation->requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    invocation->queuedFor.start();
    it->waiting.push_back(std::move(invocation));
    dispatch(it.value());
}

void FunctionHostCore::dispatch(Function &f)
{
    while (!f.waiting.empty()) {
        Instance *idle = nullptr;
        int live = 0;
        for (Instance *inst : f.instances) {
            if (inst->dying || inst->generation != f.generation)
                continue;
            ++live;
            // Prefer a process already waiting in /next; one that has just answered and is
            // about to ask again is next best (keeps sequential callers on one warm process).
            if (!inst->current && (!idle || (inst->parked.isSet() && !idle->parked.isSet())))
                idle = inst;
        }
        if (idle) {
            idle->current = f.waiting.front();
            f.waiting.pop_front();
            if (idle->parked.isSet())
                sendEvent(idle);
            continue;
        }
        if (live >= qMax(1, f.config.concurrency))
            return; // every process busy: the invocation waits its turn
        auto invocation = f.waiting.front();
        f.waiting.pop_front();
        QString error;
        Instance *fresh = spawn(f, &error);
        if (!fresh) {
            FunctionResult r;
            r.status = FunctionResult::Status::StartFailed;
            r.errorType = QStringLiteral("Runtime.StartFailed");
            r.errorMessage = error;
            r.requestId = invocation->requestId;
            r.log << error;
            deliver(invocation, r);
            continue;
        }
        fresh->current = invocation; // sent when the new process asks for work
    }
}

FunctionHostCore::Instance *FunctionHostCore::spawn(Function &f, QString *error)
{
    const Model::LocalFunction &fn = f.config;
    QString program;
    QStringList arguments;
    const QString runtimesDir = m_options.runtimesDir.isEmpty() ? FunctionHost::defaultRuntimesDir()
                                                                : m_options.runtimesDir;
    if (fn.runtime.startsWith(QLatin1String("python"))) {
        program = QStandardPaths::findExecutable(QStringLiteral("python3"));
        arguments << runtimesDir + QStringLiteral("/python/bootstrap.py");
    } else if (fn.runtime.startsWith(QLatin1String("nodejs"))) {
        program = QStandardPaths::findExecutable(QStringLiteral("node"));
        arguments << runtimesDir + QStringLiteral("/node/bootstrap.mjs");
    } else if (fn.runtime.startsWith(QLatin1String("provided"))) {
        program = f.codeDirectory + QStringLiteral("/bootstrap");
        if (!QFileInfo(program).isExecutable()) {
            *error = QStringLiteral("%1: runtime %2 needs an executable 'bootstrap' in %3")
                         .arg(fn.name, fn.runtime, f.codeDirectory);
            return nullptr;
        }
    } else {
        *error = QStringLiteral("%1: runtime '%2' cannot run locally (python3.x, nodejs*.x and "
                                "provided.* can)").arg(fn.name, fn.runtime);
        return nullptr;
    }
    if (program.isEmpty()) {
        *error = QStringLiteral("%1: the %2 interpreter for runtime %3 is not installed")
                     .arg(fn.name, fn.runtime.startsWith(QLatin1String("python")) ? QStringLiteral("python3")
                                                                                  : QStringLiteral("node"),
                          fn.runtime);
        return nullptr;
    }
    if (!arguments.isEmpty() && !QFileInfo::exists(arguments.constFirst())) {
        *error = QStringLiteral("%1: bundled bootstrap %2 is missing").arg(fn.name, arguments.constFirst());
        return nullptr;
    }
    if (!QFileInfo(f.codeDirectory).isDir()) {
        *error = QStringLiteral("%1: code directory %2 does not exist").arg(fn.name, f.codeDirectory);
        return nullptr;
    }

    auto *inst = new Instance;
    inst->id = m_nextInstanceId++;
    inst->functionName = fn.name;
    inst->generation = f.generation;
    auto handler = std::make_unique<RuntimeApiHandler>(this, inst->id);
    inst->listener = new RuntimeApiListener(handler.get(), this);
    // A retired listener's connections go with a deleteLater: keep handlers with the core.
    m_handlers.push_back(std::move(handler));
    if (!inst->listener->listen(QHostAddress::LocalHost, 0)) {
        *error = QStringLiteral("%1: cannot serve the Runtime API: %2")
                     .arg(fn.name, inst->listener->errorString());
        delete inst->listener;
        delete inst;
        return nullptr;
    }

    QProcessEnvironment env;
    const QProcessEnvironment parent = QProcessEnvironment::systemEnvironment();
    for (const char *keep : {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "NODE_PATH", "PYTHONPATH"}) {
        if (parent.contains(QLatin1String(keep)))
            env.insert(QLatin1String(keep), parent.value(QLatin1String(keep)));
    }
    const QString logStream = QDate::currentDate().toString(QStringLiteral("yyyy/MM/dd"))
                              + QStringLiteral("/[$LATEST]")
                              + QUuid::createUuid().toString(QUuid::Id128);
    env.insert(QStringLiteral("AWS_LAMBDA_RUNTIME_API"),
               QStringLiteral("127.0.0.1:%1").arg(inst->listener->serverPort()));
    env.insert(QStringLiteral("_HANDLER"), fn.handler);
    env.insert(QStringLiteral("LAMBDA_TASK_ROOT"), f.codeDirectory);
    env.insert(QStringLiteral("LAMBDA_RUNTIME_DIR"), runtimesDir);
    env.insert(QStringLiteral("AWS_LAMBDA_FUNCTION_NAME"), fn.name);
    env.insert(QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), QString::number(fn.memorySize));
    env.insert(QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION"), QStringLiteral("$LATEST"));
    env.insert(QStringLiteral("AWS_LAMBDA_LOG_GROUP_NAME"), QStringLiteral("/aws/lambda/") + fn.name);
    env.insert(QStringLiteral("AWS_LAMBDA_LOG_STREAM_NAME"), logStream);
    env.insert(QStringLiteral("AWS_LAMBDA_INITIALIZATION_TYPE"), QStringLiteral("on-demand"));
    env.insert(QStringLiteral("AWS_EXECUTION_ENV"), QStringLiteral("AWS_Lambda_") + fn.runtime);
    env.insert(QStringLiteral("AWS_REGION"), m_options.region);
    env.insert(QStringLiteral("AWS_DEFAULT_REGION"), m_options.region);
    env.insert(QStringLiteral("TZ"), QStringLiteral(":UTC"));
    // Bytecode caches written into the code folder would look like code changes.
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    for (auto it = fn.environment.cbegin(); it != fn.environment.cend(); ++it)
        env.insert(it.key(), it.value());

    inst->process = new QProcess(this);
    inst->process->setProcessChannelMode(QProcess::MergedChannels);
    inst->process->setProcessEnvironment(env);
    inst->process->setWorkingDirectory(f.codeDirectory);
    const int id = inst->id;
    connect(inst->process, &QProcess::readyReadStandardOutput, this, [this, id] {
        if (Instance *i = m_instances.value(id))
            collectOutput(i);
    });
    connect(inst->process, &QProcess::finished, this, [this, id] {
        if (Instance *i = m_instances.value(id))
            onProcessFinished(i);
    });
    connect(inst->process, &QProcess::errorOccurred, this, [this, id](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        if (Instance *i = m_instances.value(id))
            onProcessFinished(i);
    });
    inst->deadline = new QTimer(inst->process);
    inst->deadline->setSingleShot(true);
    connect(inst->deadline, &QTimer::timeout, this, [this, id] {
        Instance *i = m_instances.value(id);
        if (!i)
            return;
        if (!i->current) { // never asked for work: a hung init
            retire(i);
            return;
        }
        const double seconds = i->sinceEvent.isValid() ? i->sinceEvent.elapsed() / 1000.0
                                                       : i->sinceSpawn.elapsed() / 1000.0;
        FunctionResult r;
        r.status = FunctionResult::Status::Timeout;
        r.errorType = i->apiDeadline ? QStringLiteral("Gateway.IntegrationTimeout")
                                     : QStringLiteral("Sandbox.Timedout");
        r.errorMessage = QStringLiteral("RequestId: %1 Error: Task timed out after %2 seconds")
                             .arg(i->current->requestId, QString::number(seconds, 'f', 2));
        i->currentLog << QStringLiteral("%1 %2 Task timed out after %3 seconds")
                             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                  i->current->requestId, QString::number(seconds, 'f', 2));
        finish(i, r);
        retire(i); // a timed-out sandbox is not reused
    });

    m_instances.insert(inst->id, inst);
    f.instances.append(inst);
    inst->sinceSpawn.start();
    inst->process->start(program, arguments);
    // A process that never asks for work is reported (and killed) rather than waited on forever.
    inst->deadline->start(initTimeoutMs);
    {
        std::lock_guard lock(m_countMutex);
        m_processCounts[fn.name] = int(std::count_if(f.instances.begin(), f.instances.end(),
                                                     [](const Instance *i) { return !i->dying; }));
    }
    return inst;
}

void FunctionHostCore::onRuntimeApi(int instanceId, HttpRequest request, ParkedResponder responder)
{
    Instance *inst = m_instances.value(instanceId);
    if (!inst || inst->dying) {
        responder.respond(jsonResponse(410, R"({"errorMessage":"sandbox stopped","errorType":"Gone"})"));
        return;
    }
    const QByteArray &path = request.path;
    if (!path.startsWith(runtimePrefix)) {
        responder.respond(jsonResponse(404, R"({"errorMessage":"Not Found","errorType":"InvalidPath"})"));
        return;
    }
    const QByteArray rest = path.mid(runtimePrefix.size());

    if (request.method == "GET" && rest == "/invocation/next") {
        if (!inst->initialized) {
            inst->initialized = true;
            inst->initDurationMs = inst->sinceSpawn.nsecsElapsed() / 1e6;
            inst->deadline->stop();
        }
        inst->parked = responder;
        inst->idleSince.start();
        if (inst->current && !inst->eventSent) {
            sendEvent(inst);
            return;
        }
        // Still current: the process pipelined this request behind its response, which finishes
        // on the next turn (see below) and then hands it work.
        if (!inst->current)
            readyForWork(inst);
        return;
    }

    if (request.method == "POST" && rest == "/init/error") {
        responder.respond(jsonResponse(202, R"({"status":"OK"})"));
        collectOutput(inst);
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        FunctionResult r;
        r.status = FunctionResult::Status::InitError;
        r.payload = request.body;
        r.errorType = body.value(QStringLiteral("errorType")).toString(
            QString::fromUtf8(request.header("Lambda-Runtime-Function-Error-Type")));
        r.errorMessage = body.value(QStringLiteral("errorMessage")).toString();
        if (inst->current)
            finish(inst, r);
        retire(inst);
        return;
    }

    static const QByteArray invocationPrefix = "/invocation/";
    if (request.method == "POST" && rest.startsWith(invocationPrefix)) {
        const QByteArray tail = rest.mid(invocationPrefix.size());
        const int slash = tail.indexOf('/');
        const QString requestId = QString::fromUtf8(tail.left(slash));
        const QByteArray verb = slash < 0 ? QByteArray() : tail.mid(slash + 1);
        if (verb != "response" && verb != "error") {
            responder.respond(jsonResponse(404, R"({"errorMessage":"Not Found","errorType":"InvalidPath"})"));
            return;
        }
        if (!inst->current || !inst->eventSent || inst->current->requestId != requestId) {
            responder.respond(jsonResponse(400, R"({"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"})"));
            return;
        }
        if (request.body.size() > 6 * 1024 * 1024) {
            responder.respond(jsonResponse(413, R"({"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"RequestEntityTooLarge"})"));
            FunctionResult r;
            r.status = FunctionResult::Status::FunctionError;
            r.errorType = QStringLiteral("Function.ResponseSizeTooLarge");
            r.errorMessage = QStringLiteral("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
            finish(inst, r);
            return;
        }
        FunctionResult r;
        r.payload = request.body;
        if (verb == "response") {
            r.status = FunctionResult::Status::Success;
        } else {
            r.status = FunctionResult::Status::FunctionError;
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            r.errorType = body.value(QStringLiteral("errorType")).toString(
                QString::fromUtf8(request.header("Lambda-Runtime-Function-Error-Type")));
            r.errorMessage = body.value(QStringLiteral("errorMessage")).toString();
        }
        inst->deadline->stop();
        collectOutput(inst);
        // Accepted at once: the process may ask for its next event, but gets none while this
        // invocation is current. Output written just before the answer may still be in the pipe,
        // so the invocation finishes (logs closed, result delivered, next event sent) on the next
        // turn of the loop, after the pipe has been read.
        responder.respond(jsonResponse(202, R"({"status":"OK"})"));
        const int id = inst->id;
        QMetaObject::invokeMethod(this, [this, id, r] {
            Instance *i = m_instances.value(id);
            if (!i || !i->current)
                return;
            finish(i, r);
            if (i->parked.isSet())
                readyForWork(i);
        }, Qt::QueuedConnection);
        return;
    }
    responder.respond(jsonResponse(404, R"({"errorMessage":"Not Found","errorType":"InvalidPath"})"));
}

void FunctionHostCore::readyForWork(Instance *inst)
{
    if (inst->generation != (functionOf(inst) ? functionOf(inst)->generation : -1)) {
        retire(inst); // code changed while it was busy
        return;
    }
    if (Function *f = functionOf(inst))
        dispatch(*f);
}

void FunctionHostCore::sendEvent(Instance *inst)
{
    const Function *f = functionOf(inst);
    const auto &inv = inst->current;
    const int functionTimeoutMs = (f ? qMax(1, f->config.timeout) : 3) * 1000;
    int timeoutMs = functionTimeoutMs;
    inst->apiDeadline = false;
    if (inv->request.timeoutMs > 0 && inv->request.timeoutMs < functionTimeoutMs) {
        timeoutMs = inv->request.timeoutMs;
        inst->apiDeadline = true;
    }
    const qint64 deadlineMs = QDateTime::currentMSecsSinceEpoch() + timeoutMs;

    HttpResponse event;
    event.status = 200;
    event.body = inv->request.payload.isEmpty() ? QByteArray("{}") : inv->request.payload;
    event.headers = {
        {"Content-Type", "application/json"},
        {"Lambda-Runtime-Aws-Request-Id", inv->requestId.toUtf8()},
        {"Lambda-Runtime-Deadline-Ms", QByteArray::number(deadlineMs)},
        {"Lambda-Runtime-Invoked-Function-Arn",
         QStringLiteral("arn:aws:lambda:%1:%2:function:%3")
             .arg(m_options.region, m_options.accountId, inst->functionName).toUtf8()},
        {"Lambda-Runtime-Trace-Id", traceId()}};
    if (!inv->request.clientContext.isEmpty())
        event.headers.append({"Lambda-Runtime-Client-Context", inv->request.clientContext});
    if (!inv->request.cognitoIdentity.isEmpty())
        event.headers.append({"Lambda-Runtime-Cognito-Identity", inv->request.cognitoIdentity});

    inst->eventSent = true;
    inst->currentLog = std::exchange(inst->pendingLog, {});
    inst->currentLog << QStringLiteral("START RequestId: %1 Version: $LATEST").arg(inv->requestId);
    inst->logTarget = &inst->currentLog;
    inst->sinceEvent.start();
    inst->deadline->start(timeoutMs);
    inst->parked.respond(event);
    inst->parked = {};
}

void FunctionHostCore::finish(Instance *inst, FunctionResult result)
{
    auto invocation = std::exchange(inst->current, nullptr);
    if (!invocation)
        return;
    inst->deadline->stop();
    collectOutput(inst);
    if (!inst->partialLine.isEmpty() && inst->logTarget)
        inst->logTarget->append(QString::fromUtf8(std::exchange(inst->partialLine, {})));
    const double durationMs = inst->sinceEvent.isValid() ? inst->sinceEvent.nsecsElapsed() / 1e6 : 0;
    result.requestId = invocation->requestId;
    result.durationMs = durationMs;
    if (inst->firstInvocation) {
        result.coldStart = true;
        result.initDurationMs = inst->initDurationMs;
        inst->firstInvocation = false;
    }
    QStringList log = std::exchange(inst->currentLog, {});
    if (!inst->eventSent) // died before the event was delivered: its output is the init log
        log = std::exchange(inst->pendingLog, {}) + log;
    inst->logTarget = nullptr;
    inst->eventSent = false;
    log << QStringLiteral("END RequestId: %1").arg(invocation->requestId);
    if (!inst->sinceMemorySample.isValid() || inst->sinceMemorySample.elapsed() >= memorySampleMs) {
        inst->maxMemoryMb = maxMemoryUsedMb(inst->process->processId());
        inst->sinceMemorySample.start();
    }
    QString report = QStringLiteral("REPORT RequestId: %1\tDuration: %2 ms\tBilled Duration: %3 ms\t"
                                    "Memory Size: %4 MB\tMax Memory Used: %5 MB")
                         .arg(invocation->requestId, formatMs(durationMs))
                         .arg(qint64(std::ceil(durationMs)))
                         .arg(functionOf(inst) ? functionOf(inst)->config.memorySize : 128)
                         .arg(inst->maxMemoryMb);
    if (result.coldStart)
        report += QStringLiteral("\tInit Duration: %1 ms").arg(formatMs(result.initDurationMs));
    log << report;
    result.log = log;
    inst->idleSince.start();
    deliver(invocation, result);
}

void FunctionHostCore::deliver(const std::shared_ptr<PendingInvocation> &invocation, FunctionResult result)
{
    if (result.requestId.isEmpty())
        result.requestId = invocation->requestId;
    if (!invocation->hasContext) {
        invocation->callback(result);
        return;
    }
    QObject *context = invocation->context.data();
    if (!context)
        return; // the caller went away
    QMetaObject::invokeMethod(context, [cb = invocation->callback, result] { cb(result); },
                              Qt::QueuedConnection);
}

void FunctionHostCore::retire(Instance *inst)
{
    if (inst->dying)
        return;
    inst->dying = true;
    inst->parked = {};
    if (Function *f = functionOf(inst)) {
        std::lock_guard lock(m_countMutex);
        m_processCounts[inst->functionName] =
            int(std::count_if(f->instances.begin(), f->instances.end(),
                              [](const Instance *i) { return !i->dying; }));
    }
    inst->process->kill();
}

void FunctionHostCore::onProcessFinished(Instance *inst)
{
    collectOutput(inst);
    if (inst->current) {
        FunctionResult r;
        const int code = inst->process->exitCode();
        if (inst->process->error() == QProcess::FailedToStart) {
            r.status = FunctionResult::Status::StartFailed;
            r.errorType = QStringLiteral("Runtime.StartFailed");
            r.errorMessage = inst->process->errorString();
        } else if (!inst->initialized) {
            r.status = FunctionResult::Status::InitError;
            r.errorType = QStringLiteral("Runtime.ExitError");
            r.errorMessage = QStringLiteral("RequestId: %1 Error: Runtime exited with error: exit status %2")
                                 .arg(inst->current->requestId).arg(code);
        } else {
            r.status = FunctionResult::Status::Crashed;
            r.errorType = QStringLiteral("Runtime.ExitError");
            r.errorMessage = inst->process->exitStatus() == QProcess::CrashExit
                                 ? QStringLiteral("RequestId: %1 Error: Runtime exited with error: signal: killed")
                                       .arg(inst->current->requestId)
                                 : QStringLiteral("RequestId: %1 Error: Runtime exited with error: exit status %2")
                                       .arg(inst->current->requestId).arg(code);
        }
        (inst->eventSent ? inst->currentLog : inst->pendingLog) << r.errorMessage;
        finish(inst, r);
    }
    Function *f = functionOf(inst);
    if (f)
        f->instances.removeOne(inst);
    m_instances.remove(inst->id);
    {
        std::lock_guard lock(m_countMutex);
        if (f)
            m_processCounts[inst->functionName] =
                int(std::count_if(f->instances.begin(), f->instances.end(),
                                  [](const Instance *i) { return !i->dying; }));
    }
    // Possibly called from one of the listener's own requests: let it unwind first.
    inst->listener->close();
    inst->listener->deleteLater();
    inst->process->deleteLater();
    delete inst;
    if (f)
        dispatch(*f);
}

void FunctionHostCore::collectOutput(Instance *inst)
{
    const QByteArray data = inst->process->readAllStandardOutput();
    if (data.isEmpty())
        return;
    QByteArray text = inst->partialLine + data;
    const int lastNewline = text.lastIndexOf('\n');
    inst->partialLine = text.mid(lastNewline + 1);
    if (lastNewline < 0)
        return;
    QStringList &target = inst->logTarget ? *inst->logTarget : inst->pendingLog;
    for (const QByteArray &line : text.left(lastNewline).split('\n'))
        target << QString::fromUtf8(line);
}

void FunctionHostCore::watchCode(Function &f)
{
    QStringList paths{f.codeDirectory};
    QDirIterator it(f.codeDirectory, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext() && paths.size() < maxWatchedEntries) {
        const QString path = it.next();
        if (path.contains(QLatin1String("/node_modules")) || path.contains(QLatin1String("/.git"))
            || path.contains(QLatin1String("/__pycache__")))
            continue;
        paths << path;
    }
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    QStringList fresh;
    for (const QString &p : paths) {
        if (!watched.contains(p))
            fresh << p;
    }
    if (!fresh.isEmpty())
        m_watcher->addPaths(fresh);
}

void FunctionHostCore::onCodeChanged(const QString &path)
{
    m_changedPaths << path;
    m_reloadDelay->start();
}

void FunctionHostCore::reapIdle()
{
    for (Instance *inst : QList<Instance *>(m_instances.values())) {
        if (!inst->dying && !inst->current && inst->parked.isSet()
            && inst->idleSince.isValid() && inst->idleSince.elapsed() > m_options.idleReapMs)
            retire(inst);
    }
}

FunctionHostCore::Function *FunctionHostCore::functionOf(const Instance *inst)
{
    auto it = m_functions.find(inst->functionName);
    return it == m_functions.end() ? nullptr : &it.value();
}

int FunctionHostCore::processCount(const QString &functionName) const
{
    std::lock_guard lock(m_countMutex);
    return m_processCounts.value(functionName);
}

} // namespace Gw::Runtime
