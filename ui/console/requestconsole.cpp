// The request console: real HTTP to the running gateway, and the gateway's trace of each call.
//
// The trace is found by the request id the gateway puts in the response (x-amzn-RequestId for
// REST, apigw-requestid for HTTP APIs): first in the host's trace ring, else (the trace may be
// published a moment after the reply) from the traceRecorded signal.
#include "ui/console/requestconsole.h"

#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "runtime/trace/tracering.h"
#include "ui/code/codeeditor.h"
#include "ui/console/authpanel.h"
#include "ui/console/bodyeditor.h"
#include "ui/console/curlcommand.h"
#include "ui/console/requestparams.h"
#include "ui/console/responseview.h"
#include "ui/console/tracepane.h"
#include "runtime/trace/executionlog.h"
#include "ui/icons.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"
#include "ui/runtimecontroller.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QHBoxLayout>
#include <QFontDatabase>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;
using Kind = NodeRef::Kind;

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(22);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    return table;
}

// Always one blank row at the bottom of a name/value table to type a new entry into.
void ensureBlankLastRow(QTableWidget *table)
{
    const int rows = table->rowCount();
    auto isBlank = [table](int row) {
        for (int c = 0; c < 2; ++c)
            if (table->item(row, c) && !table->item(row, c)->text().isEmpty())
                return false;
        return true;
    };
    if (rows == 0 || !isBlank(rows - 1)) {
        const QSignalBlocker block(table);
        table->insertRow(rows);
    }
}

RequestParams::Pairs tablePairs(const QTableWidget *table)
{
    RequestParams::Pairs out;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *name = table->item(row, 0);
        const QTableWidgetItem *value = table->item(row, 1);
        if (name && !name->text().isEmpty())
            out.append({name->text(), value ? value->text() : QString()});
    }
    return out;
}

// The path parameter table's values by parameter name (the name column shows "proxy+").
RequestParams::Pairs pathValues(const QTableWidget *table)
{
    RequestParams::Pairs out;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *name = table->item(row, 0);
        const QTableWidgetItem *value = table->item(row, 1);
        if (name)
            out.append({name->data(Qt::UserRole).toString(), value ? value->text() : QString()});
    }
    return out;
}

bool isRootStage(const QString &stage)
{
    return stage.isEmpty() || stage == QLatin1String("$default");
}

QColor statusColor(int status)
{
    if (status >= 500 || status == 0)
        return QColor(0xcf, 0x3b, 0x32);
    if (status >= 400)
        return QColor(0xd6, 0x8a, 0x12);
    return QColor(0x2e, 0x9b, 0x4f);
}

} // namespace

