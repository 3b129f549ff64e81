// The method execution view (offscreen): boxes named after the trace steps, showStep from the
// console, and each box's editor — edit → document changed → undo → document restored, with
// wrong input flagged while typing.
#include "model/documentsession.h"
#include "runtime/pipeline/pipeline.h"
#include "runtime/runtimehost.h"
#include "ui/code/codeeditor.h"
#include "ui/code/diagnosticmarkers.h"
#include "ui/console/consoledock.h"
#include "ui/console/requestconsole.h"
#include "ui/editors/executiondiagram.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/integrationeditor.h"
#include "ui/editors/integrationrequesteditor.h"
#include "ui/editors/integrationresponseeditor.h"
#include "ui/editors/methodexecutionview.h"
#include "ui/editors/methodrequesteditor.h"
#include "ui/editors/methodresponseeditor.h"
#include "ui/editors/propertiespanel.h"
#include "ui/editors/templateeditor.h"
#include "ui/editors/templatemapeditor.h"
#include "ui/editors/templatepreview.h"
#include "ui/mainwindow.h"
#include "ui/models/listtablemodel.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"
#include "ui/propertiesdock.h"
#include "ui/resourcesdock.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QTableWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

namespace {
const QString ApiId = QStringLiteral("api_petstore");
const Ui::NodeRef PetsGet{Kind::Method, ApiId, QStringLiteral("mth_pets_get")};
const Ui::NodeRef PetGet{Kind::Method, ApiId, QStringLiteral("mth_pet_get")};
const QString Json = QStringLiteral("application/json");

QString sample(const char *name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
}

const Model::Method &method(const Model::DocumentSession &s, const Ui::NodeRef &ref)
{
    return *Ui::Lookup::method(s.document().apis.first(), ref.id);
}

void undoAll(Model::DocumentSession &s)
{
    while (s.undoStack()->canUndo())
        s.undoStack()->undo();
}

// Chooses the combo entry whose data is `value`, as a user's click does.
bool choose(QComboBox *box, const QString &value)
{
    const int index = box->findData(value);
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
    return true;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}
} // namespace

