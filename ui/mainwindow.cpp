// The main window: composes the docks, menus and status bar; runs the document lifecycle.
#include "ui/mainwindow.h"

#include "model/documentsession.h"
#include "model/interop/interop.h"
#include "runtime/runtimehost.h"
#include "ui/console/consoledock.h"
#include "ui/console/historyview.h"
#include "ui/console/requestconsole.h"
#include "ui/editors/propertiespanel.h"
#include "ui/icons.h"
#include "ui/models/nodelookup.h"
#include "ui/models/noderef.h"
#include "ui/problemsdock.h"
#include "ui/propertiesdock.h"
#include "ui/newapidialog.h"
#include "ui/quickopen.h"
#include "ui/recoverymanager.h"
#include "ui/resourcesdock.h"
#include "ui/runtimecontroller.h"
#include "ui/runtimedock.h"
#include "ui/settings.h"
#include "ui/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QSaveFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QTimer>
#include <QUndoStack>

namespace Gw::Ui {

using namespace Gw::Model;

MainWindow::MainWindow(DocumentSession *session, Runtime::RuntimeHost *runtimeHost, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_host(runtimeHost)
    , m_settings(std::make_unique<Settings>())
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(Icons::named(QStringLiteral("api"), QStyle::SP_DriveNetIcon));
    m_runtime = new RuntimeController(m_session, m_host, m_settings.get(), this);

    m_confirm = [this](const QString &name) {
        const auto answer = QMessageBox::warning(
            this, tr("Unsaved Changes"),
            tr("%1 has unsaved changes. Save them before closing it?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? SaveChoice::Save
               : answer == QMessageBox::Discard ? SaveChoice::Discard
                                                : SaveChoice::Cancel;
    };
    m_error = [this](const QString &title, const QString &text) {
        QMessageBox box(QMessageBox::Warning, title, text.section(QLatin1Char('\n'), 0, 0),
                        QMessageBox::Ok, this);
        if (text.contains(QLatin1Char('\n')))
            box.setDetailedText(text);
        box.exec();
    };
    m_fileDialog = [this](bool forSave, const QString &suggested) {
        const QString filter = tr("API Gateway projects (*.apigw.json);;All files (*)");
        return forSave ? QFileDialog::getSaveFileName(this, tr("Save Project"), suggested, filter)
                       : QFileDialog::getOpenFileName(this, tr("Open Project"), suggested, filter);
    };

    // The saved theme before any widget is built (System keeps the platform's palette).
    if (m_settings->theme() != Settings::Theme::System)
        Theme::apply(m_settings->theme());
    createDocks();
    createMenus();
    m_recovery = new RecoveryManager(m_session, this, this);
    // An untitled document a crashed session left behind: offered once the event loop runs, if
    // no file was opened by then (a file named on the command line comes first).
    QTimer::singleShot(0, m_recovery, [this] { m_recovery->offerUntitledRestore(); });

    m_runtimeStatus = new QLabel;
    m_runtimeStatus->setObjectName(QStringLiteral("runtimeStatusLabel"));
    m_problemStatus = new QLabel;
    m_problemStatus->setObjectName(QStringLiteral("problemStatusLabel"));
    statusBar()->addPermanentWidget(m_problemStatus);
    statusBar()->addPermanentWidget(m_runtimeStatus);
    connect(m_runtime, &RuntimeController::stateChanged, this, &MainWindow::updateStatus);
    // Starting the runtime brings its endpoints and log to the front.
    connect(m_host, &Runtime::RuntimeHost::runningChanged, this, [this](bool running) {
        if (running)
            m_runtimeDock->raise();
    });
    connect(m_runtime, &RuntimeController::errorOccurred, this,
            [this](const QString &message) { showError(tr("Cannot Start the Runtime"), message); });
    connect(m_problems, &ProblemsDock::problemCountChanged, this, [this](int errors, int warnings) {
        m_problemStatus->setText(errors + warnings == 0
                                     ? tr("No problems")
                                     : tr("%n error(s)", nullptr, errors) + QStringLiteral(", ")
                                           + tr("%n warning(s)", nullptr, warnings));
    });
    m_problemStatus->setText(m_problems->problemCount() == 0 ? tr("No problems")
                                                             : tr("%n problem(s)", nullptr, m_problems->problemCount()));

    connect(m_session, &DocumentSession::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_session, &DocumentSession::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_session, &DocumentSession::documentChanged, this, &MainWindow::updateTitle);
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);

    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1400, 900);
    if (!restoreState(m_settings->windowState())) {
        // Default proportions: a narrow tree, the editor widest, the console beside it.
        resizeDocks({m_resources, m_properties, m_console}, {260, 700, 440}, Qt::Horizontal);
        resizeDocks({m_properties, m_problems}, {620, 200}, Qt::Vertical);
    }
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    setDockNestingEnabled(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);
    // The side docks run the full height; the editor and the problems share the middle column.
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_resources = new ResourcesDock(m_session, this);
    m_properties = new PropertiesDock(m_session, this);
    m_problems = new ProblemsDock(m_session, this);
    m_console = new ConsoleDock(m_runtime, this);
    m_runtimeDock = new RuntimeDock(m_runtime, this);

    addDockWidget(Qt::LeftDockWidgetArea, m_resources);
    addDockWidget(Qt::TopDockWidgetArea, m_properties);
    addDockWidget(Qt::RightDockWidgetArea, m_console);
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_runtimeDock);
    tabifyDockWidget(m_problems, m_runtimeDock);
    m_problems->raise();

