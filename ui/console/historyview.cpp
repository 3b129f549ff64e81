// The history view. Store queries run on a worker thread (SQLite reads can take a while with
// 100,000 calls) and read one page at a time; live calls are matched in memory, buffered and
// inserted at the top ten times a second, so a load test's thousands of calls per second cost
// the GUI one model insertion per tick rather than one per call.
#include "ui/console/historyview.h"

#include "runtime/runtimehost.h"
#include "runtime/trace/har.h"
#include "runtime/trace/tracering.h"
#include "ui/console/callreplayer.h"
#include "ui/console/historymodel.h"
#include "ui/settings.h"
#include "ui/console/tracepane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace Gw::Ui {

// Lives on the history's own thread, so its SQLite connections stay there too.
class HistoryQueryWorker : public QObject
{
    Q_OBJECT
public:
    void run(quint64 generation, const QString &path, const Runtime::TraceQuery &query)
    {
        QString error;
        const QList<Runtime::TracePtr> traces = Runtime::TraceStore::read(path, query, &error);
        Q_EMIT finished(generation, query.offset, traces);
    }

Q_SIGNALS:
    void finished(quint64 generation, int offset, const QList<Gw::Runtime::TracePtr> &traces);
};

namespace {

QString responseText(const Runtime::Trace &t)
{
    QString response = QStringLiteral("HTTP %1\n").arg(t.status);
    for (const auto &h : t.responseHeaders)
        response += QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second) + QLatin1Char('\n');
    const QByteArray body = t.responseBody.left(512 * 1024);
    const QJsonDocument json = QJsonDocument::fromJson(body);
    response += QLatin1Char('\n') + (json.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
    if (t.responseBody.size() > body.size())
        response += QStringLiteral("\n… (%1 more bytes)").arg(t.responseBody.size() - body.size());
    return response;
}

} // namespace

