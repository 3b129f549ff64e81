// API Gateway models (JSON Schema draft 4) <-> OpenAPI schema objects.
#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace Gw::Model::Interop {

class ModelSchemas
{
public:
    // How a model refers to another one, as API Gateway writes it:
    // https://apigateway.amazonaws.com/restapis/local/models/NAME
    static QString modelRefUri(const QString &modelName);
    // NAME of any https://apigateway.amazonaws.com/restapis/<id>/models/NAME; empty otherwise.
    static QString modelNameFromRef(const QString &uri);

    // The built-in models every REST API has ("Empty", "Error"), as AWS writes them.
    static QJsonObject builtInModel(const QString &name); // empty object if not built-in

    // OpenAPI schema -> draft 4. `mapRef` turns a $ref string into a model name (or returns empty
    // to keep the $ref as it is); `nullable: true` / `x-nullable` become a "null" type member.
    static QJsonObject toDraft4(const QJsonObject &schema,
                                const std::function<QString(const QString &ref)> &mapRef);
    // Draft 4 -> OpenAPI 3.0 schema object (oas30) or Swagger 2.0 (otherwise): model refs become
    // #/components/schemas/NAME or #/definitions/NAME, "null" type members become nullable
    // (x-nullable), $schema is dropped (neither schema object allows it).
    static QJsonObject fromDraft4(const QJsonObject &schema, bool oas30);
};

} // namespace Gw::Model::Interop
