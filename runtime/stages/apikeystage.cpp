// API key: REST methods with apiKeyRequired (reference §1.9 "API keys & usage plans"). With key
// source HEADER the x-api-key header must name an enabled key bound by a usage plan to this API
// stage, else 403 Forbidden (INVALID_API_KEY). With source AUTHORIZER the key is the authorizer's
// usageIdentifierKey, which only exists after the authorize step: the throttle step checks it, as
// it does any key of a method that also has an authorizer (AWS authorizes before checking keys).
#include "runtime/stages/apikeystage.h"

#include "runtime/pipeline/requestcontext.h"
#include "runtime/policies/usageplans.h"

namespace Gw::Runtime {

const QString &ApiKeyStage::name() const
{
    static const QString n = QStringLiteral("apiKey");
    return n;
}

StageResult ApiKeyStage::decide(RequestContext &ctx)
{
    const Model::Method *method = ctx.route.method;
    if (!method) {
        static const QString http = QStringLiteral("HTTP APIs have no API keys");
        ctx.note(http);
        return StageResult::next();
    }
    if (!method->apiKeyRequired) {
        static const QString none = QStringLiteral("no API key required");
        ctx.note(none);
        return StageResult::next();
    }
    const Model::Api &api = ctx.api->api();
    if (api.apiKeySource.compare(QLatin1String("AUTHORIZER"), Qt::CaseInsensitive) == 0) {
        static const QString later = QStringLiteral(
            "the method requires an API key from the authorizer (apiKeySource AUTHORIZER): its "
            "usageIdentifierKey is checked after the authorize step");
        ctx.note(later);
        return StageResult::next();
    }
    if (method->authorizationType != Model::AuthorizationType::None) {
        // AWS authorizes before it checks API keys: a caller without a token gets 401, not 403.
        static const QString later = QStringLiteral(
            "the method requires an API key and has an authorizer: AWS authorizes first, so the "
            "x-api-key header is checked after the authorize step");
        ctx.note(later);
        return StageResult::next();
    }
    const QString value = QString::fromUtf8(ctx.request.header("x-api-key"));
    const ApiKeyResolution r = UsagePlans::resolve(ctx.api->document(), api, ctx.stageName(), value);
    if (!r.accepted()) {
        ctx.note(QStringLiteral("API key required (source HEADER, x-api-key): %1: Forbidden").arg(r.reason));
        ctx.setGatewayResponse(QStringLiteral("INVALID_API_KEY"));
        return StageResult::respond();
    }
    ctx.apiKey = r.key->value;
    ctx.apiKeyId = r.key->id;
    ctx.usagePlan = r.plan;
    ctx.note(QStringLiteral("API key '%1' (%2) accepted from x-api-key: usage plan '%3' (%4) covers stage %5")
                 .arg(r.key->name, r.key->id, r.plan->name, r.plan->id, ctx.stageName()));
    return StageResult::next();
}

} // namespace Gw::Runtime