RequestConsole::RequestConsole(RuntimeController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_network(new QNetworkAccessManager(this))
{
    // Console traffic goes to the local gateway, never through a configured proxy.
    m_network->setProxy(QNetworkProxy::NoProxy);

    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("consoleMethod"));
    for (const QString &verb : Edits::restMethods())
        if (verb != QLatin1String("ANY"))
            m_method->addItem(Icons::httpMethod(verb), verb);
    m_method->setEditable(true); // custom verbs are legal HTTP
    m_method->setMinimumContentsLength(7);
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("consoleUrl"));
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:3000/dev/pets"));
    m_url->setClearButtonEnabled(true);
    m_send = new QPushButton(Icons::named(QStringLiteral("send"), QStyle::SP_ArrowForward), tr("Send"));
    m_send->setObjectName(QStringLiteral("consoleSend"));
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, &RequestConsole::send);
    m_cancel = new QPushButton(Icons::named(QStringLiteral("cancel"), QStyle::SP_BrowserStop), tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("consoleCancel"));
    m_cancel->setToolTip(tr("Abort the request in flight (Esc)"));
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, &RequestConsole::cancel);
    connect(m_url, &QLineEdit::returnPressed, this, &RequestConsole::send);
    auto *sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    sendShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(sendShortcut, &QShortcut::activated, this, &RequestConsole::send);
    auto *cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QShortcut::activated, this, &RequestConsole::cancel);

    auto *requestLine = new QHBoxLayout;
    requestLine->setSpacing(4);
    requestLine->addWidget(m_method);
    requestLine->addWidget(m_url, 1);
    requestLine->addWidget(m_send);
    requestLine->addWidget(m_cancel);
    auto *copyCurl = new QPushButton(tr("Copy cURL"));
    copyCurl->setObjectName(QStringLiteral("consoleCopyCurl"));
    copyCurl->setToolTip(tr("Copy the request, auth applied, as a curl command."));
    connect(copyCurl, &QPushButton::clicked, this, &RequestConsole::copyAsCurl);
    auto *pasteCurl = new QPushButton(tr("Paste cURL"));
    pasteCurl->setObjectName(QStringLiteral("consolePasteCurl"));
    pasteCurl->setToolTip(tr("Fill method, URL, headers and body from a curl command on the clipboard."));
    connect(pasteCurl, &QPushButton::clicked, this, &RequestConsole::pasteCurl);
    m_environment = new QComboBox;
    m_environment->setObjectName(QStringLiteral("consoleEnvironment"));
    m_environment->setToolTip(tr("Variables used as {{name}} in the URL, headers and body."));
    connect(m_environment, &QComboBox::activated, this, [this](int i) {
        setEnvironment(i <= 0 ? QString() : m_environment->itemText(i));
    });
    m_savedRequests = new QComboBox;
    m_savedRequests->setObjectName(QStringLiteral("consoleSavedRequests"));
    m_savedRequests->setToolTip(tr("Saved requests of this API"));
    connect(m_savedRequests, &QComboBox::activated, this, [this](int i) {
        if (i > 0)
            openSavedRequest(m_savedRequests->itemText(i));
    });
    auto *saveButton = new QPushButton(tr("Save…"));
    saveButton->setObjectName(QStringLiteral("consoleSaveRequest"));
    connect(saveButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save request"), tr("Name:"), QLineEdit::Normal,
                                                   QStringLiteral("%1 %2").arg(method(), QUrl(url()).path()), &ok);
        if (ok && !name.trimmed().isEmpty())
            saveRequest(name.trimmed());
    });
    m_stage = new QComboBox;
    m_stage->setObjectName(QStringLiteral("consoleStage"));
    connect(m_stage, &QComboBox::currentIndexChanged, this, &RequestConsole::onStageChosen);
    auto *toolLine = new QHBoxLayout;
    toolLine->setSpacing(4);
    toolLine->addWidget(new QLabel(tr("Stage")));
    toolLine->addWidget(m_stage);
    toolLine->addWidget(new QLabel(tr("Env")));
    toolLine->addWidget(m_environment);
    toolLine->addWidget(new QLabel(tr("Saved")));
    toolLine->addWidget(m_savedRequests, 1);
    toolLine->addWidget(saveButton);
    // On the tool line, not beside the URL: the URL needs the width of a narrow dock.
    toolLine->addWidget(copyCurl);
    toolLine->addWidget(pasteCurl);

    // Request: headers and body.
    m_headers = makeTable({tr("Header"), tr("Value")}, this);
    m_headers->setObjectName(QStringLiteral("consoleHeaders"));
    m_headers->horizontalHeader()->resizeSection(0, 160);
    connect(m_headers, &QTableWidget::cellChanged, this, &RequestConsole::ensureEmptyHeaderRow);
    ensureEmptyHeaderRow();
    m_body = new BodyEditor;
    m_body->setObjectName(QStringLiteral("consoleBodyEditor"));
    // Params: the route's path parameters and the query, both written into the URL.
    m_pathParams = makeTable({tr("Path parameter"), tr("Value")}, this);
    m_pathParams->setObjectName(QStringLiteral("consolePathParams"));
    m_pathParams->horizontalHeader()->resizeSection(0, 160);
    connect(m_pathParams, &QTableWidget::cellChanged, this, &RequestConsole::onPathParamsEdited);
    m_queryParams = makeTable({tr("Query parameter"), tr("Value")}, this);
    m_queryParams->setObjectName(QStringLiteral("consoleQueryParams"));
    m_queryParams->horizontalHeader()->resizeSection(0, 160);
    connect(m_queryParams, &QTableWidget::cellChanged, this, &RequestConsole::onQueryParamsEdited);
    ensureBlankLastRow(m_queryParams);
    connect(m_url, &QLineEdit::textChanged, this, &RequestConsole::onUrlEdited);
    auto *paramsPage = new QWidget;
    auto *paramsLayout = new QVBoxLayout(paramsPage);
    paramsLayout->setContentsMargins(0, 4, 0, 0);
    paramsLayout->addWidget(new QLabel(tr("Path parameters")));
    paramsLayout->addWidget(m_pathParams, 1);
    paramsLayout->addWidget(new QLabel(tr("Query parameters")));
    paramsLayout->addWidget(m_queryParams, 2);
    auto *requestTabs = new QTabWidget;
    requestTabs->setDocumentMode(true);
    requestTabs->addTab(paramsPage, tr("Params"));
    requestTabs->addTab(m_body, tr("Body"));
    requestTabs->addTab(m_headers, tr("Headers"));
    m_auth = new AuthPanel(m_controller->session(), this);
    m_auth->setObjectName(QStringLiteral("consoleAuth"));
    requestTabs->addTab(m_auth, tr("Auth"));
    m_variables = makeTable({tr("Variable"), tr("Value")}, this);
    m_variables->setObjectName(QStringLiteral("consoleEnvironmentVariables"));
    connect(m_variables, &QTableWidget::cellChanged, this, &RequestConsole::onVariablesEdited);
    auto *envPage = new QWidget;
    auto *envLayout = new QVBoxLayout(envPage);
    envLayout->setContentsMargins(0, 4, 0, 0);
    auto *envButtons = new QHBoxLayout;
    auto *newEnv = new QPushButton(tr("New environment…"));
    newEnv->setObjectName(QStringLiteral("consoleNewEnvironment"));
    connect(newEnv, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New environment"), tr("Name:"), QLineEdit::Normal, {}, &ok);
        if (ok && !name.trimmed().isEmpty()) {
            addEnvironment(name.trimmed());
            setEnvironment(name.trimmed());
        }
    });
    envButtons->addWidget(newEnv);
    envButtons->addStretch(1);
    envLayout->addLayout(envButtons);
    envLayout->addWidget(m_variables, 1);
    requestTabs->addTab(envPage, tr("Environment"));

    // Response: status line, then body / headers / trace.
    m_status = new QLabel(tr("No request sent yet."));
    m_status->setObjectName(QStringLiteral("consoleStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Body (shown by its type) and headers; the trace's tabs follow them.
    m_response = new ResponseView;
    m_response->setObjectName(QStringLiteral("consoleResponse"));
    // The trace of the shown call (timeline, step details) and its execution log, as two tabs.
    m_tracePane = new TracePane(QStringLiteral("console"), this);
    connect(m_tracePane, &TracePane::stepActivated, this,
            [this](const QString &step) { Q_EMIT stepActivated(m_target, step); });

    m_responseTabs = m_response->tabs();
    m_responseTabs->addTab(m_tracePane, tr("Trace"));
    m_responseTabs->addTab(m_tracePane->executionLogPage(), tr("Execution log"));

    auto *requestPane = new QWidget;
    auto *requestLayout = new QVBoxLayout(requestPane);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->addLayout(requestLine);
    requestLayout->addLayout(toolLine);
    requestLayout->addWidget(requestTabs, 1);
    auto *responsePane = new QWidget;
    auto *responseLayout = new QVBoxLayout(responsePane);
    responseLayout->setContentsMargins(0, 4, 0, 0);
    auto *responseTitle = new QLabel(tr("<b>Response</b>"));
    auto *statusLine = new QHBoxLayout;
    statusLine->addWidget(responseTitle);
    statusLine->addWidget(m_status, 1);
    responseLayout->addLayout(statusLine);
    responseLayout->addWidget(m_response, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(requestPane);
    splitter->addWidget(responsePane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({180, 540});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    connect(m_controller->host(), &Runtime::RuntimeHost::traceRecorded, this,
            &RequestConsole::onTraceRecorded);
    connect(m_controller, &RuntimeController::stateChanged, this, &RequestConsole::refreshPrefill);
    connect(m_controller, &RuntimeController::stateChanged, this, &RequestConsole::updateStageToolTip);
    connect(m_controller->session(), &DocumentSession::documentChanged, this, &RequestConsole::refreshPrefill);
    connect(m_controller->session(), &DocumentSession::filePathChanged, this, [this](const QString &path) {
        setWorkspacePath(ConsoleWorkspace::pathFor(path));
    });
    setWorkspacePath(ConsoleWorkspace::pathFor(m_controller->session()->filePath()));
}

RequestConsole::~RequestConsole()
{
    if (m_reply) {
        m_reply->disconnect(this); // no onFinished while the widgets go away
        m_reply->abort();
    }
}

void RequestConsole::setMethod(const QString &method)
{
    const int i = m_method->findText(method.toUpper());
    if (i >= 0)
        m_method->setCurrentIndex(i);
    else
        m_method->setEditText(method.toUpper());
}

QString RequestConsole::method() const
{
    return m_method->currentText().trimmed().toUpper();
}

void RequestConsole::setUrl(const QString &url)
{
    m_url->setText(url);
}

QString RequestConsole::url() const
{
    return m_url->text().trimmed();
}

void RequestConsole::setHeader(const QString &name, const QString &value)
{
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        QTableWidgetItem *key = m_headers->item(row, 0);
        if (key && key->text().compare(name, Qt::CaseInsensitive) == 0) {
            m_headers->setItem(row, 1, new QTableWidgetItem(value));
            return;
        }
    }
    const int row = m_headers->rowCount() - 1; // the empty row
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
}

void RequestConsole::setBody(const QString &body)
{
    m_body->setText(body);
    if (m_body->kind() == BodyEditor::Kind::Form || m_body->kind() == BodyEditor::Kind::Binary)
        m_body->setKind(BodyEditor::Kind::Json);
}

void RequestConsole::openRequest(const QString &method, const QString &url,
                                 const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    setMethod(method);
    setUrl(url);
    QString contentType;
    {
        const QSignalBlocker block(m_headers);
        m_headers->setRowCount(0);
        for (const auto &h : headers) {
            if (h.first.compare("host", Qt::CaseInsensitive) == 0 || h.first.compare("content-length", Qt::CaseInsensitive) == 0)
                continue;
            if (h.first.compare("content-type", Qt::CaseInsensitive) == 0)
                contentType = QString::fromUtf8(h.second);
            const int row = m_headers->rowCount();
            m_headers->insertRow(row);
            m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(h.first)));
            m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(h.second)));
        }
    }
    ensureEmptyHeaderRow();
    if (body.isEmpty())
        setBody(QString());
    else
        m_body->setFromBytes(body, contentType);
}

