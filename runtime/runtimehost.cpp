// RuntimeHost runs the gateway for a whole document: one listener per API (consecutive ports, as
// each AWS API has its own endpoint), hot-swapping compiled snapshots on every edit.
#include "runtime/runtimehost.h"

#include "runtime/apiservice.h"
#include "runtime/auth/localidentityprovider.h"
#include "runtime/compiledapi.h"
#include "runtime/lambda/functionhost.h"
#include "runtime/pipeline/pipeline.h"
#include "runtime/server/httpserver.h"
#include "runtime/server/workerpool.h"
#include "runtime/trace/tracering.h"
#include "runtime/trace/tracesink.h"
#include "runtime/trace/tracestore.h"

#include <QMutex>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace Gw::Runtime {

namespace {

// Stores traces in the ring at once and emits traceRecorded on the host's thread. Emission is
// batched: one queued call carries every trace recorded in the next 15 ms, so a burst of
// requests neither floods the host's event queue nor wakes its thread per request (under load
// that wake-up alone cost a tenth of the server's time).
class HostTraceSink : public TraceSink
{
public:
    HostTraceSink(RuntimeHost *host, TraceRing *ring) : m_host(host), m_ring(ring) {}

    // The history store, or null; set while no request is served.
    void setStore(TraceStore *store) { m_store = store; }

    void record(TracePtr trace) override
    {
        m_ring->add(trace);
        if (m_store)
            m_store->append(trace); // queued: the writer thread does the I/O
        QMutexLocker lock(&m_mutex);
        m_pending.append(std::move(trace));
        if (m_posted)
            return;
        m_posted = true;
        lock.unlock();
        QMetaObject::invokeMethod(
            m_host, [this] { QTimer::singleShot(batchMs, m_host, [this] { flush(); }); },
            Qt::QueuedConnection);
    }

private:
    void flush()
    {
        QList<TracePtr> batch;
        {
            QMutexLocker lock(&m_mutex);
            batch.swap(m_pending);
            m_posted = false;
        }
        QPointer<RuntimeHost> guard(m_host);
        for (const TracePtr &t : batch) {
            if (!guard)
                return;
            Q_EMIT m_host->traceRecorded(t);
        }
    }

    static constexpr int batchMs = 15;
    RuntimeHost *m_host;
    TraceRing *m_ring;
    TraceStore *m_store = nullptr;
    QMutex m_mutex;
    QList<TracePtr> m_pending;
    bool m_posted = false;
};

struct Listener
{
    QString apiId;
    std::unique_ptr<ApiService> service;
    std::unique_ptr<HttpServer> server;
    ApiEndpoint endpoint;
};

} // namespace

class RuntimeHost::Private
{
public:
    RuntimeOptions options;
    std::unique_ptr<TraceRing> ring = std::make_unique<TraceRing>();
    std::unique_ptr<HostTraceSink> sink;
    std::shared_ptr<Pipeline> pipeline;
    std::unique_ptr<FunctionHost> functions = std::make_unique<FunctionHost>();
    std::unique_ptr<TraceStore> store;
    std::shared_ptr<WorkerPool> pool;
    std::vector<Listener> listeners;
    HttpServerOptions serverOptions;

    // Compiles `api` and listens for it on `port` (0: any free port).
    bool addListener(const std::shared_ptr<const Model::ApiDocument> &doc, const Model::Api &api,
                     quint16 port, QString *error)
    {
        QString compileError;
        CompiledApiPtr compiled = CompiledApi::compile(doc, api.id, options.stage, &compileError);
        if (!compiled) {
            *error = compileError;
            return false;
        }
        Listener l;
        l.apiId = api.id;
        l.service = std::make_unique<ApiService>(pipeline, sink.get(), compiled);
        l.server = std::make_unique<HttpServer>(pool, l.service.get(), serverOptions);
        QString listenError;
        if (!l.server->listen(options.host, port, &listenError)) {
            *error = QStringLiteral("API '%1': %2").arg(api.name, listenError);
            return false;
        }
        l.endpoint.apiId = api.id;
        l.endpoint.apiName = api.name;
        QUrl url;
        url.setScheme(l.server->isTls() ? QStringLiteral("https") : QStringLiteral("http"));
        url.setHost(options.host.toString());
        url.setPort(l.server->port());
        l.endpoint.baseUrl = url;
        listeners.push_back(std::move(l));
        return true;
    }

