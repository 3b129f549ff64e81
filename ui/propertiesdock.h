// The Properties dock: hosts the properties panel for the node selected in the Resources tree.
#pragma once

#include "ui/models/noderef.h"

#include <QDockWidget>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class PropertiesPanel;

class PropertiesDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit PropertiesDock(Model::DocumentSession *session, QWidget *parent = nullptr);

    PropertiesPanel *panel() const { return m_panel; }
    void setNode(const NodeRef &node);

private:
    PropertiesPanel *m_panel;
};

} // namespace Gw::Ui
