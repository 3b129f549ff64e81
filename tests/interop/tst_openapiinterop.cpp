// OpenAPI/Swagger import and export: the corpus imports, round trips keep the model, exports
// validate against the official OpenAPI 3.0 and Swagger 2.0 schemas.
#include "schemacheck.h"

#include "model/interop/interop.h"
#include "model/interop/modelschemas.h"
#include "model/interop/openapiimporter.h"
#include "model/interop/stableids.h"
#include "model/serialization/projectfile.h"

#include <QDir>
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

QStringList openApiFiles()
{
    QDir dir(corpus(QStringLiteral("openapi-examples")));
    return dir.entryList({QStringLiteral("*.json"), QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
}

QStringList sampleFiles()
{
    QDir dir(QStringLiteral(GW_SOURCE_DIR "/resources/samples"));
    QStringList out;
    for (const QString &f : dir.entryList({QStringLiteral("*.apigw.json")}, QDir::Files, QDir::Name))
        out.append(dir.filePath(f));
    return out;
}

QString firstDifference(const ApiDocument &a, const ApiDocument &b)
{
    const QJsonObject ja = ProjectFile::toJson(a), jb = ProjectFile::toJson(b);
    // Find the first differing JSON pointer for a readable failure.
    std::function<QString(const QJsonValue &, const QJsonValue &, const QString &)> diff =
        [&](const QJsonValue &x, const QJsonValue &y, const QString &p) -> QString {
        if (x == y)
            return {};
        if (x.isObject() && y.isObject()) {
            QStringList keys = x.toObject().keys() + y.toObject().keys();
            keys.removeDuplicates();
            for (const QString &k : keys) {
                const QString d = diff(x.toObject().value(k), y.toObject().value(k), p + QLatin1Char('/') + k);
                if (!d.isEmpty())
                    return d;
            }
        }
        if (x.isArray() && y.isArray() && x.toArray().size() == y.toArray().size()) {
            for (int i = 0; i < x.toArray().size(); ++i) {
                const QString d = diff(x.toArray().at(i), y.toArray().at(i), p + QLatin1Char('/') + QString::number(i));
                if (!d.isEmpty())
                    return d;
            }
        }
        return p + QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(QJsonArray{x}).toJson(QJsonDocument::Compact)).left(300)
               + QStringLiteral(" != ") + QString::fromUtf8(QJsonDocument(QJsonArray{y}).toJson(QJsonDocument::Compact)).left(300);
    };
    return diff(ja, jb, QString());
}

// What an OpenAPI document can carry of a design: everything of its APIs but stages (OpenAPI
// names one stage and no variables) and the functions' code (it only names functions).
ApiDocument openApiView(const ApiDocument &doc)
{
    ApiDocument out = StableIds::normalizedForComparison(doc);
    out.functions.clear();
    out.name.clear();
    for (Api &api : out.apis)
        api.stages.clear();
    return out;
}

} // namespace

