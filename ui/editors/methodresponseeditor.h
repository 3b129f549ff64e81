// Method Response (trace step respond): the responses the method declares — status codes, the
// headers each may carry, and the response models by content type.
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

class MethodResponseEditor : public QWidget
{
    Q_OBJECT
public:
    MethodResponseEditor(Model::DocumentSession *session, const NodeRef &method, QWidget *parent = nullptr);

    ListTableModel *responsesModel() const { return m_responses; }
    TableEditor *responsesTable() const { return m_table; }
    MapTableModel *headersModel() const { return m_headers; }
    MapTableModel *modelsModel() const { return m_models; }
    void selectResponse(int row);

private:
    void showResponse(int row);

    NodeRef m_ref;
    int m_row = -1;
    ListTableModel *m_responses;
    TableEditor *m_table;
    QWidget *m_details;
    MapTableModel *m_headers;
    MapTableModel *m_models;
};

} // namespace Gw::Ui
