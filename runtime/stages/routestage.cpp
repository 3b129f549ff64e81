// Route: selects the stage and the REST method or HTTP API route; unmatched requests get AWS's
// "no route" gateway response.
#include "runtime/stages/routestage.h"

#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

const QString &RouteStage::name() const
{
    static const QString n = QStringLiteral("route");
    return n;
}

StageResult RouteStage::decide(RequestContext &ctx)
{
    if (!ctx.api) {
        ctx.note(QStringLiteral("no API is served here"));
        ctx.setGatewayResponse(QStringLiteral("MISSING_AUTHENTICATION_TOKEN"));
        return StageResult::respond();
    }
    ctx.route = Router::match(*ctx.api, ctx.request.method, ctx.request.path);
    const RouteMatch &m = ctx.route;
    if (!m.matched()) {
        ctx.note(m.reason);
        if (ctx.api->isRest()) {
            ctx.note(QStringLiteral("REST answers an unmatched method or resource with the "
                                    "MISSING_AUTHENTICATION_TOKEN gateway response"));
            ctx.setGatewayResponse(QStringLiteral("MISSING_AUTHENTICATION_TOKEN"));
        } else {
            ctx.setGatewayResponse(QStringLiteral("RESOURCE_NOT_FOUND"));
        }
        return StageResult::respond();
    }
    QString note = QStringLiteral("matched %1 on stage %2").arg(m.routeKey, m.stage->name);
    if (!m.pathParameters.isEmpty()) {
        QStringList params;
        for (const auto &p : m.pathParameters)
            params.append(p.first + QLatin1Char('=') + p.second);
        note += QStringLiteral(" (%1)").arg(params.join(QStringLiteral(", ")));
    }
    ctx.note(note);
    return StageResult::next();
}

} // namespace Gw::Runtime