HistoryView::HistoryView(Runtime::RuntimeHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new HistoryModel(this))
    , m_replayer(new CallReplayer(this))
    , m_thread(new QThread(this))
    , m_worker(new HistoryQueryWorker)
{
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &HistoryQueryWorker::finished, this, &HistoryView::onQueryFinished);
    m_thread->setObjectName(QStringLiteral("history-query"));
    m_thread->start();

    const Settings settings;
    m_retainCount = settings.historyRetainCount();
    m_retainDays = settings.historyRetainDays();

    m_statusClass = new QComboBox;
    m_statusClass->setObjectName(QStringLiteral("historyStatusClass"));
    m_statusClass->addItem(tr("Any status"), 0);
    m_statusClass->addItem(tr("2xx"), 2);
    m_statusClass->addItem(tr("3xx"), 3);
    m_statusClass->addItem(tr("4xx"), 4);
    m_statusClass->addItem(tr("5xx"), 5);
    m_failedOnly = new QCheckBox(tr("Failed only"));
    m_failedOnly->setObjectName(QStringLiteral("historyFailedOnly"));
    m_route = new QComboBox;
    m_route->setObjectName(QStringLiteral("historyRoute"));
    m_route->addItem(tr("Any route"), QString());
    m_route->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_route->setMinimumContentsLength(12);
    m_timeRange = new QComboBox;
    m_timeRange->setObjectName(QStringLiteral("historyTimeRange"));
    m_timeRange->addItem(tr("Any time"), AnyTime);
    m_timeRange->addItem(tr("Last 5 minutes"), Last5Minutes);
    m_timeRange->addItem(tr("Last hour"), LastHour);
    m_timeRange->addItem(tr("Last 24 hours"), Last24Hours);
    m_timeRange->addItem(tr("Last 7 days"), Last7Days);
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
    connect(m_route, &QComboBox::currentIndexChanged, this, &HistoryView::refresh);
    connect(m_timeRange, &QComboBox::currentIndexChanged, this, &HistoryView::refresh);

    m_resend = new QPushButton(tr("Resend"));
    m_resend->setObjectName(QStringLiteral("historyResend"));
    m_resend->setToolTip(tr("Send the selected calls again to the running runtime"));
    connect(m_resend, &QPushButton::clicked, this, &HistoryView::resendSelected);
    m_openInComposer = new QPushButton(tr("Open in composer"));
    m_openInComposer->setObjectName(QStringLiteral("historyOpenInComposer"));
    m_openInComposer->setToolTip(tr("Fill the composer with the selected call's method, URL, headers and body"));
    connect(m_openInComposer, &QPushButton::clicked, this, &HistoryView::openSelectedInComposer);
    auto *importButton = new QPushButton(tr("Import HAR…"));
    importButton->setObjectName(QStringLiteral("historyImportHar"));
    importButton->setToolTip(tr("Replay the requests of a HAR file against the running runtime"));
    connect(importButton, &QPushButton::clicked, this, &HistoryView::importHarWithDialog);
    auto *exportButton = new QPushButton(tr("Export HAR…"));
    exportButton->setObjectName(QStringLiteral("historyExportHar"));
    exportButton->setToolTip(tr("Save the selected calls (or every shown call) as HAR 1.2"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export HAR"), QStringLiteral("calls.har"),
                                                          tr("HAR files (*.har *.json)"));
        QString error;
        if (!path.isEmpty() && !exportHar(path, &error))
            setNotice(tr("<span style='color:#cf3b32'>%1</span>").arg(error.toHtmlEscaped()));
    });
    auto *retentionButton = new QPushButton(tr("Retention…"));
    retentionButton->setObjectName(QStringLiteral("historyRetention"));
    connect(retentionButton, &QPushButton::clicked, this, &HistoryView::editRetention);

    // Three short rows: the dock is often narrow.
    auto *searchLine = new QHBoxLayout;
    searchLine->setSpacing(4);
    searchLine->addWidget(m_search, 1);
    searchLine->addWidget(m_failedOnly);
    auto *filters = new QHBoxLayout;
    filters->setSpacing(4);
    filters->addWidget(m_route, 2);
    filters->addWidget(m_statusClass, 1);
    filters->addWidget(m_timeRange, 1);
    auto *actions = new QHBoxLayout;
    actions->setSpacing(4);
    actions->addWidget(m_resend);
    actions->addWidget(m_openInComposer);
    actions->addStretch(1);
    actions->addWidget(importButton);
    actions->addWidget(exportButton);
    actions->addWidget(retentionButton);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(HistoryModel::TimeColumn, 92);
    m_table->horizontalHeader()->resizeSection(HistoryModel::MethodColumn, 60);
    m_table->horizontalHeader()->resizeSection(HistoryModel::PathColumn, 180);
    m_table->horizontalHeader()->resizeSection(HistoryModel::StatusColumn, 50);
    m_table->horizontalHeader()->resizeSection(HistoryModel::DurationColumn, 70);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &HistoryView::showContextMenu);
    connect(m_table, &QTableView::doubleClicked, this, [this] { openSelectedInComposer(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryView::showSelected);
    connect(m_model, &HistoryModel::moreRequested, this, &HistoryView::fetchNextPage);
    m_model->setDisposer([this](QList<Runtime::TracePtr> &&dead) {
        QMetaObject::invokeMethod(m_worker, [dead = std::move(dead)]() mutable { dead.clear(); });
    });

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("historySummary"));
    m_summary->setWordWrap(true);
    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("historyNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_response = new QPlainTextEdit;
    m_response->setObjectName(QStringLiteral("historyResponse"));
    m_response->setReadOnly(true);
    m_response->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tracePane = new TracePane(QStringLiteral("history"), this);
    connect(m_tracePane, &TracePane::stepActivated, this, [this](const QString &stage) {
        if (m_tracePane->trace())
            Q_EMIT stepActivated(m_tracePane->trace(), stage);
    });
    auto *details = new QTabWidget;
    details->setObjectName(QStringLiteral("historyDetailTabs"));
    details->setDocumentMode(true);
    details->addTab(m_tracePane, tr("Trace"));
    details->addTab(m_response, tr("Response"));
    details->addTab(m_tracePane->executionLogPage(), tr("Execution log"));
    auto *detailPane = new QWidget;
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_summary);
    detailLayout->addWidget(details, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(detailPane);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(searchLine);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);

    m_liveTimer = new QTimer(this);
    m_liveTimer->setSingleShot(true);
    m_liveTimer->setInterval(100);
    connect(m_liveTimer, &QTimer::timeout, this, &HistoryView::flushLive);
    connect(m_replayer, &CallReplayer::finished, this, [this](int answered, int failed) {
        setNotice(failed ? tr("Replayed: %1 answered, <span style='color:#cf3b32'>%2 without an answer</span>.").arg(answered).arg(failed)
                         : tr("Replayed: %n call(s) answered.", nullptr, answered));
        updateActions();
        Q_EMIT replayFinished(answered, failed);
    });

    connect(m_host, &Runtime::RuntimeHost::traceRecorded, this, &HistoryView::onTraceRecorded);
    connect(m_host, &Runtime::RuntimeHost::runningChanged, this, [this](bool running) {
        if (running)
            applyRetention();
        refresh();
        updateActions();
    });
    applyRetention();
    updateActions();
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
    query.routeKey = m_route->currentData().toString();
    query.limit = m_pageSize;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (TimeRange(m_timeRange->currentData().toInt())) {
    case AnyTime: break;
    case Last5Minutes: query.from = now.addSecs(-5 * 60); break;
    case LastHour: query.from = now.addSecs(-3600); break;
    case Last24Hours: query.from = now.addDays(-1); break;
    case Last7Days: query.from = now.addDays(-7); break;
    }
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

void HistoryView::setRouteFilter(const QString &routeKey)
{
    if (!routeKey.isEmpty())
        noteRoute(routeKey);
    m_route->setCurrentIndex(qMax(0, m_route->findData(routeKey)));
}

void HistoryView::setTimeRange(TimeRange range)
{
    m_timeRange->setCurrentIndex(qMax(0, m_timeRange->findData(range)));
}

void HistoryView::noteRoute(const QString &routeKey)
{
    if (routeKey.isEmpty() || m_routes.contains(routeKey))
        return;
    m_routes.insert(routeKey);
    const QSignalBlocker block(m_route);
    // Sorted after "Any route".
    int at = 1;
    while (at < m_route->count() && m_route->itemData(at).toString() < routeKey)
        ++at;
    m_route->insertItem(at, routeKey, routeKey);
}

void HistoryView::refresh()
{
    const Runtime::TraceQuery query = currentQuery();
    m_shownQuery = query;
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
    // The in-memory ring is small (a thousand calls by default): filtered here, all at once.
    QList<Runtime::TracePtr> shown;
    if (Runtime::TraceRing *ring = m_host->traces())
        for (const Runtime::TracePtr &t : ring->latest(ring->size()))
            if (t && HistoryModel::matches(*t, query)) {
                shown.append(t);
                noteRoute(t->routeKey);
            }
    m_querying = false;
    m_model->setTraces(shown, false);
    showSelected();
    Q_EMIT refreshed();
}

void HistoryView::fetchNextPage()
{
    Runtime::TraceStore *store = m_host->traceStore();
    if (!store || m_querying) {
        m_model->appendPage({}, false);
        return;
    }
    Runtime::TraceQuery query = m_shownQuery;
    query.offset = m_model->rowCount();
    const quint64 generation = m_generation;
    const QString path = store->path();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, path, query] {
        worker->run(generation, path, query);
    });
}

