// RuntimeHost runs the gateway for a whole document: one listener per API (consecutive ports, as
// each AWS API has its own endpoint), hot-swapping compiled snapshots on every edit.
#pragma once

#include "model/apidocument.h"
#include "runtime/tls/servertlsconfiguration.h"
#include "runtime/trace/trace.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace Gw::Runtime {

class FunctionHost;
class LocalIdentityProvider;
class TraceRing;
class TraceStore;

struct RuntimeOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0;     // first API's port; 0 = any free port for each API
    QString stage;        // the only stage served (default: every stage of each API); REST paths
                          // always start with /{stage}/, HTTP APIs serve $default at the root
    int workerThreads = 2;
    // Niceness of the worker threads. The studio raises it so that a load test against the
    // runtime cannot starve its own window (the GUI thread wins the core when it wakes).
    int workerNice = 0;
    QString projectDir;   // where relative function code directories resolve
    QString traceDbPath;  // empty: in-memory ring only
    int traceRetention = 100000; // newest traces kept in the SQLite history
    int traceCapacity = 1000; // traces kept in memory
    TlsOptions tls;       // HTTPS (and mTLS with a truststore) on every API's listener
    int headerReadTimeoutMs = 10000; // slow clients (slowloris) get 408 and are closed
    int idleTimeoutMs = 60000;       // idle keep-alive connections are closed
};

struct ApiEndpoint
{
    QString apiId;
    QString apiName;
    QUrl baseUrl; // http://127.0.0.1:3000 (REST URLs add /{stage})
};

class RuntimeHost : public QObject
{
    Q_OBJECT
public:
    explicit RuntimeHost(QObject *parent = nullptr);
    ~RuntimeHost() override;

    // Compiles and starts serving. On failure returns false and sets *error (e.g. the port in use,
    // naming the port that was asked for).
    bool start(std::shared_ptr<const Model::ApiDocument> doc, const RuntimeOptions &options,
               QString *error);
    void stop(); // graceful: requests in flight finish
    bool isRunning() const;

    // Publishes a new compiled snapshot atomically; requests in flight finish on the old one.
    // APIs new to the document get a listener (endpointsChanged).
    void update(std::shared_ptr<const Model::ApiDocument> doc);

    QList<ApiEndpoint> endpoints() const;
    TraceRing *traces() const;
    // The SQLite history while running with a traceDbPath; null otherwise.
    TraceStore *traceStore() const;
    FunctionHost *functionHost() const;
    // The local OIDC issuer (http://127.0.0.1:9400/), running while an authorizer of the served
    // design trusts it; null otherwise.
    LocalIdentityProvider *identityProvider() const;

Q_SIGNALS:
    // Emitted on the host's thread for every request served.
    void traceRecorded(Gw::Runtime::TracePtr trace);
    void runningChanged(bool running);
    // An API added by update() got a listener: endpoints() has grown.
    void endpointsChanged();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Gw::Runtime
