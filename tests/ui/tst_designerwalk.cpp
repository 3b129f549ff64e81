// The scripted UI walk (issue 5, "Done when"): starting from a blank document, build the REST
// sample the README's quick start serves (resources/samples/petstore-rest.apigw.json) using only
// what a user has — the New API dialog, the Resources tree's actions and in-place renames, and the
// editors' fields, combo boxes and tables — save the project, and compare the saved file with the
// sample. Ids are random per document, so both sides are compared with every id replaced by a
// name derived from what it identifies ("res:/pets/{petId}", "mth:GET /pets", "mdl:Pet", …).
//
// Left out of the comparison, on purpose: the document's display name ("PetStore sample"). No
// editor sets it (a new document is "Untitled"); it is not part of any API.
#include "model/documentsession.h"
#include "model/serialization/projectfile.h"
#include "runtime/runtimehost.h"
#include "ui/code/codeeditor.h"
#include "ui/editors/gatewayresponseseditor.h"
#include "ui/editors/integrationeditor.h"
#include "ui/editors/integrationrequesteditor.h"
#include "ui/editors/integrationresponseeditor.h"
#include "ui/editors/methodexecutionview.h"
#include "ui/editors/methodrequesteditor.h"
#include "ui/editors/methodresponseeditor.h"
#include "ui/editors/modeleditor.h"
#include "ui/editors/propertiespanel.h"
#include "ui/editors/stageeditor.h"
#include "ui/editors/templateeditor.h"
#include "ui/editors/templatemapeditor.h"
#include "ui/mainwindow.h"
#include "ui/models/apistarters.h"
#include "ui/models/listtablemodel.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"
#include "ui/models/resourcetreemodel.h"
#include "ui/newapidialog.h"
#include "ui/propertiesdock.h"
#include "ui/recoverymanager.h"
#include "ui/resourcesdock.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

namespace {

const QString Json = QStringLiteral("application/json");

QString sample(const char *name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
}

// ---- comparing documents -----------------------------------------------------------------

// Every id of the document, by a name derived from what it identifies.
QHash<QString, QString> canonicalIds(const Model::ApiDocument &doc)
{
    QHash<QString, QString> ids;
    for (const Model::Api &api : doc.apis) {
        ids.insert(api.id, QStringLiteral("api:") + api.name);
        for (const Model::Resource &r : api.resources) {
            const QString path = Model::resourcePath(api, r.id);
            ids.insert(r.id, QStringLiteral("res:") + path);
            for (const Model::Method &m : r.methods)
                ids.insert(m.id, QStringLiteral("mth:") + m.httpMethod + QLatin1Char(' ') + path);
        }
        for (const Model::Route &r : api.routes)
            ids.insert(r.id, QStringLiteral("rt:") + r.routeKey);
        for (const Model::Authorizer &a : api.authorizers)
            ids.insert(a.id, QStringLiteral("auth:") + a.name);
        for (const Model::ApiModel &m : api.models)
            ids.insert(m.id, QStringLiteral("mdl:") + m.name);
        for (const Model::RequestValidator &v : api.requestValidators)
            ids.insert(v.id, QStringLiteral("val:") + v.name);
    }
    for (const Model::LocalFunction &f : doc.functions)
        ids.insert(f.id, QStringLiteral("fn:") + f.name);
    for (const Model::UsagePlan &p : doc.usagePlans)
        ids.insert(p.id, QStringLiteral("plan:") + p.name);
    for (const Model::ApiKey &k : doc.apiKeys)
        ids.insert(k.id, QStringLiteral("key:") + k.name);
    return ids;
}

QJsonValue replaceIds(const QJsonValue &v, const QHash<QString, QString> &ids)
{
    if (v.isString())
        return ids.value(v.toString(), v.toString());
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out << replaceIds(e, ids);
        return out;
    }
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), replaceIds(it.value(), ids));
        return out;
    }
    return v;
}

// The document as the project file writes it, ids canonical, the parts no editor enters removed.
QJsonObject normalised(const Model::ApiDocument &doc)
{
    QJsonObject root = replaceIds(Model::ProjectFile::toJson(doc), canonicalIds(doc)).toObject();
    root.remove(QStringLiteral("name")); // the document's display name: no editor
    return root;
}

