// The call history as a table model: newest first, one row per trace, filtered like TraceQuery.
#pragma once

#include "runtime/trace/trace.h"
#include "runtime/trace/tracestore.h"

#include <QAbstractTableModel>
#include <QSet>

namespace Gw::Ui {

class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, MethodColumn, PathColumn, StatusColumn, DurationColumn, RouteColumn, ErrorColumn, ColumnCount };
    enum Role { TraceRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setTraces(const QList<Runtime::TracePtr> &traces);
    // A new call at the top; the oldest row goes when more than `limit` are shown.
    void prepend(const Runtime::TracePtr &trace, int limit);
    bool contains(const QString &requestId) const { return m_ids.contains(requestId); }
    Runtime::TracePtr traceAt(int row) const;
    const QList<Runtime::TracePtr> &traces() const { return m_traces; }

    // The same rule as the store's query, for the in-memory ring and live updates.
    static bool matches(const Runtime::Trace &trace, const Runtime::TraceQuery &query);

private:
    QList<Runtime::TracePtr> m_traces;
    QSet<QString> m_ids;
};

} // namespace Gw::Ui
