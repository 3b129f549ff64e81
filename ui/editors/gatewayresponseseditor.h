// Gateway responses of a REST API (the answers API Gateway itself gives: DEFAULT_4XX,
// MISSING_AUTHENTICATION_TOKEN, …): a table of response types and status codes, and for the
// selected one its header mappings (gatewayresponse.header.X ← 'value') and body templates.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

#include <memory>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class ListTableModel;
class MapTableModel;
class TableEditor;
class TemplateMapEditor;

class GatewayResponsesEditor : public QWidget
{
    Q_OBJECT
public:
    GatewayResponsesEditor(Model::DocumentSession *session, const NodeRef &api, QWidget *parent = nullptr);

    // The response types AWS knows, DEFAULT_4XX and DEFAULT_5XX first.
    static QStringList responseTypes();

    ListTableModel *responsesModel() const { return m_responses; }
    TableEditor *responsesTable() const { return m_table; }
    MapTableModel *headersModel() const { return m_headers; }
    TemplateMapEditor *templates() const { return m_templates; }
    void selectResponse(int row);

private:
    void showResponse(int row);

    NodeRef m_ref;
    std::shared_ptr<int> m_row;
    ListTableModel *m_responses;
    TableEditor *m_table;
    QWidget *m_details;
    MapTableModel *m_headers;
    TemplateMapEditor *m_templates;
};

} // namespace Gw::Ui