class TestMethodExecution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("apigw-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_methodexecution"));
    }

    void boxesAreNamedAfterTraceSteps()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        Ui::MethodExecutionView view(&session, PetsGet);
        view.resize(900, 700);
        view.show();

        QStringList names;
        for (Ui::ExecutionBox *box : view.diagram()->boxes()) {
            names << box->stepName();
            QVERIFY2(Runtime::Pipeline::stageOrder().contains(box->stepName()), qPrintable(box->stepName()));
            QCOMPARE(view.findChild<Ui::ExecutionBox *>(box->stepName()), box);
        }
        QCOMPARE(names, (QStringList{QStringLiteral("validate"), QStringLiteral("mapRequest"), QStringLiteral("integrate"),
                                     QStringLiteral("mapResponse"), QStringLiteral("respond")}));
        QCOMPARE(view.diagram()->methodRequest()->title(), QStringLiteral("Method Request"));
        QCOMPARE(view.diagram()->integrationResponse()->title(), QStringLiteral("Integration Response"));

        auto *stack = view.findChild<QStackedWidget *>();
        QVERIFY(stack);
        // Every step a method configures opens its box; the others do not.
        const QList<QPair<QString, QWidget *>> expected{
            {QStringLiteral("authorize"), view.methodRequestEditor()},
            {QStringLiteral("apiKey"), view.methodRequestEditor()},
            {QStringLiteral("validate"), view.methodRequestEditor()},
            {QStringLiteral("mapRequest"), view.integrationRequestEditor()},
            {QStringLiteral("integrate"), view.integrationEditor()},
            {QStringLiteral("mapResponse"), view.integrationResponseEditor()},
            {QStringLiteral("respond"), view.methodResponseEditor()}};
        QSignalSpy shown(&view, &Ui::MethodExecutionView::stepShown);
        for (const auto &[step, editor] : expected) {
            QVERIFY2(view.showStep(step), qPrintable(step));
            QVERIFY2(stack->currentWidget()->isAncestorOf(editor), qPrintable(step));
            QVERIFY(editor->isVisible());
        }
        QCOMPARE(shown.size(), expected.size());
        for (const QString &step : {QStringLiteral("receive"), QStringLiteral("route"), QStringLiteral("cors"),
                                    QStringLiteral("throttle"), QStringLiteral("nonsense")})
            QVERIFY(!view.showStep(step));
        QCOMPARE(view.currentStep(), QStringLiteral("respond")); // a refused step changes nothing

        // Clicking a box opens it.
        QTest::mouseClick(view.diagram()->integrationRequest(), Qt::LeftButton);
        QCOMPARE(view.currentStep(), QStringLiteral("mapRequest"));
        QVERIFY(view.diagram()->integrationRequest()->isChecked());
        QVERIFY(!view.diagram()->integration()->isChecked());

        // Summaries follow the document.
        QVERIFY(view.diagram()->integration()->summary().startsWith(QStringLiteral("MOCK")));
        session.edit(QStringLiteral("type"), [](Model::ApiDocument &d) {
            Ui::Lookup::method(d.apis.first(), PetsGet.id)->integration.type = Model::IntegrationType::HttpProxy;
        });
        QVERIFY(view.diagram()->integration()->summary().startsWith(QStringLiteral("HTTP proxy")));
        QVERIFY(view.diagram()->integration()->hasProblem()); // an HTTP proxy without a URL
    }

    void methodRequestParametersAndModels()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        Ui::MethodExecutionView view(&session, PetGet); // GET /pets/{petId}
        view.show();
        view.showStep(QStringLiteral("validate"));
        Ui::MapTableModel *params = view.methodRequestEditor()->parametersModel();
        QAbstractItemModelTester tester(params, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(params->rowCount(), 1);
        QCOMPARE(params->keyAt(0), QStringLiteral("method.request.path.petId"));
        QCOMPARE(params->problemCount(), 0);

        // Add a parameter: one undo step, a query string parameter, not required.
        const int row = params->appendEntry();
        QVERIFY(row >= 0);
        QCOMPARE(method(session, PetGet).requestParameters.value(QStringLiteral("method.request.querystring.name"), true), false);
        // Rename it to a path parameter the resource does not have: accepted, flagged.
        QVERIFY(params->setData(params->index(row, Ui::MapTableModel::KeyColumn), QStringLiteral("method.request.path.ownerId")));
        const int renamed = params->rowOf(QStringLiteral("method.request.path.ownerId"));
        QVERIFY(renamed >= 0);
        QVERIFY(method(session, PetGet).requestParameters.contains(QStringLiteral("method.request.path.ownerId")));
        QVERIFY(!params->problem(renamed, Ui::MapTableModel::KeyColumn).isEmpty());
        QVERIFY(params->data(params->index(renamed, 0), Qt::ToolTipRole).toString().contains(QStringLiteral("{ownerId}")));
        // A malformed name is flagged too; a duplicate key is refused.
        QVERIFY(params->setData(params->index(renamed, 0), QStringLiteral("querystring.limit")));
        QVERIFY(!params->problem(params->rowOf(QStringLiteral("querystring.limit")), 0).isEmpty());
        QVERIFY(!params->setData(params->index(params->rowOf(QStringLiteral("querystring.limit")), 0),
                                 QStringLiteral("method.request.path.petId")));
        QVERIFY(params->setData(params->index(params->rowOf(QStringLiteral("querystring.limit")), 0),
                                QStringLiteral("method.request.querystring.limit")));
        const int limit = params->rowOf(QStringLiteral("method.request.querystring.limit"));
        QCOMPARE(params->problem(limit, 0), QString());
        QVERIFY(params->setData(params->index(limit, Ui::MapTableModel::ValueColumn), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(method(session, PetGet).requestParameters.value(QStringLiteral("method.request.querystring.limit")), true);
        QCOMPARE(params->data(params->index(limit, 1), Qt::CheckStateRole).toInt(), int(Qt::Checked));

        // Request models: a model that does not exist is flagged, one that does is fine.
        Ui::MapTableModel *models = view.methodRequestEditor()->modelsModel();
        QAbstractItemModelTester modelsTester(models, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int m = models->appendEntry();
        QCOMPARE(method(session, PetGet).requestModels.value(Json), QStringLiteral("Empty"));
        QVERIFY(models->setData(models->index(m, 1), QStringLiteral("Parrot")));
        QVERIFY(!models->problem(m, 1).isEmpty());
        QVERIFY(view.diagram()->methodRequest()->summary().contains(QStringLiteral("1 model")));
        QVERIFY(models->setData(models->index(m, 1), QStringLiteral("Pet")));
        QCOMPARE(models->problem(m, 1), QString());

        // Validator and API key through the form.
        auto *validator = view.findChild<QComboBox *>(QStringLiteral("requestValidator"));
        QVERIFY(validator);
        QVERIFY(choose(validator, QStringLiteral("val_body")));
        QCOMPARE(method(session, PetGet).requestValidatorId, QStringLiteral("val_body"));
        QVERIFY(view.diagram()->methodRequest()->summary().contains(QStringLiteral("Validate body")));

        // Removing and undoing everything restores the document exactly.
        QVERIFY(params->removeEntry(params->rowOf(QStringLiteral("method.request.path.petId"))));
        QVERIFY(!method(session, PetGet).requestParameters.contains(QStringLiteral("method.request.path.petId")));
        undoAll(session);
        QVERIFY(session.document() == original);
        QCOMPARE(params->rowCount(), 1);
        QCOMPARE(models->rowCount(), 0);
        QCOMPARE(validator->currentData().toString(), QString());
    }

    void integrationTypeAndTarget()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        Ui::MethodExecutionView view(&session, PetsGet);
        view.resize(900, 800);
        view.show();
        QVERIFY(view.showStep(QStringLiteral("integrate")));
        auto *type = view.integrationEditor()->findChild<QComboBox *>(QStringLiteral("integrationType"));
        auto *uri = view.integrationEditor()->findChild<QLineEdit *>(QStringLiteral("integrationUri"));
        auto *timeout = view.integrationEditor()->findChild<QSpinBox *>(QStringLiteral("integrationTimeout"));
        QVERIFY(type && uri && timeout);
        QCOMPARE(type->currentData().toString(), QStringLiteral("MOCK"));
        QVERIFY(!uri->isVisible());

        QVERIFY(choose(type, QStringLiteral("HTTP")));
        QVERIFY(method(session, PetsGet).integration.type == Model::IntegrationType::Http);
        QCOMPARE(method(session, PetsGet).integration.httpMethod, QStringLiteral("GET"));
        QVERIFY(uri->isVisible());
        QCOMPARE(uri->text(), QStringLiteral("https://example.com"));
        const int before = session.undoStack()->count();

        // Typing is one undo step; a URL without a scheme is flagged, a stage variable one is not.
        typeInto(uri, QStringLiteral("example.com/pets"));
        QCOMPARE(method(session, PetsGet).integration.uri, QStringLiteral("example.com/pets"));
        QCOMPARE(session.undoStack()->count(), before + 1);
        QVERIFY(!Ui::FieldBinder::problemOf(uri).isEmpty());
        QVERIFY(view.diagram()->integration()->summary().contains(QStringLiteral("example.com/pets")));
        typeInto(uri, QStringLiteral("http://${stageVariables.backendHost}/pets"));
        QCOMPARE(Ui::FieldBinder::problemOf(uri), QString());
        QCOMPARE(session.undoStack()->count(), before + 1);
        QCOMPARE(uri->cursorPosition(), uri->text().size());

        timeout->setValue(5000);
        QCOMPARE(method(session, PetsGet).integration.timeoutInMillis, 5000);

        QVERIFY(choose(type, QStringLiteral("AWS_PROXY")));
        QCOMPARE(method(session, PetsGet).integration.functionName, QStringLiteral("pets-handler"));
        QVERIFY(!uri->isVisible());
        QVERIFY(view.findChild<QComboBox *>(QStringLiteral("lambdaFunction"))->isVisible());

        undoAll(session);
        QVERIFY(session.document() == original);
        QCOMPARE(type->currentData().toString(), QStringLiteral("MOCK"));
    }

    void integrationResponseStatusHeadersAndTemplates()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        Ui::MethodExecutionView view(&session, PetsGet);
        view.resize(1000, 900);
        view.show();
        QVERIFY(view.showStep(QStringLiteral("mapResponse")));
        Ui::IntegrationResponseEditor *editor = view.integrationResponseEditor();
        QAbstractItemModelTester tester(editor->responsesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(editor->selectedResponse(), 0); // the default response shows first

        auto *status = editor->findChild<QLineEdit *>(QStringLiteral("integrationResponseStatus"));
        QVERIFY(status);
        QCOMPARE(status->text(), QStringLiteral("200"));
        const int before = session.undoStack()->count();
        typeInto(status, QStringLiteral("201"));
        QCOMPARE(method(session, PetsGet).integration.responses.first().statusCode, QStringLiteral("201"));
        QCOMPARE(session.undoStack()->count(), before + 1);
        // No method response 201 exists: flagged in the field, the table and the diagram.
        QVERIFY(Ui::FieldBinder::problemOf(status).contains(QStringLiteral("201")));
        QVERIFY(view.diagram()->integrationResponse()->hasProblem());
        QVERIFY(!editor->responsesModel()->problem(0, 1).isEmpty());
        QVERIFY(editor->responsesModel()->data(editor->responsesModel()->index(0, 1), Qt::BackgroundRole).isValid());
        // Declaring it under Method Response clears the flag.
        Ui::ListTableModel *methodResponses = view.methodResponseEditor()->responsesModel();
        QAbstractItemModelTester mrTester(methodResponses, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int added = methodResponses->appendEntry();
        QCOMPARE(added, 1);
        QVERIFY(methodResponses->setData(methodResponses->index(added, 0), QStringLiteral("201")));
        QCOMPARE(method(session, PetsGet).methodResponses.at(1).statusCode, QStringLiteral("201"));
        QCOMPARE(Ui::FieldBinder::problemOf(status), QString());
        QCOMPARE(editor->responsesModel()->problem(0, 1), QString());
        QVERIFY(!view.diagram()->integrationResponse()->hasProblem());
        // A duplicate or malformed method response status is flagged.
        QVERIFY(methodResponses->setData(methodResponses->index(added, 0), QStringLiteral("200")));
        QVERIFY(!methodResponses->problem(added, 0).isEmpty());
        QVERIFY(methodResponses->setData(methodResponses->index(added, 0), QStringLiteral("2xx")));
        QVERIFY(!methodResponses->problem(added, 0).isEmpty());
        session.undoStack()->undo();
        session.undoStack()->undo();

        // A selection pattern that is no regex is flagged.
        auto *pattern = editor->findChild<QLineEdit *>(QStringLiteral("integrationResponsePattern"));
        typeInto(pattern, QStringLiteral("(4\\d{2}"));
        QVERIFY(!Ui::FieldBinder::problemOf(pattern).isEmpty());
        typeInto(pattern, QStringLiteral("4\\d{2}"));
        QCOMPARE(Ui::FieldBinder::problemOf(pattern), QString());
        QCOMPARE(method(session, PetsGet).integration.responses.first().selectionPattern, QStringLiteral("4\\d{2}"));

        // Header mappings of the shown response.
        Ui::MapTableModel *headers = editor->headersModel();
        QAbstractItemModelTester headersTester(headers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(headers->rowCount(), 1);
        QVERIFY(headers->setData(headers->index(0, 1), QStringLiteral("integration.response.header.Origin")));
        QCOMPARE(method(session, PetsGet).integration.responses.first().responseParameters.value(
                     QStringLiteral("method.response.header.Access-Control-Allow-Origin")),
                 QStringLiteral("integration.response.header.Origin"));
        QVERIFY(headers->setData(headers->index(0, 1), QStringLiteral("*")));
        QVERIFY(!headers->problem(0, 1).isEmpty()); // a static value needs quotes

        // The MOCK body is the response template: edit it, see the preview.
        Ui::TemplateEditor *templ = editor->templates()->templateEditor();
        QVERIFY(templ->editor()->isEnabled());
        QCOMPARE(templ->editor()->text(), original.apis.first().resources[1].methods[0].integration.responses[0].responseTemplates.value(Json));
        templ->editor()->setText(QStringLiteral("{\"id\": \"$input.params('petId')\", \"stage\": \"$context.stage\"}"));
        QCOMPARE(method(session, PetsGet).integration.responses.first().responseTemplates.value(Json),
                 QStringLiteral("{\"id\": \"$input.params('petId')\", \"stage\": \"$context.stage\"}"));
        QCOMPARE(templ->preview()->lastResult().output, QStringLiteral("{\"id\": \"1\", \"stage\": \"preview\"}"));

        undoAll(session);
        QVERIFY(session.document() == original);
        QCOMPARE(status->text(), QStringLiteral("200"));
        QCOMPARE(templ->editor()->text(), original.apis.first().resources[1].methods[0].integration.responses[0].responseTemplates.value(Json));
    }

    void integrationRequestTemplatesAndMappings()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        Ui::MethodExecutionView view(&session, PetsGet);
        view.resize(1000, 900);
        view.show();
        QVERIFY(view.showStep(QStringLiteral("mapRequest")));
        Ui::IntegrationRequestEditor *editor = view.integrationRequestEditor();

        // Passthrough behaviour.
        auto *passthrough = editor->findChild<QComboBox *>(QStringLiteral("passthroughBehavior"));
        QVERIFY(passthrough && passthrough->isVisible());
        QVERIFY(choose(passthrough, QStringLiteral("NEVER")));
        QVERIFY(method(session, PetsGet).integration.passthroughBehavior == Model::PassthroughBehavior::Never);

        // Parameter mappings are checked on both sides.
        Ui::MapTableModel *mappings = editor->parametersModel();
        QAbstractItemModelTester tester(mappings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int row = mappings->appendEntry();
        QCOMPARE(mappings->problemCount(), 0);
        QVERIFY(mappings->setData(mappings->index(row, 1), QStringLiteral("request.header.x")));
        QVERIFY(!mappings->problem(row, 1).isEmpty());
        QVERIFY(view.diagram()->integrationRequest()->hasProblem());
        QVERIFY(mappings->setData(mappings->index(row, 1), QStringLiteral("'static'")));
        QCOMPARE(mappings->problem(row, 1), QString());
        QVERIFY(!view.diagram()->integrationRequest()->hasProblem());
        QCOMPARE(method(session, PetsGet).integration.requestParameters.value(QStringLiteral("integration.request.header.name")),
                 QStringLiteral("'static'"));

        // The request template: edit, preview, errors with line and column, markers on the line.
        Ui::TemplateMapEditor *templates = editor->templates();
        QAbstractItemModelTester templatesTester(templates->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(templates->model()->keyAt(0), Json);
        Ui::TemplateEditor *templ = templates->templateEditor();
        QCOMPARE(templ->editor()->text(), QStringLiteral("{\"statusCode\": 200}"));
        templ->editor()->setText(QStringLiteral("#set($n = $input.path('$.price'))\n{\"statusCode\": #if($n > 100)200#else 400#end}"));
        QCOMPARE(templ->preview()->lastResult().output.trimmed(), QStringLiteral("{\"statusCode\": 200}"));
        QVERIFY(templ->preview()->lastResult().ok());
        // The preview renders with the API's stage variables (the dev stage's backendHost).
        templ->editor()->setText(QStringLiteral("$stageVariables.backendHost"));
        QCOMPARE(templ->preview()->lastResult().output, QStringLiteral("127.0.0.1:8080"));
        templ->editor()->setText(QStringLiteral("{\n  \"a\": 1,\n  #if($x\n}"));
        const Ui::PreviewResult broken = templ->preview()->lastResult();
        QVERIFY(!broken.errors.isEmpty());
        QVERIFY(broken.errors.first().line >= 3);
        QVERIFY(broken.errors.first().column > 0);
        QVERIFY(templ->markers()->markedLines().contains(broken.errors.first().line));
        QVERIFY(templ->preview()->statusLabel()->text().startsWith(
            QStringLiteral("%1:%2: error:").arg(broken.errors.first().line).arg(broken.errors.first().column)));
        // Typing merged: one undo step for both template edits.
        session.undoStack()->undo();
        QCOMPARE(method(session, PetsGet).integration.requestTemplates.value(Json), QStringLiteral("{\"statusCode\": 200}"));
        QCOMPARE(templ->editor()->text(), QStringLiteral("{\"statusCode\": 200}"));
        QVERIFY(templ->markers()->markedLines().isEmpty());

        // A second content type.
        const int xml = templates->model()->appendEntry();
        QVERIFY(xml >= 0);
        QVERIFY(templates->model()->setData(templates->model()->index(xml, 0), QStringLiteral("application/xml")));
        QVERIFY(templates->selectContentType(QStringLiteral("application/xml")));
        templ->editor()->setText(QStringLiteral("<pet>$input.params('petId')</pet>"));
        QCOMPARE(method(session, PetsGet).integration.requestTemplates.value(QStringLiteral("application/xml")),
                 QStringLiteral("<pet>$input.params('petId')</pet>"));
        QVERIFY(templates->model()->setData(templates->model()->index(templates->model()->rowOf(QStringLiteral("application/xml")), 0),
                                            QStringLiteral("xml")));
        QVERIFY(!templates->model()->problem(templates->model()->rowOf(QStringLiteral("xml")), 0).isEmpty());

        undoAll(session);
        QVERIFY(session.document() == original);
        QCOMPARE(templates->model()->rowCount(), 1);
    }

    // End to end: a real call through the gateway fails in mapResponse; activating that step of
    // the trace in the console opens the Integration Response box of the method that served it.
    void failedTraceStepOpensItsBox()
    {
        const QString path = sample("petstore-rest.apigw.json");
        Model::DocumentSession session;
        QVERIFY(session.open(path).isEmpty());
        // A response template that fails while rendering: AWS answers 500 and flags mapResponse.
        session.edit(QStringLiteral("break"), [](Model::ApiDocument &d) {
            Ui::Lookup::method(d.apis.first(), PetsGet.id)->integration.responses.first().responseTemplates.insert(
                Json, QStringLiteral("$util.parseJson('{not json')"));
        });
        Runtime::RuntimeHost host;
        Runtime::RuntimeOptions options;
        options.port = 0; // any free port: tests run side by side
        options.projectDir = QFileInfo(path).absolutePath();
        QString error;
        QVERIFY2(host.start(session.snapshot(), options, &error), qPrintable(error));
        Ui::MainWindow window(&session, &host);
        window.show();
        window.resourcesDock()->selectNode(PetsGet); // the console follows the selection
        window.resourcesDock()->selectNode({Kind::Resource, ApiId, QStringLiteral("res_pets")});

        Ui::RequestConsole *console = window.consoleDock()->console();
        console->setMethod(QStringLiteral("GET"));
        console->setUrl(host.endpoints().first().baseUrl.toString() + QStringLiteral("/dev/pets"));
        QSignalSpy responses(console, &Ui::RequestConsole::responseReceived);
        console->send();
        QVERIFY(responses.wait(15000));
        QCOMPARE(console->lastStatus(), 500);
        QTRY_VERIFY_WITH_TIMEOUT(console->lastTrace() != nullptr, 5000);
        const Runtime::TraceStep *failing = console->lastTrace()->failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("mapResponse"));

        auto *steps = console->findChild<QTableWidget *>(QStringLiteral("consoleTraceSteps"));
        int row = -1;
        for (int r = 0; r < steps->rowCount(); ++r)
            if (steps->item(r, Ui::RequestConsole::StepColumn)->text() == failing->name)
                row = r;
        QVERIFY(row >= 0);
        QSignalSpy activated(console, &Ui::RequestConsole::stepActivated);
        console->activateStep(row);
        QCOMPARE(activated.size(), 1);
        // The resource was selected, but the trace names GET /pets: its box opens.
        Ui::PropertiesPanel *panel = window.propertiesDock()->panel();
        QCOMPARE(window.resourcesDock()->currentNode(), PetsGet);
        QVERIFY(panel->methodExecutionView());
        QCOMPARE(panel->methodExecutionView()->currentStep(), QStringLiteral("mapResponse"));
        host.stop();
    }

    void consoleStepLeadsToTheBox()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        window.show();
        QVERIFY(window.openFile(sample("petstore-rest.apigw.json")));
        Ui::PropertiesPanel *panel = window.propertiesDock()->panel();

        // From the console: a failed mapResponse step of GET /pets/{petId}.
        Ui::RequestConsole *console = window.consoleDock()->console();
        Q_EMIT console->stepActivated(PetGet, QStringLiteral("mapResponse"));
        QCOMPARE(window.resourcesDock()->currentNode(), PetGet);
        QVERIFY(panel->methodExecutionView());
        QCOMPARE(panel->methodExecutionView()->method(), PetGet);
        QCOMPARE(panel->methodExecutionView()->currentStep(), QStringLiteral("mapResponse"));

        QVERIFY(window.showStep(PetsGet, QStringLiteral("authorize")));
        QCOMPARE(panel->methodExecutionView()->method(), PetsGet);
        QCOMPARE(panel->methodExecutionView()->currentStep(), QStringLiteral("validate"));
        // Selecting another method keeps the box the user was in.
        window.resourcesDock()->selectNode(PetGet);
        QCOMPARE(panel->methodExecutionView()->method(), PetGet);
        QCOMPARE(panel->methodExecutionView()->currentStep(), QStringLiteral("validate"));
        QVERIFY(!window.showStep(PetsGet, QStringLiteral("route")));
        // A trace's route key leads back to the operation that served it.
        QCOMPARE(Ui::Lookup::operationNode(session.document(), ApiId, QStringLiteral("GET /pets/{petId}")), PetGet);
        QCOMPARE(Ui::Lookup::operationNode(session.document(), ApiId, QStringLiteral("GET /pets")), PetsGet);
        QVERIFY(!Ui::Lookup::operationNode(session.document(), ApiId, QStringLiteral("PATCH /pets")).isValid());
        QVERIFY(!Ui::Lookup::operationNode(session.document(), QStringLiteral("api_nope"), QStringLiteral("GET /pets")).isValid());
        // A node that is no REST method has no method execution view.
        QVERIFY(!window.showStep({Kind::Resource, ApiId, QStringLiteral("res_pets")}, QStringLiteral("integrate")));
        QVERIFY(!panel->methodExecutionView());
    }
};

QTEST_MAIN(TestMethodExecution)
#include "tst_methodexecution.moc"
