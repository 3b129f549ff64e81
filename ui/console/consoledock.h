// The Console dock: hosts the request console (pointed at the selected method or route) and the
// call history.
#pragma once

#include "ui/models/noderef.h"

#include <QDockWidget>

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

private:
    RequestConsole *m_console;
    HistoryView *m_history;
};

} // namespace Gw::Ui