// A line diff (longest common subsequence) of two texts, "-" expected, "+" actual, with context.
QString lineDiff(const QString &expected, const QString &actual)
{
    const QStringList a = expected.split(QLatin1Char('\n'));
    const QStringList b = actual.split(QLatin1Char('\n'));
    const qsizetype n = a.size(), m = b.size();
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a[i] == b[j] ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                     : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    QStringList lines;
    QList<bool> changed;
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            lines << QStringLiteral("  ") + a[i];
            changed << false;
            ++i, ++j;
        } else if (i < n && (j == m || lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)])) {
            lines << QStringLiteral("- ") + a[i++];
            changed << true;
        } else {
            lines << QStringLiteral("+ ") + b[j++];
            changed << true;
        }
    }
    QStringList out;
    const int context = 3;
    for (qsizetype k = 0; k < lines.size(); ++k) {
        bool near = false;
        for (qsizetype c = std::max<qsizetype>(0, k - context); c <= std::min(lines.size() - 1, k + context) && !near; ++c)
            near = changed[c];
        if (near)
            out << lines[k];
        else if (out.isEmpty() || out.last() != QStringLiteral("  …"))
            out << QStringLiteral("  …");
    }
    return out.join(QLatin1Char('\n'));
}

// ---- driving the UI ----------------------------------------------------------------------

void typeInto(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

bool choose(QComboBox *box, const QString &value)
{
    if (!box)
        return false;
    const int index = box->findData(value);
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
    return true;
}

} // namespace

class TestDesignerWalk : public QObject
{
    Q_OBJECT

    Ui::MainWindow *m_window = nullptr;
    Model::DocumentSession *m_session = nullptr;
    QString m_apiId;

    Ui::ResourcesDock *dock() const { return m_window->resourcesDock(); }
    Ui::PropertiesPanel *panel() const { return m_window->propertiesDock()->panel(); }

    template<typename T>
    T *field(const char *name) const
    {
        T *w = panel()->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no %s in the properties panel", name);
        return w;
    }

    const Model::Api &api() const { return *Ui::Lookup::api(m_session->document(), m_apiId); }

    Ui::NodeRef resourceAt(const QString &path) const
    {
        for (const Model::Resource &r : api().resources)
            if (Model::resourcePath(api(), r.id) == path)
                return {Kind::Resource, m_apiId, r.id};
        return {};
    }

