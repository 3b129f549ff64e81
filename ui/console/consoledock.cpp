// The Console dock: the request console (composer) and the call history, as two tabs.
#include "ui/console/consoledock.h"

#include "ui/console/callreplayer.h"
#include "ui/console/historyview.h"
#include "ui/console/requestconsole.h"
#include "ui/runtimecontroller.h"

#include <QTabWidget>

namespace Gw::Ui {

ConsoleDock::ConsoleDock(RuntimeController *controller, QWidget *parent)
    : QDockWidget(tr("Request Console"), parent)
    , m_controller(controller)
    , m_console(new RequestConsole(controller))
    , m_history(new HistoryView(controller->host()))
{
    setObjectName(QStringLiteral("ConsoleDock"));
    m_console->setObjectName(QStringLiteral("requestConsole"));
    m_history->setObjectName(QStringLiteral("historyView"));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("consoleDockTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_console, tr("Composer"));
    m_tabs->addTab(m_history, tr("History"));
    setWidget(m_tabs);
    connect(m_history, &HistoryView::openInComposerRequested, this, &ConsoleDock::openInComposer);
}

void ConsoleDock::setTarget(const NodeRef &node)
{
    m_console->setTarget(node);
}

void ConsoleDock::openInComposer(const Runtime::TracePtr &trace)
{
    if (!trace)
        return;
    const ReplayRequest r = Replay::fromTrace(*trace, m_controller->host()->endpoints());
    // Replaces the composer's headers and keeps binary bodies byte for byte.
    m_console->openRequest(r.method, r.url.toString(), r.headers, r.body);
    showComposer();
}

void ConsoleDock::showHistory()
{
    m_tabs->setCurrentWidget(m_history);
}

void ConsoleDock::showComposer()
{
    m_tabs->setCurrentWidget(m_console);
}

} // namespace Gw::Ui
