// API key: REST methods that require an API key (x-api-key checked against usage plans).
#include "runtime/stages/apikeystage.h"

#include "runtime/pipeline/requestcontext.h"

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
    } else if (method->apiKeyRequired) {
        ctx.note(QStringLiteral("the method requires an API key (source %1): not checked by this build "
                                "(a later version checks x-api-key against usage plans); passing through")
                     .arg(ctx.api->api().apiKeySource));
    } else {
        static const QString none = QStringLiteral("no API key required");
        ctx.note(none);
    }
    return StageResult::next();
}

} // namespace Gw::Runtime
