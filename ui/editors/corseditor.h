// CORS for an HTTP API (its CorsConfiguration: origins, methods, headers, exposed headers, max
// age, credentials), checked as you type against what AWS accepts; and REST's "Enable CORS"
// action, which adds the OPTIONS preflight method and the Access-Control-Allow-Origin mapping.
#pragma once

#include "model/apidocument.h"
#include "ui/models/noderef.h"

#include <QWidget>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;

class CorsEditor : public QWidget
{
    Q_OBJECT
public:
    CorsEditor(Model::DocumentSession *session, const NodeRef &api, QWidget *parent = nullptr);

    // REST "Enable CORS" on a resource: a MOCK OPTIONS method answering the preflight with the
    // allowed methods (those of the resource) and headers, and Access-Control-Allow-Origin mapped
    // on every other method's 200 response. False when the resource does not exist.
    static bool enableRestCors(Model::ApiDocument &doc, const QString &apiId, const QString &resourceId,
                               const QString &origin = QStringLiteral("*"));

private:
    FieldBinder *m_binder;
};

} // namespace Gw::Ui