namespace {

QByteArray testData(const QString &name)
{
    QFile f(QStringLiteral(GW_SOURCE_DIR "/tests/interop/data/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_OpenApiInterop : public QObject
{
    Q_OBJECT

private:
    SchemaCheck m_oas30;
    SchemaCheck m_swagger2;
    int m_imported = 0, m_roundTrips = 0, m_valid = 0;
    int m_importTotal = 0, m_roundTripTotal = 0, m_validTotal = 0;

    void checkExportValid(const ApiDocument &doc, OpenApiVersion version)
    {
        auto exported = exportOpenApiJson(doc, QString(), version);
        QVERIFY2(exported.ok(), qPrintable(exported.diagnostics().value(0).message));
        ++m_validTotal;
        const QStringList errors = (version == OpenApiVersion::Oas30 ? m_oas30 : m_swagger2).validate(exported.value());
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        ++m_valid;
    }

    void checkRoundTrip(const ApiDocument &first, const OpenApiExportOptions &options, bool openApiOnly)
    {
        ++m_roundTripTotal;
        auto bytes = exportOpenApi(first, QString(), options);
        QVERIFY2(bytes.ok(), qPrintable(bytes.diagnostics().value(0).message));
        auto again = importBytes(bytes.value(), QStringLiteral("/tmp/roundtrip.") + (options.format == TextFormat::Yaml ? QStringLiteral("yaml") : QStringLiteral("json")));
        QVERIFY2(again.ok(), qPrintable(again.diagnostics().value(0).message));
        const ApiDocument a = openApiOnly ? openApiView(first) : StableIds::normalizedForComparison(first);
        const ApiDocument b = openApiOnly ? openApiView(again.value().document) : StableIds::normalizedForComparison(again.value().document);
        QVERIFY2(a == b, qPrintable(firstDifference(a, b)));
        ++m_roundTrips;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_oas30.load(corpus(QStringLiteral("openapi-schema/oas-3.0.schema.json"))), QString());
        QCOMPARE(m_swagger2.load(corpus(QStringLiteral("openapi-schema/swagger-2.0.schema.json"))), QString());
        QVERIFY(openApiFiles().size() >= 12);
    }

    void importCorpus_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : openApiFiles())
            QTest::newRow(qPrintable(f)) << f;
    }

    void importCorpus()
    {
        QFETCH(QString, file);
        ++m_importTotal;
        auto r = importFile(corpus(QStringLiteral("openapi-examples/")) + file);
        QVERIFY2(r.ok(), qPrintable(r.diagnostics().value(0).format(file)));
        const ImportOutcome &o = r.value();
        QCOMPARE(o.document.apis.size(), 1);
        const Api &api = o.document.apis.first();
        QVERIFY(!api.resources.isEmpty() || !api.routes.isEmpty());
        QVERIFY(o.report.count(ImportItem::Outcome::Mapped) > 0);
        for (const ImportItem &i : o.report.items()) {
            if (i.outcome != ImportItem::Outcome::Mapped)
                qInfo("  %s: %s %s: %s", qPrintable(file), qPrintable(toString(i.outcome)), qPrintable(i.location), qPrintable(i.message));
        }
        ++m_imported;
    }

    void roundTripCorpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("version");
        for (const QString &f : openApiFiles()) {
            QTest::newRow(qPrintable(f + QStringLiteral(" oas30 json"))) << f << int(TextFormat::Json) << int(OpenApiVersion::Oas30);
            QTest::newRow(qPrintable(f + QStringLiteral(" oas30 yaml"))) << f << int(TextFormat::Yaml) << int(OpenApiVersion::Oas30);
            QTest::newRow(qPrintable(f + QStringLiteral(" swagger2 json"))) << f << int(TextFormat::Json) << int(OpenApiVersion::Swagger2);
        }
    }

