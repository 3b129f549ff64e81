// The trace pane. The timeline and the table show the same steps and share one selection; the
// details below follow it. Payloads are shown pretty-printed when they are JSON and cut at
// 16 KB so a large body never stalls the GUI.
#include "ui/console/tracepane.h"

#include "runtime/trace/executionlog.h"
#include "ui/console/tracetimeline.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Gw::Ui {

namespace {

constexpr qsizetype payloadLimit = 16 * 1024;
const QColor failColor(0xcf, 0x3b, 0x32);

QString payloadText(const QByteArray &payload)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(payload.left(256 * 1024), &error);
    QString text;
    if (error.error == QJsonParseError::NoError && !json.isNull())
        text = QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
    else if (payload.isValidUtf8())
        text = QString::fromUtf8(payload);
    else
        return QCoreApplication::translate("Gw::Ui::TracePane", "(%n byte(s) of binary data)", nullptr, int(payload.size()));
    if (text.size() > payloadLimit)
        text = text.left(payloadLimit) + QStringLiteral("\n… (%1 more characters)").arg(text.size() - payloadLimit);
    return text;
}

// The stages that see the request before any mapping.
bool requestSide(const QString &stage)
{
    static const QStringList names{QStringLiteral("receive"), QStringLiteral("route"), QStringLiteral("cors"),
                                   QStringLiteral("apiKey"), QStringLiteral("authorize"), QStringLiteral("throttle"),
                                   QStringLiteral("validate")};
    return names.contains(stage);
}

QString pre(const QString &text)
{
    return QStringLiteral("<pre style='margin:2px 0 8px 0'>") + text.toHtmlEscaped() + QStringLiteral("</pre>");
}

} // namespace

