// The call history as a table model: newest first, one row per trace, filtered like TraceQuery.
#pragma once

#include "runtime/trace/trace.h"
#include "runtime/trace/tracestore.h"

#include <QAbstractTableModel>
#include <QSet>

#include <functional>

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

    // `more`: the store holds further rows past these (canFetchMore; fetchMore asks for them).
    void setTraces(const QList<Runtime::TracePtr> &traces, bool more = false);
    // The next page of a paged query, appended at the bottom (rows already shown are skipped).
    void appendPage(const QList<Runtime::TracePtr> &traces, bool more);
    // A new call at the top; the oldest row goes when more than `limit` are shown.
    void prepend(const Runtime::TracePtr &trace, int limit);
    // New calls (newest first) at the top in one insertion; the oldest rows go past `limit`.
    void prependBatch(const QList<Runtime::TracePtr> &newestFirst, int limit);

    // Paging: the view scrolls near the bottom → fetchMore → moreRequested; the owner queries
    // the next page (offset = rowCount()) and hands it to appendPage.
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    bool isFetching() const { return m_fetching; }
    // Where rows the model lets go are released: freeing thousands of traces a second (a load
    // test) costs the GUI thread real time, so the view hands them to its worker thread.
    void setDisposer(std::function<void(QList<Runtime::TracePtr> &&)> disposer) { m_disposer = std::move(disposer); }
    bool contains(const QString &requestId) const { return m_ids.contains(requestId); }
    Runtime::TracePtr traceAt(int row) const;
    const QList<Runtime::TracePtr> &traces() const { return m_traces; }

    // The same rule as the store's query, for the in-memory ring and live updates.
    static bool matches(const Runtime::Trace &trace, const Runtime::TraceQuery &query);

Q_SIGNALS:
    void moreRequested();

private:
    QList<Runtime::TracePtr> m_traces;
    QSet<QString> m_ids;
    std::function<void(QList<Runtime::TracePtr> &&)> m_disposer;
    bool m_more = false;
    bool m_fetching = false;
};

} // namespace Gw::Ui
