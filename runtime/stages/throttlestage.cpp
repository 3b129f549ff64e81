// Throttle (reference §1.10): AWS's precedence for REST is the usage plan's per-client limit, then
// the per-method stage setting (else the stage default, which AWS applies to every method as its
// own bucket), then the account; HTTP APIs use route settings over the stage default. Each limit
// is one token bucket; exceeding any answers 429 THROTTLED. Quotas are counted last, so a throttled
// request does not use quota; exceeding it answers 429 QUOTA_EXCEEDED ("Limit Exceeded").
#include "runtime/stages/throttlestage.h"

#include "runtime/pipeline/requestcontext.h"
#include "runtime/policies/usageplans.h"

#include <cmath>

namespace Gw::Runtime {

namespace {

QString describe(double rate, int burst)
{
    return QStringLiteral("rate %1/s, burst %2").arg(rate).arg(burst);
}

// A level sets rate and burst independently; unset parts fall back to the next level. An unset
// burst with a rate allows one second's worth of requests at once.
struct Limit
{
    double rate = -1;
    int burst = -1;
    QString source;

    void inherit(const Model::ThrottleSettings &t, const QString &from)
    {
        bool used = false;
        if (rate < 0 && t.rateLimit >= 0) {
            rate = t.rateLimit;
            used = true;
        }
        if (burst < 0 && t.burstLimit >= 0) {
            burst = t.burstLimit;
            used = true;
        }
        if (used)
            source = source.isEmpty() ? from : source + QStringLiteral(" + ") + from;
    }
    bool isSet() const { return rate >= 0 || burst >= 0; }
    double effectiveRate() const { return rate >= 0 ? rate : 1e12; }
    int effectiveBurst() const { return burst >= 0 ? burst : int(std::max(1.0, std::ceil(rate))); }
};

// REST method settings are keyed "/pets/{id}/GET" ("*/*" for every method); compared in place.
bool isMethodSettingKey(const QString &key, const QString &resourcePath, const QString &httpMethod)
{
    return key.size() == resourcePath.size() + 1 + httpMethod.size() && key.startsWith(resourcePath)
           && key.at(resourcePath.size()) == QLatin1Char('/')
           && key.endsWith(httpMethod, Qt::CaseInsensitive);
}

} // namespace

ThrottleStage::ThrottleStage(const PipelineServices &services)
    : m_quotas(services.quotaStorePath)
{}

const QString &ThrottleStage::name() const
{
    static const QString n = QStringLiteral("throttle");
    return n;
}

bool ThrottleStage::resolveKeyAfterAuthorizer(RequestContext &ctx, bool fromAuthorizer)
{
    const Model::Api &api = ctx.api->api();
    const QString value = fromAuthorizer ? ctx.authorizer.usageIdentifierKey
                                         : QString::fromUtf8(ctx.request.header("x-api-key"));
    const QString source = fromAuthorizer ? QStringLiteral("source AUTHORIZER, usageIdentifierKey")
                                          : QStringLiteral("source HEADER, x-api-key, checked after the authorizer");
    const ApiKeyResolution r = UsagePlans::resolve(ctx.api->document(), api, ctx.stageName(), value);
    if (!r.accepted()) {
        ctx.note(QStringLiteral("API key required (%1): %2: Forbidden")
                     .arg(source, value.isEmpty() && fromAuthorizer ? QStringLiteral("the authorizer returned no usageIdentifierKey")
                                                                    : r.reason));
        ctx.setGatewayResponse(QStringLiteral("INVALID_API_KEY"));
        return false;
    }
    ctx.apiKey = r.key->value;
    ctx.apiKeyId = r.key->id;
    ctx.usagePlan = r.plan;
    ctx.note(QStringLiteral("API key '%1' (%2) accepted (%3): usage plan '%4'")
                 .arg(r.key->name, r.key->id, source, r.plan->name));
    return true;
}

bool ThrottleStage::takeUsagePlanToken(RequestContext &ctx)
{
    const Model::UsagePlan *plan = ctx.usagePlan;
    if (!plan || !plan->throttle.isSet())
        return true;
    Limit limit;
    limit.inherit(plan->throttle, QStringLiteral("usage plan"));
    ThrottleBucketKey key{ThrottleBucketKey::Level::UsagePlanKey, ctx.api->api().id, ctx.stageName(), plan->id,
                          ctx.apiKeyId};
    double left = 0;
    const bool ok = m_buckets.bucket(key).tryTake(limit.effectiveRate(), limit.effectiveBurst(), ctx.request.receivedAt, &left);
    if (!ok) {
        ctx.note(QStringLiteral("usage plan '%1' limit for key %2 (%3) exceeded: Too Many Requests")
                     .arg(plan->name, ctx.apiKeyId, describe(limit.effectiveRate(), limit.effectiveBurst())));
        ctx.setGatewayResponse(QStringLiteral("THROTTLED"));
        return false;
    }
    ctx.note(QStringLiteral("usage plan '%1' per-client limit (%2): passed, %3 token(s) left")
                 .arg(plan->name, describe(limit.effectiveRate(), limit.effectiveBurst()))
                 .arg(std::floor(left)));
    return true;
}

bool ThrottleStage::takeMethodToken(RequestContext &ctx)
{
    const Model::Stage *stage = ctx.route.stage ? ctx.route.stage->stage : nullptr;
    Limit limit;
    ThrottleBucketKey key;
    key.level = ThrottleBucketKey::Level::Method;
    key.apiId = ctx.api->api().id;
    key.stage = ctx.stageName();
    if (const Model::Method *m = ctx.route.method) {
        key.target = ctx.route.resourcePath;
        key.qualifier = m->httpMethod;
        if (stage) {
            for (auto it = stage->methodThrottle.cbegin(); it != stage->methodThrottle.cend(); ++it) {
                if (isMethodSettingKey(it.key(), ctx.route.resourcePath, m->httpMethod))
                    limit.inherit(*it, QStringLiteral("method setting %1").arg(it.key()));
            }
            if (auto all = stage->methodThrottle.constFind(QStringLiteral("*/*")); all != stage->methodThrottle.cend())
                limit.inherit(*all, QStringLiteral("method setting */*"));
        }
    } else {
        key.target = ctx.route.routeKey;
        if (stage) {
            if (auto it = stage->methodThrottle.constFind(ctx.route.routeKey); it != stage->methodThrottle.cend())
                limit.inherit(*it, QStringLiteral("route setting %1").arg(ctx.route.routeKey));
        }
        if (ctx.route.route && ctx.route.route->route->throttle.isSet())
            limit.inherit(ctx.route.route->route->throttle, QStringLiteral("route %1").arg(ctx.route.routeKey));
    }
    // Descriptions are only built for levels that are set: this runs on every request.
    if (stage && stage->throttle.isSet())
        limit.inherit(stage->throttle, QStringLiteral("stage %1 default").arg(stage->name));
    if (!limit.isSet()) {
        static const QString none = QStringLiteral(
            "no method/route or stage limit: not throttled (AWS's account limit of 10000 rps, burst "
            "5000, is not emulated so that local load tests are not capped)");
        ctx.note(none);
        return true;
    }
    double left = 0;
    const bool ok = m_buckets.bucket(key).tryTake(limit.effectiveRate(), limit.effectiveBurst(),
                                                  ctx.request.receivedAt, &left);
    const QString what = QStringLiteral("%1 (%2) for %3").arg(describe(limit.effectiveRate(), limit.effectiveBurst()),
                                                            limit.source, ctx.route.routeKey);
    if (!ok) {
        ctx.note(QStringLiteral("limit %1 exceeded: Too Many Requests").arg(what));
        ctx.setGatewayResponse(QStringLiteral("THROTTLED"));
        return false;
    }
    ctx.note(QStringLiteral("limit %1: passed, %2 token(s) left").arg(what).arg(std::floor(left)));
    return true;
}

bool ThrottleStage::consumeQuota(RequestContext &ctx)
{
    const Model::UsagePlan *plan = ctx.usagePlan;
    if (!plan || !plan->quota)
        return true;
    const QuotaStore::Decision d = m_quotas.consume(plan->id, ctx.apiKeyId, *plan->quota,
                                                    QDateTime::currentDateTimeUtc());
    const QString period = QStringLiteral("%1 per %2 (period %3 – %4)")
                               .arg(plan->quota->limit)
                               .arg(Model::toString(plan->quota->period),
                                    d.periodStart.toString(Qt::ISODate), d.periodEnd.toString(Qt::ISODate));
    if (!d.allowed) {
        ctx.note(QStringLiteral("usage plan '%1' quota %2 used up for key %3: Limit Exceeded")
                     .arg(plan->name, period, ctx.apiKeyId));
        ctx.setGatewayResponse(QStringLiteral("QUOTA_EXCEEDED"));
        return false;
    }
    ctx.note(QStringLiteral("usage plan '%1' quota %2: %3 used, remaining quota %4")
                 .arg(plan->name, period).arg(d.used).arg(d.remaining));
    return true;
}

StageResult ThrottleStage::decide(RequestContext &ctx)
{
    const Model::Method *method = ctx.route.method;
    if (method && method->apiKeyRequired && ctx.apiKeyId.isEmpty()) {
        // The apiKey step left the key to be checked after the authorizer.
        const bool fromAuthorizer = ctx.api->api().apiKeySource.compare(QLatin1String("AUTHORIZER"), Qt::CaseInsensitive) == 0;
        if (!resolveKeyAfterAuthorizer(ctx, fromAuthorizer))
            return StageResult::respond();
    }
    if (!takeUsagePlanToken(ctx) || !takeMethodToken(ctx) || !consumeQuota(ctx))
        return StageResult::respond();
    return StageResult::next();
}

} // namespace Gw::Runtime
