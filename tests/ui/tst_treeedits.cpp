// Tree operations in the resources dock: drag and drop moves (one undo step), path parameter
// renames that carry their references along, duplicate, delete-when-referenced asks, find; with
// QAbstractItemModelTester attached throughout.
#include "model/documentsession.h"
#include "model/serialization/projectfile.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"
#include "ui/editors/propertiespanel.h"
#include "ui/models/resourcetreemodel.h"
#include "ui/resourcesdock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>
#include <QMimeData>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

namespace {
const QString ApiId = QStringLiteral("api_petstore");
Ui::NodeRef res(const char *id) { return {Kind::Resource, ApiId, QLatin1String(id)}; }
Ui::NodeRef mth(const char *id) { return {Kind::Method, ApiId, QLatin1String(id)}; }
} // namespace

class TestTreeEdits : public QObject
{
    Q_OBJECT

private:
    static void open(Model::DocumentSession &session)
    {
        QVERIFY(!Model::hasErrors(session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json"))));
    }
    static QString path(const Model::DocumentSession &s, const char *resourceId)
    {
        return Model::resourcePath(s.document().apis.first(), QLatin1String(resourceId));
    }

private Q_SLOTS:
    void dragAndDropMovesAResourceSubtree()
    {
        Model::DocumentSession session;
        open(session);
        const Model::ApiDocument original = session.document();
        Ui::ResourceTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        const QModelIndex proxy = model.indexOf(res("res_proxy"));
        QVERIFY(model.flags(proxy) & Qt::ItemIsDragEnabled);
        QVERIFY(!(model.flags(model.indexOf(res("res_root"))) & Qt::ItemIsDragEnabled)); // "/" stays
        std::unique_ptr<QMimeData> mime(model.mimeData({proxy, proxy.siblingAtColumn(1)}));
        QVERIFY(mime);
        QCOMPARE(Ui::ResourceTreeModel::nodesFromMime(mime.get()), QList<Ui::NodeRef>{res("res_proxy")});

        // Refused: into its own subtree, onto its current parent, copies, and onto a non-REST node.
        QVERIFY(!model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexOf(res("res_proxy_any"))));
        QVERIFY(!model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexOf(res("res_root"))));
        QVERIFY(!model.canDropMimeData(mime.get(), Qt::CopyAction, -1, 0, model.indexOf(res("res_pets"))));
        QVERIFY(!model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexOf({Kind::Function, {}, QStringLiteral("fn_pets")})));