    // What a user does after an Add that opened the in-place editor: type the name, press Enter.
    void renameInTree(const QString &name)
    {
        QTreeView *view = dock()->view();
        auto *editor = view->viewport()->findChild<QLineEdit *>();
        if (!editor || !editor->isVisible()) {
            dock()->renameAction()->trigger(); // F2
            editor = view->viewport()->findChild<QLineEdit *>();
        }
        QVERIFY2(editor, "no in-place editor");
        editor->selectAll();
        QTest::keyClicks(editor, name);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!view->viewport()->findChild<QLineEdit *>() || !view->viewport()->findChild<QLineEdit *>()->isVisible());
    }

    void select(const Ui::NodeRef &node)
    {
        QVERIFY(node.isValid());
        dock()->selectNode(node);
        QCOMPARE(dock()->currentNode(), node);
    }

    // Resources ▸ Add Resource under `parentPath`, named in place.
    void addResource(const QString &parentPath, const QString &pathPart)
    {
        select(resourceAt(parentPath));
        dock()->addResourceAction()->trigger();
        renameInTree(pathPart);
        const QString path = (parentPath == QLatin1String("/") ? QString() : parentPath) + QLatin1Char('/') + pathPart;
        QVERIFY2(resourceAt(path).isValid(), qPrintable(path));
    }

    // Resources ▸ Add Method ▸ verb on the resource; returns the method's execution view.
    Ui::MethodExecutionView *addMethod(const QString &path, const QString &verb)
    {
        select(resourceAt(path));
        QAction *action = nullptr;
        for (QAction *a : dock()->findChildren<QAction *>(QStringLiteral("addMethod_") + verb))
            action = a;
        if (!action || !action->isEnabled())
            return nullptr;
        action->trigger();
        if (dock()->currentNode().kind != Kind::Method)
            return nullptr;
        return panel()->findChild<Ui::MethodExecutionView *>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("apigw-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_designerwalk"));
    }

    void buildTheRestSampleFromABlankApi()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        m_window = &window;
        m_session = &session;
        window.setConfirmFunction([](const QString &) { return Ui::MainWindow::SaveChoice::Discard; });
        window.recoveryManager()->setRestoreFunction([](const QString &, const QDateTime &) { return false; });
        QStringList errors;
        window.setErrorFunction([&](const QString &, const QString &text) { errors << text; });
        window.resize(1400, 1000);
        window.show();
        QVERIFY(window.newDocument());
        QVERIFY(session.document().apis.isEmpty());

        // ---- File ▸ New API…: a blank REST API named PetStore ----
        {
            Ui::NewApiDialog dialog(&session, &window);
            connect(&dialog, &Ui::NewApiDialog::apiCreated, dock(), &Ui::ResourcesDock::selectNode);
            dialog.show();
            typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("newApiName")), QStringLiteral("PetStore"));
            auto *rest = dialog.findChild<QAbstractButton *>(QStringLiteral("newApiType") + QString::number(int(Model::ApiType::Rest)));
            QVERIFY(rest);
            rest->click();
            auto *starters = dialog.findChild<QListWidget *>(QStringLiteral("newApiStarters"));
            QVERIFY(starters);
            starters->setCurrentRow(0);
            QCOMPARE(starters->currentItem()->text(), Ui::Starters::title(Ui::Starters::Starter::Blank));
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        }
        QCOMPARE(session.document().apis.size(), 1);
        m_apiId = session.document().apis.first().id;
        QCOMPARE(dock()->currentNode(), Ui::NodeRef::api(m_apiId));

        // ---- The API's properties ----
        const QString description = QStringLiteral(
            "The classic pet store as a REST API: MOCK and Lambda proxy methods, a CORS preflight, request "
            "validation, and /proxy/{proxy+} forwarding to YOUR own backend at http://127.0.0.1:8080 (stage "
            "variable backendHost); nothing in this sample listens there.");
        typeInto(field<QLineEdit>("apiDescription"), description);
        QCOMPARE(api().description, description);
        // Gateway responses: DEFAULT_4XX answers with Access-Control-Allow-Origin too.
        {
            auto *gateway = panel()->findChild<Ui::GatewayResponsesEditor *>();
            QVERIFY(gateway);
            QCOMPARE(gateway->responsesModel()->appendEntry(), 0);
            QCOMPARE(gateway->responsesModel()->index(0, 0).data().toString(), QStringLiteral("DEFAULT_4XX"));
            gateway->selectResponse(0);
            Ui::MapTableModel *headers = gateway->headersModel();
            const int row = headers->appendEntry();
            QVERIFY(headers->setData(headers->index(row, 0), QStringLiteral("gatewayresponse.header.Access-Control-Allow-Origin")));
            const int origin = headers->rowOf(QStringLiteral("gatewayresponse.header.Access-Control-Allow-Origin"));
            QVERIFY(headers->setData(headers->index(origin, 1), QStringLiteral("'*'")));
            QCOMPARE(headers->problemCount(), 0);
            QCOMPARE(gateway->responsesModel()->problemCount(), 0);
        }

        // ---- Functions ▸ Add Function, renamed in place; its folder and timeout in the editor ----
        select({Kind::FunctionGroup, {}, {}});
        dock()->addFunctionAction()->trigger();
        renameInTree(QStringLiteral("pets-handler"));
        QCOMPARE(session.document().functions.size(), 1);
        QCOMPARE(session.document().functions.first().name, QStringLiteral("pets-handler"));
        typeInto(field<QLineEdit>("functionCodeDirectory"), QStringLiteral("functions/pets"));
        QSpinBox *timeout = field<QSpinBox>("functionTimeout");
        QVERIFY(timeout);
        timeout->setValue(10);
        QCOMPARE(session.document().functions.first().timeout, 10);

        // ---- Models ▸ Add Model ×3: name, description, schema typed in the JSON editor ----
        const QList<std::array<QString, 3>> models{
            {QStringLiteral("Pet"), QStringLiteral("A pet in the store."),
             QStringLiteral("{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\": \"Pet\",\n"
                            "  \"type\": \"object\",\n  \"properties\": {\n    \"id\": {\"type\": \"integer\"},\n"
                            "    \"type\": {\"type\": \"string\"},\n    \"price\": {\"type\": \"number\"}\n  }\n}")},
            {QStringLiteral("Pets"), QStringLiteral("A list of pets."),
             QStringLiteral("{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\": \"Pets\",\n"
                            "  \"type\": \"array\",\n  \"items\": {\n    \"type\": \"object\",\n    \"properties\": {\n"
                            "      \"id\": {\"type\": \"integer\"},\n      \"type\": {\"type\": \"string\"},\n"
                            "      \"price\": {\"type\": \"number\"}\n    }\n  }\n}")},
            {QStringLiteral("NewPet"), QStringLiteral("The body of POST /pets."),
             QStringLiteral("{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\": \"NewPet\",\n"
                            "  \"type\": \"object\",\n  \"required\": [\"type\", \"price\"],\n  \"properties\": {\n"
                            "    \"type\": {\"type\": \"string\", \"enum\": [\"dog\", \"cat\", \"fish\"]},\n"
                            "    \"price\": {\"type\": \"number\", \"minimum\": 0}\n  }\n}")}};
        for (const auto &[name, modelDescription, schema] : models) {
            select({Kind::ModelGroup, m_apiId, {}});
            dock()->addModelAction()->trigger();
            QCOMPARE(dock()->currentNode().kind, Kind::Model);
            typeInto(field<QLineEdit>("modelName"), name);
            typeInto(field<QLineEdit>("modelDescription"), modelDescription);
            auto *editor = panel()->findChild<Ui::ModelEditor *>();
            QVERIFY(editor);
            editor->schemaEditor()->selectAll();
            editor->schemaEditor()->setText(schema);
            QCOMPARE(api().models.last().name, name);
            QCOMPARE(api().models.last().schema, QJsonDocument::fromJson(schema.toUtf8()).object());
        }

        // ---- The resource tree: Add Resource, named in place ----
        const QString root = QStringLiteral("/");
        addResource(root, QStringLiteral("pets"));
        addResource(QStringLiteral("/pets"), QStringLiteral("{petId}"));
        addResource(root, QStringLiteral("health"));
        addResource(root, QStringLiteral("proxy"));
        addResource(QStringLiteral("/proxy"), QStringLiteral("{proxy+}"));

        // ---- GET /pets: MOCK answering the list, the Pets model on the 200 response ----
        {
            Ui::MethodExecutionView *view = addMethod(QStringLiteral("/pets"), QStringLiteral("GET"));
            QVERIFY(view);
            QVERIFY(view->showStep(QStringLiteral("validate")));
            typeInto(view->methodRequestEditor()->findChild<QLineEdit *>(QStringLiteral("operationName")), QStringLiteral("ListPets"));
            QVERIFY(view->showStep(QStringLiteral("mapResponse")));
            view->integrationResponseEditor()->templates()->templateEditor()->editor()->setText(QStringLiteral(
                "[\n  {\"id\": 1, \"type\": \"dog\", \"price\": 249.99},\n  {\"id\": 2, \"type\": \"cat\", \"price\": 124.99},\n"
                "  {\"id\": 3, \"type\": \"fish\", \"price\": 0.99}\n]"));
            QVERIFY(view->showStep(QStringLiteral("respond")));
            Ui::MapTableModel *responseModels = view->methodResponseEditor()->modelsModel();
            const int row = responseModels->appendEntry();
            QVERIFY(row >= 0);
            QVERIFY(responseModels->setData(responseModels->index(row, 1), QStringLiteral("Pets")));
            QCOMPARE(responseModels->problemCount(), 0);
        }

        // ---- POST /pets: Lambda proxy, the NewPet body model checked by "Validate body" ----
        {
            Ui::MethodExecutionView *view = addMethod(QStringLiteral("/pets"), QStringLiteral("POST"));
            QVERIFY(view);
            QVERIFY(view->showStep(QStringLiteral("validate")));
            Ui::MethodRequestEditor *request = view->methodRequestEditor();
            typeInto(request->findChild<QLineEdit *>(QStringLiteral("operationName")), QStringLiteral("CreatePet"));
            Ui::MapTableModel *requestModels = request->modelsModel();
            const int row = requestModels->appendEntry();
            QVERIFY(requestModels->setData(requestModels->index(row, 1), QStringLiteral("NewPet")));
            QCOMPARE(requestModels->problemCount(), 0);
            // The AWS console's validator choices, created on first use.
            QVERIFY(choose(request->findChild<QComboBox *>(QStringLiteral("requestValidator")),
                           QStringLiteral("preset:Validate body")));
            QCOMPARE(api().requestValidators.size(), 1);
            QVERIFY(view->showStep(QStringLiteral("integrate")));
            QVERIFY(choose(view->integrationEditor()->findChild<QComboBox *>(QStringLiteral("integrationType")),
                           QStringLiteral("AWS_PROXY")));
            QCOMPARE(view->integrationEditor()->findChild<QComboBox *>(QStringLiteral("lambdaFunction"))->currentData().toString(),
                     QStringLiteral("pets-handler"));
            // A proxy answers with the function's response: no method responses declared.
            QVERIFY(view->showStep(QStringLiteral("respond")));
            QVERIFY(view->methodResponseEditor()->responsesModel()->removeEntry(0));
        }

        // ---- /pets ▸ Enable CORS: the OPTIONS preflight and Allow-Origin on GET's 200 ----
        select(resourceAt(QStringLiteral("/pets")));
        {
            auto *enableCors = field<QPushButton>("enableCors");
            QVERIFY(enableCors);
            enableCors->click();
        }

        // The preflight lists the methods as the AWS console does, alphabetically; Enable CORS
        // writes them in the resource's order, so the user edits the mapping in Integration Response.
        {
            Ui::NodeRef options;
            for (const Model::Method &m : Ui::Lookup::resource(api(), resourceAt(QStringLiteral("/pets")).id)->methods)
                if (m.httpMethod == QLatin1String("OPTIONS"))
                    options = {Kind::Method, m_apiId, m.id};
            select(options);
            auto *view = panel()->findChild<Ui::MethodExecutionView *>();
            QVERIFY(view);
            QVERIFY(view->showStep(QStringLiteral("mapResponse")));
            Ui::MapTableModel *headers = view->integrationResponseEditor()->headersModel();
            const int row = headers->rowOf(QStringLiteral("method.response.header.Access-Control-Allow-Methods"));
            QVERIFY(row >= 0);
            QVERIFY(headers->setData(headers->index(row, 1), QStringLiteral("'GET,OPTIONS,POST'")));
        }

        // ---- GET /pets/{petId}: Lambda proxy with the required path parameter ----
        {
            Ui::MethodExecutionView *view = addMethod(QStringLiteral("/pets/{petId}"), QStringLiteral("GET"));
            QVERIFY(view);
            QVERIFY(view->showStep(QStringLiteral("validate")));
            typeInto(view->methodRequestEditor()->findChild<QLineEdit *>(QStringLiteral("operationName")), QStringLiteral("GetPet"));
            Ui::MapTableModel *params = view->methodRequestEditor()->parametersModel();
            const int row = params->appendEntry();
            QVERIFY(params->setData(params->index(row, 0), QStringLiteral("method.request.path.petId")));
            const int petId = params->rowOf(QStringLiteral("method.request.path.petId"));
            QVERIFY(params->setData(params->index(petId, 1), Qt::Checked, Qt::CheckStateRole));
            QCOMPARE(params->problemCount(), 0);
            QVERIFY(view->showStep(QStringLiteral("integrate")));
            QVERIFY(choose(view->integrationEditor()->findChild<QComboBox *>(QStringLiteral("integrationType")),
                           QStringLiteral("AWS_PROXY")));
            QVERIFY(view->showStep(QStringLiteral("respond")));
            QVERIFY(view->methodResponseEditor()->responsesModel()->removeEntry(0));
        }

        // ---- GET /health: MOCK answering {"status":"ok"} ----
        {
            Ui::MethodExecutionView *view = addMethod(QStringLiteral("/health"), QStringLiteral("GET"));
            QVERIFY(view);
            QVERIFY(view->showStep(QStringLiteral("validate")));
            typeInto(view->methodRequestEditor()->findChild<QLineEdit *>(QStringLiteral("operationName")), QStringLiteral("Health"));
            QVERIFY(view->showStep(QStringLiteral("mapResponse")));
            view->integrationResponseEditor()->templates()->templateEditor()->editor()->setText(QStringLiteral("{\"status\":\"ok\"}"));
        }

        // ---- ANY /proxy/{proxy+}: HTTP proxy to ${stageVariables.backendHost} ----
        {
            Ui::MethodExecutionView *view = addMethod(QStringLiteral("/proxy/{proxy+}"), QStringLiteral("ANY"));
            QVERIFY(view);
            QVERIFY(view->showStep(QStringLiteral("validate")));
            Ui::MapTableModel *params = view->methodRequestEditor()->parametersModel();
            const int row = params->appendEntry();
            QVERIFY(params->setData(params->index(row, 0), QStringLiteral("method.request.path.proxy")));
            QVERIFY(params->setData(params->index(params->rowOf(QStringLiteral("method.request.path.proxy")), 1),
                                    Qt::Checked, Qt::CheckStateRole));
            QVERIFY(view->showStep(QStringLiteral("integrate")));
            Ui::IntegrationEditor *integration = view->integrationEditor();
            QVERIFY(choose(integration->findChild<QComboBox *>(QStringLiteral("integrationType")), QStringLiteral("HTTP_PROXY")));
            QVERIFY(choose(integration->findChild<QComboBox *>(QStringLiteral("integrationHttpMethod")), QStringLiteral("ANY")));
            typeInto(integration->findChild<QLineEdit *>(QStringLiteral("integrationUri")),
                     QStringLiteral("http://${stageVariables.backendHost}/{proxy}"));
            QVERIFY(view->showStep(QStringLiteral("mapRequest")));
            Ui::MapTableModel *mappings = view->integrationRequestEditor()->parametersModel();
            const int m = mappings->appendEntry();
            QVERIFY(mappings->setData(mappings->index(m, 0), QStringLiteral("integration.request.path.proxy")));
            const int proxy = mappings->rowOf(QStringLiteral("integration.request.path.proxy"));
            QVERIFY(mappings->setData(mappings->index(proxy, 1), QStringLiteral("method.request.path.proxy")));
            QCOMPARE(mappings->problemCount(), 0);
            QVERIFY(view->showStep(QStringLiteral("respond")));
            QVERIFY(view->methodResponseEditor()->responsesModel()->removeEntry(0));
        }

        // ---- Stage dev: description and the backendHost variable ----
        select({Kind::Stage, m_apiId, QStringLiteral("dev")});
        typeInto(field<QLineEdit>("stageDescription"), QStringLiteral("Local development stage."));
        {
            auto *stage = panel()->findChild<Ui::StageEditor *>();
            QVERIFY(stage);
            Ui::MapTableModel *variables = stage->variablesModel();
            const int row = variables->appendEntry();
            QVERIFY(variables->setData(variables->index(row, 0), QStringLiteral("backendHost")));
            QVERIFY(variables->setData(variables->index(variables->rowOf(QStringLiteral("backendHost")), 1),
                                       QStringLiteral("127.0.0.1:8080")));
        }

        // ---- File ▸ Save As, then compare with the sample ----
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString saved = dir.filePath(QStringLiteral("petstore.apigw.json"));
        QVERIFY(window.saveAs(saved));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(!session.isModified());

        Model::DocumentSession reloaded;
        QVERIFY(!Model::hasErrors(reloaded.open(saved)));
        Model::DocumentSession expected;
        QVERIFY(!Model::hasErrors(expected.open(sample("petstore-rest.apigw.json"))));
        const QString want = QString::fromUtf8(QJsonDocument(normalised(expected.document())).toJson(QJsonDocument::Indented));
        const QString got = QString::fromUtf8(QJsonDocument(normalised(reloaded.document())).toJson(QJsonDocument::Indented));
        if (want != got)
            qWarning().noquote() << "The saved document differs from the sample (- sample, + built):\n" + lineDiff(want, got);
        QVERIFY(want == got);

        // Everything the walk did is undoable back to the blank document.
        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document().apis.isEmpty());
        QVERIFY(session.document().functions.isEmpty());
        m_window = nullptr;
        m_session = nullptr;
    }

    // The gateway responses editor the walk uses: edit → document changed → undo → restored;
    // wrong input flagged.
    void gatewayResponsesEditor()
    {
        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(sample("petstore-rest.apigw.json"))));
        const Model::ApiDocument original = session.document();
        const Ui::NodeRef api = Ui::NodeRef::api(QStringLiteral("api_petstore"));
        Ui::GatewayResponsesEditor editor(&session, api);
        editor.show();
        Ui::ListTableModel *responses = editor.responsesModel();
        QAbstractItemModelTester tester(responses, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester headersTester(editor.headersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(responses->rowCount(), 1);
        QCOMPARE(editor.headersModel()->rowCount(), 1); // DEFAULT_4XX's Allow-Origin, shown first

        QCOMPARE(responses->appendEntry(), 1);
        QCOMPARE(session.document().apis[0].gatewayResponses[1].responseType, QStringLiteral("DEFAULT_5XX"));
        QVERIFY(responses->setData(responses->index(1, 0), QStringLiteral("unauthorized")));
        QCOMPARE(session.document().apis[0].gatewayResponses[1].responseType, QStringLiteral("UNAUTHORIZED"));
        QVERIFY(responses->setData(responses->index(1, 0), QStringLiteral("DEFAULT_4XX")));
        QVERIFY(!responses->problem(1, 0).isEmpty()); // a second entry for one type
        QVERIFY(responses->setData(responses->index(1, 0), QStringLiteral("NOPE")));
        QVERIFY(!responses->problem(1, 0).isEmpty());
        QVERIFY(responses->setData(responses->index(1, 1), QStringLiteral("4O1")));
        QVERIFY(!responses->problem(1, 1).isEmpty());
        QVERIFY(responses->setData(responses->index(1, 1), QStringLiteral("401")));
        QCOMPARE(responses->problem(1, 1), QString());

        editor.selectResponse(1);
        Ui::MapTableModel *headers = editor.headersModel();
        QCOMPARE(headers->rowCount(), 0);
        const int row = headers->appendEntry();
        QVERIFY(headers->setData(headers->index(row, 1), QStringLiteral("unquoted")));
        QVERIFY(!headers->problem(row, 1).isEmpty());
        QVERIFY(headers->setData(headers->index(row, 0), QStringLiteral("header.X")));
        QVERIFY(!headers->problem(headers->rowOf(QStringLiteral("header.X")), 0).isEmpty());
        editor.templates()->model()->appendEntry();
        editor.templates()->templateEditor()->editor()->setText(QStringLiteral("{\"message\": $context.error.messageString}"));
        QCOMPARE(session.document().apis[0].gatewayResponses[1].responseTemplates.value(Json),
                 QStringLiteral("{\"message\": $context.error.messageString}"));

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(responses->rowCount(), 1);
    }

    void diffIsReadable()
    {
        const QString diff = lineDiff(QStringLiteral("a\nb\nc\nd"), QStringLiteral("a\nB\nc\nd\ne"));
        QCOMPARE(diff, QStringLiteral("  a\n- b\n+ B\n  c\n  d\n+ e"));
        // Far from a change, lines collapse into one "…".
        QStringList many;
        for (int i = 0; i < 20; ++i)
            many << QString::number(i);
        QStringList changed = many;
        changed[15] = QStringLiteral("x");
        QCOMPARE(lineDiff(many.join(QLatin1Char('\n')), changed.join(QLatin1Char('\n'))),
                 QStringLiteral("  …\n  12\n  13\n  14\n- 15\n+ x\n  16\n  17\n  18\n  …"));
    }
};

QTEST_MAIN(TestDesignerWalk)
#include "tst_designerwalk.moc"