    // The selection flows from the tree to the editor and the console; problems lead to nodes.
    connect(m_resources, &ResourcesDock::currentNodeChanged, m_properties, &PropertiesDock::setNode);
    connect(m_resources, &ResourcesDock::currentNodeChanged, m_console, &ConsoleDock::setTarget);
    connect(m_problems, &ProblemsDock::nodeActivated, m_resources, &ResourcesDock::selectNode);
    // A failed step in a trace leads to the method execution box that configures it.
    connect(m_console->console(), &RequestConsole::stepActivated, this,
            [this](const NodeRef &target, const QString &step) {
                // The trace names the operation that served the call, which may not be the
                // selected one (the URL was edited): prefer it.
                NodeRef node = target;
                if (const Runtime::TracePtr trace = m_console->console()->lastTrace()) {
                    const NodeRef served = Lookup::operationNode(m_session->document(), trace->apiId, trace->routeKey);
                    if (served.isValid())
                        node = served;
                }
                showStep(node, step);
            });
    // The same from a call in the history: the trace names the operation that served it.
    connect(m_console->history(), &HistoryView::stepActivated, this,
            [this](const Runtime::TracePtr &trace, const QString &step) {
                showStep(Lookup::operationNode(m_session->document(), trace->apiId, trace->routeKey), step);
            });
}

bool MainWindow::showStep(const NodeRef &node, const QString &stepName)
{
    m_resources->selectNode(node);
    m_properties->show();
    m_properties->raise();
    return m_properties->panel()->showStep(stepName);
}

