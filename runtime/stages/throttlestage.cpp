// Throttle: stage, route/method and usage-plan rate and burst limits.
#include "runtime/stages/throttlestage.h"

#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

const QString &ThrottleStage::name() const
{
    static const QString n = QStringLiteral("throttle");
    return n;
}

static QString describe(const Model::ThrottleSettings &t)
{
    QStringList parts;
    if (t.rateLimit >= 0)
        parts.append(QStringLiteral("rate %1/s").arg(t.rateLimit));
    if (t.burstLimit >= 0)
        parts.append(QStringLiteral("burst %1").arg(t.burstLimit));
    return parts.join(QStringLiteral(", "));
}

StageResult ThrottleStage::decide(RequestContext &ctx)
{
    const Model::Stage *stage = ctx.route.stage ? ctx.route.stage->stage : nullptr;
    QStringList limits;
    if (stage && stage->throttle.isSet())
        limits.append(QStringLiteral("stage %1: %2").arg(stage->name, describe(stage->throttle)));
    if (stage) {
        // Method settings keys: REST "/pets/GET", HTTP "GET /pets".
        const QString key = ctx.route.method
                                ? ctx.route.resourcePath + QLatin1Char('/') + ctx.route.method->httpMethod.toUpper()
                                : ctx.route.routeKey;
        auto it = stage->methodThrottle.constFind(key);
        if (it != stage->methodThrottle.cend() && it->isSet())
            limits.append(QStringLiteral("%1: %2").arg(key, describe(*it)));
    }
    if (ctx.route.route && ctx.route.route->route->throttle.isSet())
        limits.append(QStringLiteral("route: %1").arg(describe(ctx.route.route->route->throttle)));
    if (limits.isEmpty()) {
        static const QString none = QStringLiteral("no throttling configured");
        ctx.note(none);
    } else {
        ctx.note(QStringLiteral("limits not enforced by this build (a later version answers 429 past "
                                "them); passing through: %1")
                     .arg(limits.join(QStringLiteral("; "))));
    }
    return StageResult::next();
}

} // namespace Gw::Runtime
