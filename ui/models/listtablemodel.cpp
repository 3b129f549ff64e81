// A table over one list of the document.
#include "ui/models/listtablemodel.h"

#include "model/documentsession.h"

#include <QColor>

namespace Gw::Ui {

using namespace Gw::Model;

ListTableModel::ListTableModel(DocumentSession *session, const QString &what, const List &list,
                               const QList<Column> &columns, QObject *parent)
    : EditableTableModel(parent)
    , m_session(session)
    , m_what(what)
    , m_list(list)
    , m_columns(columns)
{
    m_rows = snapshot();
    connect(m_session, &DocumentSession::documentChanged, this, &ListTableModel::reload);
}

QList<QStringList> ListTableModel::snapshot() const
{
    const ApiDocument &doc = m_session->document();
    QList<QStringList> rows;
    const int n = m_list.count(doc);
    for (int r = 0; r < n; ++r) {
        QStringList cells;
        for (const Column &c : m_columns)
            cells << c.get(doc, r);
        rows << cells;
    }
    return rows;
}

void ListTableModel::reload()
{
    const QList<QStringList> rows = snapshot();
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    // Same shape: cells and their checks may have changed.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int ListTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ListTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString ListTableModel::problem(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_columns.size())
        return {};
    const Column &c = m_columns[column];
    return c.check ? c.check(m_session->document(), row, m_rows[row][column]) : QString();
}

QVariant ListTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return m_rows[index.row()][index.column()];
    case Qt::ToolTipRole: {
        const QString p = problem(index.row(), index.column());
        return p.isEmpty() ? QVariant() : QVariant(p);
    }
    case Qt::BackgroundRole:
        return problem(index.row(), index.column()).isEmpty() ? QVariant() : QVariant(QColor(0xfd, 0xe2, 0xe2));
    default:
        return {};
    }
}

bool ListTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rows.size())
        return false;
    const Column &c = m_columns[index.column()];
    if (!c.set)
        return false;
    const QString v = value.toString();
    if (m_rows[index.row()][index.column()] == v)
        return true;
    const int row = index.row();
    const auto set = c.set;
    m_session->edit(tr("Edit %1").arg(m_what), [set, row, v](ApiDocument &d) { set(d, row, v); });
    return true;
}

Qt::ItemFlags ListTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_columns.value(index.column()).set)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ListTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_columns.value(section).header;
    return {};
}

int ListTableModel::appendEntry()
{
    if (!m_list.append)
        return -1;
    bool ok = false;
    const auto append = m_list.append;
    m_session->edit(tr("Add %1").arg(m_what), [&ok, append](ApiDocument &d) { ok = append(d); });
    return ok ? rowCount() - 1 : -1;
}

bool ListTableModel::removeEntry(int row)
{
    if (!m_list.remove || row < 0 || row >= m_rows.size())
        return false;
    bool ok = false;
    const auto remove = m_list.remove;
    m_session->edit(tr("Remove %1").arg(m_what), [&ok, remove, row](ApiDocument &d) { ok = remove(d, row); });
    return ok;
}

} // namespace Gw::Ui
