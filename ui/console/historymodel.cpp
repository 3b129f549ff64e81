// The history table model; rows are immutable traces, so the model only ever resets or inserts.
#include "ui/console/historymodel.h"

#include <QBrush>
#include <QColor>

namespace Gw::Ui {

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_traces.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Runtime::TracePtr &t = m_traces.at(index.row());
    if (role == TraceRole)
        return QVariant::fromValue(index.row());
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return QBrush(t->status >= 500 || t->status == 0 ? QColor(0xcf, 0x3b, 0x32)
                      : t->status >= 400                  ? QColor(0xd6, 0x8a, 0x12)
                                                          : QColor(0x2e, 0x9b, 0x4f));
    if (role == Qt::TextAlignmentRole && (index.column() == StatusColumn || index.column() == DurationColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return t->startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn:
        return t->method;
    case PathColumn:
        return t->rawQuery.isEmpty() ? t->path : t->path + QLatin1Char('?') + t->rawQuery;
    case StatusColumn:
        return t->status;
    case DurationColumn:
        return t->durationUs < 1000 ? QStringLiteral("%1 µs").arg(t->durationUs)
                                    : QStringLiteral("%1 ms").arg(double(t->durationUs) / 1000.0, 0, 'f', 1);
    case RouteColumn:
        return t->routeKey;
    case ErrorColumn:
        return t->errorType;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList names{tr("Time"), tr("Method"), tr("Path"), tr("Status"), tr("Duration"), tr("Route"), tr("Error")};
    return names.value(section);
}

void HistoryModel::setTraces(const QList<Runtime::TracePtr> &traces, bool more)
{
    beginResetModel();
    m_traces.clear();
    m_ids.clear();
    m_traces.reserve(traces.size());
    for (const Runtime::TracePtr &t : traces)
        if (t && !m_ids.contains(t->requestId)) {
            m_ids.insert(t->requestId);
            m_traces.append(t);
        }
    m_more = more;
    m_fetching = false;
    endResetModel();
}

void HistoryModel::appendPage(const QList<Runtime::TracePtr> &traces, bool more)
{
    QList<Runtime::TracePtr> fresh;
    for (const Runtime::TracePtr &t : traces)
        if (t && !m_ids.contains(t->requestId)) {
            m_ids.insert(t->requestId);
            fresh.append(t);
        }
    m_fetching = false;
    m_more = more;
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_traces.size()), int(m_traces.size() + fresh.size()) - 1);
    m_traces += fresh;
    endInsertRows();
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_fetching;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    Q_EMIT moreRequested();
}

void HistoryModel::prepend(const Runtime::TracePtr &trace, int limit)
{
    prependBatch({trace}, limit);
}

void HistoryModel::prependBatch(const QList<Runtime::TracePtr> &newestFirst, int limit)
{
    QList<Runtime::TracePtr> fresh;
    for (const Runtime::TracePtr &t : newestFirst)
        if (t && !m_ids.contains(t->requestId)) { // else already listed by the query that ran
            m_ids.insert(t->requestId);
            fresh.append(t);
        }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    for (auto it = fresh.crbegin(); it != fresh.crend(); ++it)
        m_traces.prepend(*it); // amortised O(1): QList keeps room at the front
    endInsertRows();
    if (limit > 0 && m_traces.size() > limit) {
        beginRemoveRows({}, limit, int(m_traces.size()) - 1);
        QList<Runtime::TracePtr> dropped = m_traces.mid(limit);
        for (const Runtime::TracePtr &t : std::as_const(dropped))
            m_ids.remove(t->requestId);
        m_traces.resize(limit);
        endRemoveRows();
        m_more = true; // the rows let go are still in the store (or the ring)
        if (m_disposer)
            m_disposer(std::move(dropped));
    }
}

Runtime::TracePtr HistoryModel::traceAt(int row) const
{
    return row >= 0 && row < m_traces.size() ? m_traces.at(row) : nullptr;
}

bool HistoryModel::matches(const Runtime::Trace &t, const Runtime::TraceQuery &query)
{
    if (query.failedOnly && !t.failed())
        return false;
    if (query.statusClass > 0 && t.status / 100 != query.statusClass)
        return false;
    if (!query.routeKey.isEmpty() && t.routeKey != query.routeKey)
        return false;
    if (query.from.isValid() && t.startedAt < query.from)
        return false;
    if (query.to.isValid() && t.startedAt > query.to)
        return false;
    if (query.text.isEmpty())
        return true;
    auto has = [&query](const QString &s) { return s.contains(query.text, Qt::CaseInsensitive); };
    if (has(t.method) || has(t.path) || has(t.rawQuery) || has(t.routeKey))
        return true;
    for (const auto &h : t.requestHeaders)
        if (has(QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second)))
            return true;
    return has(QString::fromUtf8(t.requestBody.left(64 * 1024))) || has(QString::fromUtf8(t.responseBody.left(64 * 1024)));
}

} // namespace Gw::Ui