void HistoryView::onQueryFinished(quint64 generation, int offset, const QList<Runtime::TracePtr> &traces)
{
    if (generation != m_generation) {
        if (offset > 0)
            m_model->appendPage({}, true);
        return; // a newer filter is on its way
    }
    for (const Runtime::TracePtr &t : traces)
        noteRoute(t->routeKey);
    const bool more = traces.size() >= m_shownQuery.limit;
    if (offset > 0) {
        m_model->appendPage(traces, more);
        Q_EMIT pageLoaded();
        return;
    }
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
    m_model->setTraces(shown, more);
    showSelected();
    Q_EMIT refreshed();
}

void HistoryView::onTraceRecorded(const Runtime::TracePtr &trace)
{
    if (!trace)
        return;
    m_liveBuffer.append(trace);
    if (!m_liveTimer->isActive())
        m_liveTimer->start();
}

void HistoryView::flushLive()
{
    if (m_liveBuffer.isEmpty())
        return;
    QList<Runtime::TracePtr> batch;
    batch.swap(m_liveBuffer);
    // The time range moves with the clock.
    Runtime::TraceQuery query = currentQuery();
    QList<Runtime::TracePtr> newestFirst;
    newestFirst.reserve(batch.size());
    for (auto it = batch.crbegin(); it != batch.crend(); ++it) {
        noteRoute((*it)->routeKey);
        if (HistoryModel::matches(**it, query))
            newestFirst.append(*it);
    }
    // The calls this filter leaves out may hold the last reference: freed off the GUI thread.
    QMetaObject::invokeMethod(m_worker, [batch = std::move(batch)]() mutable { batch.clear(); });
    if (newestFirst.isEmpty())
        return;
    if (m_querying) {
        m_liveDuringQuery = newestFirst + m_liveDuringQuery;
        return;
    }
    m_model->prependBatch(newestFirst, m_maxRows);
    if (m_table->selectionModel()->selectedRows().isEmpty())
        m_summary->setText(tr("%n call(s) shown.", nullptr, int(m_model->rowCount())));
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

int HistoryView::importHar(const QString &path, QString *error)
{
    auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return -1;
    };
    if (!m_host->isRunning())
        return fail(tr("Start the runtime first: the HAR's requests are replayed against it."));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("%1 is not JSON: %2").arg(path, parseError.errorString()));
    QString harError;
    QList<ReplayRequest> requests = Replay::fromHar(doc.object(), &harError);
    if (!harError.isEmpty())
        return fail(harError);
    const QList<Runtime::ApiEndpoint> endpoints = m_host->endpoints();
    for (ReplayRequest &r : requests)
        r.url = Replay::retarget(r.url, endpoints);
    m_replayer->replay(requests);
    setNotice(tr("Replaying %n request(s) from the HAR file …", nullptr, int(requests.size())));
    updateActions();
    return int(requests.size());
}

