// The history view. Store queries run on a worker thread (SQLite reads can take a while with
// 100,000 calls); live calls are matched in memory and inserted at the top.
#include "ui/console/historyview.h"

#include "runtime/runtimehost.h"
#include "runtime/trace/executionlog.h"
#include "runtime/trace/har.h"
#include "runtime/trace/tracering.h"
#include "ui/console/historymodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace Gw::Ui {

// Lives on the history's own thread, so its SQLite connection stays there too.
class HistoryQueryWorker : public QObject
{
    Q_OBJECT
public:
    void run(quint64 generation, const QString &path, const Runtime::TraceQuery &query)
    {
        QString error;
        const QList<Runtime::TracePtr> traces = Runtime::TraceStore::read(path, query, &error);
        Q_EMIT finished(generation, traces);
    }

Q_SIGNALS:
    void finished(quint64 generation, const QList<Gw::Runtime::TracePtr> &traces);
};

HistoryView::HistoryView(Runtime::RuntimeHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new HistoryModel(this))
    , m_thread(new QThread(this))
    , m_worker(new HistoryQueryWorker)
{
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &HistoryQueryWorker::finished, this, &HistoryView::onQueryFinished);
    m_thread->setObjectName(QStringLiteral("history-query"));
    m_thread->start();

    m_statusClass = new QComboBox;
    m_statusClass->setObjectName(QStringLiteral("historyStatusClass"));
    m_statusClass->addItem(tr("Any status"), 0);
    m_statusClass->addItem(tr("2xx"), 2);
    m_statusClass->addItem(tr("4xx"), 4);
    m_statusClass->addItem(tr("5xx"), 5);
    m_failedOnly = new QCheckBox(tr("Failed only"));
    m_failedOnly->setObjectName(QStringLiteral("historyFailedOnly"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search paths, headers and bodies"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &HistoryView::refresh);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_statusClass, &QComboBox::currentIndexChanged, this, &HistoryView::refresh);
    connect(m_failedOnly, &QCheckBox::toggled, this, &HistoryView::refresh);
    auto *exportButton = new QPushButton(tr("Export HAR…"));
    exportButton->setObjectName(QStringLiteral("historyExportHar"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export HAR"), QStringLiteral("calls.har"),
                                                          tr("HAR files (*.har *.json)"));
        QString error;
        if (!path.isEmpty() && !exportHar(path, &error))
            m_summary->setText(tr("<span style='color:#cf3b32'>%1</span>").arg(error.toHtmlEscaped()));
    });
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_statusClass);
    filters->addWidget(m_failedOnly);
    filters->addWidget(m_search, 1);
    filters->addWidget(exportButton);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryView::showSelected);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("historySummary"));
    m_summary->setWordWrap(true);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_response = new QPlainTextEdit;
    m_response->setObjectName(QStringLiteral("historyResponse"));
    m_response->setReadOnly(true);
    m_response->setFont(fixed);
    m_steps = new QTableWidget(0, 4);
    m_steps->setObjectName(QStringLiteral("historyTraceSteps"));
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Outcome"), tr("Duration"), tr("Notes")});
    m_steps->verticalHeader()->hide();
    m_steps->horizontalHeader()->setStretchLastSection(true);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_executionLog = new QPlainTextEdit;
    m_executionLog->setObjectName(QStringLiteral("historyExecutionLog"));
    m_executionLog->setReadOnly(true);
    m_executionLog->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_executionLog->setFont(fixed);
    auto *details = new QTabWidget;
    details->setDocumentMode(true);
    details->addTab(m_response, tr("Response"));
    details->addTab(m_steps, tr("Trace"));
    details->addTab(m_executionLog, tr("Execution log"));
    auto *detailPane = new QWidget;
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_summary);
    detailLayout->addWidget(details, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(detailPane);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_host, &Runtime::RuntimeHost::traceRecorded, this, &HistoryView::onTraceRecorded);
    refresh();
}

HistoryView::~HistoryView()
{
    m_thread->quit();
    m_thread->wait();
}

Runtime::TraceQuery HistoryView::currentQuery() const
{
    Runtime::TraceQuery query;
    query.statusClass = m_statusClass->currentData().toInt();
    query.failedOnly = m_failedOnly->isChecked();
    query.text = m_search->text().trimmed();
    query.limit = m_limit;
    return query;
}

void HistoryView::setStatusClass(int statusClass)
{
    m_statusClass->setCurrentIndex(qMax(0, m_statusClass->findData(statusClass)));
}

void HistoryView::setFailedOnly(bool failedOnly)
{
    m_failedOnly->setChecked(failedOnly);
}

void HistoryView::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_searchDelay->stop();
    refresh();
}

