// The call history: every call the runtime served (from the SQLite TraceStore, or the in-memory
// TraceRing when there is no store), filterable by status class, failed only and text,
// live-updating; the selected call's response and trace; HAR export of the selection.
#pragma once

#include "runtime/trace/trace.h"
#include "runtime/trace/tracestore.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTableWidget;
class QThread;
class QTimer;

namespace Gw::Runtime {
class RuntimeHost;
}

namespace Gw::Ui {

class HistoryModel;
class HistoryQueryWorker;

class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(Runtime::RuntimeHost *host, QWidget *parent = nullptr);
    ~HistoryView() override;

    HistoryModel *model() const { return m_model; }
    Runtime::TraceQuery currentQuery() const;
    void setStatusClass(int statusClass); // 0, 2, 4, 5
    void setFailedOnly(bool failedOnly);
    void setSearchText(const QString &text);
    void setLimit(int limit) { m_limit = limit; }

    void selectRows(const QList<int> &rows);
    QList<Runtime::TracePtr> selectedTraces() const;
    // Writes the selected calls (all shown calls when none is selected) as HAR 1.2.
    bool exportHar(const QString &path, QString *error = nullptr) const;

public Q_SLOTS:
    // Re-runs the query: off the GUI thread against the store, directly against the ring.
    void refresh();

Q_SIGNALS:
    void refreshed();
    void traceSelected(const Gw::Runtime::TracePtr &trace);

private:
    void onQueryFinished(quint64 generation, const QList<Gw::Runtime::TracePtr> &traces);
    void onTraceRecorded(const Runtime::TracePtr &trace);
    void showSelected();

    Runtime::RuntimeHost *m_host;
    HistoryModel *m_model;
    QComboBox *m_statusClass;
    QCheckBox *m_failedOnly;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QTableView *m_table;
    QLabel *m_summary;
    QPlainTextEdit *m_response;
    QTableWidget *m_steps;
    QPlainTextEdit *m_executionLog;
    QThread *m_thread;
    HistoryQueryWorker *m_worker;
    quint64 m_generation = 0;
    bool m_querying = false;
    QList<Runtime::TracePtr> m_liveDuringQuery; // recorded while a store query ran
    int m_limit = 1000;
};

} // namespace Gw::Ui
