// referencesTo: what still refers to a node (the designer asks before deleting it).
#include "model/documentsession.h"
#include "model/serialization/projectfile.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodereferences.h"

#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

class TestNodeReferences : public QObject
{
    Q_OBJECT

private:
    static Model::ApiDocument load(const char *name)
    {
        Model::DocumentSession session;
        const auto diags = session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name));
        if (Model::hasErrors(diags))
            qFatal("cannot open %s", name);
        return session.document();
    }

    static QStringList descriptions(const QList<Ui::NodeReference> &refs)
    {
        QStringList out;
        for (const auto &r : refs)
            out << r.description;
        return out;
    }

private Q_SLOTS:
    void authorizerUsedByRoutes()
    {
        const Model::ApiDocument doc = load("jwt-http-api.apigw.json");
        const auto refs = Ui::referencesTo(doc, {Kind::Authorizer, QStringLiteral("api_items"), QStringLiteral("auth_jwt")});
        QCOMPARE(descriptions(refs), (QStringList{QStringLiteral("route GET /items"), QStringLiteral("route POST /items")}));
        QCOMPARE(refs.first().from, (Ui::NodeRef{Kind::Route, QStringLiteral("api_items"), QStringLiteral("rt_items_list")}));
    }

    void functionUsedByIntegrationsAndAuthorizers()
    {
        Model::ApiDocument doc = load("petstore-rest.apigw.json");
        const Ui::NodeRef fn{Kind::Function, {}, QStringLiteral("fn_pets")};
        QCOMPARE(descriptions(Ui::referencesTo(doc, fn)),
                 (QStringList{QStringLiteral("method POST /pets"), QStringLiteral("method GET /pets/{petId}")}));
        Model::Authorizer au;
        au.id = QStringLiteral("auth_x");
        au.name = QStringLiteral("lambda-auth");
        au.functionName = QStringLiteral("pets-handler");
        doc.apis.first().authorizers << au;
        QVERIFY(descriptions(Ui::referencesTo(doc, fn)).contains(QStringLiteral("authorizer lambda-auth")));
    }

    void modelUsedByMethodsAndOtherModels()
    {
        Model::ApiDocument doc = load("petstore-rest.apigw.json");
        const QString api = QStringLiteral("api_petstore");
        // NewPet: POST /pets request model; Pets: GET /pets response model.
        QCOMPARE(descriptions(Ui::referencesTo(doc, {Kind::Model, api, QStringLiteral("mdl_newpet")})),
                 QStringList{QStringLiteral("method POST /pets")});
        QCOMPARE(descriptions(Ui::referencesTo(doc, {Kind::Model, api, QStringLiteral("mdl_pets")})),
                 QStringList{QStringLiteral("method GET /pets")});
        QVERIFY(Ui::referencesTo(doc, {Kind::Model, api, QStringLiteral("mdl_pet")}).isEmpty());
        doc.apis.first().models[1].schema.insert(
            QStringLiteral("items"), QJsonObject{{QStringLiteral("$ref"),
                                                  QStringLiteral("https://apigateway.amazonaws.com/restapis/x/models/Pet")}});
        QCOMPARE(descriptions(Ui::referencesTo(doc, {Kind::Model, api, QStringLiteral("mdl_pet")})),
                 QStringList{QStringLiteral("model Pets ($ref)")});
    }

    void stagesKeysAndApisBoundByUsagePlans()
    {
        Model::ApiDocument doc = load("petstore-rest.apigw.json");
        const Ui::NodeRef plan = Ui::Edits::addUsagePlan(doc, QStringLiteral("Basic"));
        const Ui::NodeRef key = Ui::Edits::addApiKey(doc, QStringLiteral("k1"));
        doc.usagePlans[0].apiStages << Model::ApiStageRef{QStringLiteral("api_petstore"), QStringLiteral("dev")};
        doc.usagePlans[0].apiKeyIds << key.id;
        const QList<Ui::NodeReference> expected{{plan, QStringLiteral("usage plan Basic")}};
        QCOMPARE(Ui::referencesTo(doc, {Kind::Stage, QStringLiteral("api_petstore"), QStringLiteral("dev")}), expected);
        QCOMPARE(Ui::referencesTo(doc, key), expected);
        QCOMPARE(descriptions(Ui::referencesTo(doc, Ui::NodeRef::api(QStringLiteral("api_petstore")))),
                 QStringList{QStringLiteral("usage plan Basic (stage dev)")});
        QVERIFY(Ui::referencesTo(doc, plan).isEmpty()); // nothing refers to a plan
    }

    void resourcesAndMethodsByStageSettings()
    {
        Model::ApiDocument doc = load("petstore-rest.apigw.json");
        const QString api = QStringLiteral("api_petstore");
        const Ui::NodeRef pets{Kind::Resource, api, QStringLiteral("res_pets")};
        // Inside the subtree: the method's authorizer etc. go with it; nothing outside refers.
        QVERIFY(Ui::referencesTo(doc, pets).isEmpty());
        doc.apis[0].stages[0].methodThrottle.insert(QStringLiteral("/pets/{petId}/GET"), Model::ThrottleSettings{5, 10});
        QCOMPARE(descriptions(Ui::referencesTo(doc, pets)),
                 QStringList{QStringLiteral("stage dev (method throttling /pets/{petId}/GET)")});
        QCOMPARE(Ui::referencesTo(doc, {Kind::Method, api, QStringLiteral("mth_pet_get")}).size(), 1);
        QVERIFY(Ui::referencesTo(doc, {Kind::Method, api, QStringLiteral("mth_pets_get")}).isEmpty());
        QVERIFY(Ui::referencesTo(doc, {Kind::Resource, api, QStringLiteral("res_health")}).isEmpty());
    }

    void describeShortensLongLists()
    {
        QList<Ui::NodeReference> refs;
        for (int i = 0; i < 10; ++i)
            refs << Ui::NodeReference{{}, QStringLiteral("r%1").arg(i)};
        const QString text = Ui::describeReferences(refs, 3);
        QCOMPARE(text, QStringLiteral("• r0\n• r1\n• r2\n… and 7 more"));
    }
};

QTEST_GUILESS_MAIN(TestNodeReferences)
#include "tst_nodereferences.moc"
