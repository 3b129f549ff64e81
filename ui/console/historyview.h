// The call history: every call the runtime served (from the SQLite TraceStore, or the in-memory
// TraceRing when there is no store), filterable by route, status class, failed only, time range
// and text, live-updating, paged (the store is read a page at a time, off the GUI thread, as the
// table scrolls); the selected call's response and trace; resend, open in composer, HAR export
// of the selection and HAR import (replayed against the running runtime); retention.
#pragma once

#include "runtime/trace/trace.h"
#include "runtime/trace/tracestore.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QThread;
class QTimer;

namespace Gw::Runtime {
class RuntimeHost;
}

namespace Gw::Ui {

class CallReplayer;
class HistoryModel;
class HistoryQueryWorker;
class TracePane;

class HistoryView : public QWidget
{
    Q_OBJECT
public:
    enum TimeRange { AnyTime, Last5Minutes, LastHour, Last24Hours, Last7Days };

    explicit HistoryView(Runtime::RuntimeHost *host, QWidget *parent = nullptr);
    ~HistoryView() override;

    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    TracePane *tracePane() const { return m_tracePane; }
    Runtime::TraceQuery currentQuery() const;
    void setStatusClass(int statusClass); // 0, 2, 4, 5
    void setFailedOnly(bool failedOnly);
    void setSearchText(const QString &text);
    void setRouteFilter(const QString &routeKey); // empty: any route
    void setTimeRange(TimeRange range);
    // Rows per page read from the store (the first page on refresh, then one per fetchMore).
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    void setLimit(int limit) { setPageSize(limit); }
    // Live calls beyond this many rows push the oldest rows out of the table (still in the store).
    void setMaxRows(int rows) { m_maxRows = rows; }

    void selectRows(const QList<int> &rows);
    QList<Runtime::TracePtr> selectedTraces() const;
    // Writes the selected calls (all shown calls when none is selected) as HAR 1.2.
    bool exportHar(const QString &path, QString *error = nullptr) const;
    // Reads a HAR 1.2 file and replays its entries against the running runtime, oldest first;
    // each answered call shows up in the history. Returns the number of requests queued.
    int importHar(const QString &path, QString *error = nullptr);
    // Asks for the HAR file, then importHar (File ▸ Import HAR and Replay, the history's button).
    void importHarWithDialog();
    // Sends the selected calls again (the same method, path, query, headers and body).
    int resendSelected();
    // Asks for the selected call in the composer (openInComposerRequested).
    bool openSelectedInComposer();

    // Retention of the SQLite history: newest `count` calls, `days` days (<= 0: no limit).
    // Stored in the settings and applied to the running store (pruned now).
    void setRetention(int count, int days);
    int retentionCount() const { return m_retainCount; }
    int retentionDays() const { return m_retainDays; }
    bool isReplaying() const;

public Q_SLOTS:
    // Re-runs the query: off the GUI thread against the store, directly against the ring.
    void refresh();

Q_SIGNALS:
    void refreshed();
    void pageLoaded();
    void traceSelected(const Gw::Runtime::TracePtr &trace);
    void openInComposerRequested(const Gw::Runtime::TracePtr &trace);
    // A trace step was activated: open what configures it for the call's operation.
    void stepActivated(const Gw::Runtime::TracePtr &trace, const QString &stageName);
    void replayFinished(int answered, int failed);

private:
    void onQueryFinished(quint64 generation, int offset, const QList<Gw::Runtime::TracePtr> &traces);
    void onTraceRecorded(const Runtime::TracePtr &trace);
    void flushLive();
    void fetchNextPage();
    void showSelected();
    void updateActions();
    void noteRoute(const QString &routeKey);
    void applyRetention();
    void editRetention();
    void showContextMenu(const QPoint &pos);
    void setNotice(const QString &richText);

    Runtime::RuntimeHost *m_host;
    HistoryModel *m_model;
    QComboBox *m_statusClass;
    QCheckBox *m_failedOnly;
    QComboBox *m_route;
    QComboBox *m_timeRange;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QTimer *m_liveTimer;
    QPushButton *m_resend;
    QPushButton *m_openInComposer;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_notice;
    QPlainTextEdit *m_response;
    TracePane *m_tracePane;
    CallReplayer *m_replayer;
    QThread *m_thread;
    HistoryQueryWorker *m_worker;
    quint64 m_generation = 0;
    bool m_querying = false;
    QList<Runtime::TracePtr> m_liveDuringQuery; // recorded while a store query ran
    QList<Runtime::TracePtr> m_liveBuffer;      // recorded since the last live flush, oldest first
    QSet<QString> m_routes;
    Runtime::TraceQuery m_shownQuery;
    int m_pageSize = 500;
    int m_maxRows = 20000;
    int m_retainCount = 100000;
    int m_retainDays = 0;
};

} // namespace Gw::Ui