void RequestConsole::ensureEmptyHeaderRow()
{
    ensureBlankLastRow(m_headers);
}

void RequestConsole::setTarget(const NodeRef &node)
{
    m_target = node;
    refreshWorkspaceWidgets();
    const QString label = Lookup::operationLabel(m_controller->session()->document(), node);
    if (label.isEmpty())
        return; // keep the current request for anything but a method or route
    m_prefilledUrl.clear();
    {
        // Another route: its own query (refreshPrefill writes the URL without one).
        const QSignalBlocker block(m_queryParams);
        m_queryParams->setRowCount(0);
    }
    ensureBlankLastRow(m_queryParams);
    refreshPrefill();
}

void RequestConsole::refreshPrefill()
{
    const ApiDocument &doc = m_controller->session()->document();
    // The stage list follows the design even while the URL is the user's own.
    if (const Api *targetApi = Lookup::api(doc, m_target.apiId))
        refreshStages(*targetApi);
    // Follow the selection (and the runtime's port) as long as the user has not edited the URL.
    if (!m_prefilledUrl.isEmpty() && url() != m_prefilledUrl)
        return;
    const QString label = Lookup::operationLabel(doc, m_target);
    if (label.isEmpty())
        return;
    const Api *api = Lookup::api(doc, m_target.apiId);
    QString verb = QStringLiteral("GET");
    QString path = QStringLiteral("/");
    if (api->type == ApiType::WebSocket) {
        verb = QStringLiteral("GET");
        path.clear();
    } else if (label.startsWith(QLatin1Char('$'))) {
        path = QStringLiteral("/"); // $default: any path
    } else {
        verb = label.section(QLatin1Char(' '), 0, 0);
        path = label.section(QLatin1Char(' '), 1);
        if (verb == QLatin1String("ANY"))
            verb = QStringLiteral("GET");
    }
    if (path != m_pathTemplate) {
        m_pathTemplate = path;
        rebuildPathParamRows();
    }
    // {params} take the Params tab's values (unfilled ones stay visible as {name}).
    const QString full = RequestParams::withQuery(
        stageBase() + RequestParams::fillPath(path, pathValues(m_pathParams)), tablePairs(m_queryParams));
    setMethod(verb);
    m_url->setText(full);
    m_prefilledUrl = full;
    m_stageInUrl = stage();
}

