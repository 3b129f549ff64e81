// AWS SAM / CloudFormation templates -> ApiDocument (APIs, local functions, usage plans, keys).
#pragma once

#include "model/apidocument.h"
#include "model/diagnostic.h"
#include "model/interop/importreport.h"

#include <QJsonObject>

namespace Gw::Model::Interop {

class SamImporter
{
public:
    struct Options
    {
        QString sourcePath; // the template file: base of CodeUri, DefinitionUri, AWS::Include
        QString projectDir; // code directories are made relative to it; empty: template's dir
    };

    // A template: has Resources, AWSTemplateFormatVersion or the Serverless transform.
    static bool isTemplate(const QJsonObject &doc);

    static Result<ApiDocument> import(const QJsonObject &templateJson, const Options &options,
                                      ImportReport &report);
};

} // namespace Gw::Model::Interop
