// A table over one list of the document (integration responses, method responses): a row per
// element, a column per described field. Cells edit through undo commands; columns can carry a
// check that flags a wrong cell.
#pragma once

#include "ui/models/editabletablemodel.h"

#include <functional>

namespace Gw::Model {
class DocumentSession;
struct ApiDocument;
} // namespace Gw::Model

namespace Gw::Ui {

class ListTableModel : public EditableTableModel
{
    Q_OBJECT
public:
    struct Column
    {
        QString header;
        std::function<QString(const Model::ApiDocument &, int row)> get;
        std::function<void(Model::ApiDocument &, int row, const QString &)> set; // empty: read-only
        std::function<QString(const Model::ApiDocument &, int row, const QString &)> check;
    };
    struct List
    {
        std::function<int(const Model::ApiDocument &)> count;           // 0 when the part is gone
        std::function<bool(Model::ApiDocument &)> append;               // adds a default element
        std::function<bool(Model::ApiDocument &, int row)> remove;
    };

    ListTableModel(Model::DocumentSession *session, const QString &what, const List &list,
                   const QList<Column> &columns, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int appendEntry() override;
    bool removeEntry(int row) override;
    QString problem(int row, int column) const override;

private:
    void reload();
    QList<QStringList> snapshot() const;

    Model::DocumentSession *m_session;
    QString m_what;
    List m_list;
    QList<Column> m_columns;
    QList<QStringList> m_rows; // the cells as last read, to tell structural changes from edits
};

} // namespace Gw::Ui
