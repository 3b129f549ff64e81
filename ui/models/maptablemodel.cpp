// A key/value table over one map of the document.
#include "ui/models/maptablemodel.h"

#include "model/documentsession.h"

#include <QColor>

namespace Gw::Ui {

using namespace Gw::Model;

MapTableModel::MapTableModel(DocumentSession *session, const QString &what, ValueKind kind,
                             const QStringList &headers, QObject *parent)
    : EditableTableModel(parent)
    , m_session(session)
    , m_what(what)
    , m_kind(kind)
    , m_headers(headers)
{
    connect(m_session, &DocumentSession::documentChanged, this, &MapTableModel::reload);
}

void MapTableModel::bind(const Reader &read, const Writer &write)
{
    beginResetModel();
    m_read = read;
    m_write = write;
    m_map = m_read ? m_read(m_session->document()) : Map();
    m_keys = m_map.keys();
    endResetModel();
}

void MapTableModel::reload()
{
    const Map map = m_read ? m_read(m_session->document()) : Map();
    if (map == m_map) {
        // Checks may depend on other parts of the document (a model that now exists).
        if (!m_keys.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_map = map;
    m_keys = m_map.keys();
    endResetModel();
}

int MapTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int MapTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MapTableModel::problem(int row, int column) const
{
    if (row < 0 || row >= m_keys.size())
        return {};
    const QString key = m_keys[row];
    const QString value = m_map.value(key);
    const Check &check = column == KeyColumn ? m_keyCheck : m_valueCheck;
    if (column == ValueColumn && m_kind == ValueKind::Flag)
        return {};
    return check ? check(m_session->document(), key, value) : QString();
}

QVariant MapTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_keys.size() || index.column() >= ColumnCount)
        return {};
    const QString key = m_keys[index.row()];
    const QString value = m_map.value(key);
    const bool flagColumn = index.column() == ValueColumn && m_kind == ValueKind::Flag;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (flagColumn)
            return {};
        return index.column() == KeyColumn ? key : value;
    case Qt::CheckStateRole:
        if (flagColumn)
            return value == QLatin1String("true") ? Qt::Checked : Qt::Unchecked;
        return {};
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

bool MapTableModel::write(const QString &undoText, const Map &map)
{
    if (!m_write)
        return false;
    bool ok = false;
    const Writer writer = m_write;
    m_session->edit(undoText, [&ok, writer, map](ApiDocument &d) { ok = writer(d, map); });
    return ok;
}

bool MapTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_keys.size())
        return false;
    const QString key = m_keys[index.row()];
    Map map = m_map;
    if (index.column() == KeyColumn && role == Qt::EditRole) {
        const QString newKey = value.toString().trimmed();
        if (newKey == key)
            return true;
        if (newKey.isEmpty() || map.contains(newKey))
            return false; // a map holds each key once
        const QString v = map.take(key);
        map.insert(newKey, v);
        return write(tr("Rename %1").arg(m_what), map);
    }
    if (index.column() == ValueColumn) {
        QString v;
        if (m_kind == ValueKind::Flag && role == Qt::CheckStateRole)
            v = value.toInt() == Qt::Checked ? QStringLiteral("true") : QStringLiteral("false");
        else if (m_kind == ValueKind::Text && role == Qt::EditRole)
            v = value.toString();
        else
            return false;
        if (map.value(key) == v)
            return true;
        map.insert(key, v);
        return write(tr("Edit %1").arg(m_what), map);
    }
    return false;
}

Qt::ItemFlags MapTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == ValueColumn && m_kind == ValueKind::Flag)
        return f | Qt::ItemIsUserCheckable;
    return f | Qt::ItemIsEditable;
}

QVariant MapTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_headers.value(section);
    return {};
}

int MapTableModel::appendEntry()
{
    if (!m_write)
        return -1;
    QString key = m_newKey;
    for (int n = 2; m_map.contains(key); ++n)
        key = m_newKey + QString::number(n);
    Map map = m_map;
    map.insert(key, m_kind == ValueKind::Flag && m_newValue.isEmpty() ? QStringLiteral("false") : m_newValue);
    if (!write(tr("Add %1").arg(m_what), map))
        return -1;
    const int row = rowOf(key);
    Q_EMIT entryAdded(row);
    return row;
}

bool MapTableModel::removeEntry(int row)
{
    if (row < 0 || row >= m_keys.size())
        return false;
    Map map = m_map;
    map.remove(m_keys[row]);
    return write(tr("Remove %1").arg(m_what), map);
}

} // namespace Gw::Ui
