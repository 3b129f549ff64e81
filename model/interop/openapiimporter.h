// OpenAPI 3.0.x / Swagger 2.0 with x-amazon-apigateway-* extensions -> one Api of the model.
#pragma once

#include "model/apidocument.h"
#include "model/diagnostic.h"
#include "model/interop/importreport.h"

#include <QJsonObject>

#include <optional>

namespace Gw::Model::Interop {

class OpenApiImporter
{
public:
    struct Options
    {
        std::optional<ApiType> forceApiType;
        QString sourcePath;     // file the document came from: base of relative $ref, default name
        QString locationPrefix; // prepended to report locations (a SAM DefinitionBody's path)
    };

    struct Output
    {
        Api api;
        // Lambda functions the API calls (integrations and authorizers), by local name.
        QStringList functionNames;
    };

    static bool isOpenApi3(const QJsonObject &doc);
    static bool isSwagger2(const QJsonObject &doc);

    // The REST/HTTP rule: Swagger 2.0 is REST. An OpenAPI 3 document is an HTTP API when it
    // uses something only HTTP APIs have: x-amazon-apigateway-cors,
    // x-amazon-apigateway-importexport-version, an integration with payloadFormatVersion or
    // integrationSubtype, a JWT or payload-format-versioned Lambda authorizer, or a "$default"
    // path. Otherwise it is REST. `why` receives the deciding marker.
    static ApiType detectApiType(const QJsonObject &doc, QString *why = nullptr);

    static Result<Output> import(const QJsonObject &doc, const Options &options,
                                 ImportReport &report);

    // Key under Api::extensions holding what the model has no field for, per operation/scheme,
    // so that export writes it back verbatim.
    static QString keptKey() { return QStringLiteral("x-apigw-studio-kept"); }
};

} // namespace Gw::Model::Interop
