// API keys and the usage plans they belong to, resolved for one API stage.
#include "runtime/policies/usageplans.h"

namespace Gw::Runtime {

ApiKeyResolution UsagePlans::resolve(const Model::ApiDocument &doc, const Model::Api &api,
                                     const QString &stage, const QString &keyValue)
{
    ApiKeyResolution r;
    if (keyValue.isEmpty()) {
        r.reason = QStringLiteral("no API key in the request");
        return r;
    }
    const Model::ApiKey *key = nullptr;
    for (const Model::ApiKey &k : doc.apiKeys) {
        if (k.value == keyValue) {
            key = &k;
            break;
        }
    }
    if (!key) {
        r.reason = QStringLiteral("the API key matches no key of the project");
        return r;
    }
    if (!key->enabled) {
        r.reason = QStringLiteral("API key '%1' (%2) is disabled").arg(key->name, key->id);
        return r;
    }
    for (const Model::UsagePlan &plan : doc.usagePlans) {
        if (!plan.apiKeyIds.contains(key->id))
            continue;
        for (const Model::ApiStageRef &ref : plan.apiStages) {
            if ((ref.apiId == api.id || ref.apiId == api.name) && ref.stage == stage) {
                r.key = key;
                r.plan = &plan;
                return r;
            }
        }
    }
    r.reason = QStringLiteral("API key '%1' (%2) belongs to no usage plan of API stage %3/%4")
                   .arg(key->name, key->id, api.name, stage);
    return r;
}

} // namespace Gw::Runtime
