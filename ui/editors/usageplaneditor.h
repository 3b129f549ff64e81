// The usage plan editor: name, throttling, quota, the API stages the plan covers and the keys
// bound to it.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

class QListWidget;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;

class UsagePlanEditor : public QWidget
{
    Q_OBJECT
public:
    UsagePlanEditor(Model::DocumentSession *session, const NodeRef &plan, QWidget *parent = nullptr);

    // Checkable lists: every stage of every API (data: apiId, stage) and every key (data: key id).
    QListWidget *stagesList() const { return m_stages; }
    QListWidget *keysList() const { return m_keys; }

private:
    void refreshLists();

    Model::DocumentSession *m_session;
    NodeRef m_plan;
    FieldBinder *m_binder;
    QListWidget *m_stages;
    QListWidget *m_keys;
};

} // namespace Gw::Ui
