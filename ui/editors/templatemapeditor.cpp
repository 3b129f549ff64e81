// Mapping templates by content type.
#include "ui/editors/templatemapeditor.h"

#include "model/documentsession.h"
#include "ui/code/codeeditor.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/tableeditor.h"
#include "ui/editors/templateeditor.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;

TemplateMapEditor::TemplateMapEditor(DocumentSession *session, const QString &what, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new MapTableModel(session, what, MapTableModel::ValueKind::Text,
                                {tr("Content type"), tr("Template")}, this))
    , m_table(new TableEditor(m_model, tr("Add content type"), this))
    , m_editor(new TemplateEditor(session, this))
{
    m_model->setObjectName(QStringLiteral("templatesModel"));
    m_model->setNewEntry(QStringLiteral("application/json"), QString());
    m_model->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) {
        return Checks::contentType(key);
    });
    // The template text is edited below, not in the cell.
    m_table->view()->setColumnHidden(MapTableModel::ValueColumn, true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addWidget(m_editor, 1);

    connect(m_table, &TableEditor::currentRowChanged, this, &TemplateMapEditor::showRow);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep showing the same content type across edits and undo; else the first one.
        int row = m_model->rowOf(m_shownKey);
        if (row < 0 && m_model->rowCount() > 0)
            row = 0;
        m_table->setCurrentRow(row);
        showRow(row);
    });
}

void TemplateMapEditor::bind(const MapTableModel::Reader &read, const MapTableModel::Writer &write,
                             const QString &mergeKey)
{
    m_read = read;
    m_write = write;
    m_mergeKey = mergeKey;
    m_shownKey.clear();
    m_model->bind(read, write); // resets: the first content type shows
}

bool TemplateMapEditor::selectContentType(const QString &contentType)
{
    const int row = m_model->rowOf(contentType);
    if (row < 0)
        return false;
    m_table->setCurrentRow(row);
    showRow(row);
    return true;
}

void TemplateMapEditor::showRow(int row)
{
    const QString key = m_model->keyAt(row);
    if (row < 0 || key.isEmpty() || !m_read) {
        m_shownKey.clear();
        m_editor->unbind();
        return;
    }
    if (key == m_shownKey && m_editor->editor()->isEnabled())
        return;
    m_shownKey = key;
    const auto read = m_read;
    const auto write = m_write;
    m_editor->bind([read, key](const ApiDocument &d) { return read(d).value(key); },
                   [read, write, key](ApiDocument &d, const QString &text) {
                       MapTableModel::Map map = read(d);
                       map.insert(key, text);
                       write(d, map);
                   },
                   m_mergeKey + QLatin1Char('/') + key);
}

} // namespace Gw::Ui
