// The Console dock: hosts the request console and points it at the selected method or route.
#pragma once

#include "ui/models/noderef.h"

#include <QDockWidget>

namespace Gw::Ui {

class RequestConsole;
class RuntimeController;

class ConsoleDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ConsoleDock(RuntimeController *controller, QWidget *parent = nullptr);

    RequestConsole *console() const { return m_console; }
    void setTarget(const NodeRef &node);

private:
    RequestConsole *m_console;
};

} // namespace Gw::Ui
