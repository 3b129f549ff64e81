// A two-column table (key, value) over one QMap<QString, QString> of the document: request
// parameters, parameter mappings, response headers, models by content type. Flag maps
// (QMap<QString, bool>, e.g. "required") show the value as a check box. Every change is one undo
// command; keys and values can be checked and are flagged while wrong.
#pragma once

#include "ui/models/editabletablemodel.h"

#include <QMap>

#include <functional>

namespace Gw::Model {
class DocumentSession;
struct ApiDocument;
} // namespace Gw::Model

namespace Gw::Ui {

class MapTableModel : public EditableTableModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };
    enum class ValueKind { Text, Flag };
    using Map = QMap<QString, QString>;
    // Reads the map (empty when the part is gone); writes it back (false when the part is gone).
    using Reader = std::function<Map(const Model::ApiDocument &)>;
    using Writer = std::function<bool(Model::ApiDocument &, const Map &)>;
    using Check = std::function<QString(const Model::ApiDocument &, const QString &key, const QString &value)>;

    MapTableModel(Model::DocumentSession *session, const QString &what, ValueKind kind,
                  const QStringList &headers, QObject *parent = nullptr);

    // Points the model at a (possibly different) map, e.g. the selected integration response's.
    void bind(const Reader &read, const Writer &write);
    void setKeyCheck(const Check &check) { m_keyCheck = check; }
    void setValueCheck(const Check &check) { m_valueCheck = check; }
    // What a new row starts with; the key gets a number when it is taken.
    void setNewEntry(const QString &key, const QString &value) { m_newKey = key; m_newValue = value; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int appendEntry() override;
    bool removeEntry(int row) override;
    QString problem(int row, int column) const override;

    QString keyAt(int row) const { return m_keys.value(row); }
    int rowOf(const QString &key) const { return int(m_keys.indexOf(key)); }

Q_SIGNALS:
    void entryAdded(int row);

private:
    void reload();
    bool write(const QString &undoText, const Map &map);

    Model::DocumentSession *m_session;
    QString m_what;
    ValueKind m_kind;
    QStringList m_headers;
    Reader m_read;
    Writer m_write;
    Check m_keyCheck;
    Check m_valueCheck;
    QString m_newKey = QStringLiteral("name");
    QString m_newValue;
    Map m_map;
    QStringList m_keys; // the map's keys in row order (QMap order)
};

} // namespace Gw::Ui
