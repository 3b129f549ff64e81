// Request validation over loopback (reference §1.3): required parameters present and non-blank,
// the body checked against the draft-4 model chosen by Content-Type ($default fallback, no model
// → not validated), AWS's 400 messages, and trace notes naming each violation's JSON path.
#include "policytest.h"

#include "tests/runtime/testdocuments.h"

using namespace Gw::Runtime;
using GwTest::RawResponse;

namespace {

// Plain literals: moc does not follow raw strings with braces inside a class.
const char *petSchema =
    "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"object\","
    " \"required\": [\"name\"], \"properties\": {\"name\": {\"type\": \"string\"},"
    " \"age\": {\"type\": \"integer\", \"minimum\": 0},"
    " \"owner\": {\"$ref\": \"https://apigateway.amazonaws.com/restapis/api_rest/models/Owner\"}}}";
const char *ownerSchema =
    "{\"type\": \"object\", \"required\": [\"email\"], \"properties\": {\"email\": {\"type\": \"string\"}}}";

} // namespace

class tst_Validation : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_port = 0;

    RawResponse post(const QByteArray &target, const QByteArray &body,
                     QList<QPair<QByteArray, QByteArray>> headers = {{"Content-Type", "application/json"}})
    {
        return GwTest::request(m_port, "POST", "/dev" + target, headers, body);
    }

    static std::shared_ptr<const Gw::Model::ApiDocument> document()
    {
        Gw::Model::Api api = GwTest::restApi();
        Gw::Model::ApiModel pet;
        pet.id = QStringLiteral("mdl_pet");
        pet.name = QStringLiteral("Pet");
        pet.schema = QJsonDocument::fromJson(petSchema).object();
        Gw::Model::ApiModel owner;
        owner.id = QStringLiteral("mdl_owner");
        owner.name = QStringLiteral("Owner");
        owner.schema = QJsonDocument::fromJson(ownerSchema).object();
        api.models = {pet, owner};

        Gw::Model::RequestValidator all;
        all.id = QStringLiteral("val_all");
        all.name = QStringLiteral("all");
        all.validateRequestBody = true;
        all.validateRequestParameters = true;
        Gw::Model::RequestValidator bodyOnly;
        bodyOnly.id = QStringLiteral("val_body");
        bodyOnly.name = QStringLiteral("body-only");
        bodyOnly.validateRequestBody = true;
        Gw::Model::RequestValidator paramsOnly;
        paramsOnly.id = QStringLiteral("val_params");
        paramsOnly.name = QStringLiteral("params-only");
        paramsOnly.validateRequestParameters = true;
        api.requestValidators = {all, bodyOnly, paramsOnly};

        auto method = [](const QString &id, const QString &validator) {
            Gw::Model::Method m = GwTest::mockMethod(QStringLiteral("POST"), QStringLiteral("{\"ok\": true}"), 200, id);
            m.requestValidatorId = validator;
            m.requestParameters.insert(QStringLiteral("method.request.header.x-header-param"), true);
            m.requestParameters.insert(QStringLiteral("method.request.querystring.qs1"), true);
            m.requestParameters.insert(QStringLiteral("method.request.querystring.optional"), false);
            m.requestModels.insert(QStringLiteral("application/json"), QStringLiteral("Pet"));
            // Templates for every content type used, so only validation can refuse a request.
            m.integration.requestTemplates.insert(QStringLiteral("text/plain"), QStringLiteral("{\"statusCode\": 200}"));
            return m;
        };
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("pets"),
                            {method(QStringLiteral("mth_pets"), QStringLiteral("val_all"))});
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("bodyonly"),
                            {method(QStringLiteral("mth_bodyonly"), QStringLiteral("val_body"))});
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("paramsonly"),
                            {method(QStringLiteral("mth_paramsonly"), QStringLiteral("val_params"))});
        Gw::Model::Method fallback = method(QStringLiteral("mth_fallback"), QStringLiteral("val_body"));
        fallback.requestModels = {{QStringLiteral("$default"), QStringLiteral("Pet")}};
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("fallback"), {fallback});
        Gw::Model::Method unvalidated = method(QStringLiteral("mth_none"), QString());
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("none"), {unvalidated});
        return GwTest::documentWith(api);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_host = std::make_unique<RuntimeHost>();
        QString error;
        QVERIFY2(m_host->start(document(), RuntimeOptions(), &error), qPrintable(error));
        m_port = quint16(m_host->endpoints().constFirst().baseUrl.port());
    }

    void cleanupTestCase() { m_host.reset(); }

    void missingParametersListedInAwsOrder()
    {
        const RawResponse r = post("/pets", "{\"name\": \"rex\"}");
        QCOMPARE(r.status, 400);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Missing required request parameters: [x-header-param, qs1]"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("BadRequestException"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("validate"));
        QVERIFY2(notes.contains(QLatin1String("absent or blank")), qPrintable(notes));
    }

    void blankParametersCountAsMissing()
    {
        const RawResponse r = post("/pets?qs1=&optional=", "{\"name\": \"rex\"}",
                                   {{"Content-Type", "application/json"}, {"x-header-param", "   "}});
        QCOMPARE(r.status, 400);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Missing required request parameters: [x-header-param, qs1]"));
    }

    void headerNamesAreCaseInsensitiveQueryNamesAreNot()
    {
        const RawResponse r = post("/pets?QS1=a", "{\"name\": \"rex\"}",
                                   {{"Content-Type", "application/json"}, {"X-Header-PARAM", "v"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Missing required request parameters: [qs1]"));
    }

    void parametersCheckedBeforeBody()
    {
        const RawResponse r = post("/pets", "not json");
        QCOMPARE(r.status, 400);
        QVERIFY(GwTest::messageOf(r).startsWith(QLatin1String("Missing required request parameters")));
    }

    void invalidBodyListsEachViolationPath()
    {
        const RawResponse r = post("/pets?qs1=a", "{\"age\": -1, \"owner\": {}}",
                                   {{"Content-Type", "application/json"}, {"x-header-param", "v"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Invalid request body"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("BadRequestException"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("validate"));
        QVERIFY2(notes.contains(QLatin1String("schema violation at $.age")), qPrintable(notes));
        QVERIFY2(notes.contains(QLatin1String("schema violation at $.owner")), qPrintable(notes)); // via $ref
        QVERIFY2(notes.contains(QLatin1String("name")), qPrintable(notes));
        QVERIFY2(notes.contains(QLatin1String("model 'Pet'")), qPrintable(notes));
    }

    void validRequestPasses()
    {
        const RawResponse r = post("/pets?qs1=a", "{\"name\": \"rex\", \"age\": 3, \"owner\": {\"email\": \"a@b\"}}",
                                   {{"Content-Type", "application/json; charset=utf-8"}, {"x-header-param", "v"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"ok\": true}"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("validate"));
        QVERIFY2(notes.contains(QLatin1String("Request validation succeeded for content type application/json")),
                 qPrintable(notes));
    }

    void unparsableBody()
    {
        const RawResponse r = post("/bodyonly", "{\"name\": ");
        QCOMPARE(r.status, 400);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Invalid request body"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("validate"));
        QVERIFY2(notes.contains(QLatin1String("Unknown error parsing request body")), qPrintable(notes));
    }

    void emptyBodyIsTheEmptyObject()
    {
        // {} lacks the required "name": AWS validates an empty body as {}.
        const RawResponse r = post("/bodyonly", QByteArray());
        QCOMPARE(r.status, 400);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Invalid request body"));
    }

    void bodyOnlyValidatorIgnoresParameters()
    {
        QCOMPARE(post("/bodyonly", "{\"name\": \"rex\"}").status, 200);
    }

    void paramsOnlyValidatorIgnoresBody()
    {
        const RawResponse r = post("/paramsonly?qs1=a", "{\"age\": \"old\"}",
                                   {{"Content-Type", "application/json"}, {"x-header-param", "v"}});
        QCOMPARE(r.status, 200);
    }

    void contentTypeWithoutModelIsNotValidated()
    {
        const RawResponse r = post("/bodyonly", "anything at all", {{"Content-Type", "text/plain"}});
        QCOMPARE(r.status, 200);
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("validate"));
        QVERIFY2(notes.contains(QLatin1String("not validated")), qPrintable(notes));
    }

    void defaultModelIsTheFallback()
    {
        const RawResponse bad = post("/fallback", "anything at all", {{"Content-Type", "text/plain"}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(GwTest::messageOf(bad), QStringLiteral("Invalid request body"));
        QCOMPARE(post("/fallback", "{\"name\": \"rex\"}", {{"Content-Type", "text/plain"}}).status, 200);
    }

    void noValidatorNoValidation()
    {
        QCOMPARE(post("/none", "not json").status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_Validation)
#include "tst_validation.moc"
