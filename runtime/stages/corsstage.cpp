// CORS: HTTP API CorsConfiguration. A preflight (OPTIONS with Origin and
// Access-Control-Request-Method) is answered here by the gateway itself unless an explicit OPTIONS
// route or the $default route takes it (AWS: $default captures OPTIONS too); a preflight that no
// route matches is answered in the respond step. The respond step also puts the CORS headers on
// every response. REST APIs do CORS through their own OPTIONS methods.
#include "runtime/stages/corsstage.h"

#include "runtime/pipeline/requestcontext.h"
#include "runtime/policies/corspolicy.h"

namespace Gw::Runtime {

const QString &CorsStage::name() const
{
    static const QString n = QStringLiteral("cors");
    return n;
}

StageResult CorsStage::decide(RequestContext &ctx)
{
    if (ctx.api->isRest()) {
        static const QString rest = QStringLiteral(
            "REST APIs answer CORS through their own OPTIONS methods and response headers: the "
            "gateway adds nothing");
        ctx.note(rest);
        return StageResult::next();
    }
    if (!ctx.api->api().cors) {
        static const QString none = QStringLiteral("no CORS configuration");
        ctx.note(none);
        return StageResult::next();
    }
    const HttpRequest &r = ctx.request;
    if (!CorsPolicy::isPreflight(r)) {
        ctx.note(r.header("Origin").isEmpty()
                     ? QStringLiteral("CorsConfiguration present; no Origin header, so no CORS headers")
                     : QStringLiteral("CorsConfiguration present; CORS headers for origin %1 are decided in the respond step")
                           .arg(QString::fromUtf8(r.header("Origin"))));
        return StageResult::next();
    }
    if (!CorsPolicy::gatewayAnswersPreflight(ctx)) {
        ctx.note(QStringLiteral("preflight goes to route %1, which takes OPTIONS itself").arg(ctx.route.routeKey));
        return StageResult::next();
    }
    QString why;
    ctx.response = CorsPolicy::preflightResponse(*ctx.api->api().cors, r, &why);
    ctx.note(why);
    return StageResult::respond();
}

} // namespace Gw::Runtime