void HistoryView::importHarWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import HAR and replay"), QString(),
                                                      tr("HAR files (*.har *.json);;All files (*)"));
    QString error;
    if (!path.isEmpty() && importHar(path, &error) < 0)
        setNotice(tr("<span style='color:#cf3b32'>%1</span>").arg(error.toHtmlEscaped()));
}

int HistoryView::resendSelected()
{
    const QList<Runtime::TracePtr> traces = selectedTraces();
    if (traces.isEmpty())
        return 0;
    if (!m_host->isRunning()) {
        setNotice(tr("<span style='color:#cf3b32'>Start the runtime to resend.</span>"));
        return 0;
    }
    QList<ReplayRequest> requests;
    const QList<Runtime::ApiEndpoint> endpoints = m_host->endpoints();
    // Oldest first, as they happened.
    for (auto it = traces.crbegin(); it != traces.crend(); ++it)
        requests.append(Replay::fromTrace(**it, endpoints));
    m_replayer->replay(requests);
    setNotice(tr("Resending %n call(s) …", nullptr, int(requests.size())));
    updateActions();
    return int(requests.size());
}

bool HistoryView::openSelectedInComposer()
{
    const QList<Runtime::TracePtr> traces = selectedTraces();
    if (traces.size() != 1)
        return false;
    Q_EMIT openInComposerRequested(traces.first());
    return true;
}

bool HistoryView::isReplaying() const
{
    return m_replayer->isBusy();
}

void HistoryView::setRetention(int count, int days)
{
    m_retainCount = count;
    m_retainDays = days;
    Settings().setHistoryRetention(count, days);
    applyRetention();
    refresh();
}