QString RequestConsole::stageBase() const
{
    const Api *api = Lookup::api(m_controller->session()->document(), m_target.apiId);
    if (!api)
        return {};
    const QUrl endpoint = m_controller->endpointFor(api->id);
    if (endpoint.isEmpty())
        return {};
    // REST always has the /{stage} prefix; HTTP and WebSocket only for a named stage.
    const QString s = stage();
    const bool prefixed = api->type == ApiType::Rest || !isRootStage(s);
    return endpoint.toString(QUrl::RemovePath) + (prefixed && !s.isEmpty() ? QLatin1Char('/') + s : QString());
}

void RequestConsole::rebuildPathParamRows()
{
    // Values typed for a name survive a change of route that has the same parameter.
    const RequestParams::Pairs previous = tablePairs(m_pathParams);
    const QSignalBlocker block(m_pathParams);
    m_pathParams->setRowCount(0);
    for (const RequestParams::PathParam &p : RequestParams::pathParameters(m_pathTemplate)) {
        const int row = m_pathParams->rowCount();
        m_pathParams->insertRow(row);
        auto *name = new QTableWidgetItem(p.greedy ? p.name + QLatin1Char('+') : p.name);
        name->setData(Qt::UserRole, p.name);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable); // the route's, renamed in the designer
        name->setToolTip(p.greedy ? tr("Greedy: may hold several segments (slashes are kept)") : QString());
        m_pathParams->setItem(row, 0, name);
        QString value;
        for (const auto &v : previous)
            if (v.first == name->text())
                value = v.second;
        m_pathParams->setItem(row, 1, new QTableWidgetItem(value));
    }
}

void RequestConsole::onPathParamsEdited()
{
    if (m_pathTemplate.isEmpty() && m_pathParams->rowCount() == 0)
        return;
    const RequestParams::Pairs values = pathValues(m_pathParams);
    // The path is rebuilt from the route (an explicit, route-based edit); the query is kept as typed.
    const QString current = url();
    const qsizetype q = current.indexOf(QLatin1Char('?'));
    const QString full = stageBase() + RequestParams::fillPath(m_pathTemplate, values)
                         + (q < 0 ? QString() : current.mid(q));
    m_url->setText(full);
    m_prefilledUrl = full; // keeps following the runtime's port
    m_stageInUrl = stage();
}

void RequestConsole::onQueryParamsEdited()
{
    ensureBlankLastRow(m_queryParams);
    const bool following = !m_prefilledUrl.isEmpty() && url() == m_prefilledUrl;
    const QString full = RequestParams::withQuery(url(), tablePairs(m_queryParams));
    m_syncingUrl = true; // the table is the source here: no refill from the URL it writes
    m_url->setText(full);
    m_syncingUrl = false;
    if (following)
        m_prefilledUrl = full;
}

