// Runs the document in the embedded gateway for the UI: Start/Stop actions, the port from the
// settings (falling back to any free port when it is busy), and live updates of the running
// runtime on every document change.
#pragma once

#include "runtime/runtimehost.h"

#include <QObject>
#include <QUrl>

class QAction;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class Settings;

class RuntimeController : public QObject
{
    Q_OBJECT
public:
    // Niceness of the runtime's worker threads in the studio: a wrk run against the runtime must
    // not freeze the window that shows it (measured by tests/bench/gui-stall.sh).
    static constexpr int WorkerNice = 5;

    RuntimeController(Model::DocumentSession *session, Runtime::RuntimeHost *host, Settings *settings,
                      QObject *parent = nullptr);

    Runtime::RuntimeHost *host() const { return m_host; }
    Model::DocumentSession *session() const { return m_session; }
    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }

    bool isRunning() const;
    // Starts on the configured port, or on any free port when that one is taken. Returns false
    // and reports errorOccurred when the runtime cannot start at all.
    bool start();
    void stop();

    // Where an API is served (REST: including the /{stage} prefix); when stopped, where it will be.
    QUrl endpointFor(const QString &apiId) const;
    // The stage a REST API is served at: the configured stage or the API's first one.
    QString servedStage(const QString &apiId) const;
    QString statusText() const;
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void stateChanged();
    void errorOccurred(const QString &message);

private:
    void updateActions();

    Model::DocumentSession *m_session;
    Runtime::RuntimeHost *m_host;
    Settings *m_settings;
    QAction *m_start;
    QAction *m_stop;
    QString m_lastError;
    QString m_stage;
};

} // namespace Gw::Ui
