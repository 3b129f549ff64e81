// Mapping templates by content type (an integration request's or response's requestTemplates /
// responseTemplates): the content types as a table, and the template of the selected one in a
// TemplateEditor with its live preview.
#pragma once

#include "ui/models/maptablemodel.h"

#include <QWidget>

namespace Gw::Ui {

class TableEditor;
class TemplateEditor;

class TemplateMapEditor : public QWidget
{
    Q_OBJECT
public:
    TemplateMapEditor(Model::DocumentSession *session, const QString &what, QWidget *parent = nullptr);

    // Points at a templates map; mergeKey prefixes the per-content-type undo merge keys.
    void bind(const MapTableModel::Reader &read, const MapTableModel::Writer &write, const QString &mergeKey);
    // Selects the template for a content type (adding nothing); false when there is none.
    bool selectContentType(const QString &contentType);

    MapTableModel *model() const { return m_model; }
    TableEditor *table() const { return m_table; }
    TemplateEditor *templateEditor() const { return m_editor; }

private:
    void showRow(int row);

    Model::DocumentSession *m_session;
    MapTableModel *m_model;
    TableEditor *m_table;
    TemplateEditor *m_editor;
    MapTableModel::Reader m_read;
    MapTableModel::Writer m_write;
    QString m_mergeKey;
    QString m_shownKey;
};

} // namespace Gw::Ui
