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

        QCOMPARE(model.rowCount(), int(session.document().apis.size()) + 1); // + Functions
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

        const QModelIndex functions = model.index(model.rowCount() - 1, 0);
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
        QCOMPARE(model.rowCount(), 3);

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QVERIFY(model.indexOf({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pet_get")}).isValid());
        while (session.undoStack()->canRedo())
            session.undoStack()->redo();
        QCOMPARE(model.rowCount(), 3);

        session.reset(Model::ApiDocument{});
        QCOMPARE(model.rowCount(), 1); // only the Functions group
        QVERIFY(!Model::hasErrors(session.open(sample("websocket-chat.apigw.json"))));
        QCOMPARE(model.rowCount(), 2);
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
