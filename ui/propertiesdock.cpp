// The Properties dock: hosts the properties panel.
#include "ui/propertiesdock.h"

#include "ui/editors/propertiespanel.h"

namespace Gw::Ui {

PropertiesDock::PropertiesDock(Model::DocumentSession *session, QWidget *parent)
    : QDockWidget(tr("Properties"), parent)
    , m_panel(new PropertiesPanel(session))
{
    setObjectName(QStringLiteral("PropertiesDock"));
    m_panel->setObjectName(QStringLiteral("propertiesPanel"));
    setWidget(m_panel);
}

void PropertiesDock::setNode(const NodeRef &node)
{
    m_panel->setNode(node);
}

} // namespace Gw::Ui
