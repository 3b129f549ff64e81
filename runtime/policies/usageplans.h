// API keys and the usage plans they belong to, resolved for one API stage as AWS does: the key
// must exist, be enabled and belong to a plan that includes this API stage.
#pragma once

#include "model/apidocument.h"

namespace Gw::Runtime {

struct ApiKeyResolution
{
    const Model::ApiKey *key = nullptr;
    const Model::UsagePlan *plan = nullptr;
    QString reason; // why the key was refused (empty when accepted)

    bool accepted() const { return key && plan; }
};

class UsagePlans
{
public:
    static ApiKeyResolution resolve(const Model::ApiDocument &doc, const Model::Api &api,
                                    const QString &stage, const QString &keyValue);
};

} // namespace Gw::Runtime