void HistoryView::refresh()
{
    const Runtime::TraceQuery query = currentQuery();
    ++m_generation;
    if (Runtime::TraceStore *store = m_host->traceStore()) {
        m_querying = true;
        m_liveDuringQuery.clear();
        const quint64 generation = m_generation;
        const QString path = store->path();
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, path, query] {
            worker->run(generation, path, query);
        });
        return;
    }
    // The in-memory ring is small (a thousand calls): filtered here.
    QList<Runtime::TracePtr> shown;
    if (Runtime::TraceRing *ring = m_host->traces())
        for (const Runtime::TracePtr &t : ring->latest(ring->size()))
            if (t && HistoryModel::matches(*t, query) && (query.limit <= 0 || shown.size() < query.limit))
                shown.append(t);
    m_querying = false;
    m_model->setTraces(shown);
    showSelected();
    Q_EMIT refreshed();
}

void HistoryView::onQueryFinished(quint64 generation, const QList<Runtime::TracePtr> &traces)
{
    if (generation != m_generation)
        return; // a newer filter is on its way
    m_querying = false;
    // Calls recorded while the query ran may not have reached the store yet: keep them on top.
    QList<Runtime::TracePtr> shown;
    QSet<QString> ids;
    for (const Runtime::TracePtr &t : traces)
        ids.insert(t->requestId);
    for (const Runtime::TracePtr &t : std::as_const(m_liveDuringQuery))
        if (!ids.contains(t->requestId)) {
            shown.append(t);
            ids.insert(t->requestId);
        }
    m_liveDuringQuery.clear();
    shown += traces;
    m_model->setTraces(shown);
    showSelected();
    Q_EMIT refreshed();
}

void HistoryView::onTraceRecorded(const Runtime::TracePtr &trace)
{
    if (!trace || !HistoryModel::matches(*trace, currentQuery()))
        return;
    if (m_querying) {
        m_liveDuringQuery.prepend(trace);
        return;
    }
    m_model->prepend(trace, m_limit);
}

void HistoryView::selectRows(const QList<int> &rows)
{
    m_table->clearSelection();
    for (int row : rows)
        m_table->selectionModel()->select(m_model->index(row, 0),
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

QList<Runtime::TracePtr> HistoryView::selectedTraces() const
{
    QList<Runtime::TracePtr> out;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QList<int> sorted;
    for (const QModelIndex &index : rows)
        sorted.append(index.row());
    std::sort(sorted.begin(), sorted.end());
    for (int row : sorted)
        if (Runtime::TracePtr t = m_model->traceAt(row))
            out.append(t);
    return out;
}

bool HistoryView::exportHar(const QString &path, QString *error) const
{
    QList<Runtime::TracePtr> traces = selectedTraces();
    if (traces.isEmpty())
        traces = m_model->traces();
    // HAR lists entries oldest first.
    std::reverse(traces.begin(), traces.end());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(Runtime::tracesToHar(traces)).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void HistoryView::showSelected()
{
    const QList<Runtime::TracePtr> selected = selectedTraces();
    m_steps->setRowCount(0);
    if (selected.size() != 1) {
        m_summary->setText(selected.isEmpty() ? tr("%n call(s) shown.", nullptr, int(m_model->rowCount()))
                                              : tr("%n calls selected.", nullptr, int(selected.size())));
        m_response->clear();
        m_executionLog->clear();
        return;
    }
    const Runtime::TracePtr &t = selected.first();
    m_summary->setText(tr("<b>%1 %2</b> → %3 · %4").arg(t->method.toHtmlEscaped(), t->path.toHtmlEscaped())
                           .arg(t->status)
                           .arg(t->requestId.toHtmlEscaped()));
    QString response = QStringLiteral("HTTP %1\n").arg(t->status);
    for (const auto &h : t->responseHeaders)
        response += QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second) + QLatin1Char('\n');
    const QJsonDocument json = QJsonDocument::fromJson(t->responseBody);
    response += QLatin1Char('\n')
                + (json.isNull() ? QString::fromUtf8(t->responseBody) : QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
    m_response->setPlainText(response);
    const Runtime::TraceStep *failing = t->failingStep();
    for (const Runtime::TraceStep &step : t->steps) {
        const int row = m_steps->rowCount();
        m_steps->insertRow(row);
        const QStringList cells{step.name, Runtime::toString(step.outcome),
                                QStringLiteral("%1 ms").arg(double(step.durationUs) / 1000.0, 0, 'f', 2),
                                step.notes.join(QStringLiteral("; "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (&step == failing || step.flagged)
                item->setForeground(QColor(0xcf, 0x3b, 0x32));
            m_steps->setItem(row, c, item);
        }
    }
    m_executionLog->setPlainText(Runtime::executionLog(*t));
    Q_EMIT traceSelected(t);
}

} // namespace Gw::Ui

#include "historyview.moc"
