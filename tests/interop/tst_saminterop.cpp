// SAM import and export: the corpus imports, SAM round trips keep the model, exports validate
// against sam.schema.json and never leave a dangling reference.
#include "schemacheck.h"

#include "model/interop/interop.h"
#include "model/interop/stableids.h"
#include "model/interop/yamlcodec.h"
#include "model/serialization/projectfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Gw::Model;
using namespace Gw::Model::Interop;

namespace {

QString corpus(const QString &sub)
{
    return QStringLiteral(GW_CORPUS_DIR "/") + sub;
}

QString dataPath(const QString &name)
{
    return QStringLiteral(GW_SOURCE_DIR "/tests/interop/data/") + name;
}

QStringList samFiles()
{
    QDir dir(corpus(QStringLiteral("sam-templates")));
    return dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

QString firstDifference(const QJsonValue &x, const QJsonValue &y, const QString &p = {})
{
    if (x == y)
        return {};
    if (x.isObject() && y.isObject()) {
        QStringList keys = x.toObject().keys() + y.toObject().keys();
        keys.removeDuplicates();
        for (const QString &k : keys) {
            const QString d = firstDifference(x.toObject().value(k), y.toObject().value(k), p + QLatin1Char('/') + k);
            if (!d.isEmpty())
                return d;
        }
    }
    if (x.isArray() && y.isArray() && x.toArray().size() == y.toArray().size()) {
        for (int i = 0; i < x.toArray().size(); ++i) {
            const QString d = firstDifference(x.toArray().at(i), y.toArray().at(i), p + QLatin1Char('/') + QString::number(i));
            if (!d.isEmpty())
                return d;
        }
    }
    return p + QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(QJsonArray{x}).toJson(QJsonDocument::Compact)).left(400)
           + QStringLiteral(" != ") + QString::fromUtf8(QJsonDocument(QJsonArray{y}).toJson(QJsonDocument::Compact)).left(400);
}

const Api *apiNamed(const ApiDocument &doc, const QString &name)
{
    for (const Api &a : doc.apis) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

const Method *methodAt(const Api &api, const QString &path, const QString &verb)
{
    for (const Resource &r : api.resources) {
        if (resourcePath(api, r.id) != path)
            continue;
        for (const Method &m : r.methods) {
            if (m.httpMethod == verb)
                return &m;
        }
    }
    return nullptr;
}

} // namespace

class tst_SamInterop : public QObject
{
    Q_OBJECT

private:
    SchemaCheck m_sam;
    bool m_samSchemaLoaded = false;
    int m_imported = 0, m_importTotal = 0, m_roundTrips = 0, m_roundTripTotal = 0, m_valid = 0, m_validTotal = 0;

    // Exports `doc`, checks the template (schema, references), imports it back from `asPath`
    // and compares with `doc` modulo ids.
    void roundTrip(const ApiDocument &doc, const QString &asPath)
    {
        ++m_roundTripTotal;
        auto json = exportSamJson(doc);
        QVERIFY2(json.ok(), qPrintable(json.diagnostics().value(0).format(asPath)));
        const Diagnostics dangling = checkTemplateReferences(json.value());
        QVERIFY2(dangling.isEmpty(), qPrintable(dangling.value(0).format(asPath)));
        if (m_samSchemaLoaded) {
            ++m_validTotal;
            const QStringList errors = m_sam.validate(json.value());
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
            ++m_valid;
        }
        auto yaml = exportSam(doc);
        QVERIFY(yaml.ok());
        auto again = importBytes(yaml.value(), asPath);
        QVERIFY2(again.ok(), qPrintable(again.diagnostics().value(0).format(asPath)));
        const ApiDocument a = StableIds::normalizedForComparison(doc);
        const ApiDocument b = StableIds::normalizedForComparison(again.value().document);
        QVERIFY2(a == b, qPrintable(firstDifference(ProjectFile::toJson(a), ProjectFile::toJson(b))));
        ++m_roundTrips;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QElapsedTimer t;
        t.start();
        const QString error = m_sam.load(corpus(QStringLiteral("sam-schema/sam.schema.json")));
        QCOMPARE(error, QString());
        m_samSchemaLoaded = true;
        qInfo("sam.schema.json (%lld KB) compiled by valijson in %lld ms",
              QFileInfo(corpus(QStringLiteral("sam-schema/sam.schema.json"))).size() / 1024, t.elapsed());
        QVERIFY(samFiles().size() >= 28);
    }