void RequestConsole::onUrlEdited()
{
    if (m_syncingUrl)
        return;
    // The URL is the source (typed, pasted, opened): the query table shows its query.
    {
        const QSignalBlocker block(m_queryParams);
        m_queryParams->setRowCount(0);
        for (const auto &p : RequestParams::queryPairs(url())) {
            const int row = m_queryParams->rowCount();
            m_queryParams->insertRow(row);
            m_queryParams->setItem(row, 0, new QTableWidgetItem(p.first));
            m_queryParams->setItem(row, 1, new QTableWidgetItem(p.second));
        }
    }
    ensureBlankLastRow(m_queryParams);
    // A URL of another listed stage (typed or pasted) moves the selector with it.
    const QString text = url();
    const qsizetype scheme = text.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return;
    const qsizetype slash = text.indexOf(QLatin1Char('/'), scheme + 3);
    const QString first = slash < 0 ? QString() : text.mid(slash + 1).section(QRegularExpression(QStringLiteral("[/?#]")), 0, 0);
    int index = m_stage->findText(first);
    if (index < 0)
        index = m_stage->findText(QStringLiteral("$default"));
    if (index >= 0 && index != m_stage->currentIndex()) {
        const QSignalBlocker block(m_stage);
        m_stage->setCurrentIndex(index);
        updateStageToolTip();
    }
    if (index >= 0)
        m_stageInUrl = m_stage->itemText(index);
}

void RequestConsole::refreshStages(const Api &api)
{
    QStringList names;
    for (const Stage &s : api.stages)
        names << s.name;
    if (names.isEmpty()) // where the runtime serves an API without stages
        names << (api.type == ApiType::Rest ? QStringLiteral("dev") : QStringLiteral("$default"));
    QStringList shown;
    for (int i = 0; i < m_stage->count(); ++i)
        shown << m_stage->itemText(i);
    if (shown != names) {
        const QString keep = stage();
        const QSignalBlocker block(m_stage);
        m_stage->clear();
        m_stage->addItems(names);
        int index = m_stage->findText(keep);
        if (index < 0)
            index = m_stage->findText(m_controller->servedStage(api.id));
        m_stage->setCurrentIndex(index < 0 ? 0 : index);
    }
    updateStageToolTip();
}

void RequestConsole::setStage(const QString &name)
{
    const int index = m_stage->findText(name);
    if (index >= 0)
        m_stage->setCurrentIndex(index); // onStageChosen rewrites the URL
}

QString RequestConsole::stage() const
{
    return m_stage->currentText();
}

void RequestConsole::onStageChosen()
{
    const bool following = !m_prefilledUrl.isEmpty() && url() == m_prefilledUrl;
    const QString rewritten = RequestParams::withStage(url(), m_stageInUrl, stage());
    if (rewritten == url() && m_stageInUrl != stage() && !isRootStage(m_stageInUrl) && !url().isEmpty())
        m_status->setText(tr("The URL does not start with /%1: its stage was left as typed.").arg(m_stageInUrl.toHtmlEscaped()));
    m_stageInUrl = stage();
    m_syncingUrl = true; // the query is unchanged
    m_url->setText(rewritten);
    m_syncingUrl = false;
    if (following)
        m_prefilledUrl = rewritten;
    updateStageToolTip();
}

void RequestConsole::updateStageToolTip()
{
    // The studio's runtime serves every stage of each API at once (RuntimeOptions::stage is left
    // empty), so choosing a stage only retargets the URL; what remains to say is whether anything
    // serves it right now.
    const QString s = stage();
    if (s.isEmpty())
        m_stage->setToolTip(tr("The stage the URL targets"));
    else if (!m_controller->isRunning())
        m_stage->setToolTip(tr("Stage %1 — the runtime is stopped: start it (F5) to serve this stage.").arg(s));
    else
        m_stage->setToolTip(tr("Stage %1 — served by the running runtime (every stage is served at once).").arg(s));
}

void RequestConsole::send()
{
    if (m_reply)
        return; // one request at a time
    QStringList unresolved;
    const QUrl target = QUrl::fromUserInput(m_workspace.substitute(url(), &unresolved));
    for (const QString &text : m_body->texts())
        m_workspace.substitute(text, &unresolved);
    for (int row = 0; row < m_headers->rowCount(); ++row)
        for (int c = 0; c < 2; ++c)
            if (m_headers->item(row, c))
                m_workspace.substitute(m_headers->item(row, c)->text(), &unresolved);
    if (!unresolved.isEmpty()) {
        m_status->setText(tr("<span style='color:#cf3b32'>Undefined variable(s) %1: define them in the Environment tab.</span>")
                              .arg(unresolved.join(QStringLiteral(", ")).toHtmlEscaped()));
        return;
    }
    if (!target.isValid() || (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https"))) {
        m_status->setText(tr("<span style='color:#cf3b32'>Enter an http:// URL (WebSocket routes need a WebSocket client).</span>"));
        return;
    }
    QNetworkRequest request(target);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(60000);
    QString bodyError;
    const QByteArray body = m_body->bytes([this](const QString &text) { return m_workspace.substitute(text); }, &bodyError);
    if (!bodyError.isEmpty()) {
        m_status->setText(tr("<span style='color:#cf3b32'>Body: %1</span>").arg(bodyError.toHtmlEscaped()));
        return;
    }
    QString authError;
    const std::optional<HeaderList> composed = composedHeaders(target, body, &authError);
    if (!composed) {
        m_status->setText(tr("<span style='color:#cf3b32'>Auth: %1</span>").arg(authError.toHtmlEscaped()));
        return;
    }
    const HeaderList &headers = *composed;
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    m_lastRequestHeaders = headers;

    m_lastTrace.reset();
    m_pendingRequestId.clear();
    m_pendingHeader.clear();
    m_pendingHeaderValue.clear();
    m_tracePane->clear();
    m_status->setText(tr("Sending %1 %2 …").arg(method(), target.toString()));
    m_response->clear(tr("Waiting for the response …"));
    m_send->setEnabled(false);
    m_cancel->setEnabled(true);
    m_cancelled = false;
    m_elapsed.start();
    m_reply = m_network->sendCustomRequest(request, method().toLatin1(), body);
    connect(m_reply, &QNetworkReply::finished, this, &RequestConsole::onFinished);
}

void RequestConsole::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    QNetworkReply *reply = m_reply;
    reply->abort(); // finished() follows at once: onFinished shows "cancelled"
    if (m_reply == reply)
        onFinished(); // in case finished() is delivered later: it then finds nothing to do
}

