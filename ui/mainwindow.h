// The main window: composes the docks (resources, properties, console, problems, runtime), the
// menus and the status bar, and runs the document lifecycle (new, open, save, close prompts).
// Each dock owns its own wiring; the window only connects the selection between them.
#pragma once

#include "model/diagnostic.h"
#include "ui/models/noderef.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QMenu;

namespace Gw::Model {
class DocumentSession;
}
namespace Gw::Runtime {
class RuntimeHost;
}

namespace Gw::Ui {

class ConsoleDock;
class ProblemsDock;
class RecoveryManager;
class PropertiesDock;
class ResourcesDock;
class RuntimeController;
class RuntimeDock;
class Settings;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class SaveChoice { Save, Discard, Cancel };
    // Asks what to do with unsaved changes; replaceable so tests never block on a modal dialog.
    using ConfirmFunction = std::function<SaveChoice(const QString &documentName)>;
    // Shows an error (title, text); replaceable for the same reason.
    using ErrorFunction = std::function<void(const QString &title, const QString &text)>;
    // Asks for a file name to open or save to; empty = cancelled.
    using FileFunction = std::function<QString(bool forSave, const QString &suggested)>;

    MainWindow(Model::DocumentSession *session, Runtime::RuntimeHost *runtimeHost,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void setConfirmFunction(ConfirmFunction f) { m_confirm = std::move(f); }
    void setErrorFunction(ErrorFunction f) { m_error = std::move(f); }
    void setFileFunction(FileFunction f) { m_fileDialog = std::move(f); }

    // Document lifecycle; each returns false when cancelled or failed (the document is kept).
    bool newDocument();
    bool openFile(const QString &path);
    bool save();
    bool saveAs(const QString &path = {});
    // Offers to save unsaved changes; true when it is fine to drop the document.
    bool maybeSave();
    // File → Import: a SAM template or an OpenAPI/Swagger document becomes a new, unsaved
    // project; what was approximated or skipped goes to the problems panel with its location.
    bool importFile(const QString &path);
    // File → Export: OpenAPI 3 (JSON, or YAML for .yaml/.yml) of the selected (or only) API, or a
    // SAM template of the whole design.
    enum class ExportFormat { OpenApi, Sam };
    bool exportTo(const QString &path, ExportFormat format);

    Model::DocumentSession *session() const { return m_session; }
    ResourcesDock *resourcesDock() const { return m_resources; }
    PropertiesDock *propertiesDock() const { return m_properties; }
    ProblemsDock *problemsDock() const { return m_problems; }
    ConsoleDock *consoleDock() const { return m_console; }
    RuntimeDock *runtimeDock() const { return m_runtimeDock; }
    RuntimeController *runtimeController() const { return m_runtime; }
    Settings *settings() const { return m_settings.get(); }
    // Autosaves a recovery copy while modified; its restore prompt is replaceable for tests.
    RecoveryManager *recoveryManager() const { return m_recovery; }

public Q_SLOTS:
    // Selects a method and opens the method execution box configuring a trace step; false when
    // the node is not a REST method or no box configures the step.
    bool showStep(const Gw::Ui::NodeRef &node, const QString &stepName);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void updateTitle();
    void updateRecentMenu();
    void updateStatus();
    void showError(const QString &title, const QString &text);
    QString documentName() const;

    Model::DocumentSession *m_session;
    Runtime::RuntimeHost *m_host;
    std::unique_ptr<Settings> m_settings;
    RuntimeController *m_runtime = nullptr;
    ResourcesDock *m_resources = nullptr;
    PropertiesDock *m_properties = nullptr;
    ProblemsDock *m_problems = nullptr;
    ConsoleDock *m_console = nullptr;
    RuntimeDock *m_runtimeDock = nullptr;
    RecoveryManager *m_recovery = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_runtimeStatus = nullptr;
    QLabel *m_problemStatus = nullptr;
    ConfirmFunction m_confirm;
    ErrorFunction m_error;
    FileFunction m_fileDialog;
};

} // namespace Gw::Ui