TracePane::TracePane(const QString &namePrefix, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(namePrefix + QStringLiteral("TracePane"));
    m_summary = new QLabel;
    m_summary->setObjectName(namePrefix + QStringLiteral("TraceSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto makeToggle = [this](const QString &text, const QString &tip) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        b->setCheckable(true);
        b->setAutoRaise(true);
        return b;
    };
    m_timelineButton = makeToggle(tr("Timeline"), tr("The steps drawn to scale of the call's time"));
    m_timelineButton->setObjectName(namePrefix + QStringLiteral("TraceTimelineButton"));
    m_tableButton = makeToggle(tr("Table"), tr("The steps as a table with every note"));
    m_tableButton->setObjectName(namePrefix + QStringLiteral("TraceTableButton"));
    m_timelineButton->setChecked(true);
    connect(m_timelineButton, &QToolButton::clicked, this, [this] { showTable(false); });
    connect(m_tableButton, &QToolButton::clicked, this, [this] { showTable(true); });
    m_editorButton = new QToolButton;
    m_editorButton->setObjectName(namePrefix + QStringLiteral("TraceGoToEditor"));
    m_editorButton->setText(tr("Go to editor"));
    m_editorButton->setToolTip(tr("Open what configures the selected step (or double-click the step)"));
    m_editorButton->setEnabled(false);
    connect(m_editorButton, &QToolButton::clicked, this, [this] { activateStep(selectedStep()); });
    auto *bar = new QHBoxLayout;
    bar->setSpacing(2);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_timelineButton, 0, Qt::AlignTop);
    bar->addWidget(m_tableButton, 0, Qt::AlignTop);
    bar->addWidget(m_editorButton, 0, Qt::AlignTop);

    m_timeline = new TraceTimeline;
    m_timeline->setObjectName(namePrefix + QStringLiteral("TraceTimeline"));
    m_timeline->setToolTip(QString()); // per-step tooltips
    auto *timelineScroll = new QScrollArea;
    timelineScroll->setWidget(m_timeline);
    timelineScroll->setWidgetResizable(true);
    timelineScroll->setFrameShape(QFrame::NoFrame);
    timelineScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_steps = new QTableWidget(0, 4);
    m_steps->setObjectName(namePrefix + QStringLiteral("TraceSteps"));
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Outcome"), tr("Duration"), tr("Notes")});
    m_steps->verticalHeader()->hide();
    m_steps->verticalHeader()->setDefaultSectionSize(22);
    m_steps->horizontalHeader()->setStretchLastSection(true);
    m_steps->horizontalHeader()->setSectionResizeMode(StepColumn, QHeaderView::ResizeToContents);
    m_steps->horizontalHeader()->setSectionResizeMode(OutcomeColumn, QHeaderView::ResizeToContents);
    m_steps->horizontalHeader()->setSectionResizeMode(DurationColumn, QHeaderView::ResizeToContents);
    m_steps->setAlternatingRowColors(true);
    m_steps->setWordWrap(false);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->setToolTip(tr("Double-click a step to open what configures it."));
    connect(m_steps, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { activateStep(row); });
    connect(m_steps, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (!m_syncing)
            m_timeline->setSelectedStep(row);
    });
    connect(m_timeline, &TraceTimeline::stepSelected, this, &TracePane::onStepSelected);
    connect(m_timeline, &TraceTimeline::stepActivated, this, &TracePane::activateStep);

    m_stack = new QStackedWidget;
    m_stack->addWidget(timelineScroll);
    m_stack->addWidget(m_steps);

    m_details = new QTextBrowser;
    m_details->setObjectName(namePrefix + QStringLiteral("TraceStepDetails"));
    m_details->setOpenLinks(false);
    m_details->setFrameShape(QFrame::NoFrame);
    m_details->document()->setDocumentMargin(6);
    m_details->setPlaceholderText(tr("Click a step to see why it decided what it did."));
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("gw") && url.path() == QLatin1String("editor"))
            activateStep(selectedStep());
    });

    m_splitter = new QSplitter(Qt::Vertical);
    auto *splitter = m_splitter;
    splitter->addWidget(m_stack);
    splitter->addWidget(m_details);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({m_timeline->sizeHint().height() + 4, 240});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    // The execution log page (shown by the owner as its own tab).
    m_logPage = new QWidget(this);
    m_logPage->hide();
    auto *logLayout = new QVBoxLayout(m_logPage);
    logLayout->setContentsMargins(0, 4, 0, 0);
    m_executionLog = new QPlainTextEdit;
    m_executionLog->setObjectName(namePrefix + QStringLiteral("ExecutionLog"));
    m_executionLog->setReadOnly(true);
    m_executionLog->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_executionLog->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copyLog = new QPushButton(tr("Copy"));
    copyLog->setObjectName(namePrefix + QStringLiteral("CopyExecutionLog"));
    connect(copyLog, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_executionLog->toPlainText());
    });
    auto *logButtons = new QHBoxLayout;
    logButtons->addStretch(1);
    logButtons->addWidget(copyLog);
    logLayout->addLayout(logButtons);
    logLayout->addWidget(m_executionLog, 1);
}

void TracePane::showTable(bool table)
{
    m_stack->setCurrentIndex(table ? 1 : 0);
    m_timelineButton->setChecked(!table);
    m_tableButton->setChecked(table);
}

void TracePane::clear()
{
    m_trace.reset();
    m_summary->clear();
    m_steps->setRowCount(0);
    m_timeline->setTrace(nullptr);
    m_details->clear();
    m_editorButton->setEnabled(false);
    m_executionLog->clear();
}

void TracePane::setMessage(const QString &richText)
{
    m_summary->setText(richText);
}

QString TracePane::executionLogText() const
{
    return m_executionLog->toPlainText();
}

int TracePane::selectedStep() const
{
    return m_timeline->selectedStep();
}

void TracePane::selectStep(int index)
{
    m_timeline->setSelectedStep(index);
}

QString TracePane::stepDetailsText() const
{
    return m_details->toPlainText();
}

void TracePane::activateStep(int index)
{
    // The call's operation is resolved by the receiver (the trace names it).
    if (m_trace && index >= 0 && index < m_trace->steps.size())
        Q_EMIT stepActivated(m_trace->steps.at(index).name);
}