std::optional<HeaderList> RequestConsole::composedHeaders(const QUrl &target, const QByteArray &body,
                                                         QString *error, bool withAuth) const
{
    HeaderList headers;
    bool hasContentType = false;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *key = m_headers->item(row, 0);
        const QTableWidgetItem *value = m_headers->item(row, 1);
        if (!key || key->text().trimmed().isEmpty())
            continue;
        hasContentType = hasContentType || key->text().trimmed().compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0;
        headers.append(qMakePair(m_workspace.substitute(key->text().trimmed()).toUtf8(),
                                 value ? m_workspace.substitute(value->text()).toUtf8() : QByteArray()));
    }
    // The body's kind decides the Content-Type unless the headers table sets one.
    if (!body.isEmpty() && !hasContentType)
        headers.append(qMakePair(QByteArray("Content-Type"), m_body->contentType()));
    // Auth last: a signature covers every header and the body as they go on the wire.
    if (withAuth && !m_auth->apply(method().toLatin1(), target, headers, body, error))
        return std::nullopt;
    return headers;
}

QString RequestConsole::curlCommand() const
{
    Curl::Request request;
    request.method = method();
    request.url = m_workspace.substitute(url());
    request.body = m_body->bytes([this](const QString &text) { return m_workspace.substitute(text); });
    if (m_body->kind() == BodyEditor::Kind::Binary)
        request.bodyFile = m_body->filePath(); // --data-binary @file rather than the bytes inline
    QString error;
    const QUrl target = QUrl::fromUserInput(request.url);
    std::optional<HeaderList> headers = composedHeaders(target, request.body, &error);
    if (!headers) // auth not set up: the command without it is still useful
        headers = composedHeaders(target, request.body, &error, false);
    for (const auto &h : headers.value_or(HeaderList()))
        if (h.first.compare("host", Qt::CaseInsensitive) != 0) // curl sends its own
            request.headers.append({QString::fromUtf8(h.first), QString::fromUtf8(h.second)});
    return Curl::toCommand(request);
}

bool RequestConsole::fillFromCurl(const QString &command, QString *error)
{
    const std::optional<Curl::Request> request = Curl::parse(command, error);
    if (!request)
        return false;
    setMethod(request->method);
    setUrl(request->url);
    {
        const QSignalBlocker block(m_headers);
        m_headers->setRowCount(0);
    }
    ensureEmptyHeaderRow();
    for (const auto &h : request->headers) {
        const int row = m_headers->rowCount() - 1;
        const QSignalBlocker block(m_headers);
        m_headers->setItem(row, 0, new QTableWidgetItem(h.first));
        m_headers->setItem(row, 1, new QTableWidgetItem(h.second));
        m_headers->insertRow(row + 1);
    }
    // The body editor's kind follows the command: a file, a form, JSON or raw text.
    QString contentType;
    for (const auto &h : request->headers)
        if (h.first.compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0)
            contentType = h.second;
    if (!request->bodyFile.isEmpty()) {
        QString fileError;
        if (!m_body->setFile(request->bodyFile, &fileError)) {
            if (error)
                *error = tr("%1: %2").arg(request->bodyFile, fileError);
            return false;
        }
        m_body->setKind(BodyEditor::Kind::Binary);
    } else if (!request->body.isEmpty()) {
        m_body->setFromBytes(request->body, contentType);
    } else {
        setBody(QString());
    }
    return true;
}

void RequestConsole::copyAsCurl()
{
    QGuiApplication::clipboard()->setText(curlCommand());
}

void RequestConsole::pasteCurl()
{
    QString error;
    if (!fillFromCurl(QGuiApplication::clipboard()->text(), &error))
        m_status->setText(tr("<span style='color:#cf3b32'>Paste cURL: %1</span>").arg(error.toHtmlEscaped()));
}

