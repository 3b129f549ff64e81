// The Runtime dock: start/stop, the served endpoints (click to copy or open), and a log line for
// every request the gateway served (time, method, path, status, duration).
#pragma once

#include "runtime/trace/trace.h"

#include <QDockWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;
class QTreeWidget;

namespace Gw::Ui {

class RuntimeController;

class RuntimeDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit RuntimeDock(RuntimeController *controller, QWidget *parent = nullptr);

    QTreeWidget *endpointsView() const { return m_endpoints; }
    QPlainTextEdit *logView() const { return m_log; }

    static QString logLine(const Runtime::Trace &trace);

private:
    void refreshEndpoints();
    void appendTrace(const Runtime::TracePtr &trace);
    void flushLog();

    RuntimeController *m_controller;
    QLabel *m_state;
    QTreeWidget *m_endpoints;
    QPlainTextEdit *m_log;
    // Lines are appended in batches (a wrk load serves thousands of calls a second; a text edit
    // append per call stalled the GUI for seconds): at most maxLinesPerFlush per flush, the
    // rest counted in one line.
    static constexpr int maxLinesPerFlush = 200;
    QTimer *m_flush;
    QList<Runtime::TracePtr> m_pending;
    qint64 m_skipped = 0;
};

} // namespace Gw::Ui