void TracePane::setTrace(const Runtime::TracePtr &trace)
{
    if (!trace) {
        clear();
        return;
    }
    m_trace = trace;
    const Runtime::TraceStep *failing = trace->failingStep();
    int failingRow = -1;
    int integrateRow = -1;
    {
        m_syncing = true;
        m_steps->setRowCount(0);
        m_steps->setRowCount(int(trace->steps.size()));
        for (int row = 0; row < trace->steps.size(); ++row) {
            const Runtime::TraceStep &step = trace->steps.at(row);
            auto *name = new QTableWidgetItem(step.name);
            name->setToolTip(TraceTimeline::stepLabel(step.name));
            auto *outcome = new QTableWidgetItem(Runtime::toString(step.outcome));
            auto *duration = new QTableWidgetItem(TraceTimeline::durationText(step.durationUs));
            duration->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto *notes = new QTableWidgetItem(step.notes.join(QStringLiteral("; ")));
            notes->setToolTip(step.notes.join(QLatin1Char('\n')));
            const bool bad = step.flagged || step.outcome == Runtime::TraceStep::Outcome::Fail || &step == failing;
            if (&step == failing)
                failingRow = row;
            if (step.name == QLatin1String("integrate"))
                integrateRow = row;
            if (bad) {
                for (QTableWidgetItem *item : {name, outcome, duration, notes})
                    item->setForeground(failColor);
            } else if (step.outcome == Runtime::TraceStep::Outcome::Skipped) {
                for (QTableWidgetItem *item : {name, outcome, duration, notes})
                    item->setForeground(QColor(Qt::gray));
            }
            m_steps->setItem(row, StepColumn, name);
            m_steps->setItem(row, OutcomeColumn, outcome);
            m_steps->setItem(row, DurationColumn, duration);
            m_steps->setItem(row, NotesColumn, notes);
        }
        m_syncing = false;
    }
    QString summary = tr("Request <b>%1</b> · %2 · %3 steps · %4 in the gateway")
                          .arg(trace->requestId.toHtmlEscaped(),
                               trace->routeKey.isEmpty() ? tr("no route") : trace->routeKey.toHtmlEscaped())
                          .arg(trace->steps.size())
                          .arg(TraceTimeline::durationText(trace->durationUs));
    if (!trace->errorType.isEmpty())
        summary += QStringLiteral(" · <span style='color:#cf3b32'>") + trace->errorType.toHtmlEscaped() + QStringLiteral("</span>");
    if (failing)
        summary += tr(" · failed at <b style='color:#cf3b32'>%1</b>").arg(TraceTimeline::stepLabel(failing->name).toHtmlEscaped());
    m_summary->setText(summary);
    m_executionLog->setPlainText(Runtime::executionLog(*trace));
    m_timeline->setTrace(trace);
    fitTimeline();
    // The step worth reading first: the one that failed, else the integration (its log lines).
    const int first = failingRow >= 0 ? failingRow : integrateRow;
    if (first >= 0)
        m_timeline->setSelectedStep(first);
    else
        onStepSelected(-1);
}

void TracePane::fitTimeline()
{
    // Every lane visible when there is room; the details keep at least a third.
    const int total = m_splitter->height();
    const int wanted = m_timeline->sizeHint().height() + 2;
    if (total <= 0) {
        m_splitter->setSizes({wanted, 240});
        return;
    }
    const int timeline = qMin(wanted, total * 2 / 3);
    m_splitter->setSizes({timeline, total - timeline});
}

void TracePane::onStepSelected(int index)
{
    if (!m_syncing && m_steps->currentRow() != index) {
        m_syncing = true;
        if (index < 0)
            m_steps->clearSelection();
        else
            m_steps->selectRow(index);
        m_syncing = false;
    }
    showDetails(index);
    Q_EMIT stepSelected(index);
}

