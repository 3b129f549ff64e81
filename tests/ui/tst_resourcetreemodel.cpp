// ResourceTreeModel: structure over the sample documents, in-place edits as undo commands (merged
// while typing), and model consistency (QAbstractItemModelTester) through edits, undo and resets.
#include "model/documentsession.h"
#include "model/serialization/projectfile.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"
#include "ui/models/resourcetreemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

class TestResourceTreeModel : public QObject
{
    Q_OBJECT

private:
    static QString sample(const char *name)
    {
        return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
    }

    static QModelIndex child(const QAbstractItemModel &m, const QModelIndex &parent, const QString &name)
    {
        for (int r = 0; r < m.rowCount(parent); ++r) {
            const QModelIndex i = m.index(r, 0, parent);
            if (i.data().toString() == name)
                return i;
        }
        return {};
    }

private Q_SLOTS:
    void structureOfRestSample()
    {
        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(sample("petstore-rest.apigw.json"))));
        Ui::ResourceTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // + Functions, Usage Plans, API Keys
        QCOMPARE(model.rowCount(), int(session.document().apis.size()) + 3);
        const QModelIndex api = model.index(0, 0);
        QCOMPARE(api.data().toString(), QStringLiteral("PetStore"));
        QCOMPARE(model.index(0, Ui::ResourceTreeModel::DetailColumn).data().toString(), QStringLiteral("REST API"));
        QCOMPARE(api.data(Ui::ResourceTreeModel::NodeRefRole).value<Ui::NodeRef>(),
                 Ui::NodeRef::api(QStringLiteral("api_petstore")));

        const QModelIndex root = child(model, api, QStringLiteral("/"));
        QVERIFY(root.isValid());
        const QModelIndex pets = child(model, root, QStringLiteral("/pets"));
        QVERIFY(pets.isValid());
        // Methods first, then child resources.
        QCOMPARE(model.index(0, 0, pets).data().toString(), QStringLiteral("GET"));
        QCOMPARE(model.index(0, 1, pets).data().toString(), QStringLiteral("Mock"));
        QVERIFY(child(model, pets, QStringLiteral("/{petId}")).isValid());
        QVERIFY(child(model, api, QStringLiteral("Authorizers")).isValid());
        QVERIFY(child(model, api, QStringLiteral("Models")).isValid());
        const QModelIndex stages = child(model, api, QStringLiteral("Stages"));
        QVERIFY(child(model, stages, QStringLiteral("dev")).isValid());

        const QModelIndex functions = model.index(int(session.document().apis.size()), 0);
        QCOMPARE(functions.data().toString(), QStringLiteral("Functions"));
        QVERIFY(child(model, functions, QStringLiteral("pets-handler")).isValid());

        // indexOf finds nodes by id.
        const Ui::NodeRef method{Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pets_get")};
        QCOMPARE(model.indexOf(method), model.index(0, 0, pets));
        QCOMPARE(model.nodeAt(model.index(0, 0, pets)), method);
        // Root "/" cannot be renamed; methods are edited in the properties panel.
        QVERIFY(!(model.flags(root) & Qt::ItemIsEditable));
        QVERIFY(model.flags(pets) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, 0, pets)) & Qt::ItemIsEditable));
    }

    void structureOfRouteSamples()
    {
        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(sample("jwt-http-api.apigw.json"))));
        Ui::ResourceTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex api = model.index(0, 0);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("HTTP API"));
        QVERIFY(child(model, api, QStringLiteral("GET /items")).isValid());
        QVERIFY(child(model, api, QStringLiteral("ANY /items/{proxy+}")).isValid());
        QVERIFY(!child(model, api, QStringLiteral("Models")).isValid()); // HTTP APIs have none

        QVERIFY(!Model::hasErrors(session.open(sample("websocket-chat.apigw.json"))));
        const QModelIndex ws = model.index(0, 0);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("WebSocket API"));
        QVERIFY(child(model, ws, QStringLiteral("$connect")).isValid());
        QVERIFY(child(model, ws, QStringLiteral("sendmessage")).isValid());
    }

    void setDataPushesMergedUndoCommands()
    {
        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(sample("petstore-rest.apigw.json"))));
        const Model::ApiDocument original = session.document();
        Ui::ResourceTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        const QModelIndex pets = model.indexOf({Kind::Resource, QStringLiteral("api_petstore"), QStringLiteral("res_pets")});
        QCOMPARE(pets.data(Qt::EditRole).toString(), QStringLiteral("pets"));
        // Typing: successive edits of one field are one undo step.
        QVERIFY(model.setData(pets, QStringLiteral("a")));
        QVERIFY(model.setData(pets, QStringLiteral("an")));
        QVERIFY(model.setData(pets, QStringLiteral("/animals")));
        QCOMPARE(session.undoStack()->count(), 1);
        QCOMPARE(pets.data().toString(), QStringLiteral("/animals"));
        QCOMPARE(Model::resourcePath(session.document().apis.first(), QStringLiteral("res_pet")),
                 QStringLiteral("/animals/{petId}"));
        QVERIFY(session.isModified());
        // A text change keeps the nodes: dataChanged, no reset.
        QCOMPARE(resets.count(), 0);
        QVERIFY(changes.count() >= 3);

        QVERIFY(!model.setData(pets, QStringLiteral("   "))); // empty names are refused
        QCOMPARE(session.undoStack()->count(), 1);

        const QModelIndex api = model.index(0, 0);
        QVERIFY(model.setData(api, QStringLiteral("Zoo")));
        QCOMPARE(session.undoStack()->count(), 2);
        QCOMPARE(session.document().apis.first().name, QStringLiteral("Zoo"));

        session.undoStack()->undo();
        session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("PetStore"));
        session.undoStack()->redo();
        QCOMPARE(session.document().apis.first().resources.at(1).pathPart, QStringLiteral("animals"));
    }

    void renamingAFunctionRenamesItsReferences()
    {
        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(sample("petstore-rest.apigw.json"))));
        Ui::ResourceTreeModel model(&session);
        const QModelIndex fn = model.indexOf({Kind::Function, {}, QStringLiteral("fn_pets")});
        QVERIFY(fn.isValid());
        QVERIFY(model.setData(fn, QStringLiteral("animals-handler")));
        const Model::Api &api = session.document().apis.first();
        const Model::Method *post = Ui::Lookup::method(api, QStringLiteral("mth_pets_post"));
        QCOMPARE(post->integration.functionName, QStringLiteral("animals-handler"));
        QVERIFY(session.document().findFunction(QStringLiteral("animals-handler")));
    }

    void testerThroughStructuralEditsUndoAndResets()
    {
        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(sample("petstore-rest.apigw.json"))));
        const Model::ApiDocument original = session.document();
        Ui::ResourceTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        Ui::NodeRef created;
        session.edit(QStringLiteral("Add resource"), [&](Model::ApiDocument &doc) {
            created = Ui::Edits::addResource(doc, QStringLiteral("api_petstore"), QStringLiteral("res_pets"),
                                             QStringLiteral("toys"));
        });
        QVERIFY(created.isValid());
        QCOMPARE(resets.count(), 1);
        const QModelIndex toys = model.indexOf(created);
        QCOMPARE(toys.data().toString(), QStringLiteral("/toys"));
        QCOMPARE(model.nodeAt(toys.parent()).id, QStringLiteral("res_pets"));

        Ui::NodeRef method;
        session.edit(QStringLiteral("Add method"), [&](Model::ApiDocument &doc) {
            method = Ui::Edits::addMethod(doc, created.apiId, created.id, QStringLiteral("delete"));
        });
        QCOMPARE(model.indexOf(method).data().toString(), QStringLiteral("DELETE"));
        QCOMPARE(model.indexOf(method).parent(), model.indexOf(created));

        // Removing a resource removes its subtree.
        session.edit(QStringLiteral("Remove"), [](Model::ApiDocument &doc) {
            QVERIFY(Ui::Edits::remove(doc, {Kind::Resource, QStringLiteral("api_petstore"), QStringLiteral("res_pets")}));
        });
        QVERIFY(!model.indexOf(created).isValid());
        QVERIFY(!model.indexOf({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pet_get")}).isValid());

        session.edit(QStringLiteral("Add API"), [](Model::ApiDocument &doc) {
            Ui::Edits::addApi(doc, Model::ApiType::Http, QStringLiteral("Other"));
        });
        QCOMPARE(model.rowCount(), 5);

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QVERIFY(model.indexOf({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pet_get")}).isValid());
        while (session.undoStack()->canRedo())
            session.undoStack()->redo();
        QCOMPARE(model.rowCount(), 5);

        session.reset(Model::ApiDocument{});
        QCOMPARE(model.rowCount(), 3); // only the Functions, Usage Plans and API Keys groups
        QVERIFY(!Model::hasErrors(session.open(sample("websocket-chat.apigw.json"))));
        QCOMPARE(model.rowCount(), 4);
    }

    void usagePlansAndKeys()
    {
        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(sample("petstore-rest.apigw.json"))));
        const Model::ApiDocument original = session.document();
        Ui::ResourceTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        const QModelIndex plans = model.indexOf({Kind::UsagePlanGroup, {}, {}});
        const QModelIndex keys = model.indexOf({Kind::ApiKeyGroup, {}, {}});
        QVERIFY(plans.isValid() && keys.isValid());
        QCOMPARE(plans.data().toString(), QStringLiteral("Usage Plans"));
        QCOMPARE(keys.data().toString(), QStringLiteral("API Keys"));
        QCOMPARE(plans.parent(), QModelIndex());
        const int plansBefore = model.rowCount(plans);
        const int keysBefore = model.rowCount(keys);
        QCOMPARE(plansBefore, int(original.usagePlans.size()));
        QCOMPARE(keysBefore, int(original.apiKeys.size()));

        Ui::NodeRef plan, key;
        session.edit(QStringLiteral("Add usage plan"), [&](Model::ApiDocument &doc) {
            plan = Ui::Edits::addUsagePlan(doc, QStringLiteral("Gold"));
        });
        session.edit(QStringLiteral("Add API key"), [&](Model::ApiDocument &doc) {
            key = Ui::Edits::addApiKey(doc, QStringLiteral("partner"));
        });
        QCOMPARE(plan.kind, Kind::UsagePlan);
        QCOMPARE(key.kind, Kind::ApiKey);
        QVERIFY(plan.id.startsWith(QLatin1String("plan_")));
        QVERIFY(key.id.startsWith(QLatin1String("key_")));
        const QModelIndex planIndex = model.indexOf(plan);
        const QModelIndex keyIndex = model.indexOf(key);
        QCOMPARE(planIndex.data().toString(), QStringLiteral("Gold"));
        QCOMPARE(keyIndex.data().toString(), QStringLiteral("partner"));
        QCOMPARE(planIndex.parent(), model.indexOf({Kind::UsagePlanGroup, {}, {}}));
        QCOMPARE(keyIndex.parent(), model.indexOf({Kind::ApiKeyGroup, {}, {}}));
        QCOMPARE(Ui::Lookup::apiKey(session.document(), key.id)->value.size(), 40);
        QVERIFY(Ui::Lookup::exists(session.document(), plan));

        // Rename in place: one undo step per node, the model follows.
        QVERIFY(model.flags(planIndex) & Qt::ItemIsEditable);
        QVERIFY(model.setData(planIndex, QStringLiteral("Platinum")));
        QCOMPARE(Ui::Lookup::usagePlan(session.document(), plan.id)->name, QStringLiteral("Platinum"));
        QCOMPARE(model.indexOf(plan).data().toString(), QStringLiteral("Platinum"));
        QVERIFY(model.setData(model.indexOf(key), QStringLiteral("acme")));
        QCOMPARE(Ui::Lookup::apiKey(session.document(), key.id)->name, QStringLiteral("acme"));
        QVERIFY(!model.setData(model.indexOf(key), QStringLiteral(" ")));

        // Removing a key unbinds it from the plans in the same step.
        session.edit(QStringLiteral("Bind"), [&](Model::ApiDocument &doc) {
            Ui::Lookup::usagePlan(doc, plan.id)->apiKeyIds << key.id;
        });
        QVERIFY(Ui::Edits::canRemove(session.document(), key));
        const int steps = session.undoStack()->count();
        session.edit(QStringLiteral("Remove key"), [&](Model::ApiDocument &doc) { QVERIFY(Ui::Edits::remove(doc, key)); });
        QCOMPARE(session.undoStack()->count(), steps + 1);
        QVERIFY(!model.indexOf(key).isValid());
        QVERIFY(Ui::Lookup::usagePlan(session.document(), plan.id)->apiKeyIds.isEmpty());
        session.undoStack()->undo();
        QVERIFY(model.indexOf(key).isValid());
        QCOMPARE(Ui::Lookup::usagePlan(session.document(), plan.id)->apiKeyIds, QStringList{key.id});

        // Lint pointers lead to the nodes.
        const int pi = int(session.document().usagePlans.size()) - 1;
        QCOMPARE(Ui::Lookup::nodeForPointer(session.document(), QStringLiteral("/usagePlans/%1/name").arg(pi)), plan);
        QCOMPARE(Ui::Lookup::nodeForPointer(session.document(),
                                            QStringLiteral("/apiKeys/%1/value").arg(session.document().apiKeys.size() - 1)),
                 key);

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(model.rowCount(model.indexOf({Kind::UsagePlanGroup, {}, {}})), plansBefore);
        QCOMPARE(model.rowCount(model.indexOf({Kind::ApiKeyGroup, {}, {}})), keysBefore);
        QVERIFY(!model.indexOf(plan).isValid());
    }

    void pointersMapToNodes()
    {
        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(sample("petstore-rest.apigw.json"))));
        const Model::ApiDocument &doc = session.document();
        const Model::Resource &pets = doc.apis.first().resources.at(1);
        QCOMPARE(Ui::Lookup::nodeForPointer(doc, QStringLiteral("/apis/0/resources/1/methods/0/integration/type")),
                 (Ui::NodeRef{Kind::Method, QStringLiteral("api_petstore"), pets.methods.first().id}));
        QCOMPARE(Ui::Lookup::nodeForPointer(doc, QStringLiteral("/apis/0/resources/1/pathPart")),
                 (Ui::NodeRef{Kind::Resource, QStringLiteral("api_petstore"), pets.id}));
        QCOMPARE(Ui::Lookup::nodeForPointer(doc, QStringLiteral("/apis/0/name")),
                 Ui::NodeRef::api(QStringLiteral("api_petstore")));
        QCOMPARE(Ui::Lookup::nodeForPointer(doc, QStringLiteral("/functions/0/handler")),
                 (Ui::NodeRef{Kind::Function, {}, QStringLiteral("fn_pets")}));
        QVERIFY(!Ui::Lookup::nodeForPointer(doc, QStringLiteral("/apis/7")).isValid());
    }
};

QTEST_MAIN(TestResourceTreeModel)
#include "tst_resourcetreemodel.moc"
