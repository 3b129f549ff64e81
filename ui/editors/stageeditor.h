// The stage editor: description, auto deploy, stage variables, default throttling and canary
// traffic, with the limits AWS puts on each.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;
class MapTableModel;

class StageEditor : public QWidget
{
    Q_OBJECT
public:
    StageEditor(Model::DocumentSession *session, const NodeRef &stage, QWidget *parent = nullptr);

    MapTableModel *variablesModel() const { return m_variables; }

private:
    FieldBinder *m_binder;
    MapTableModel *m_variables;
};

} // namespace Gw::Ui