void HistoryView::applyRetention()
{
    Runtime::TraceStore *store = m_host->traceStore();
    if (!store)
        return;
    store->setRetention(m_retainCount, m_retainDays);
    // Pruned on the history's thread (deleting many rows takes a moment), before the next query.
    QMetaObject::invokeMethod(m_worker, [path = store->path(), count = m_retainCount, days = m_retainDays] {
        Runtime::TraceStore::prune(path, count, days);
    });
}

void HistoryView::editRetention()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("History retention"));
    auto *count = new QSpinBox;
    count->setObjectName(QStringLiteral("historyRetainCount"));
    count->setRange(0, 10000000);
    count->setSingleStep(10000);
    count->setSpecialValueText(tr("No limit"));
    count->setValue(m_retainCount);
    count->setSuffix(tr(" calls"));
    auto *days = new QSpinBox;
    days->setObjectName(QStringLiteral("historyRetainDays"));
    days->setRange(0, 3650);
    days->setSpecialValueText(tr("No limit"));
    days->setValue(m_retainDays);
    days->setSuffix(tr(" days"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(new QLabel(tr("The history keeps the newest calls up to both limits; older ones are removed.")));
    form->addRow(tr("Keep at most"), count);
    form->addRow(tr("Keep for"), days);
    form->addRow(buttons);
    if (dialog.exec() == QDialog::Accepted)
        setRetention(count->value(), days->value());
}

void HistoryView::showContextMenu(const QPoint &pos)
{
    const QModelIndex at = m_table->indexAt(pos);
    if (at.isValid() && !m_table->selectionModel()->isRowSelected(at.row(), {}))
        selectRows({at.row()});
    const QList<Runtime::TracePtr> selected = selectedTraces();
    if (selected.isEmpty())
        return;
    QMenu menu(this);
    QAction *resend = menu.addAction(tr("Resend"), this, &HistoryView::resendSelected);
    resend->setEnabled(m_host->isRunning());
    QAction *open = menu.addAction(tr("Open in composer"), this, &HistoryView::openSelectedInComposer);
    open->setEnabled(selected.size() == 1);
    menu.addSeparator();
    menu.addAction(tr("Export selected as HAR…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export HAR"), QStringLiteral("calls.har"),
                                                          tr("HAR files (*.har *.json)"));
        QString error;
        if (!path.isEmpty() && !exportHar(path, &error))
            setNotice(tr("<span style='color:#cf3b32'>%1</span>").arg(error.toHtmlEscaped()));
    });
    menu.addAction(tr("Copy request id"), this, [selected] {
        QStringList ids;
        for (const Runtime::TracePtr &t : selected)
            ids << t->requestId;
        QGuiApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
    });
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void HistoryView::setNotice(const QString &richText)
{
    m_notice->setText(richText);
    m_notice->setVisible(!richText.isEmpty());
}

void HistoryView::updateActions()
{
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    m_resend->setEnabled(selected > 0 && m_host->isRunning());
    m_openInComposer->setEnabled(selected == 1);
}

void HistoryView::showSelected()
{
    updateActions();
    const QList<Runtime::TracePtr> selected = selectedTraces();
    if (selected.size() != 1) {
        m_summary->setText(selected.isEmpty() ? tr("%n call(s) shown.", nullptr, int(m_model->rowCount()))
                                              : tr("%n calls selected.", nullptr, int(selected.size())));
        m_response->clear();
        m_tracePane->clear();
        return;
    }
    const Runtime::TracePtr &t = selected.first();
    m_summary->setText(tr("<b>%1 %2</b> → <b>%3</b> · %4 · %5")
                           .arg(t->method.toHtmlEscaped(), t->path.toHtmlEscaped())
                           .arg(t->status)
                           .arg(t->startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
                                t->requestId.toHtmlEscaped()));
    m_response->setPlainText(responseText(*t));
    m_tracePane->setTrace(t);
    Q_EMIT traceSelected(t);
}

} // namespace Gw::Ui

#include "historyview.moc"
