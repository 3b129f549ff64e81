// CORS: HTTP API CorsConfiguration (preflight answers, response headers); REST APIs do CORS
// through their own methods.
#include "runtime/stages/corsstage.h"

#include "runtime/pipeline/requestcontext.h"

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
    } else if (ctx.api->api().cors) {
        ctx.note(QStringLiteral("CorsConfiguration present: preflight answers and CORS headers are "
                                "applied by a later version; this build passes through"));
    } else {
        static const QString none = QStringLiteral("no CORS configuration");
        ctx.note(none);
    }
    return StageResult::next();
}

} // namespace Gw::Runtime
