// The API key editor: name, value (typed or generated) and whether the key is enabled.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;

class ApiKeyEditor : public QWidget
{
    Q_OBJECT
public:
    ApiKeyEditor(Model::DocumentSession *session, const NodeRef &key, QWidget *parent = nullptr);

    // Replaces the value with a fresh 40-character random one, as one undo step.
    void generateValue();

private:
    Model::DocumentSession *m_session;
    NodeRef m_key;
    FieldBinder *m_binder;
};

} // namespace Gw::Ui
