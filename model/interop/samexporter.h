// ApiDocument -> AWS SAM template (functions, APIs with DefinitionBody, WebSocket APIs as
// AWS::ApiGatewayV2 resources, stages, usage plans, API keys, Lambda permissions).
#pragma once

#include "model/apidocument.h"
#include "model/diagnostic.h"

#include <QJsonObject>

namespace Gw::Model::Interop {

class SamExporter
{
public:
    struct Options
    {
        QString templateDir; // where the template goes; CodeUri is relative to it
        QString projectDir;  // what code directories are relative to
    };

    // Long-form JSON ({"Ref": …}); YamlCodec::emit writes it with short tags.
    static Result<QJsonObject> exportTemplate(const ApiDocument &doc, const Options &options);

    // Dangling Ref / Fn::GetAtt / Fn::Sub names (see Interop::checkTemplateReferences).
    static Diagnostics checkReferences(const QJsonObject &templateJson);
};

} // namespace Gw::Model::Interop
