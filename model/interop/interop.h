// Import and export entry points: project files, OpenAPI 3.0 / Swagger 2.0 and SAM templates.
#pragma once

#include "model/apidocument.h"
#include "model/diagnostic.h"
#include "model/interop/importreport.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace Gw::Model::Interop {

enum class SourceFormat { ProjectFile, Sam, OpenApi3, Swagger2 };
QString toString(SourceFormat f); // "project", "SAM", "OpenAPI 3", "Swagger 2.0"

struct ImportOptions
{
    // Import an OpenAPI document as this API type whatever its markers say.
    std::optional<ApiType> forceApiType;
    // Directory the project file will live in: function code directories are written relative
    // to it. Empty: the input file's directory.
    QString projectDir;
};

struct ImportOutcome
{
    ApiDocument document;
    ImportReport report;
    SourceFormat format = SourceFormat::OpenApi3;
};

// Detects the format (project file / SAM / OpenAPI / Swagger; JSON or YAML) and imports.
// Errors: unreadable file, unparsable text, unknown format. Everything else is in the report.
Result<ImportOutcome> importFile(const QString &path, const ImportOptions &options = {});
// Same, from bytes; `sourcePath` names the file for relative references and default names.
Result<ImportOutcome> importBytes(const QByteArray &bytes, const QString &sourcePath,
                                  const ImportOptions &options = {});

enum class TextFormat { Json, Yaml };
enum class OpenApiVersion { Oas30, Swagger2 };

struct OpenApiExportOptions
{
    TextFormat format = TextFormat::Json;
    OpenApiVersion version = OpenApiVersion::Oas30;
};

// `api`: an API id or name; empty selects the only API (an error when there are several).
// Warnings in the result say what OpenAPI could not carry.
Result<QByteArray> exportOpenApi(const ApiDocument &doc, const QString &api,
                                 const OpenApiExportOptions &options = {});
Result<QJsonObject> exportOpenApiJson(const ApiDocument &doc, const QString &api,
                                      OpenApiVersion version = OpenApiVersion::Oas30);

struct SamExportOptions
{
    // Directory the template will be written to: CodeUri is made relative to it from
    // projectDir (where code directories are relative to). Both empty: code paths as they are.
    QString templateDir;
    QString projectDir;
};

// A SAM template (YAML, CloudFormation short tags). Errors when a reference would dangle.
Result<QByteArray> exportSam(const ApiDocument &doc, const SamExportOptions &options = {});
// The same template as JSON with long-form intrinsics ({"Ref": …}), for schema validation.
Result<QJsonObject> exportSamJson(const ApiDocument &doc, const SamExportOptions &options = {});

// Every Ref / Fn::GetAtt / ${Name} in Fn::Sub must name a parameter, a resource, a pseudo
// parameter, or (for SAM) a generated resource such as MyApi.Deployment / ServerlessRestApi.
Diagnostics checkTemplateReferences(const QJsonObject &templateJson);

// Resolves `api` (id or name) as exportOpenApi does.
const Api *findApi(const ApiDocument &doc, const QString &api, QString *error = nullptr);

} // namespace Gw::Model::Interop
