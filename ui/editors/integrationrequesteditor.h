// Integration Request (trace step mapRequest): how the method request becomes the integration
// request — parameter mappings (integration.request.* from method.request.*), mapping templates
// by content type, and the passthrough behaviour for content types without a template.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;
class MapTableModel;
class TemplateMapEditor;

class IntegrationRequestEditor : public QWidget
{
    Q_OBJECT
public:
    IntegrationRequestEditor(Model::DocumentSession *session, const NodeRef &method, QWidget *parent = nullptr);

    MapTableModel *parametersModel() const { return m_parameters; }
    TemplateMapEditor *templates() const { return m_templates; }

private:
    FieldBinder *m_binder;
    MapTableModel *m_parameters;
    TemplateMapEditor *m_templates;
};

} // namespace Gw::Ui
