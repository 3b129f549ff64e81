// Authorize: the method's or route's authorization (Lambda, Cognito, JWT, IAM).
#include "runtime/stages/authorizestage.h"

#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

const QString &AuthorizeStage::name() const
{
    static const QString n = QStringLiteral("authorize");
    return n;
}

StageResult AuthorizeStage::decide(RequestContext &ctx)
{
    Model::AuthorizationType type = Model::AuthorizationType::None;
    QString authorizerId;
    QString what;
    if (const Model::Method *m = ctx.route.method) {
        type = m->authorizationType;
        authorizerId = m->authorizerId;
        what = QStringLiteral("method");
    } else if (const HttpRouteEntry *r = ctx.route.route) {
        type = r->route->authorizationType;
        authorizerId = r->route->authorizerId;
        what = QStringLiteral("route");
    }
    if (type == Model::AuthorizationType::None) {
        static const QString none = QStringLiteral("no authorizer configured");
        ctx.note(none);
        return StageResult::next();
    }
    QString authorizer;
    for (const Model::Authorizer &a : ctx.api->api().authorizers) {
        if (a.id == authorizerId)
            authorizer = QStringLiteral(" (authorizer '%1', %2)").arg(a.name, Model::toString(a.type));
    }
    ctx.note(QStringLiteral("authorizer not evaluated by this build: %1 has authorizationType %2%3; "
                            "a later version evaluates it, this build passes through")
                 .arg(what, Model::toString(type), authorizer));
    return StageResult::next();
}

} // namespace Gw::Runtime