    // Started when an authorizer trusts the local issuer, so JWT/Cognito authorizers work offline
    // from the GUI and `serve` alike. It has a thread of its own: JWKS fetches from the workers must
    // not wait on a busy GUI thread.
    std::unique_ptr<LocalIdentityProvider> identityProvider;
    std::unique_ptr<QThread> identityProviderThread;
    bool running = false;

    ~Private() { stopIdentityProvider(); }

    void startIdentityProviderIfNeeded(const Model::ApiDocument &doc)
    {
        if (identityProvider || !usesLocalIdentityProvider(doc))
            return;
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("identity-provider"));
        auto idp = std::make_unique<LocalIdentityProvider>();
        idp->moveToThread(thread.get());
        thread->start();
        QString idpError;
        bool started = false;
        LocalIdentityProvider *raw = idp.get();
        QMetaObject::invokeMethod(raw, [raw, &started, &idpError] {
            started = raw->start(LocalIdentityProvider::DefaultPort, &idpError);
        }, Qt::BlockingQueuedConnection);
        identityProvider = std::move(idp);
        identityProviderThread = std::move(thread);
        if (!started) {
            qWarning("apigw-studio: the local identity provider did not start (%s); JWT authorizers "
                     "that trust it will answer 401", qPrintable(idpError));
            stopIdentityProvider();
        }
    }

    void stopIdentityProvider()
    {
        if (!identityProvider)
            return;
        LocalIdentityProvider *raw = identityProvider.release();
        QMetaObject::invokeMethod(raw, [raw] { delete raw; }, Qt::BlockingQueuedConnection);
        identityProviderThread->quit();
        identityProviderThread->wait();
        identityProviderThread.reset();
    }

    static bool usesLocalIdentityProvider(const Model::ApiDocument &doc)
    {
        const QString port = QStringLiteral(":%1").arg(LocalIdentityProvider::DefaultPort);
        for (const Model::Api &api : doc.apis) {
            for (const Model::Authorizer &a : api.authorizers) {
                QStringList issuers = a.providerArns;
                issuers.append(a.jwtIssuer);
                for (const QString &issuer : std::as_const(issuers)) {
                    if (issuer.contains(QLatin1String("127.0.0.1") + port)
                        || issuer.contains(QLatin1String("localhost") + port))
                        return true;
                }
            }
        }
        return false;
    }
};

RuntimeHost::RuntimeHost(QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->sink = std::make_unique<HostTraceSink>(this, d->ring.get());
}

RuntimeHost::~RuntimeHost()
{
    stop();
}

