// The Console dock: hosts the request console (pointed at the selected method or route) and the
// call history; a call picked in the history opens in the composer.
#pragma once

#include "runtime/trace/trace.h"
#include "ui/models/noderef.h"

#include <QDockWidget>

class QTabWidget;

namespace Gw::Ui {

class HistoryView;
class RequestConsole;
class RuntimeController;

class ConsoleDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ConsoleDock(RuntimeController *controller, QWidget *parent = nullptr);

    RequestConsole *console() const { return m_console; }
    HistoryView *history() const { return m_history; }
    void setTarget(const NodeRef &node);
    // Fills the composer with a recorded call (method, URL at the running endpoint, headers,
    // body) and shows the composer.
    void openInComposer(const Runtime::TracePtr &trace);
    void showHistory();
    void showComposer();

private:
    RuntimeController *m_controller;
    RequestConsole *m_console;
    HistoryView *m_history;
    QTabWidget *m_tabs;
};

} // namespace Gw::Ui