    void roundTripCorpus()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        QFETCH(int, version);
        auto r = importFile(corpus(QStringLiteral("openapi-examples/")) + file);
        QVERIFY(r.ok());
        const ApiDocument &doc = r.value().document;
        if (OpenApiVersion(version) == OpenApiVersion::Swagger2 && doc.apis.first().type != ApiType::Rest)
            QSKIP("HTTP APIs export to OpenAPI 3.0 only");
        checkRoundTrip(doc, {TextFormat(format), OpenApiVersion(version)}, false);
    }

    void exportValidatesCorpus_data() { importCorpus_data(); }

    void exportValidatesCorpus()
    {
        QFETCH(QString, file);
        auto r = importFile(corpus(QStringLiteral("openapi-examples/")) + file);
        QVERIFY(r.ok());
        checkExportValid(r.value().document, OpenApiVersion::Oas30);
        if (r.value().document.apis.first().type == ApiType::Rest)
            checkExportValid(r.value().document, OpenApiVersion::Swagger2);
    }

    void samples_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &p : sampleFiles())
            QTest::newRow(qPrintable(QFileInfo(p).fileName())) << p;
    }

    void samples()
    {
        QFETCH(QString, path);
        auto project = ProjectFile::load(path);
        QVERIFY2(project.ok(), qPrintable(project.diagnostics().value(0).message));
        const ApiDocument &doc = project.value();
        if (doc.apis.first().type == ApiType::WebSocket) {
            auto r = exportOpenApiJson(doc, QString());
            QVERIFY(!r.ok()); // OpenAPI cannot describe WebSocket APIs: SAM covers them
            return;
        }
        checkExportValid(doc, OpenApiVersion::Oas30);
        checkRoundTrip(doc, {TextFormat::Json, OpenApiVersion::Oas30}, true);
        checkRoundTrip(doc, {TextFormat::Yaml, OpenApiVersion::Oas30}, true);
        if (doc.apis.first().type == ApiType::Rest) {
            checkExportValid(doc, OpenApiVersion::Swagger2);
            checkRoundTrip(doc, {TextFormat::Json, OpenApiVersion::Swagger2}, true);
        }
    }

    void restHttpRule()
    {
        const QJsonObject http{{QStringLiteral("openapi"), QStringLiteral("3.0.1")},
                               {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("t")}, {QStringLiteral("version"), QStringLiteral("1")}}},
                               {QStringLiteral("x-amazon-apigateway-cors"), QJsonObject{{QStringLiteral("allowOrigins"), QJsonArray{QStringLiteral("*")}}}},
                               {QStringLiteral("paths"), QJsonObject()}};
        QVERIFY(OpenApiImporter::detectApiType(http) == ApiType::Http);
        QJsonObject rest = http;
        rest.remove(QStringLiteral("x-amazon-apigateway-cors"));
        QVERIFY(OpenApiImporter::detectApiType(rest) == ApiType::Rest);
        // The caller can force the type.
        ImportOptions force;
        force.forceApiType = ApiType::Http;
        auto r = importBytes(QJsonDocument(rest).toJson(), QStringLiteral("x.json"), force);
        QVERIFY(r.ok());
        QVERIFY(r.value().document.apis.first().type == ApiType::Http);
        // Swagger 2.0 is REST.
        QJsonObject swagger = rest;
        swagger.remove(QStringLiteral("openapi"));
        swagger.insert(QStringLiteral("swagger"), QStringLiteral("2.0"));
        QVERIFY(OpenApiImporter::detectApiType(swagger) == ApiType::Rest);
    }

    void lambdaUris()
    {
        const QByteArray yaml = testData(QStringLiteral("lambda-uris.yaml"));
        auto r = importBytes(yaml, QStringLiteral("lam.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.diagnostics().value(0).message));
        const Api &api = r.value().document.apis.first();
        QStringList names;
        QString firstUri;
        for (const Resource &res : api.resources) {
            for (const Method &m : res.methods) {
                names.append(m.integration.functionName);
                if (resourcePath(api, res.id) == QLatin1String("/a"))
                    firstUri = m.integration.uri;
            }
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("OrdersFn"), QStringLiteral("PaymentsFn")}));
        QVERIFY(firstUri.contains(QStringLiteral("111122223333:function:OrdersFn:live"))); // kept verbatim
        QCOMPARE(r.value().document.functions.size(), 2);                                   // placeholders
    }

    void unknownExtensionsRoundTrip()
    {
        const QByteArray json = testData(QStringLiteral("unknown-extensions.json"));
        auto r = importBytes(json, QStringLiteral("ext.json"));
        QVERIFY(r.ok());
        int unknown = 0;
        for (const ImportItem &i : r.value().report.items())
            unknown += i.ruleId == QLatin1String("unknown-extension") ? 1 : 0;
        QCOMPARE(unknown, 2); // x-company-owner, x-company-audit: a lint-style note each
        auto exported = exportOpenApiJson(r.value().document, QString());
        QVERIFY(exported.ok());
        const QJsonObject root = exported.value();
        QCOMPARE(root.value(QStringLiteral("x-company-owner")).toObject().value(QStringLiteral("team")).toString(), QStringLiteral("payments"));
        QCOMPARE(root.value(QStringLiteral("x-amazon-apigateway-minimum-compression-size")).toInt(), 1024);
        QVERIFY(root.contains(QStringLiteral("x-amazon-apigateway-policy")));
        const QJsonObject op = root.value(QStringLiteral("paths")).toObject().value(QStringLiteral("/p")).toObject().value(QStringLiteral("get")).toObject();
        QCOMPARE(op.value(QStringLiteral("x-company-audit")).toBool(), true);
        const QJsonObject integ = op.value(QStringLiteral("x-amazon-apigateway-integration")).toObject();
        QCOMPARE(integ.value(QStringLiteral("cacheNamespace")).toString(), QStringLiteral("ns"));
        QCOMPARE(integ.value(QStringLiteral("cacheKeyParameters")).toArray().size(), 1);
        QVERIFY(!root.contains(OpenApiImporter::keptKey())); // the internal store is not written
        QVERIFY(m_oas30.validate(root).isEmpty());
    }

    void refsAndNullable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkdir(QStringLiteral("schemas"));
        auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write(QStringLiteral("schemas/pet.yaml"), testData(QStringLiteral("refs/schemas/pet.yaml")));
        write(QStringLiteral("common.json"), testData(QStringLiteral("refs/common.json")));
        write(QStringLiteral("api.yaml"), testData(QStringLiteral("refs/api.yaml")));
        auto r = importFile(dir.filePath(QStringLiteral("api.yaml")));
        QVERIFY2(r.ok(), qPrintable(r.diagnostics().value(0).message));
        const Api &api = r.value().document.apis.first();
        QMap<QString, QJsonObject> models;
        for (const ApiModel &m : api.models)
            models.insert(m.name, m.schema);
        QVERIFY2(models.contains(QStringLiteral("Pet")) && models.contains(QStringLiteral("Owner")) && models.contains(QStringLiteral("Node")),
                 qPrintable(QStringList(models.keys()).join(QLatin1Char(','))));
        const QJsonObject name = models.value(QStringLiteral("Pet")).value(QStringLiteral("properties")).toObject().value(QStringLiteral("name")).toObject();
        QCOMPARE(name.value(QStringLiteral("type")).toArray(), (QJsonArray{QStringLiteral("string"), QStringLiteral("null")}));
        QCOMPARE(models.value(QStringLiteral("Pet")).value(QStringLiteral("properties")).toObject().value(QStringLiteral("owner")).toObject()
                     .value(QStringLiteral("$ref")).toString(), ModelSchemas::modelRefUri(QStringLiteral("Owner")));
        // The recursive model refers to itself by model URI, not by inlining.
        QCOMPARE(models.value(QStringLiteral("Node")).value(QStringLiteral("properties")).toObject().value(QStringLiteral("next")).toObject()
                     .value(QStringLiteral("$ref")).toString(), ModelSchemas::modelRefUri(QStringLiteral("Node")));
        QCOMPARE(models.value(QStringLiteral("Node")).value(QStringLiteral("$schema")).toString(), QStringLiteral("http://json-schema.org/draft-04/schema#"));
        // And back: nullable, component refs, no $schema inside OpenAPI.
        auto exported = exportOpenApiJson(r.value().document, QString());
        QVERIFY(exported.ok());
        const QJsonObject schemas = exported.value().value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
        QCOMPARE(schemas.value(QStringLiteral("Pet")).toObject().value(QStringLiteral("properties")).toObject().value(QStringLiteral("name")).toObject()
                     .value(QStringLiteral("nullable")).toBool(), true);
        QCOMPARE(schemas.value(QStringLiteral("Node")).toObject().value(QStringLiteral("properties")).toObject().value(QStringLiteral("next")).toObject()
                     .value(QStringLiteral("$ref")).toString(), QStringLiteral("#/components/schemas/Node"));
        QVERIFY(m_oas30.validate(exported.value()).isEmpty());
    }

    void figures()
    {
        qInfo("openapi-examples: imports %d/%d, round trips %d/%d, schema-valid exports %d/%d",
              m_imported, m_importTotal, m_roundTrips, m_roundTripTotal, m_valid, m_validTotal);
        QCOMPARE(m_imported, m_importTotal);
    }
};

QTEST_GUILESS_MAIN(tst_OpenApiInterop)
#include "tst_openapiinterop.moc"