bool RuntimeHost::start(std::shared_ptr<const Model::ApiDocument> doc, const RuntimeOptions &options,
                        QString *error)
{
    stop();
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        for (Listener &l : d->listeners)
            l.server->close();
        if (d->pool)
            d->pool->shutdown(0);
        d->listeners.clear();
        d->pool.reset();
        d->sink->setStore(nullptr);
        d->store.reset();
        return false;
    };
    if (!doc || doc->apis.isEmpty())
        return fail(QStringLiteral("nothing to serve: the document has no API"));

    d->options = options;
    if (d->ring->capacity() != options.traceCapacity)
        d->ring->setCapacity(options.traceCapacity);
    if (!d->pipeline)
        d->pipeline = Pipeline::createDefault({d->functions.get()});
    d->functions->setFunctions(doc->functions, options.projectDir);
    if (!options.traceDbPath.isEmpty()) {
        auto store = std::make_unique<TraceStore>(options.traceDbPath, options.traceRetention);
        if (const QString storeError = store->open(); !storeError.isEmpty())
            return fail(storeError);
        d->store = std::move(store);
        d->sink->setStore(d->store.get());
    }
    HttpServerOptions serverOptions;
    serverOptions.headerReadTimeoutMs = options.headerReadTimeoutMs;
    serverOptions.idleTimeoutMs = options.idleTimeoutMs;
    if (options.tls.enabled) {
        QString tlsError;
        serverOptions.tls = ServerTlsConfiguration::build(options.tls, &tlsError);
        if (!serverOptions.tls)
            return fail(QStringLiteral("HTTPS: %1").arg(tlsError));
    }
    d->pool = std::make_shared<WorkerPool>(options.workerThreads, options.workerNice);
    d->serverOptions = serverOptions;
    for (qsizetype i = 0; i < doc->apis.size(); ++i) {
        const quint16 port = options.port == 0 ? 0 : quint16(options.port + i);
        QString listenError;
        if (!d->addListener(doc, doc->apis.at(i), port, &listenError))
            return fail(listenError);
    }
    d->startIdentityProviderIfNeeded(*doc);
    d->running = true;
    Q_EMIT runningChanged(true);
    return true;
}

void RuntimeHost::stop()
{
    if (!d->running && d->listeners.empty())
        return;
    for (Listener &l : d->listeners)
        l.server->close();
    if (d->pool)
        d->pool->shutdown(5000); // requests in flight finish
    d->listeners.clear();
    d->pool.reset();
    d->sink->setStore(nullptr);
    d->store.reset(); // flushes what is queued
    d->stopIdentityProvider();
    const bool wasRunning = d->running;
    d->running = false;
    if (wasRunning)
        Q_EMIT runningChanged(false);
}

bool RuntimeHost::isRunning() const
{
    return d->running;
}

void RuntimeHost::update(std::shared_ptr<const Model::ApiDocument> doc)
{
    if (!doc)
        return;
    d->functions->setFunctions(doc->functions, d->options.projectDir);
    d->startIdentityProviderIfNeeded(*doc);
    for (Listener &l : d->listeners) {
        // An API deleted from the document keeps serving its last snapshot until restart (its
        // connections may still be in flight).
        if (CompiledApiPtr compiled = CompiledApi::compile(doc, l.apiId, d->options.stage))
            l.service->setApi(std::move(compiled));
    }
    if (!d->running)
        return;
    // An API added to the document gets a listener of its own: the port after the others when
    // ports were asked for (any free one if that is taken), else any free port.
    bool added = false;
    for (qsizetype i = 0; i < doc->apis.size(); ++i) {
        const Model::Api &api = doc->apis.at(i);
        const bool served = std::any_of(d->listeners.cbegin(), d->listeners.cend(),
                                        [&](const Listener &l) { return l.apiId == api.id; });
        if (served)
            continue;
        QString listenError;
        const quint16 preferred = d->options.port == 0 ? 0 : quint16(d->options.port + i);
        if (!d->addListener(doc, api, preferred, &listenError)
            && (preferred == 0 || !d->addListener(doc, api, 0, &listenError))) {
            qWarning("apigw-studio: cannot serve the new API %s: %s", qPrintable(api.name),
                     qPrintable(listenError));
            continue;
        }
        added = true;
    }
    if (added)
        Q_EMIT endpointsChanged();
}

QList<ApiEndpoint> RuntimeHost::endpoints() const
{
    QList<ApiEndpoint> out;
    for (const Listener &l : d->listeners)
        out.append(l.endpoint);
    return out;
}

TraceRing *RuntimeHost::traces() const
{
    return d->ring.get();
}

LocalIdentityProvider *RuntimeHost::identityProvider() const
{
    return d->identityProvider.get();
}

TraceStore *RuntimeHost::traceStore() const
{
    return d->store.get();
}

FunctionHost *RuntimeHost::functionHost() const
{
    return d->functions.get();
}

} // namespace Gw::Runtime
