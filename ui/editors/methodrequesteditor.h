// Method Request (trace steps authorize, apiKey, validate): who may call the method and what a
// valid request looks like — authorization, API key, request validator, the declared path /
// query string / header parameters, and the request body models by content type.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;
class MapTableModel;

class MethodRequestEditor : public QWidget
{
    Q_OBJECT
public:
    MethodRequestEditor(Model::DocumentSession *session, const NodeRef &method, QWidget *parent = nullptr);

    MapTableModel *parametersModel() const { return m_parameters; }
    MapTableModel *modelsModel() const { return m_models; }

private:
    FieldBinder *m_binder;
    MapTableModel *m_parameters;
    MapTableModel *m_models;
};

} // namespace Gw::Ui
