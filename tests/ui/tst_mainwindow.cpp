// MainWindow end to end (offscreen): open a sample, edit through the tree and the properties panel,
// undo/redo to the exact document, save and reload, failed opens, and the unsaved-changes prompt.
#include "model/documentsession.h"
#include "model/serialization/projectfile.h"
#include "runtime/runtimehost.h"
#include "ui/code/codeeditor.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/integrationresponseeditor.h"
#include "ui/editors/methodexecutionview.h"
#include "ui/editors/propertiespanel.h"
#include "ui/editors/templateeditor.h"
#include "ui/editors/templatemapeditor.h"
#include "ui/mainwindow.h"
#include "ui/models/nodelookup.h"
#include "ui/models/resourcetreemodel.h"
#include "ui/problemsdock.h"
#include "ui/resourcesdock.h"
#include "ui/settings.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QStandardPaths>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

namespace {
const QString ApiId = QStringLiteral("api_petstore");
const Ui::NodeRef PetsGet{Kind::Method, ApiId, QStringLiteral("mth_pets_get")};

QString sample(const char *name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
}

const Model::IntegrationResponse &defaultResponse(const Model::ApiDocument &doc, const QString &methodId)
{
    const Model::Method *m = Ui::Lookup::method(doc.apis.first(), methodId);
    for (const Model::IntegrationResponse &r : m->integration.responses)
        if (r.selectionPattern.isEmpty())
            return r;
    static Model::IntegrationResponse none;
    return none;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep recent files out of the user's settings
        QCoreApplication::setOrganizationName(QStringLiteral("apigw-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void editUndoRedoSaveReload()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        int prompts = 0;
        window.setConfirmFunction([&](const QString &) {
            ++prompts;
            return Ui::MainWindow::SaveChoice::Discard;
        });
        QStringList errors;
        window.setErrorFunction([&](const QString &, const QString &text) { errors << text; });
        window.show();

        QVERIFY(window.openFile(sample("petstore-rest.apigw.json")));
        QVERIFY(errors.isEmpty());
        const Model::ApiDocument original = session.document();
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("petstore-rest.apigw.json")));
        QVERIFY(!window.isWindowModified());

        // The tree shows the API and its resources.
        Ui::ResourceTreeModel *model = window.resourcesDock()->model();
        const QModelIndex api = model->index(0, 0);
        QCOMPARE(api.data().toString(), QStringLiteral("PetStore"));
        const QModelIndex pets = model->indexOf({Kind::Resource, ApiId, QStringLiteral("res_pets")});
        QCOMPARE(pets.data().toString(), QStringLiteral("/pets"));
        QCOMPARE(pets.parent().data().toString(), QStringLiteral("/"));
        QVERIFY(window.resourcesDock()->view()->isExpanded(pets)); // a fresh document opens unfolded

        // 1. Rename a resource through the model.
        QVERIFY(model->setData(pets, QStringLiteral("animals")));
        QCOMPARE(Ui::Lookup::resource(session.document().apis.first(), QStringLiteral("res_pets"))->pathPart,
                 QStringLiteral("animals"));
        QVERIFY(session.isModified());
        QVERIFY(window.isWindowModified());

        // 2. Edit the MOCK body of GET /animals in the method execution view: it is the template
        //    of the default integration response.
        window.resourcesDock()->selectNode(PetsGet);
        QCOMPARE(window.resourcesDock()->currentNode(), PetsGet);
        auto *panel = window.findChild<Ui::PropertiesPanel *>();
        QVERIFY(panel);
        QCOMPARE(panel->node(), PetsGet);
        Ui::MethodExecutionView *execution = panel->methodExecutionView();
        QVERIFY(execution);
        QCOMPARE(execution->currentStep(), QStringLiteral("integrate"));
        auto *integrationType = window.findChild<QComboBox *>(QStringLiteral("integrationType"));
        QVERIFY(integrationType);
        QVERIFY(integrationType->isVisibleTo(panel));
        QCOMPARE(integrationType->currentData().toString(), QStringLiteral("MOCK"));
        QVERIFY(panel->showStep(QStringLiteral("mapResponse")));
        Ui::CodeEditor *body = execution->integrationResponseEditor()->templates()->templateEditor()->editor();
        QVERIFY(body->isVisibleTo(panel));
        QCOMPARE(body->text(), defaultResponse(original, PetsGet.id).responseTemplates.value(QStringLiteral("application/json")));
        const QString newBody = QStringLiteral("[{\"id\": 7, \"type\": \"parrot\"}]");
        body->setText(newBody);
        QCOMPARE(defaultResponse(session.document(), PetsGet.id).responseTemplates.value(QStringLiteral("application/json")),
                 newBody);
        QCOMPARE(session.undoStack()->count(), 2);

        // 3. Type a status code: key by key, one undo step; without a method response 201 it is flagged.
        auto *status = window.findChild<QLineEdit *>(QStringLiteral("integrationResponseStatus"));
        QVERIFY(status);
        QVERIFY(status->isVisibleTo(panel));
        QCOMPARE(status->text(), QStringLiteral("200"));
        status->setFocus();
        status->selectAll();
        QTest::keyClicks(status, QStringLiteral("201"));
        QCOMPARE(status->text(), QStringLiteral("201"));
        QCOMPARE(status->cursorPosition(), 3); // refreshes did not move the cursor
        QCOMPARE(defaultResponse(session.document(), PetsGet.id).statusCode, QStringLiteral("201"));
        QVERIFY(!Ui::FieldBinder::problemOf(status).isEmpty());
        QCOMPARE(session.undoStack()->count(), 3);
        const Model::ApiDocument edited = session.document();

        // Undo restores the document exactly; redo replays it; the panel follows.
        for (int i = 0; i < 3; ++i)
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QVERIFY(!window.isWindowModified());
        QCOMPARE(status->text(), QStringLiteral("200"));
        QCOMPARE(body->text(), defaultResponse(original, PetsGet.id).responseTemplates.value(QStringLiteral("application/json")));
        QCOMPARE(model->indexOf({Kind::Resource, ApiId, QStringLiteral("res_pets")}).data().toString(), QStringLiteral("/pets"));
        for (int i = 0; i < 3; ++i)
            session.undoStack()->redo();
        QVERIFY(session.document() == edited);
        QVERIFY(window.isWindowModified());
        QCOMPARE(body->text(), newBody);

        // Save to a new file and read it back: equal.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("edited.apigw.json"));
        QVERIFY(window.saveAs(path));
        QVERIFY(errors.isEmpty());
        QVERIFY(!window.isWindowModified());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("edited.apigw.json")));
        const Model::Result<Model::ApiDocument> reloaded = Model::ProjectFile::load(path);
        QVERIFY(reloaded.ok());
        QVERIFY(reloaded.value() == edited);
        QCOMPARE(window.settings()->recentFiles().value(0), QFileInfo(path).absoluteFilePath());

        // Reopen through the window: same document, clean.
        QVERIFY(window.openFile(path));
        QVERIFY(session.document() == edited);
        QCOMPARE(prompts, 0); // nothing was unsaved at any point we replaced the document
    }

    void resourcesDockEditsAreUndoable()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        window.show();
        QVERIFY(window.openFile(sample("petstore-rest.apigw.json")));
        const Model::ApiDocument original = session.document();
        Ui::ResourcesDock *dock = window.resourcesDock();
        auto *panel = window.findChild<Ui::PropertiesPanel *>();

        const Ui::NodeRef pets{Kind::Resource, ApiId, QStringLiteral("res_pets")};
        dock->selectNode(pets);
        QVERIFY(dock->addResourceAction()->isEnabled());
        dock->addResourceAction()->trigger();
        const Ui::NodeRef added = dock->currentNode();
        QCOMPARE(added.kind, Kind::Resource);
        QCOMPARE(panel->node(), added); // the editor follows the new node
        const Model::Resource *res = Ui::Lookup::resource(session.document().apis.first(), added.id);
        QVERIFY(res);
        QCOMPARE(res->parentId, QStringLiteral("res_pets"));

        const Ui::NodeRef method = dock->addMethod(added, QStringLiteral("PUT"));
        QCOMPARE(method.kind, Kind::Method);
        QCOMPARE(dock->currentNode(), method);
        QVERIFY(!dock->addMethod(added, QStringLiteral("PUT")).isValid()); // one PUT per resource
        const Model::Method *put = Ui::Lookup::method(session.document().apis.first(), method.id);
        QVERIFY(put->integration.type == Model::IntegrationType::Mock);

        // Remove the /pets subtree: its methods and children go with it.
        QVERIFY(dock->removeNode(pets));
        QVERIFY(!Ui::Lookup::resource(session.document().apis.first(), QStringLiteral("res_pet")));
        QVERIFY(!Ui::Lookup::resource(session.document().apis.first(), added.id));
        QVERIFY(!dock->removeNode({Kind::Resource, ApiId, QStringLiteral("res_root")})); // the root stays
        QCOMPARE(session.undoStack()->count(), 3);

        // A new HTTP API with a route.
        const Ui::NodeRef httpApi = dock->addApi(int(Model::ApiType::Http));
        QCOMPARE(session.document().apis.size(), 2);
        const Ui::NodeRef route = dock->addRoute(httpApi);
        QCOMPARE(Ui::Lookup::route(*Ui::Lookup::api(session.document(), httpApi.apiId), route.id)->routeKey,
                 QStringLiteral("GET /new"));

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QVERIFY(!window.isWindowModified());
        QVERIFY(dock->model()->indexOf({Kind::Resource, ApiId, QStringLiteral("res_pet")}).isValid());
    }

    void failedOpenKeepsTheDocumentAndReports()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        QStringList errors;
        window.setErrorFunction([&](const QString &, const QString &text) { errors << text; });
        QVERIFY(window.openFile(sample("petstore-rest.apigw.json")));
        const Model::ApiDocument before = session.document();
        const int problemsBefore = window.problemsDock()->view()->topLevelItemCount();

        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("broken.apigw.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"formatVersion\": 1, \"apis\": [ {\"type\": 42} ]}");
        file.close();

        QVERIFY(!window.openFile(bad));
        QVERIFY(session.document() == before);
        QCOMPARE(session.filePath(), QFileInfo(sample("petstore-rest.apigw.json")).absoluteFilePath());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(bad + QLatin1Char(':')), qPrintable(errors.first()));
        QVERIFY(errors.first().contains(QStringLiteral("error")));
        QTreeWidget *problems = window.problemsDock()->view();
        QVERIFY(problems->topLevelItemCount() > problemsBefore);
        QVERIFY(problems->topLevelItem(0)->text(Ui::ProblemsDock::LocationColumn).startsWith(QStringLiteral("broken.apigw.json:")));
    }

    void importSamThenExportOpenApiAndSam()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        QStringList errors;
        window.setErrorFunction([&](const QString &, const QString &text) { errors << text; });
        const QString sam = QStringLiteral(GW_CORPUS_DIR "/sam-templates/apigw-http-api-lambda.yaml");
        QVERIFY(window.importFile(sam));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        QVERIFY(!session.document().apis.isEmpty());
        QVERIFY(session.filePath().isEmpty()); // a new project: Save asks where
        // The import report's approximations are listed with their source location.
        QTreeWidget *problems = window.problemsDock()->view();
        QVERIFY(problems->topLevelItemCount() > 0);
        QVERIFY(problems->topLevelItem(0)->text(Ui::ProblemsDock::LocationColumn)
                    .startsWith(QStringLiteral("apigw-http-api-lambda.yaml")));

        QTemporaryDir dir;
        const QString openapi = dir.filePath(QStringLiteral("api.json"));
        QVERIFY(window.exportTo(openapi, Ui::MainWindow::ExportFormat::OpenApi));
        QFile exported(openapi);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(exported.readAll()).object().value(QStringLiteral("openapi")).toString().startsWith(QStringLiteral("3.0")));
        const QString samOut = dir.filePath(QStringLiteral("template.yaml"));
        QVERIFY(window.exportTo(samOut, Ui::MainWindow::ExportFormat::Sam));
        QFile samFile(samOut);
        QVERIFY(samFile.open(QIODevice::ReadOnly));
        QVERIFY(samFile.readAll().contains("AWS::Serverless"));

        QVERIFY(!window.importFile(dir.filePath(QStringLiteral("missing.yaml"))));
        QCOMPARE(errors.size(), 1);
    }

    void closePromptsForUnsavedChanges()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        QVERIFY(window.openFile(sample("petstore-rest.apigw.json")));
        window.show();
        QVERIFY(window.resourcesDock()->model()->setData(window.resourcesDock()->model()->index(0, 0),
                                                         QStringLiteral("Renamed")));
        QVERIFY(window.isWindowModified());

        QStringList asked;
        Ui::MainWindow::SaveChoice answer = Ui::MainWindow::SaveChoice::Cancel;
        window.setConfirmFunction([&](const QString &name) {
            asked << name;
            return answer;
        });
        QVERIFY(!window.close()); // Cancel keeps the window
        QCOMPARE(asked, QStringList{QStringLiteral("petstore-rest.apigw.json")});
        QVERIFY(window.isVisible());
        QVERIFY(!window.newDocument()); // Cancel keeps the document too
        QCOMPARE(session.document().apis.first().name, QStringLiteral("Renamed"));

        answer = Ui::MainWindow::SaveChoice::Discard;
        QVERIFY(window.newDocument());
        QVERIFY(session.document().apis.isEmpty());
        QVERIFY(!window.isWindowModified());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled")));
        QVERIFY(window.close()); // clean: no prompt
        QCOMPARE(asked.size(), 3);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