void MainWindow::createMenus()
{
    QStyle *style = QApplication::style();

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(style->standardIcon(QStyle::SP_FileIcon), tr("&New"), this,
                                         [this] { newDocument(); });
    newAction->setShortcut(QKeySequence::New);
    newAction->setObjectName(QStringLiteral("newAction"));
    QAction *openAction = file->addAction(style->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open…"), this, [this] {
        const QString dir = m_session->filePath().isEmpty() ? QString() : QFileInfo(m_session->filePath()).absolutePath();
        const QString path = m_fileDialog(false, dir);
        if (!path.isEmpty())
            openFile(path);
    });
    openAction->setShortcut(QKeySequence::Open);
    openAction->setObjectName(QStringLiteral("openAction"));
    QAction *newApiAction = file->addAction(tr("New &API…"), this, [this] {
        auto *dialog = new NewApiDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &NewApiDialog::apiCreated, m_resources, &ResourcesDock::selectNode);
        dialog->open();
    });
    newApiAction->setObjectName(QStringLiteral("newApiAction"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    file->addSeparator();
    QAction *importAction = file->addAction(tr("&Import SAM / OpenAPI…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import"), QString(),
            tr("SAM templates and OpenAPI documents (*.yaml *.yml *.json);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    importAction->setObjectName(QStringLiteral("importAction"));
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    for (const auto &[label, format, filter] :
         {std::tuple{tr("OpenAPI 3…"), ExportFormat::OpenApi, tr("OpenAPI (*.json *.yaml *.yml)")},
          std::tuple{tr("AWS SAM template…"), ExportFormat::Sam, tr("SAM template (*.yaml *.yml)")}}) {
        exportMenu->addAction(label, this, [this, format = format, filter = filter] {
            const QString dir = m_session->filePath().isEmpty() ? QString()
                                                                : QFileInfo(m_session->filePath()).absolutePath();
            const QString path = QFileDialog::getSaveFileName(this, tr("Export"), dir, filter);
            if (!path.isEmpty())
                exportTo(path, format);
        });
    }
    // Replays a HAR's requests against the running runtime; they show up in the history.
    QAction *importHarAction = file->addAction(tr("Import &HAR and Replay…"), this, [this] {
        m_console->show();
        m_console->raise();
        m_console->showHistory();
        m_console->history()->importHarWithDialog();
    });
    importHarAction->setObjectName(QStringLiteral("importHarAction"));
    file->addSeparator();
    QAction *saveAction = file->addAction(style->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save"), this,
                                          [this] { save(); });
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setObjectName(QStringLiteral("saveAction"));
    QAction *saveAsAction = file->addAction(tr("Save &As…"), this, [this] { saveAs(); });
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    file->addSeparator();
    QAction *quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(style->standardIcon(QStyle::SP_ArrowBack));
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction *redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(style->standardIcon(QStyle::SP_ArrowForward));
    redo->setObjectName(QStringLiteral("redoAction"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addMenu(m_resources->addApiMenu());
    edit->addAction(m_resources->addResourceAction());
    edit->addAction(m_resources->findChild<QAction *>(QStringLiteral("addMethodAction")));
    edit->addAction(m_resources->findChild<QAction *>(QStringLiteral("addRouteAction")));
    edit->addAction(m_resources->addUsagePlanAction());
    edit->addAction(m_resources->addApiKeyAction());
    edit->addAction(m_resources->addModelAction());
    edit->addAction(m_resources->addAuthorizerAction());
    edit->addAction(m_resources->addStageAction());
    edit->addAction(m_resources->addFunctionAction());
    edit->addAction(m_resources->addChildAction());
    edit->addSeparator();
    edit->addAction(m_resources->renameAction());
    edit->addAction(m_resources->duplicateAction());
    edit->addAction(m_resources->removeAction());
    edit->addAction(m_resources->findAction());
    edit->addSeparator();
    auto *quickOpen = new QuickOpen(m_session, this);
    connect(quickOpen, &QuickOpen::nodeChosen, m_resources, &ResourcesDock::selectNode);
    QAction *quickOpenAction = edit->addAction(tr("&Quick Open…"), this, [this, quickOpen] { quickOpen->popup(this); });
    quickOpenAction->setObjectName(QStringLiteral("quickOpenAction"));
    quickOpenAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : std::initializer_list<QDockWidget *>{m_resources, m_properties, m_console, m_problems, m_runtimeDock})
        view->addAction(dock->toggleViewAction());
    // View ▸ Theme: follow the system, or always light / dark; remembered in the settings.
    view->addSeparator();
    QMenu *themeMenu = view->addMenu(tr("&Theme"));
    themeMenu->setObjectName(QStringLiteral("themeMenu"));
    auto *themes = new QActionGroup(themeMenu);
    const QList<QPair<QString, Settings::Theme>> themeChoices{{tr("Follow &System"), Settings::Theme::System},
                                                              {tr("&Light"), Settings::Theme::Light},
                                                              {tr("&Dark"), Settings::Theme::Dark}};
    for (const auto &[label, theme] : themeChoices) {
        QAction *a = themeMenu->addAction(label);
        a->setObjectName(QStringLiteral("theme_") + Settings::themeName(theme));
        a->setCheckable(true);
        a->setChecked(m_settings->theme() == theme);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, theme = theme] {
            m_settings->setTheme(theme);
            Theme::apply(theme);
        });
    }

    QMenu *runtime = menuBar()->addMenu(tr("&Runtime"));
    runtime->addAction(m_runtime->startAction());
    runtime->addAction(m_runtime->stopAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About apigw-studio"), this, [this] {
        QMessageBox::about(this, tr("About apigw-studio"),
                           tr("<h3>apigw-studio %1</h3><p>Design AWS API Gateway APIs (REST, HTTP, "
                              "WebSocket), run them locally with AWS's semantics, and see every "
                              "step of every call.</p>")
                               .arg(QStringLiteral(GW_VERSION)));
    });

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("MainToolBar"));
    tools->setIconSize(QSize(18, 18));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(newAction);
    tools->addAction(openAction);
    tools->addAction(saveAction);
    tools->addSeparator();
    tools->addAction(undo);
    tools->addAction(redo);
    tools->addSeparator();
    tools->addAction(m_runtime->startAction());
    tools->addAction(m_runtime->stopAction());
    // Icon-only for the file and edit actions keeps the bar compact; Start/Stop keep their text.
    for (QAction *a : {newAction, openAction, saveAction, undo, redo})
        if (auto *button = tools->widgetForAction(a))
            static_cast<QToolButton *>(button)->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings->recentFiles();
    for (const QString &path : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear Recent"), this, [this] { m_settings->clearRecentFiles(); });
}

QString MainWindow::documentName() const
{
    return m_session->filePath().isEmpty() ? tr("Untitled") : QFileInfo(m_session->filePath()).fileName();
}

void MainWindow::updateTitle()
{
    setWindowTitle(documentName() + QStringLiteral("[*] — apigw-studio"));
    setWindowModified(m_session->isModified());
}

void MainWindow::updateStatus()
{
    const bool running = m_runtime->isRunning();
    m_runtimeStatus->setText((running ? QStringLiteral("● ") : QStringLiteral("○ ")) + m_runtime->statusText());
    QPalette pal = m_runtimeStatus->palette();
    pal.setColor(QPalette::WindowText, running ? QColor(0x2e, 0x9b, 0x4f) : palette().color(QPalette::WindowText));
    m_runtimeStatus->setPalette(pal);
}

void MainWindow::showError(const QString &title, const QString &text)
{
    if (m_error)
        m_error(title, text);
}

bool MainWindow::importFile(const QString &path)
{
    if (!maybeSave())
        return false;
    const auto imported = Model::Interop::importFile(path);
    if (!imported) {
        QStringList lines;
        for (const Diagnostic &d : imported.diagnostics())
            lines << d.format(path);
        showError(tr("Cannot Import %1").arg(QFileInfo(path).fileName()), lines.join(QLatin1Char('\n')));
        return false;
    }
    const Model::Interop::ImportOutcome &outcome = imported.value();
    // A new, unsaved project: Save asks where, so the imported file is never overwritten.
    m_session->reset(outcome.document);
    m_problems->setLoadProblems(path, imported.diagnostics() + outcome.report.toDiagnostics());
    if (!outcome.report.toDiagnostics().isEmpty()) {
        m_problems->show();
        m_problems->raise();
    }
    statusBar()->showMessage(tr("Imported %1 (%2): %3")
                                 .arg(QFileInfo(path).fileName(), Model::Interop::toString(outcome.format),
                                      outcome.report.summary().section(QLatin1Char('\n'), 0, 0)),
                             10000);
    return true;
}

bool MainWindow::exportTo(const QString &path, ExportFormat format)
{
    const Model::ApiDocument doc = *m_session->snapshot();
    const QString projectDir = m_session->filePath().isEmpty() ? QFileInfo(path).absolutePath()
                                                               : QFileInfo(m_session->filePath()).absolutePath();
    Model::Result<QByteArray> exported = [&]() -> Model::Result<QByteArray> {
        if (format == ExportFormat::Sam) {
            Model::Interop::SamExportOptions options;
            options.projectDir = projectDir;
            options.templateDir = QFileInfo(path).absolutePath();
            return Model::Interop::exportSam(doc, options);
        }
        Model::Interop::OpenApiExportOptions options;
        if (path.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive)
            || path.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive))
            options.format = Model::Interop::TextFormat::Yaml;
        const QString api = doc.apis.size() == 1 ? QString() : m_resources->currentNode().apiId;
        return Model::Interop::exportOpenApi(doc, api, options);
    }();
    if (!exported) {
        QStringList lines;
        for (const Diagnostic &d : exported.diagnostics())
            lines << d.format(QFileInfo(path).fileName());
        showError(tr("Cannot Export"), lines.isEmpty() ? tr("select an API in the tree first") : lines.join(QLatin1Char('\n')));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(exported.value()) != exported.value().size()
        || !file.commit()) {
        showError(tr("Cannot Export"), file.errorString());
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 6000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_session->isModified())
        return true;
    switch (m_confirm ? m_confirm(documentName()) : SaveChoice::Cancel) {
    case SaveChoice::Save:
        return save();
    case SaveChoice::Discard:
        return true;
    case SaveChoice::Cancel:
        return false;
    }
    return false;
}

