// Format detection and the public import/export entry points.
#include "model/interop/interop.h"

#include "model/interop/openapiexporter.h"
#include "model/interop/openapiimporter.h"
#include "model/interop/samexporter.h"
#include "model/interop/samimporter.h"
#include "model/interop/stableids.h"
#include "model/interop/yamlcodec.h"
#include "model/serialization/projectfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace Gw::Model::Interop {

QString toString(SourceFormat f)
{
    switch (f) {
    case SourceFormat::ProjectFile:
        return QStringLiteral("project");
    case SourceFormat::Sam:
        return QStringLiteral("SAM");
    case SourceFormat::OpenApi3:
        return QStringLiteral("OpenAPI 3");
    case SourceFormat::Swagger2:
        return QStringLiteral("Swagger 2.0");
    }
    return {};
}

namespace {

Diagnostics error(const QString &location, const QString &message)
{
    return {{Diagnostic::Severity::Error, location, message, {}}};
}

} // namespace

Result<ImportOutcome> importFile(const QString &path, const ImportOptions &options)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return error(QString(), QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return importBytes(f.readAll(), path, options);
}

Result<ImportOutcome> importBytes(const QByteArray &bytes, const QString &sourcePath, const ImportOptions &options)
{
    QJsonObject root;
    if (YamlCodec::looksLikeYaml(bytes)) {
        auto parsed = YamlCodec::parse(bytes);
        if (!parsed)
            return parsed.diagnostics();
        if (!parsed.value().isObject())
            return error(QString(), QStringLiteral("the document is not a YAML mapping"));
        root = parsed.value().toObject();
    } else {
        QJsonParseError pe;
        const QJsonDocument d = QJsonDocument::fromJson(bytes, &pe);
        if (pe.error != QJsonParseError::NoError)
            return error(QStringLiteral("offset %1").arg(pe.offset), QStringLiteral("JSON: ") + pe.errorString());
        if (!d.isObject())
            return error(QString(), QStringLiteral("the document is not a JSON object"));
        root = d.object();
    }

    ImportOutcome outcome;
    if (root.contains(QLatin1String("formatVersion")) && root.contains(QLatin1String("apis"))) {
        auto r = ProjectFile::fromJson(root);
        if (!r)
            return r.diagnostics();
        outcome.document = r.value();
        outcome.format = SourceFormat::ProjectFile;
        outcome.report.mapped(QString(), QStringLiteral("project file read as is"));
        return outcome;
    }
    if (OpenApiImporter::isOpenApi3(root) || OpenApiImporter::isSwagger2(root)) {
        outcome.format = OpenApiImporter::isOpenApi3(root) ? SourceFormat::OpenApi3 : SourceFormat::Swagger2;
        OpenApiImporter::Options o;
        o.forceApiType = options.forceApiType;
        o.sourcePath = sourcePath;
        auto r = OpenApiImporter::import(root, o, outcome.report);
        if (!r)
            return r.diagnostics();
        ApiDocument doc;
        doc.name = r.value().api.name;
        doc.apis.append(r.value().api);
        // OpenAPI says which Lambda functions it calls, not what they are: placeholders.
        for (const QString &fn : r.value().functionNames) {
            LocalFunction f;
            f.name = fn;
            doc.functions.append(f);
            outcome.report.approximated(QString(), QStringLiteral("function %1 added as a placeholder: set its runtime, handler and code directory").arg(fn),
                                        QStringLiteral("placeholder-function"));
        }
        outcome.document = StableIds::canonicalized(doc);
        return outcome;
    }
    if (SamImporter::isTemplate(root)) {
        outcome.format = SourceFormat::Sam;
        SamImporter::Options o;
        o.sourcePath = sourcePath;
        o.projectDir = options.projectDir;
        auto r = SamImporter::import(root, o, outcome.report);
        if (!r)
            return r.diagnostics();
        outcome.document = r.value();
        if (outcome.document.name.isEmpty())
            outcome.document.name = QFileInfo(sourcePath).completeBaseName();
        return outcome;
    }
    return error(QString(), QStringLiteral("not a project file, SAM/CloudFormation template, OpenAPI 3.0 or Swagger 2.0 document"));
}

const Api *findApi(const ApiDocument &doc, const QString &api, QString *errorText)
{
    if (api.isEmpty()) {
        if (doc.apis.size() == 1)
            return &doc.apis.first();
        if (errorText)
            *errorText = doc.apis.isEmpty() ? QStringLiteral("the document has no API")
                                            : QStringLiteral("the document has %1 APIs: name one").arg(doc.apis.size());
        return nullptr;
    }
    if (const Api *a = doc.findApi(api))
        return a;
    for (const Api &a : doc.apis) {
        if (a.name == api)
            return &a;
    }
    if (errorText)
        *errorText = QStringLiteral("no API named %1").arg(api);
    return nullptr;
}

Result<QJsonObject> exportOpenApiJson(const ApiDocument &doc, const QString &api, OpenApiVersion version)
{
    QString err;
    const Api *a = findApi(doc, api, &err);
    if (!a)
        return error(QString(), err);
    OpenApiExporter::Options o;
    o.version = version == OpenApiVersion::Oas30 ? OpenApiExporter::Version::Oas30 : OpenApiExporter::Version::Swagger2;
    return OpenApiExporter::exportApi(doc, *a, o);
}

Result<QByteArray> exportOpenApi(const ApiDocument &doc, const QString &api, const OpenApiExportOptions &options)
{
    auto r = exportOpenApiJson(doc, api, options.version);
    if (!r)
        return r.diagnostics();
    const QByteArray bytes = options.format == TextFormat::Yaml ? YamlCodec::emit(r.value())
                                                                : QJsonDocument(r.value()).toJson(QJsonDocument::Indented);
    return Result<QByteArray>(bytes, r.diagnostics());
}

Result<QJsonObject> exportSamJson(const ApiDocument &doc, const SamExportOptions &options)
{
    SamExporter::Options o;
    o.templateDir = options.templateDir;
    o.projectDir = options.projectDir;
    return SamExporter::exportTemplate(doc, o);
}

Result<QByteArray> exportSam(const ApiDocument &doc, const SamExportOptions &options)
{
    auto r = exportSamJson(doc, options);
    if (!r)
        return r.diagnostics();
    return Result<QByteArray>(YamlCodec::emit(r.value()), r.diagnostics());
}

Diagnostics checkTemplateReferences(const QJsonObject &templateJson)
{
    return SamExporter::checkReferences(templateJson);
}

} // namespace Gw::Model::Interop