    void importCorpus_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : samFiles())
            QTest::newRow(qPrintable(f)) << f;
    }

    void importCorpus()
    {
        QFETCH(QString, file);
        ++m_importTotal;
        auto r = importFile(corpus(QStringLiteral("sam-templates/")) + file);
        QVERIFY2(r.ok(), qPrintable(r.diagnostics().value(0).format(file)));
        QVERIFY(r.value().format == SourceFormat::Sam);
        const ApiDocument &doc = r.value().document;
        QVERIFY2(!doc.apis.isEmpty(), "every corpus template defines an API");
        for (const Api &api : doc.apis)
            QVERIFY2(!api.stages.isEmpty(), qPrintable(api.name));
        for (const ImportItem &i : r.value().report.items()) {
            if (i.outcome == ImportItem::Outcome::Approximated)
                qInfo("  %s: approximated %s: %s", qPrintable(file), qPrintable(i.location), qPrintable(i.message));
        }
        ++m_imported;
    }

    void roundTripCorpus_data() { importCorpus_data(); }

    void roundTripCorpus()
    {
        QFETCH(QString, file);
        const QString path = corpus(QStringLiteral("sam-templates/")) + file;
        auto r = importFile(path);
        QVERIFY(r.ok());
        roundTrip(r.value().document, path);
    }

    void samples_data()
    {
        QTest::addColumn<QString>("path");
        QDir dir(QStringLiteral(GW_SOURCE_DIR "/resources/samples"));
        for (const QString &f : dir.entryList({QStringLiteral("*.apigw.json")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    void samples()
    {
        QFETCH(QString, path);
        auto project = ProjectFile::load(path);
        QVERIFY(project.ok());
        // The template sits beside the project, so code directories keep their relative paths.
        roundTrip(project.value(), QFileInfo(path).absolutePath() + QStringLiteral("/template.yaml"));
    }

    void intrinsics()
    {
        auto r = importFile(dataPath(QStringLiteral("sam-intrinsics.yaml")));
        QVERIFY2(r.ok(), qPrintable(r.diagnostics().value(0).message));
        const ApiDocument &doc = r.value().document;
        const LocalFunction *worker = doc.findFunction(QStringLiteral("Worker"));
        QVERIFY(worker);
        const QMap<QString, QString> &env = worker->environment;
        QCOMPARE(worker->runtime, QStringLiteral("python3.12")); // Globals
        QCOMPARE(worker->timeout, 15);
        QCOMPARE(worker->memorySize, 256);
        QCOMPARE(worker->codeDirectory, QStringLiteral("src/worker"));
        QCOMPARE(env.value("GLOBAL"), QStringLiteral("from-globals"));
        QCOMPARE(env.value("STAGE"), QStringLiteral("beta"));
        QCOMPARE(env.value("REGION_ACCOUNT"), QStringLiteral("us-east-1/123456789012/sam-intrinsics"));
        QCOMPARE(env.value("SELF_ARN"), QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:Worker"));
        QCOMPARE(env.value("QUEUE_ARN"), QStringLiteral("${Queue.Arn}"));
        QCOMPARE(env.value("QUEUE_URL"), QStringLiteral("${Queue}"));
        QCOMPARE(env.value("JOINED"), QStringLiteral("a-beta-c"));
        QCOMPARE(env.value("SECOND_TABLE"), QStringLiteral("payments"));
        QCOMPARE(env.value("SPLIT"), QStringLiteral("x"));
        QCOMPARE(env.value("BUCKET"), QStringLiteral("local-bucket"));
        QCOMPARE(env.value("MODE"), QStringLiteral("development"));
        QCOMPARE(env.value("ESCAPED"), QStringLiteral("${Literal}-beta"));
        QCOMPARE(env.value("SUBLIST"), QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:helper-fn.beta"));
        QCOMPARE(env.value("MISSING"), QStringLiteral("${NoDefault}"));
        QVERIFY(doc.findFunction(QStringLiteral("helper-fn")));
        // What stays symbolic or cannot run is in the report.
        const ImportReport &report = r.value().report;
        int symbolic = 0, inlineCode = 0, notRun = 0;
        for (const ImportItem &i : report.items()) {
            symbolic += i.ruleId == QLatin1String("symbolic-reference") ? 1 : 0;
            inlineCode += i.ruleId == QLatin1String("inline-code") ? 1 : 0;
            notRun += i.ruleId == QLatin1String("aws-resource") ? 1 : 0;
        }
        QVERIFY(symbolic >= 3); // Queue.Arn, Queue, NoDefault
        QCOMPARE(inlineCode, 1);
        QCOMPARE(notRun, 1); // the queue
    }

    void eventsAndImplicitApis()
    {
        auto r = importFile(dataPath(QStringLiteral("sam-events.yaml")));
        QVERIFY2(r.ok(), qPrintable(r.diagnostics().value(0).message));
        const ApiDocument &doc = r.value().document;
        const Api *implicitRest = apiNamed(doc, QStringLiteral("ServerlessRestApi"));
        const Api *implicitHttp = apiNamed(doc, QStringLiteral("ServerlessHttpApi"));
        const Api *secured = apiNamed(doc, QStringLiteral("SecuredApi"));
        QVERIFY(implicitRest && implicitHttp && secured);
        QCOMPARE(implicitRest->stages.first().name, QStringLiteral("Prod"));
        QCOMPARE(implicitHttp->stages.first().name, QStringLiteral("$default"));
        const Method *list = methodAt(*implicitRest, QStringLiteral("/orders"), QStringLiteral("GET"));
        QVERIFY(list);
        QVERIFY(list->integration.type == IntegrationType::AwsProxy);
        QCOMPARE(list->integration.functionName, QStringLiteral("Orders"));
        // Globals.Api Cors: OPTIONS MOCK methods like SAM generates.
        QVERIFY(methodAt(*implicitRest, QStringLiteral("/orders"), QStringLiteral("OPTIONS")));
        QVERIFY(methodAt(*secured, QStringLiteral("/health"), QStringLiteral("OPTIONS")));
        // Default authorizer applies, NONE opts out, RequestModel makes a validator.
        const Method *create = methodAt(*secured, QStringLiteral("/orders"), QStringLiteral("POST"));
        QVERIFY(create);
        QVERIFY(create->authorizationType == AuthorizationType::Custom);
        QCOMPARE(create->requestModels.value(QStringLiteral("application/json")), QStringLiteral("Order"));
        QVERIFY(!create->requestValidatorId.isEmpty());
        const Method *open = methodAt(*secured, QStringLiteral("/health"), QStringLiteral("GET"));
        QVERIFY(open && open->authorizationType == AuthorizationType::None);
        QCOMPARE(secured->authorizers.size(), 1);
        QCOMPARE(secured->authorizers.first().identitySource, QStringList{QStringLiteral("method.request.header.X-Token")});
        QCOMPARE(secured->authorizers.first().resultTtlInSeconds, 60);
        QCOMPARE(secured->authorizers.first().functionName, QStringLiteral("AuthFn"));
        QCOMPARE(secured->stages.first().name, QStringLiteral("v1"));
        QCOMPARE(secured->stages.first().variables.value(QStringLiteral("color")), QStringLiteral("blue"));
        QCOMPARE(secured->stages.first().throttle.rateLimit, 10.0);
        // HTTP API events: a route and the $default catch-all.
        QStringList keys;
        for (const Route &rt : implicitHttp->routes)
            keys.append(rt.routeKey);
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("$default"), QStringLiteral("GET /items/{id}")}));
        QCOMPARE(implicitHttp->routes.first().integration.payloadFormatVersion, QStringLiteral("2.0"));
        // PER_API usage plan with a generated local key.
        QCOMPARE(doc.usagePlans.size(), 1);
        QCOMPARE(doc.usagePlans.first().apiStages.first().apiId, secured->id);
        QCOMPARE(doc.apiKeys.size(), 1);
        QVERIFY(doc.apiKeys.first().value.size() >= 20);
        // Functions: Globals CodeUri relative to the template.
        QCOMPARE(doc.findFunction(QStringLiteral("Orders"))->codeDirectory, QStringLiteral("code"));
        // The schedule event is reported, not silently dropped.
        bool scheduleReported = false;
        for (const ImportItem &i : r.value().report.items(ImportItem::Outcome::Skipped))
            scheduleReported = scheduleReported || i.message.contains(QStringLiteral("Schedule"));
        QVERIFY(scheduleReported);
        roundTrip(doc, dataPath(QStringLiteral("sam-events.yaml")));
    }

    void danglingReferences()
    {
        QFile f(dataPath(QStringLiteral("sam-dangling.yaml")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto parsed = YamlCodec::parse(f.readAll());
        QVERIFY(parsed.ok());
        const Diagnostics d = checkTemplateReferences(parsed.value().toObject());
        QStringList messages;
        for (const Diagnostic &x : d) {
            QVERIFY(x.isError());
            QCOMPARE(x.ruleId, QStringLiteral("dangling-ref"));
            messages.append(x.message.section(QLatin1Char(' '), 2, 2).section(QLatin1Char(','), 0, 0));
        }
        messages.sort();
        QCOMPARE(messages, (QStringList{QStringLiteral("AlsoMissing"), QStringLiteral("GoneFn"), QStringLiteral("Missing"), QStringLiteral("Nope")}));
    }

    void schemaRejectsInvalidTemplates()
    {
        // The schema check can fail: SAM requires StageName on AWS::Serverless::Api and knows
        // its properties.
        const QJsonObject noStage{{"Resources", QJsonObject{{"A", QJsonObject{{"Type", "AWS::Serverless::Api"},
                                                                            {"Properties", QJsonObject{{"Name", "x"}}}}}}}};
        QVERIFY(!m_sam.validate(noStage).isEmpty());
        const QJsonObject unknownProperty{{"Resources", QJsonObject{{"F", QJsonObject{{"Type", "AWS::Serverless::Function"},
                                                                                    {"Properties", QJsonObject{{"Handler", "a.b"}, {"Bogus", 1}}}}}}}};
        QVERIFY(!m_sam.validate(unknownProperty).isEmpty());
        const QJsonObject ok{{"Resources", QJsonObject{{"F", QJsonObject{{"Type", "AWS::Serverless::Function"},
                                                                       {"Properties", QJsonObject{{"Handler", "a.b"}, {"Runtime", "python3.12"}, {"CodeUri", "."}}}}}}}};
        QVERIFY(m_sam.validate(ok).isEmpty());
    }

    void includeAndDefinitionUri()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(dataPath(QStringLiteral("sam-include.yaml")), dir.filePath(QStringLiteral("template.yaml"))));
        QVERIFY(QFile::copy(corpus(QStringLiteral("openapi-examples/serverless-patterns-apigw-sqs-lambda.oas30.yaml")), dir.filePath(QStringLiteral("api.yaml"))));
        QVERIFY(QFile::copy(corpus(QStringLiteral("openapi-examples/localstack-mock-cors.swagger2.json")), dir.filePath(QStringLiteral("rest.json"))));
        auto r = importFile(dir.filePath(QStringLiteral("template.yaml")));
        QVERIFY2(r.ok(), qPrintable(r.diagnostics().value(0).message));
        const Api *included = apiNamed(r.value().document, QStringLiteral("IncludedApi"));
        const Api *file = apiNamed(r.value().document, QStringLiteral("FileApi"));
        QVERIFY(included && file);
        QCOMPARE(included->routes.size(), 1);
        QCOMPARE(included->routes.first().routeKey, QStringLiteral("POST /submit"));
        // The included body's intrinsics resolved against this template: the queue stays symbolic.
        QCOMPARE(included->routes.first().integration.requestParameters.value(QStringLiteral("QueueUrl")), QStringLiteral("${MySqsQueue}"));
        QVERIFY(included->cors.has_value());
        QVERIFY(methodAt(*file, QStringLiteral("/product/{product_id}"), QStringLiteral("GET")));
        QCOMPARE(file->stages.first().name, QStringLiteral("prod"));
    }

    void openApiExportsOfSamImportsValidate()
    {
        SchemaCheck oas30;
        QCOMPARE(oas30.load(corpus(QStringLiteral("openapi-schema/oas-3.0.schema.json"))), QString());
        int checked = 0;
        int defaultRoutes = 0;
        for (const QString &file : samFiles()) {
            auto r = importFile(corpus(QStringLiteral("sam-templates/")) + file);
            QVERIFY(r.ok());
            for (const Api &api : r.value().document.apis) {
                for (const Route &rt : api.routes)
                    defaultRoutes += rt.routeKey == QLatin1String("$default") ? 1 : 0;
                if (api.type == ApiType::WebSocket)
                    continue;
                auto exported = exportOpenApiJson(r.value().document, api.id);
                QVERIFY2(exported.ok(), qPrintable(file));
                // AWS writes an HTTP API's $default route as the path key "$default", which the
                // OpenAPI schema's "^/" path pattern rejects; it is what API Gateway imports, so the
                // export keeps it and the check looks at everything else.
                QJsonObject doc = exported.value();
                QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
                paths.remove(QStringLiteral("$default"));
                doc.insert(QStringLiteral("paths"), paths);
                const QStringList errors = oas30.validate(doc);
                QVERIFY2(errors.isEmpty(), qPrintable(file + QStringLiteral(": ") + errors.join(QLatin1Char('\n'))));
                ++checked;
            }
        }
        qInfo("OpenAPI 3.0 exports of the SAM corpus's REST/HTTP APIs: %d/%d schema-valid (%d $default route(s) set aside)",
              checked, checked, defaultRoutes);
    }

    void exportShape()
    {
        auto project = ProjectFile::load(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json"));
        QVERIFY(project.ok());
        auto yaml = exportSam(project.value());
        QVERIFY(yaml.ok());
        const QByteArray text = yaml.value();
        QVERIFY(text.startsWith("AWSTemplateFormatVersion"));
        QVERIFY(text.contains("Transform: AWS::Serverless-2016-10-31"));
        QVERIFY(text.contains("Type: AWS::Serverless::Api"));
        QVERIFY(text.contains("Type: AWS::Serverless::Function"));
        QVERIFY(text.contains("!Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PetsHandlerFunction.Arn}/invocations"));
        QVERIFY(text.contains("CodeUri: functions/pets"));
        QVERIFY(text.contains("StageName: dev"));
    }

    void figures()
    {
        qInfo("sam-templates: imports %d/%d, SAM round trips %d/%d (corpus + samples + events), sam.schema.json-valid exports %d/%d",
              m_imported, m_importTotal, m_roundTrips, m_roundTripTotal, m_valid, m_validTotal);
        QCOMPARE(m_imported, m_importTotal);
    }
};

QTEST_GUILESS_MAIN(tst_SamInterop)
#include "tst_saminterop.moc"
