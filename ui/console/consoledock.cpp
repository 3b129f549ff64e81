// The Console dock: the request console (composer) and the call history, as two tabs.
#include "ui/console/consoledock.h"

#include "ui/console/historyview.h"
#include "ui/console/requestconsole.h"
#include "ui/runtimecontroller.h"

#include <QTabWidget>

namespace Gw::Ui {

ConsoleDock::ConsoleDock(RuntimeController *controller, QWidget *parent)
    : QDockWidget(tr("Request Console"), parent)
    , m_console(new RequestConsole(controller))
    , m_history(new HistoryView(controller->host()))
{
    setObjectName(QStringLiteral("ConsoleDock"));
    m_console->setObjectName(QStringLiteral("requestConsole"));
    m_history->setObjectName(QStringLiteral("historyView"));
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("consoleDockTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(m_console, tr("Composer"));
    tabs->addTab(m_history, tr("History"));
    setWidget(tabs);
}

void ConsoleDock::setTarget(const NodeRef &node)
{
    m_console->setTarget(node);
}

} // namespace Gw::Ui
