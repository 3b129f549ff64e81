// Integration (trace step integrate): what the method calls — a MOCK, a local Lambda function
// (proxy or custom), an HTTP endpoint (proxy or custom) or an AWS service (answered by a stub
// locally) — with the endpoint method, URI and timeout.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;

class IntegrationEditor : public QWidget
{
    Q_OBJECT
public:
    IntegrationEditor(Model::DocumentSession *session, const NodeRef &method, QWidget *parent = nullptr);

private:
    FieldBinder *m_binder;
};

} // namespace Gw::Ui
