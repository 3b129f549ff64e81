// Runs the document in the embedded gateway for the UI.
#include "ui/runtimecontroller.h"

#include "model/documentsession.h"
#include "ui/icons.h"
#include "ui/models/nodelookup.h"
#include "ui/settings.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>

namespace Gw::Ui {

using namespace Gw::Model;

RuntimeController::RuntimeController(DocumentSession *session, Runtime::RuntimeHost *host,
                                     Settings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_host(host)
    , m_settings(settings)
{
    m_start = new QAction(Icons::named(QStringLiteral("start"), QStyle::SP_MediaPlay), tr("&Start Runtime"), this);
    m_start->setObjectName(QStringLiteral("startRuntimeAction"));
    m_start->setShortcut(QKeySequence(Qt::Key_F5));
    m_start->setToolTip(tr("Serve the APIs on localhost (F5)"));
    m_stop = new QAction(Icons::named(QStringLiteral("stop"), QStyle::SP_MediaStop), tr("S&top Runtime"), this);
    m_stop->setObjectName(QStringLiteral("stopRuntimeAction"));
    m_stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    connect(m_start, &QAction::triggered, this, [this] { start(); });
    connect(m_stop, &QAction::triggered, this, &RuntimeController::stop);

    connect(m_host, &Runtime::RuntimeHost::runningChanged, this, [this] {
        updateActions();
        Q_EMIT stateChanged();
    });
    // The designer is live: every edit (and undo) reaches the running gateway.
    connect(m_session, &DocumentSession::documentChanged, this, [this] {
        if (m_host->isRunning()) {
            m_host->update(m_session->snapshot());
            Q_EMIT stateChanged(); // endpoints may have changed (an API added or removed)
        }
    });
    updateActions();
}

bool RuntimeController::isRunning() const
{
    return m_host->isRunning();
}

bool RuntimeController::start()
{
    if (m_host->isRunning())
        return true;
    Runtime::RuntimeOptions options;
    options.port = m_settings ? m_settings->runtimePort() : Settings::DefaultRuntimePort;
    options.stage = m_stage;
    options.workerNice = WorkerNice;
    // Every call, from the console or from curl, goes to the SQLite history the History tab reads.
    if (m_settings) {
        options.traceDbPath = m_settings->historyPath();
        options.traceRetention = m_settings->historyRetainCount();
    }
    if (!m_session->filePath().isEmpty())
        options.projectDir = QFileInfo(m_session->filePath()).absolutePath();
    else
        options.projectDir = QDir::currentPath();

    QString error;
    bool ok = m_host->start(m_session->snapshot(), options, &error);
    QString historyError;
    if (!ok && !options.traceDbPath.isEmpty()) {
        // An unreadable or locked history file must not keep the API from being served.
        historyError = error;
        options.traceDbPath.clear();
        error.clear();
        ok = m_host->start(m_session->snapshot(), options, &error);
    }
    if (!ok && options.port != 0) {
        // The preferred port is busy (another tool, a second studio): any free port will do.
        const QString firstError = error;
        options.port = 0;
        error.clear();
        ok = m_host->start(m_session->snapshot(), options, &error);
        if (!ok)
            error = firstError + QLatin1Char('\n') + error;
    }
    m_lastError = ok ? QString() : error;
    updateActions();
    Q_EMIT stateChanged();
    if (!ok)
        Q_EMIT errorOccurred(error);
    else if (!historyError.isEmpty() && !m_host->traceStore())
        Q_EMIT errorOccurred(tr("Serving without the call history: %1").arg(historyError));
    return ok;
}

void RuntimeController::stop()
{
    if (!m_host->isRunning())
        return;
    m_host->stop();
    updateActions();
    Q_EMIT stateChanged();
}

QString RuntimeController::servedStage(const QString &apiId) const
{
    if (!m_stage.isEmpty())
        return m_stage;
    const Api *api = Lookup::api(m_session->document(), apiId);
    if (!api || api->stages.isEmpty())
        return api && api->type == ApiType::Rest ? QStringLiteral("dev") : QString();
    return api->stages.first().name;
}

QUrl RuntimeController::endpointFor(const QString &apiId) const
{
    const ApiDocument &doc = m_session->document();
    const Api *api = Lookup::api(doc, apiId);
    if (!api)
        return {};
    QUrl url;
    if (m_host->isRunning()) {
        for (const Runtime::ApiEndpoint &e : m_host->endpoints())
            if (e.apiId == apiId)
                url = e.baseUrl;
        if (url.isEmpty())
            return {};
    } else {
        // Not running: where it will be served (one port per API, consecutive from the setting).
        const quint16 first = m_settings ? m_settings->runtimePort() : Settings::DefaultRuntimePort;
        const int index = int(doc.apis.indexOf(*api));
        url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(first == 0 ? 3000 : first + index));
    }
    const QString stage = servedStage(apiId);
    // REST always has the stage prefix; HTTP/WebSocket only for named (non-$default) stages.
    const bool prefixed = api->type == ApiType::Rest
                          || (!stage.isEmpty() && stage != QLatin1String("$default"));
    if (prefixed)
        url.setPath(QLatin1Char('/') + stage);
    if (api->type == ApiType::WebSocket)
        url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    return url;
}

QString RuntimeController::statusText() const
{
    if (!m_host->isRunning())
        return m_lastError.isEmpty() ? tr("Runtime stopped") : tr("Runtime failed: %1").arg(m_lastError);
    const QList<Runtime::ApiEndpoint> endpoints = m_host->endpoints();
    if (endpoints.isEmpty())
        return tr("Runtime running (no APIs)");
    QStringList ports;
    for (const Runtime::ApiEndpoint &e : endpoints)
        ports << QString::number(e.baseUrl.port());
    return tr("Runtime running on 127.0.0.1:%1").arg(ports.join(QStringLiteral(", ")));
}

void RuntimeController::updateActions()
{
    const bool running = m_host->isRunning();
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
}

} // namespace Gw::Ui