void RequestConsole::setWorkspacePath(const QString &path)
{
    if (path == m_workspacePath && !path.isEmpty())
        return;
    m_workspacePath = path;
    if (!path.isEmpty()) {
        QString error;
        m_workspace = ConsoleWorkspace::load(path, &error);
        if (!error.isEmpty())
            m_status->setText(tr("<span style='color:#cf3b32'>%1</span>").arg(error.toHtmlEscaped()));
    }
    refreshWorkspaceWidgets();
}

void RequestConsole::persistWorkspace()
{
    // An unsaved project keeps its environments in memory until it has a file to sit beside.
    QString error;
    if (!m_workspacePath.isEmpty() && !m_workspace.save(m_workspacePath, &error))
        m_status->setText(tr("<span style='color:#cf3b32'>Could not save %1: %2</span>")
                              .arg(m_workspacePath.toHtmlEscaped(), error.toHtmlEscaped()));
}

void RequestConsole::refreshWorkspaceWidgets()
{
    {
        const QSignalBlocker block(m_environment);
        m_environment->clear();
        m_environment->addItem(tr("No environment"));
        for (const ConsoleEnvironment &e : m_workspace.environments)
            m_environment->addItem(e.name);
        const int i = m_environment->findText(m_workspace.activeEnvironment);
        m_environment->setCurrentIndex(m_workspace.activeEnvironment.isEmpty() || i < 0 ? 0 : i);
    }
    {
        const QSignalBlocker block(m_variables);
        m_variables->setRowCount(0);
        const ConsoleEnvironment *env = m_workspace.environment(m_workspace.activeEnvironment);
        m_variables->setEnabled(env != nullptr);
        if (env) {
            for (const auto &v : env->variables) {
                const int row = m_variables->rowCount();
                m_variables->insertRow(row);
                m_variables->setItem(row, 0, new QTableWidgetItem(v.first));
                m_variables->setItem(row, 1, new QTableWidgetItem(v.second));
            }
            m_variables->insertRow(m_variables->rowCount()); // a blank row to add one
        }
    }
    {
        const QSignalBlocker block(m_savedRequests);
        m_savedRequests->clear();
        m_savedRequests->addItem(tr("(choose)"));
        for (const SavedRequest &r : m_workspace.requestsFor(m_target.apiId))
            m_savedRequests->addItem(r.name);
    }
}

void RequestConsole::onVariablesEdited()
{
    ConsoleEnvironment *env = m_workspace.environment(m_workspace.activeEnvironment);
    if (!env)
        return;
    env->variables.clear();
    for (int row = 0; row < m_variables->rowCount(); ++row) {
        const QTableWidgetItem *name = m_variables->item(row, 0);
        const QTableWidgetItem *value = m_variables->item(row, 1);
        if (name && !name->text().trimmed().isEmpty())
            env->variables.append({name->text().trimmed(), value ? value->text() : QString()});
    }
    persistWorkspace();
    refreshWorkspaceWidgets();
}

void RequestConsole::addEnvironment(const QString &name, const StringPairs &variables)
{
    if (ConsoleEnvironment *existing = m_workspace.environment(name))
        existing->variables = variables;
    else
        m_workspace.environments.append({name, variables});
    persistWorkspace();
    refreshWorkspaceWidgets();
}

void RequestConsole::setEnvironment(const QString &name)
{
    m_workspace.activeEnvironment = m_workspace.environment(name) ? name : QString();
    persistWorkspace();
    refreshWorkspaceWidgets();
}

void RequestConsole::setVariable(const QString &name, const QString &value)
{
    ConsoleEnvironment *env = m_workspace.environment(m_workspace.activeEnvironment);
    if (!env)
        return;
    bool replaced = false;
    for (auto &v : env->variables)
        if (v.first == name) {
            v.second = value;
            replaced = true;
        }
    if (!replaced)
        env->variables.append({name, value});
    persistWorkspace();
    refreshWorkspaceWidgets();
}

void RequestConsole::saveRequest(const QString &name)
{
    SavedRequest r;
    r.name = name;
    r.apiId = m_target.apiId;
    r.method = method();
    r.url = url();
    bool hasContentType = false;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *key = m_headers->item(row, 0);
        const QTableWidgetItem *value = m_headers->item(row, 1);
        if (key && !key->text().trimmed().isEmpty())
            r.headers.append({key->text().trimmed(), value ? value->text() : QString()});
        hasContentType = hasContentType || (key && key->text().trimmed().compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0);
    }
    // A saved request keeps text: a form encoded, raw text with its type (opening picks the kind
    // from it). A binary body is a file on this machine: not saved.
    if (m_body->kind() == BodyEditor::Kind::Binary)
        r.body.clear();
    else
        r.body = m_body->kind() == BodyEditor::Kind::Form ? QString::fromUtf8(m_body->bytes()) : m_body->text();
    if (!hasContentType && !r.body.isEmpty() && m_body->kind() != BodyEditor::Kind::Json)
        r.headers.append({QStringLiteral("Content-Type"), QString::fromUtf8(m_body->contentType())});
    m_workspace.saveRequest(r);
    persistWorkspace();
    refreshWorkspaceWidgets();
}