        // Dropping onto /pets/{petId} (or between its methods: same parent) moves the subtree there.
        const QModelIndex pet = model.indexOf(res("res_pet"));
        QVERIFY(model.canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, pet));
        QVERIFY(model.dropMimeData(mime.get(), Qt::MoveAction, 0, 0, pet));
        QCOMPARE(session.undoStack()->count(), 1);
        QCOMPARE(session.undoStack()->undoText(), QStringLiteral("Move resource"));
        QCOMPARE(path(session, "res_proxy_any"), QStringLiteral("/pets/{petId}/proxy/{proxy+}"));
        const QModelIndex moved = model.indexOf(res("res_proxy"));
        QCOMPARE(model.nodeAt(moved.parent()), res("res_pet"));
        QVERIFY(model.indexOf(mth("mth_proxy_any")).isValid()); // methods come along

        session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(model.nodeAt(model.indexOf(res("res_proxy")).parent()), res("res_root"));
        session.undoStack()->redo();
        QCOMPARE(path(session, "res_proxy"), QStringLiteral("/pets/{petId}/proxy"));

        // Dropping onto the API node means its root; a method target means its resource.
        session.undoStack()->undo();
        std::unique_ptr<QMimeData> health(model.mimeData({model.indexOf(res("res_health"))}));
        QVERIFY(model.dropMimeData(health.get(), Qt::MoveAction, -1, 0, model.indexOf(mth("mth_pets_get"))));
        QCOMPARE(path(session, "res_health"), QStringLiteral("/pets/health"));
        std::unique_ptr<QMimeData> back(model.mimeData({model.indexOf(res("res_health"))}));
        QVERIFY(model.dropMimeData(back.get(), Qt::MoveAction, -1, 0, model.indexOf(Ui::NodeRef::api(ApiId))));
        QCOMPARE(path(session, "res_health"), QStringLiteral("/health"));
        session.undoStack()->undo();
        session.undoStack()->undo();
        QVERIFY(session.document() == original);
    }

    void dragAndDropMovesAMethod()
    {
        Model::DocumentSession session;
        open(session);
        const Model::ApiDocument original = session.document();
        Ui::ResourceTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::unique_ptr<QMimeData> mime(model.mimeData({model.indexOf(mth("mth_health_get"))}));
        // /pets has a GET already: AWS allows one method per verb.
        QVERIFY(!model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexOf(res("res_pets"))));
        QVERIFY(model.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexOf(res("res_proxy"))));
        QCOMPARE(session.undoStack()->undoText(), QStringLiteral("Move method"));
        QCOMPARE(Ui::Lookup::operationLabel(session.document(), mth("mth_health_get")), QStringLiteral("GET /proxy"));
        session.undoStack()->undo();
        QVERIFY(session.document() == original);
    }

    void movingReKeysStageMethodSettings()
    {
        Model::ApiDocument doc;
        {
            Model::DocumentSession s;
            open(s);
            doc = s.document();
        }
        doc.apis[0].stages[0].methodThrottle.insert(QStringLiteral("/pets/{petId}/GET"), Model::ThrottleSettings{1, 2});
        doc.apis[0].stages[0].methodThrottle.insert(QStringLiteral("~1pets~1{petId}/GET"), Model::ThrottleSettings{3, 4});
        QVERIFY(Ui::Edits::moveResource(doc, ApiId, QStringLiteral("res_pet"), QStringLiteral("res_health")));
        const auto &settings = doc.apis[0].stages[0].methodThrottle;
        QCOMPARE(settings.keys(), (QStringList{QStringLiteral("/health/{petId}/GET"), QStringLiteral("~1health~1{petId}/GET")}));
        QCOMPARE(settings.value(QStringLiteral("/health/{petId}/GET")).burstLimit, 2);
    }

    void renamingAPathParameterRenamesItsReferences()
    {
        Model::DocumentSession session;
        open(session);
        // Give GET /pets/{petId} a non-proxy integration that uses the parameter every usual way.
        session.edit(QStringLiteral("setup"), [](Model::ApiDocument &doc) {
            Model::Method *m = Ui::Lookup::method(doc.apis[0], QStringLiteral("mth_pet_get"));
            m->integration.type = Model::IntegrationType::Http;
            m->integration.uri = QStringLiteral("http://backend/pets/{id}");
            m->integration.requestParameters.insert(QStringLiteral("integration.request.path.id"),
                                                    QStringLiteral("method.request.path.petId"));
            m->integration.requestTemplates.insert(
                QStringLiteral("application/json"),
                QStringLiteral("{\"a\": \"$input.params('petId')\", \"b\": \"$input.params(\"petId\")\",\n"
                               " \"c\": \"$input.params().path.petId\", \"d\": \"$input.params().path.get('petId')\",\n"
                               " \"e\": \"$input.params('petIdentity')\", \"f\": \"$input.params().path.petIdX\"}"));
            Model::IntegrationResponse r;
            r.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("#set($p = $input.params('petId'))$p"));
            m->integration.responses << r;
        });
        session.undoStack()->clear();
        const Model::ApiDocument before = session.document();
        Ui::ResourceTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QVERIFY(model.setData(model.indexOf(res("res_pet")), QStringLiteral("{id}")));
        QCOMPARE(session.undoStack()->count(), 1);
        const Model::Method *m = Ui::Lookup::method(session.document().apis[0], QStringLiteral("mth_pet_get"));
        QCOMPARE(m->requestParameters.keys(), QStringList{QStringLiteral("method.request.path.id")});
        QVERIFY(m->requestParameters.value(QStringLiteral("method.request.path.id")));
        // The key names the integration URI's {id}: it stays; the source follows.
        QCOMPARE(m->integration.requestParameters.value(QStringLiteral("integration.request.path.id")),
                 QStringLiteral("method.request.path.id"));
        QCOMPARE(m->integration.requestTemplates.value(QStringLiteral("application/json")),
                 QStringLiteral("{\"a\": \"$input.params('id')\", \"b\": \"$input.params(\"id\")\",\n"
                                " \"c\": \"$input.params().path.id\", \"d\": \"$input.params().path.get('id')\",\n"
                                " \"e\": \"$input.params('petIdentity')\", \"f\": \"$input.params().path.petIdX\"}"));
        QCOMPARE(m->integration.responses.first().responseTemplates.value(QStringLiteral("application/json")),
                 QStringLiteral("#set($p = $input.params('id'))$p"));
        // Other methods are untouched: the greedy {proxy+} keeps its parameter.
        QVERIFY(Ui::Lookup::method(session.document().apis[0], QStringLiteral("mth_proxy_any"))
                    ->requestParameters.contains(QStringLiteral("method.request.path.proxy")));

        session.undoStack()->undo();
        QVERIFY(session.document() == before);
        QCOMPARE(model.indexOf(res("res_pet")).data().toString(), QStringLiteral("/{petId}"));

        // Greedy parameters rename too; a plain rename ("{proxy+}" -> "rest") leaves the names.
        QVERIFY(model.setData(model.indexOf(res("res_proxy_any")), QStringLiteral("{path+}")));
        QVERIFY(Ui::Lookup::method(session.document().apis[0], QStringLiteral("mth_proxy_any"))
                    ->requestParameters.contains(QStringLiteral("method.request.path.path")));
        QCOMPARE(Ui::Lookup::method(session.document().apis[0], QStringLiteral("mth_proxy_any"))
                     ->integration.requestParameters.value(QStringLiteral("integration.request.path.proxy")),
                 QStringLiteral("method.request.path.path"));
        session.undoStack()->undo();
        QVERIFY(session.document() == before);
    }

    // The properties panel's "Path part" field types keystroke by keystroke; when the edit is done
    // the references follow the renamed parameter, in the same undo step.
    void renamingAPathParameterInThePropertiesPanel()
    {
        Model::DocumentSession session;
        open(session);
        const Model::ApiDocument original = session.document();
        Ui::PropertiesPanel panel(&session);
        panel.setNode(res("res_pet"));
        panel.show();
        auto *edit = panel.findChild<QLineEdit *>(QStringLiteral("resourcePathPart"));
        QVERIFY(edit);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("{id}"));
        QTest::keyClick(edit, Qt::Key_Return); // editingFinished
        QCOMPARE(session.undoStack()->count(), 1);
        const Model::Method *m = Ui::Lookup::method(session.document().apis[0], QStringLiteral("mth_pet_get"));
        QCOMPARE(m->requestParameters.keys(), QStringList{QStringLiteral("method.request.path.id")});
        QCOMPARE(Model::resourcePath(session.document().apis[0], QStringLiteral("res_pet")), QStringLiteral("/pets/{id}"));
        session.undoStack()->undo();
        QVERIFY(session.document() == original);
    }

    void duplicateMakesFreshCopies()
    {
        Model::DocumentSession session;
        open(session);
        const Model::ApiDocument original = session.document();
        Ui::ResourcesDock dock(&session);
        QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        const Ui::NodeRef copy = dock.duplicateNode(res("res_pet"));
        QVERIFY(copy.isValid());
        QCOMPARE(dock.currentNode(), copy);
        QCOMPARE(Model::resourcePath(session.document().apis[0], copy.id), QStringLiteral("/pets/{petId2}"));
        const Model::Resource *r = Ui::Lookup::resource(session.document().apis[0], copy.id);
        QCOMPARE(r->methods.size(), 1);
        QVERIFY(r->methods[0].id != QStringLiteral("mth_pet_get"));
        QVERIFY(r->methods[0].requestParameters.contains(QStringLiteral("method.request.path.petId2")));

        const Ui::NodeRef api2 = dock.duplicateNode(Ui::NodeRef::api(ApiId));
        QCOMPARE(session.document().apis.size(), 2);
        QCOMPARE(session.document().apis[1].name, QStringLiteral("PetStore2"));
        QCOMPARE(session.document().apis[1].resources.size(), session.document().apis[0].resources.size());
        QVERIFY(dock.model()->indexOf(api2).isValid());
        const Ui::NodeRef key = dock.addApiKey();
        const Ui::NodeRef key2 = dock.duplicateNode(key);
        QVERIFY(Ui::Lookup::apiKey(session.document(), key2.id)->value != Ui::Lookup::apiKey(session.document(), key.id)->value);
        QVERIFY(!dock.duplicateNode(mth("mth_pets_get")).isValid()); // one verb per resource
        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
    }

    void duplicateGivesEveryNamedKindAFreshNameAndId()
    {
        Model::DocumentSession session;
        open(session);
        Model::ApiDocument doc = session.document();
        Model::Api &api = doc.apis[0];
        QVERIFY(!api.models.isEmpty());
        QVERIFY(!api.stages.isEmpty());
        QVERIFY(!doc.functions.isEmpty());

        const Model::ApiModel &model = api.models.first();
        const Ui::NodeRef modelCopy = Ui::Edits::duplicate(doc, {Ui::NodeRef::Kind::Model, api.id, model.id});
        const Model::ApiModel *m2 = Ui::Lookup::model(doc.apis[0], modelCopy.id);
        QVERIFY(m2);
        QVERIFY(m2->id != doc.apis[0].models.first().id);
        QCOMPARE(m2->name, doc.apis[0].models.first().name + QLatin1Char('2'));

        const QString stageName = doc.apis[0].stages.first().name;
        const Ui::NodeRef stageCopy = Ui::Edits::duplicate(doc, {Ui::NodeRef::Kind::Stage, api.id, stageName});
        QCOMPARE(stageCopy.id, stageName + QLatin1Char('2')); // stages are known by name
        QVERIFY(Ui::Lookup::stage(doc.apis[0], stageCopy.id));

        const Model::LocalFunction fn = doc.functions.first();
        const Ui::NodeRef fnCopy = Ui::Edits::duplicate(doc, {Ui::NodeRef::Kind::Function, {}, fn.id});
        const Model::LocalFunction *f2 = Ui::Lookup::function(doc, fnCopy.id);
        QVERIFY(f2);
        QVERIFY(f2->id != fn.id);
        QCOMPARE(f2->name, fn.name + QLatin1Char('2'));
        QCOMPARE(f2->handler, fn.handler);
        // A second copy does not clash with the first.
        const Ui::NodeRef fnCopy2 = Ui::Edits::duplicate(doc, {Ui::NodeRef::Kind::Function, {}, fn.id});
        QCOMPARE(Ui::Lookup::function(doc, fnCopy2.id)->name, fn.name + QLatin1Char('3'));
    }

    void deletingAReferencedNodeAsks()
    {
        Model::DocumentSession session;
        open(session);
        const Model::ApiDocument original = session.document();
        Ui::ResourcesDock dock(&session);
        QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList asked;
        bool answer = false;
        dock.setConfirmFunction([&](const QString &title, const QString &text) {
            asked << title + QLatin1Char('|') + text;
            return answer;
        });

        const Ui::NodeRef fn{Kind::Function, {}, QStringLiteral("fn_pets")};
        QVERIFY(!dock.removeNode(fn)); // declined
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().startsWith(QStringLiteral("Remove pets-handler|")));
        QVERIFY(asked.first().contains(QStringLiteral("• method POST /pets")));
        QVERIFY(asked.first().contains(QStringLiteral("• method GET /pets/{petId}")));
        QVERIFY(session.document() == original);
        QCOMPARE(session.undoStack()->count(), 0);

        answer = true;
        QVERIFY(dock.removeNode({Kind::Model, ApiId, QStringLiteral("mdl_newpet")}));
        QCOMPARE(asked.size(), 2);
        QVERIFY(asked.last().contains(QStringLiteral("method POST /pets")));
        QCOMPARE(session.document().apis[0].models.size(), 2);

        // Nothing refers to /health: no question.
        QVERIFY(dock.removeNode(res("res_health")));
        QCOMPARE(asked.size(), 2);
        session.undoStack()->undo();
        session.undoStack()->undo();
        QVERIFY(session.document() == original);

        // The Delete key goes the same way.
        dock.selectNode(fn);
        answer = false;
        dock.removeAction()->trigger();
        QCOMPARE(asked.size(), 3);
        QVERIFY(session.document() == original);
    }

    void shortcutsAndFind()
    {
        Model::DocumentSession session;
        open(session);
        QMainWindow window; // declared first: it outlives the dock it hosts below
        Ui::ResourcesDock dock(&session);
        QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dock.removeAction()->shortcut(), QKeySequence(QKeySequence::Delete));
        QCOMPARE(dock.renameAction()->shortcut(), QKeySequence(Qt::Key_F2));
        QCOMPARE(dock.duplicateAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
        QCOMPARE(dock.findAction()->shortcut(), QKeySequence(QKeySequence::Find));
        QCOMPARE(dock.addChildAction()->shortcut(), QKeySequence(Qt::Key_Insert));

        // Insert on a resource adds a child resource.
        dock.selectNode(res("res_pets"));
        dock.addChildAction()->trigger();
        QCOMPARE(dock.currentNode().kind, Kind::Resource);
        QCOMPARE(Model::resourcePath(session.document().apis[0], dock.currentNode().id), QStringLiteral("/pets/resource"));
        session.undoStack()->undo();

        QVERIFY(dock.findNext(QStringLiteral("health"), true));
        QCOMPARE(dock.currentNode(), res("res_health"));
        QVERIFY(dock.findNext(QStringLiteral("health"))); // next: its GET (tooltip "GET /health")
        QCOMPARE(dock.currentNode(), mth("mth_health_get"));
        QVERIFY(dock.findNext(QStringLiteral("health")));
        QCOMPARE(dock.currentNode(), res("res_health")); // wraps
        QVERIFY(!dock.findNext(QStringLiteral("no such node")));

        dock.show();
        dock.findAction()->trigger();
        QVERIFY(dock.findField()->isVisible());
        QTest::keyClicks(dock.findField(), QStringLiteral("pets-h"));
        QCOMPARE(dock.currentNode(), (Ui::NodeRef{Kind::Function, {}, QStringLiteral("fn_pets")}));
        QTest::keyClick(dock.findField(), Qt::Key_Escape);
        QVERIFY(!dock.findField()->isVisible());

        // Real keys on the focused tree: Ctrl+D duplicates, F2 opens the in-place editor, Delete
        // removes (asking first when something refers to the node).
        dock.setParent(&window);
        window.addDockWidget(Qt::LeftDockWidgetArea, &dock);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTreeView *view = dock.view();
        view->setFocus();
        dock.selectNode(res("res_health"));
        const int before = session.undoStack()->index();
        QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(session.undoStack()->index(), before + 1);
        QCOMPARE(Model::resourcePath(session.document().apis[0], dock.currentNode().id), QStringLiteral("/health2"));
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(session.undoStack()->index(), before + 2);
        QVERIFY(!Ui::Lookup::resource(session.document().apis[0], dock.currentNode().id)
                 || Model::resourcePath(session.document().apis[0], dock.currentNode().id) != QStringLiteral("/health2"));
        for (const Model::Resource &r : session.document().apis[0].resources)
            QVERIFY(r.pathPart != QStringLiteral("health2"));
        dock.selectNode(res("res_health"));
        QTest::keyClick(view, Qt::Key_F2);
        QVERIFY(view->viewport()->findChild<QLineEdit *>());
        QTest::keyClick(view->viewport()->findChild<QLineEdit *>(), Qt::Key_Escape);
        bool asked = false;
        dock.setConfirmFunction([&](const QString &, const QString &) { return !(asked = true); });
        dock.selectNode({Kind::Function, {}, QStringLiteral("fn_pets")});
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(asked);
        QCOMPARE(session.undoStack()->index(), before + 2);
    }
};

QTEST_MAIN(TestTreeEdits)
#include "tst_treeedits.moc"
