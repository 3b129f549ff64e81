// Validate: REST request validators (required parameters, body against the draft-4 model).
#include "runtime/stages/validatestage.h"

#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

const QString &ValidateStage::name() const
{
    static const QString n = QStringLiteral("validate");
    return n;
}

StageResult ValidateStage::decide(RequestContext &ctx)
{
    const Model::Method *m = ctx.route.method;
    if (!m) {
        static const QString http = QStringLiteral("HTTP APIs do not validate requests");
        ctx.note(http);
        return StageResult::next();
    }
    if (m->requestValidatorId.isEmpty()) {
        static const QString none = QStringLiteral("no request validator");
        ctx.note(none);
        return StageResult::next();
    }
    QString description = m->requestValidatorId;
    for (const Model::RequestValidator &v : ctx.api->api().requestValidators) {
        if (v.id == m->requestValidatorId) {
            description = QStringLiteral("'%1' (parameters: %2, body: %3)")
                              .arg(v.name, v.validateRequestParameters ? QStringLiteral("yes") : QStringLiteral("no"),
                                   v.validateRequestBody ? QStringLiteral("yes") : QStringLiteral("no"));
        }
    }
    ctx.note(QStringLiteral("request validator %1 not evaluated by this build (a later version "
                            "answers 400 on invalid requests); passing through")
                 .arg(description));
    return StageResult::next();
}

} // namespace Gw::Runtime