void TracePane::showDetails(int index)
{
    m_editorButton->setEnabled(m_trace && index >= 0);
    if (!m_trace || index < 0 || index >= m_trace->steps.size()) {
        m_details->clear();
        return;
    }
    const Runtime::Trace &t = *m_trace;
    const Runtime::TraceStep &s = t.steps.at(index);
    const bool failing = &s == t.failingStep();
    const QString colour = TraceTimeline::outcomeColor(s, failing).name();
    QString html = QStringLiteral("<p style='margin:0'><span style='font-size:large'><b>%1</b></span> "
                                  "<span style='color:gray'>%2</span> &nbsp; <a href='gw:editor'>%3</a></p>")
                       .arg(TraceTimeline::stepLabel(s.name).toHtmlEscaped(), s.name.toHtmlEscaped(),
                            tr("Go to editor"));
    html += tr("<p style='margin:2px 0 6px 0'><b style='color:%1'>%2</b> · starts at %3 · takes %4 of %5</p>")
                .arg(colour, Runtime::toString(s.outcome).toHtmlEscaped(), TraceTimeline::durationText(s.startUs),
                     TraceTimeline::durationText(s.durationUs), TraceTimeline::durationText(TraceTimeline::spanUs(t)));
    if (!s.notes.isEmpty()) {
        html += failing ? tr("<p style='margin:4px 0 0 0; color:#cf3b32'><b>Why it failed</b></p>")
                        : tr("<p style='margin:4px 0 0 0'><b>What it decided</b></p>");
        html += QStringLiteral("<ul style='margin-top:0; margin-bottom:4px'>");
        for (const QString &note : s.notes)
            html += QStringLiteral("<li>") + note.toHtmlEscaped() + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }
    if (failing && s.name != QLatin1String("integrate") && !t.executionFailure.isEmpty())
        html += QStringLiteral("<p style='color:#cf3b32'>") + t.executionFailure.toHtmlEscaped() + QStringLiteral("</p>");
    if (s.name == QLatin1String("integrate")) {
        if (!t.endpointUri.isEmpty())
            html += tr("<p style='margin:4px 0'><b>Endpoint</b> %1 → %2 in %3</p>")
                        .arg(t.endpointUri.toHtmlEscaped())
                        .arg(t.endpointStatus)
                        .arg(TraceTimeline::durationText(t.integrationLatencyUs));
        if (!t.executionFailure.isEmpty())
            html += QStringLiteral("<p style='color:#cf3b32'>") + t.executionFailure.toHtmlEscaped() + QStringLiteral("</p>");
        if (!t.integrationLog.isEmpty())
            html += tr("<p style='margin:4px 0 0 0'><b>Function log</b></p>") + pre(t.integrationLog.join(QLatin1Char('\n')));
    }
    if (!s.payloadBefore.isEmpty())
        html += tr("<p style='margin:4px 0 0 0'><b>Payload before</b> (%1 bytes)</p>").arg(s.payloadBefore.size())
                + pre(payloadText(s.payloadBefore));
    else if (requestSide(s.name) && !t.requestBody.isEmpty())
        // Stages before the request mapping work on the request as received.
        html += tr("<p style='margin:4px 0 0 0'><b>Payload before</b> — the request body as received (%1 bytes)</p>")
                    .arg(t.requestBody.size())
                + pre(payloadText(t.requestBody));
    else if (s.name == QLatin1String("integrate") && !t.endpointRequestBody.isEmpty())
        // A proxy integration builds its event inside the step: what it sent is the "before".
        html += tr("<p style='margin:4px 0 0 0'><b>Payload before</b> — sent to the integration (%1 bytes)</p>")
                    .arg(t.endpointRequestBody.size())
                + pre(payloadText(t.endpointRequestBody));
    if (!s.payloadAfter.isEmpty())
        html += tr("<p style='margin:4px 0 0 0'><b>Payload after</b> (%1 bytes)</p>").arg(s.payloadAfter.size())
                + pre(payloadText(s.payloadAfter));
    else if (failing && s.outcome == Runtime::TraceStep::Outcome::Respond && !t.responseBody.isEmpty())
        // The step answered instead of passing the request on: what the client got.
        html += tr("<p style='margin:4px 0 0 0'><b>Payload after</b> — the gateway's answer, %1 (%2 bytes)</p>")
                    .arg(t.status)
                    .arg(t.responseBody.size())
                + pre(payloadText(t.responseBody));
    if (s.payloadBefore.isEmpty() && s.payloadAfter.isEmpty() && s.name != QLatin1String("integrate")
        && !(requestSide(s.name) && !t.requestBody.isEmpty()))
        html += tr("<p style='color:gray'>This step records no payload.</p>");
    m_details->setHtml(html);
}

} // namespace Gw::Ui
