// The Console dock: hosts the request console.
#include "ui/console/consoledock.h"

#include "ui/console/requestconsole.h"

namespace Gw::Ui {

ConsoleDock::ConsoleDock(RuntimeController *controller, QWidget *parent)
    : QDockWidget(tr("Request Console"), parent)
    , m_console(new RequestConsole(controller))
{
    setObjectName(QStringLiteral("ConsoleDock"));
    m_console->setObjectName(QStringLiteral("requestConsole"));
    setWidget(m_console);
}

void ConsoleDock::setTarget(const NodeRef &node)
{
    m_console->setTarget(node);
}

} // namespace Gw::Ui
