// Integration Response (trace step mapResponse): how the integration's answer becomes the method
// response — one entry per selection pattern (a regex over the Lambda error message or the HTTP
// status; empty is the default), each naming the method response status, header mappings and
// mapping templates.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

#include <memory>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;
class ListTableModel;
class MapTableModel;
class TableEditor;
class TemplateMapEditor;

class IntegrationResponseEditor : public QWidget
{
    Q_OBJECT
public:
    IntegrationResponseEditor(Model::DocumentSession *session, const NodeRef &method, QWidget *parent = nullptr);

    ListTableModel *responsesModel() const { return m_responses; }
    TableEditor *responsesTable() const { return m_table; }
    MapTableModel *headersModel() const { return m_headers; }
    TemplateMapEditor *templates() const { return m_templates; }
    // Shows the response at `row` (the default response when row is -1 and there is one).
    void selectResponse(int row);
    int selectedResponse() const { return *m_row; }

private:
    void showResponse(int row);

    Model::DocumentSession *m_session;
    NodeRef m_ref;
    std::shared_ptr<int> m_row; // the shown response; read by the bound fields' getters
    ListTableModel *m_responses;
    TableEditor *m_table;
    FieldBinder *m_binder;
    QWidget *m_details;
    MapTableModel *m_headers;
    TemplateMapEditor *m_templates;
};

} // namespace Gw::Ui
