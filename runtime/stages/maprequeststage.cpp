// Map request: the integration request of non-proxy integrations. The request template is chosen
// by the request's Content-Type (application/json when absent) and rendered with the VTL engine;
// passthroughBehavior decides what happens when no template matches (reference §1.5): WHEN_NO_MATCH
// passes the body through, WHEN_NO_TEMPLATES passes it only when no template exists at all, NEVER
// refuses — both refusals are 415 Unsupported Media Type.
#include "runtime/stages/maprequeststage.h"

#include "runtime/integrations/lambdaproxyevent.h"
#include "runtime/mapping/mappingtemplates.h"
#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

const QString &MapRequestStage::name() const
{
    static const QString n = QStringLiteral("mapRequest");
    return n;
}

static bool isProxy(Model::IntegrationType t)
{
    return t == Model::IntegrationType::AwsProxy || t == Model::IntegrationType::HttpProxy;
}

StageResult MapRequestStage::decide(RequestContext &ctx)
{
    const Model::Integration &in = *ctx.route.integration->integration;
    ctx.integrationRequestBody = ctx.request.body;
    if (isProxy(in.type)) {
        static const QString proxy = QStringLiteral("proxy integration: the request goes to the "
                                                    "integration unmapped");
        ctx.note(proxy);
        return StageResult::next();
    }
    if (!ctx.api->isRest()) {
        ctx.note(QStringLiteral("HTTP APIs have no mapping templates: the body goes to the integration as received"));
        return StageResult::next();
    }

    QByteArray contentType = ctx.request.header("Content-Type");
    if (contentType.trimmed().isEmpty())
        contentType = "application/json";
    const QString requested = QString::fromLatin1(contentType).section(QLatin1Char(';'), 0, 0).trimmed();
    const auto selected = MappingTemplates::find(in.requestTemplates, contentType);
    if (selected == in.requestTemplates.cend()) {
        const Model::PassthroughBehavior behaviour = in.passthroughBehavior;
        const bool passes = behaviour == Model::PassthroughBehavior::WhenNoMatch
                            || (behaviour == Model::PassthroughBehavior::WhenNoTemplates
                                && in.requestTemplates.isEmpty());
        if (!passes) {
            ctx.note(QStringLiteral("no request template for %1 and passthroughBehavior %2: "
                                    "Unsupported Media Type")
                         .arg(requested, Model::toString(behaviour)));
            ctx.trace().executionFailure = QStringLiteral("Execution failed: unsupported media type %1").arg(requested);
            ctx.setGatewayResponse(QStringLiteral("UNSUPPORTED_MEDIA_TYPE"));
            return StageResult::respond();
        }
        const QString converted = convertContent(
            in.contentHandling, isBinaryMediaType(contentType, ctx.api->api().binaryMediaTypes),
            &ctx.integrationRequestBody);
        if (!converted.isEmpty())
            ctx.note(converted);
        ctx.note(in.requestTemplates.isEmpty()
                     ? QStringLiteral("no request templates: the body passes through (passthroughBehavior %1)")
                           .arg(Model::toString(behaviour))
                     : QStringLiteral("no request template for %1: the body passes through "
                                      "(passthroughBehavior %2)")
                           .arg(requested, Model::toString(behaviour)));
        return StageResult::next();
    }

    ctx.note(QStringLiteral("request template for %1").arg(selected.key()));
    QByteArray body = ctx.request.body;
    const QString converted = convertContent(in.contentHandling,
                                             isBinaryMediaType(contentType, ctx.api->api().binaryMediaTypes), &body);
    if (!converted.isEmpty())
        ctx.note(converted);
    const TemplateRender rendered = MappingTemplates::render(selected.value(), ctx, body);
    for (const QString &w : rendered.warnings)
        ctx.note(QStringLiteral("template warning: ") + w);
    if (!rendered.ok) {
        ctx.note(QStringLiteral("Execution failed due to an internal error: the %1 request template "
                                "failed at %2")
                     .arg(selected.key(), rendered.error));
        ctx.trace().executionFailure = QStringLiteral("Execution failed due to configuration error: "
                                                      "Unable to transform request (%1)")
                                           .arg(rendered.error);
        ctx.setInternalError();
        return StageResult::respond();
    }
    ctx.integrationRequestBody = rendered.output;
    ctx.requestOverrideHeaders = rendered.requestHeaderOverrides;
    ctx.requestOverrideQuery = rendered.requestQueryOverrides;
    ctx.requestOverridePath = rendered.requestPathOverrides;
    if (!rendered.requestHeaderOverrides.isEmpty() || !rendered.requestQueryOverrides.isEmpty()
        || !rendered.requestPathOverrides.isEmpty()) {
        ctx.note(QStringLiteral("$context.requestOverride: %1 header(s), %2 query parameter(s), %3 path "
                                "parameter(s) override the integration request")
                     .arg(rendered.requestHeaderOverrides.size())
                     .arg(rendered.requestQueryOverrides.size())
                     .arg(rendered.requestPathOverrides.size()));
    }
    return StageResult::next();
}

QByteArray MapRequestStage::payloadBefore(const RequestContext &ctx) const
{
    return ctx.request.body;
}

QByteArray MapRequestStage::payloadAfter(const RequestContext &ctx) const
{
    return ctx.integrationRequestBody;
}

} // namespace Gw::Runtime