bool MainWindow::newDocument()
{
    if (!maybeSave())
        return false;
    ApiDocument doc;
    doc.name = tr("Untitled");
    m_session->reset(doc);
    m_problems->clearLoadProblems();
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    const Diagnostics diagnostics = m_session->open(path);
    if (hasErrors(diagnostics)) {
        // The current document stays; the reasons go to a message box and the problems panel.
        QStringList lines;
        for (const Diagnostic &d : diagnostics)
            lines << d.format(path);
        m_problems->setLoadProblems(path, diagnostics);
        m_problems->show();
        m_problems->raise();
        showError(tr("Cannot Open %1").arg(QFileInfo(path).fileName()), lines.join(QLatin1Char('\n')));
        if (!QFileInfo::exists(path))
            m_settings->removeRecentFile(path);
        return false;
    }
    if (diagnostics.isEmpty())
        m_problems->clearLoadProblems();
    else
        m_problems->setLoadProblems(path, diagnostics); // warnings from reading/migrating
    m_settings->addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool MainWindow::save()
{
    if (m_session->filePath().isEmpty())
        return saveAs();
    const QString error = m_session->save();
    if (!error.isEmpty()) {
        showError(tr("Cannot Save"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_session->filePath())), 4000);
    return true;
}

bool MainWindow::saveAs(const QString &givenPath)
{
    QString path = givenPath;
    if (path.isEmpty()) {
        const QString suggested = m_session->filePath().isEmpty()
                                      ? tr("untitled.apigw.json")
                                      : m_session->filePath();
        path = m_fileDialog ? m_fileDialog(true, suggested) : QString();
        if (path.isEmpty())
            return false;
    }
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QLatin1String(".apigw.json");
    const QString error = m_session->save(path);
    if (!error.isEmpty()) {
        showError(tr("Cannot Save"), error);
        return false;
    }
    m_settings->addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_runtime->stop();
    event->accept();
}

} // namespace Gw::Ui
