// The Runtime dock: start/stop, endpoints, request log.
#include "ui/runtimedock.h"

#include "model/documentsession.h"
#include "ui/icons.h"
#include "ui/runtimecontroller.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QToolBar>
#include <QTreeWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Gw::Ui {

RuntimeDock::RuntimeDock(RuntimeController *controller, QWidget *parent)
    : QDockWidget(tr("Runtime"), parent)
    , m_controller(controller)
    , m_state(new QLabel)
    , m_endpoints(new QTreeWidget)
    , m_log(new QPlainTextEdit)
    , m_flush(new QTimer(this))
{
    m_flush->setSingleShot(true);
    m_flush->setInterval(100);
    connect(m_flush, &QTimer::timeout, this, &RuntimeDock::flushLog);
    setObjectName(QStringLiteral("RuntimeDock"));

    auto *toolbar = new QToolBar;
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(controller->startAction());
    toolbar->addAction(controller->stopAction());
    m_state->setObjectName(QStringLiteral("runtimeState"));
    m_state->hide(); // the status bar shows the state; kept for tests and narrow layouts
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    QAction *clear = toolbar->addAction(QApplication::style()->standardIcon(QStyle::SP_DialogResetButton),
                                        tr("Clear log"));
    connect(clear, &QAction::triggered, m_log, &QPlainTextEdit::clear);

    m_endpoints->setObjectName(QStringLiteral("runtimeEndpoints"));
    m_endpoints->setHeaderLabels({tr("API"), tr("Endpoint")});
    m_endpoints->setRootIsDecorated(false);
    m_endpoints->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_endpoints->header()->setStretchLastSection(true);
    m_endpoints->setContextMenuPolicy(Qt::CustomContextMenu);
    m_endpoints->setToolTip(tr("Double-click to copy the URL"));
    connect(m_endpoints, &QTreeWidget::itemDoubleClicked, this, [](QTreeWidgetItem *item) {
        QApplication::clipboard()->setText(item->text(1));
    });
    connect(m_endpoints, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = m_endpoints->itemAt(pos);
        if (!item)
            return;
        QMenu menu;
        const QString url = item->text(1);
        menu.addAction(tr("Copy URL"), [url] { QApplication::clipboard()->setText(url); });
        if (url.startsWith(QLatin1String("http")))
            menu.addAction(tr("Open in Browser"), [url] { QDesktopServices::openUrl(QUrl(url)); });
        menu.exec(m_endpoints->viewport()->mapToGlobal(pos));
    });

    m_log->setObjectName(QStringLiteral("runtimeLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setPlaceholderText(tr("Requests served by the runtime appear here."));

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_endpoints);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({240, 360});

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    setWidget(content);

    connect(controller, &RuntimeController::stateChanged, this, &RuntimeDock::refreshEndpoints);
    connect(controller->session(), &Model::DocumentSession::documentChanged, this,
            &RuntimeDock::refreshEndpoints);
    connect(controller->host(), &Runtime::RuntimeHost::traceRecorded, this, &RuntimeDock::appendTrace);
    refreshEndpoints();
}

QString RuntimeDock::logLine(const Runtime::Trace &t)
{
    const QString time = t.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    QString path = t.path;
    if (!t.rawQuery.isEmpty())
        path += QLatin1Char('?') + t.rawQuery;
    QString line = QStringLiteral("%1  %2 %3 → %4  %5 ms")
                       .arg(time, t.method, path,
                            t.status ? QString::number(t.status) : QStringLiteral("---"))
                       .arg(double(t.durationUs) / 1000.0, 0, 'f', 2);
    if (!t.apiName.isEmpty())
        line += QStringLiteral("  [") + t.apiName + QLatin1Char(']');
    if (!t.errorType.isEmpty())
        line += QStringLiteral("  ") + t.errorType;
    return line;
}

void RuntimeDock::appendTrace(const Runtime::TracePtr &trace)
{
    if (!trace)
        return;
    m_pending.append(trace);
    if (m_pending.size() > maxLinesPerFlush) {
        m_pending.removeFirst();
        ++m_skipped;
    }
    if (!m_flush->isActive())
        m_flush->start();
}

void RuntimeDock::flushLog()
{
    QStringList lines;
    if (m_skipped > 0)
        lines << tr("… %n more call(s) not listed here (the History has them)", nullptr, int(qMin<qint64>(m_skipped, INT_MAX)));
    for (const Runtime::TracePtr &t : std::as_const(m_pending))
        lines << logLine(*t);
    m_pending.clear();
    m_skipped = 0;
    if (!lines.isEmpty())
        m_log->appendPlainText(lines.join(QLatin1Char('\n')));
}

void RuntimeDock::refreshEndpoints()
{
    m_state->setText(m_controller->statusText());
    m_endpoints->clear();
    if (!m_controller->isRunning())
        return;
    for (const Runtime::ApiEndpoint &e : m_controller->host()->endpoints()) {
        auto *item = new QTreeWidgetItem(m_endpoints);
        item->setText(0, e.apiName);
        const QUrl url = m_controller->endpointFor(e.apiId);
        item->setText(1, (url.isEmpty() ? e.baseUrl : url).toString());
        item->setToolTip(1, item->text(1));
        item->setForeground(1, QColor(0x1b, 0x5a, 0x91));
    }
}

} // namespace Gw::Ui