bool RequestConsole::openSavedRequest(const QString &name)
{
    for (const SavedRequest &r : m_workspace.requestsFor(m_target.apiId)) {
        if (r.name != name)
            continue;
        setMethod(r.method);
        setUrl(r.url);
        {
            const QSignalBlocker block(m_headers);
            m_headers->setRowCount(0);
            for (const auto &h : r.headers) {
                const int row = m_headers->rowCount();
                m_headers->insertRow(row);
                m_headers->setItem(row, 0, new QTableWidgetItem(h.first));
                m_headers->setItem(row, 1, new QTableWidgetItem(h.second));
            }
        }
        ensureEmptyHeaderRow();
        QString contentType;
        for (const auto &h : r.headers)
            if (h.first.compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0)
                contentType = h.second;
        if (contentType.isEmpty() || r.body.isEmpty())
            setBody(r.body);
        else
            m_body->setFromBytes(r.body.toUtf8(), contentType);
        return true;
    }
    return false;
}

QString RequestConsole::executionLogText() const
{
    return m_tracePane->executionLogText();
}

void RequestConsole::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    m_send->setEnabled(true);
    m_cancel->setEnabled(false);
    const qint64 ms = m_elapsed.elapsed();
    m_lastElapsedMs = ms;
    if (m_cancelled && reply->error() == QNetworkReply::OperationCanceledError) {
        m_lastStatus = 0;
        m_lastBody.clear();
        m_status->setText(tr("<span style='color:#d68a12'><b>Cancelled</b></span> after %1 ms").arg(ms));
        m_response->clear(tr("cancelled"));
        m_tracePane->setMessage(tr("The request was cancelled before its response arrived."));
        Q_EMIT requestCancelled();
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    m_lastStatus = status;
    m_lastBody = reply->readAll();

    if (status == 0) {
        m_status->setText(tr("<span style='color:#cf3b32'><b>No response</b></span> — %1").arg(reply->errorString().toHtmlEscaped()));
    } else {
        m_status->setText(tr("<span style='color:%1'><b>%2 %3</b></span> &nbsp; %4 ms &nbsp; %5")
                              .arg(statusColor(status).name())
                              .arg(status)
                              .arg(reason.toHtmlEscaped())
                              .arg(ms)
                              .arg(ResponseView::sizeText(m_lastBody.size()).toHtmlEscaped()));
    }
    const auto pairs = reply->rawHeaderPairs();
    if (status == 0)
        m_response->clear(tr("no response"));
    else
        m_response->setResponse(status, pairs, m_lastBody, ms);
    for (const auto &pair : pairs) {
        if (pair.first.compare("x-amzn-RequestId", Qt::CaseInsensitive) == 0) {
            m_pendingRequestId = QString::fromLatin1(pair.second);
        } else if (pair.first.compare("apigw-requestid", Qt::CaseInsensitive) == 0) {
            m_pendingHeader = pair.first;
            m_pendingHeaderValue = pair.second;
        }
    }

    Q_EMIT responseReceived(status);

    if (m_pendingRequestId.isEmpty() && m_pendingHeaderValue.isEmpty()) {
        if (status != 0)
            m_tracePane->setMessage(tr("The response carries no gateway request id: not served by this runtime?"));
        return;
    }
    if (Runtime::TraceRing *ring = m_controller->host()->traces()) {
        Runtime::TracePtr found;
        if (!m_pendingRequestId.isEmpty())
            found = ring->find(m_pendingRequestId);
        if (!found)
            for (const Runtime::TracePtr &t : ring->latest(200))
                if (t && matchesPending(*t)) {
                    found = t;
                    break;
                }
        if (found) {
            showTrace(found);
            return;
        }
    }
    m_tracePane->setMessage(tr("Waiting for the trace …"));
}

bool RequestConsole::matchesPending(const Runtime::Trace &trace) const
{
    if (!m_pendingRequestId.isEmpty() && trace.requestId == m_pendingRequestId)
        return true;
    if (m_pendingHeaderValue.isEmpty())
        return false;
    for (const auto &h : trace.responseHeaders)
        if (h.first.compare(m_pendingHeader, Qt::CaseInsensitive) == 0 && h.second == m_pendingHeaderValue)
            return true;
    return false;
}

void RequestConsole::onTraceRecorded(const Runtime::TracePtr &trace)
{
    if (!trace || m_lastTrace || (m_pendingRequestId.isEmpty() && m_pendingHeaderValue.isEmpty()))
        return;
    if (matchesPending(*trace))
        showTrace(trace);
}

void RequestConsole::activateStep(int row)
{
    // The target may be unset (a URL typed by hand): the receiver resolves the trace's operation.
    m_tracePane->activateStep(row);
}

void RequestConsole::showTrace(const Runtime::TracePtr &trace)
{
    m_lastTrace = trace;
    m_pendingRequestId.clear();
    m_pendingHeaderValue.clear();
    m_tracePane->setTrace(trace);
    Q_EMIT traceShown(trace);
}

} // namespace Gw::Ui
