// One Api of the model -> OpenAPI 3.0 or Swagger 2.0 with x-amazon-apigateway-* extensions,
// shaped like `aws apigateway get-export --parameters extensions=integrations,authorizers`.
#pragma once

#include "model/apidocument.h"
#include "model/diagnostic.h"

#include <QJsonObject>

#include <functional>

namespace Gw::Model::Interop {

class OpenApiExporter
{
public:
    enum class Version { Oas30, Swagger2 };

    struct Options
    {
        Version version = Version::Oas30;
        // For a SAM DefinitionBody: Lambda URIs of local functions become
        // {"Fn::Sub": "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Logical.Arn}/invocations"}
        // using this function-name -> logical-id map; null: plain local ARNs.
        std::function<QString(const QString &functionName)> functionLogicalId;
    };

    // Warnings (not errors) say what OpenAPI cannot carry (extra stages, route throttling).
    static Result<QJsonObject> exportApi(const ApiDocument &doc, const Api &api, const Options &options);
};

} // namespace Gw::Model::Interop
