// Map response: selects the integration response — its selectionPattern (a Java regex matching
// the whole value) against the status code for HTTP and MOCK integrations, against the function's
// errorMessage for Lambda custom integrations — then builds the method response: status, the
// responseParameters mappings, the response template chosen by Accept and rendered with VTL, and
// $context.responseOverride applied last.
#include "runtime/stages/mapresponsestage.h"

#include "runtime/integrations/lambdaproxyevent.h"
#include "runtime/integrations/parametermapping.h"
#include "runtime/mapping/mappingtemplates.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/vtl/jsonpath.h"
#include "runtime/vtl/jsonvalue.h"

namespace Gw::Runtime {

const QString &MapResponseStage::name() const
{
    static const QString n = QStringLiteral("mapResponse");
    return n;
}

namespace {

bool isLambdaCustom(const Model::Integration &in)
{
    return in.type == Model::IntegrationType::Aws
           && (!in.functionName.isEmpty() || in.uri.contains(QLatin1String(":lambda:path/")));
}

// One `method.response.header.X <- source` mapping's value, or nullopt when the source gives
// nothing (AWS then omits the header).
std::optional<QByteArray> mappedValue(const QString &source, const RequestContext &ctx)
{
    static const QString header = QStringLiteral("integration.response.header.");
    static const QString multi = QStringLiteral("integration.response.multivalueheader.");
    static const QString body = QStringLiteral("integration.response.body");
    static const QString stageVariable = QStringLiteral("stageVariables.");
    static const QString contextPrefix = QStringLiteral("context.");
    if (source.startsWith(header)) {
        const QByteArray name = source.mid(header.size()).toLatin1();
        if (!hasHeader(ctx.integrationResponseHeaders, name))
            return std::nullopt;
        return headerValue(ctx.integrationResponseHeaders, name);
    }
    if (source.startsWith(multi)) {
        const QByteArray name = source.mid(multi.size()).toLatin1();
        QByteArrayList values;
        for (const auto &h : ctx.integrationResponseHeaders) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                values.append(h.second);
        }
        if (values.isEmpty())
            return std::nullopt;
        return values.join(',');
    }
    if (source == body)
        return ctx.integrationResponseBody;
    if (source.startsWith(body + QLatin1Char('.'))) {
        // integration.response.body.a.b is the JSONPath $.a.b over the response body.
        const Vtl::JsonParseResult json = Vtl::parseJson(QString::fromUtf8(ctx.integrationResponseBody));
        if (!json.ok())
            return std::nullopt;
        const Vtl::JsonPathResult found =
            Vtl::evaluateJsonPath(json.value, QLatin1Char('$') + source.mid(body.size()));
        if (!found.found || found.value.isNull())
            return std::nullopt;
        return (found.value.isString() ? found.value.string() : found.value.toJson()).toUtf8();
    }
    if (source.startsWith(stageVariable)) {
        const QString name = source.mid(stageVariable.size());
        if (!ctx.stageVariables().contains(name))
            return std::nullopt;
        return ctx.stageVariables().value(name).toUtf8();
    }
    QString value;
    if (source.startsWith(contextPrefix) && contextVariable(ctx, source.mid(contextPrefix.size()), &value))
        return value.toUtf8();
    return std::nullopt;
}

} // namespace

StageResult MapResponseStage::decide(RequestContext &ctx)
{
    const CompiledIntegration &ci = *ctx.route.integration;
    const Model::Integration &in = *ci.integration;
    if (in.type == Model::IntegrationType::AwsProxy || in.type == Model::IntegrationType::HttpProxy) {
        static const QString proxy = QStringLiteral("proxy integration: the integration's response is "
                                                    "the method response");
        ctx.note(proxy);
        return StageResult::next();
    }
    if (!ctx.api->isRest()) {
        // HTTP API non-proxy integrations answer as the integration did.
        ctx.response.status = ctx.integrationStatus;
        ctx.response.headers = ctx.integrationResponseHeaders;
        ctx.response.body = ctx.integrationResponseBody;
        return StageResult::next();
    }

    const bool lambda = isLambdaCustom(in);
    const QString status = QString::number(ctx.integrationStatus);
    const CompiledIntegrationResponse *selected = nullptr;
    QString matchedValue;
    if (lambda && ctx.integrationFunctionError) {
        matchedValue = ctx.integrationErrorMessage;
        selected = ci.selectResponse(matchedValue);
    } else if (lambda) {
        // A successful invocation has no errorMessage: the default response answers.
        for (const CompiledIntegrationResponse &r : ci.responses) {
            if (r.isDefault) {
                selected = &r;
                break;
            }
        }
        if (!selected)
            selected = ci.selectResponse(QString());
    } else {
        matchedValue = status;
        selected = ci.selectResponse(status);
    }
    if (!selected) {
        ctx.note(QStringLiteral("Execution failed due to configuration error: No match for output mapping "
                                "and no default output mapping configured. Endpoint Response Status Code: %1")
                     .arg(status));
        ctx.trace().executionFailure = QStringLiteral("Execution failed due to configuration error: No match for "
                                                      "output mapping and no default output mapping configured. "
                                                      "Endpoint Response Status Code: %1")
                                           .arg(status);
        ctx.setGatewayResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
        return StageResult::respond();
    }
    const Model::IntegrationResponse &ir = *selected->response;
    if (selected->isDefault) {
        ctx.note(QStringLiteral("integration response %1 (the default) for %2 %3")
                     .arg(ir.statusCode, lambda ? QStringLiteral("errorMessage") : QStringLiteral("status"),
                          lambda && !ctx.integrationFunctionError ? QStringLiteral("(none)") : matchedValue));
    } else {
        ctx.note(QStringLiteral("integration response %1: selectionPattern '%2' matches %3 '%4'")
                     .arg(ir.statusCode, ir.selectionPattern,
                          lambda ? QStringLiteral("errorMessage") : QStringLiteral("status"), matchedValue));
    }

    HttpResponse &response = ctx.response;
    bool ok = false;
    response.status = ir.statusCode.toInt(&ok);
    if (!ok || response.status < 100 || response.status > 599) {
        ctx.note(QStringLiteral("integration response statusCode '%1' is not an HTTP status").arg(ir.statusCode));
        ctx.setGatewayResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
        return StageResult::respond();
    }
    response.headers = selected->staticHeaders;
    static const QString headerPrefix = QStringLiteral("method.response.header.");
    for (const QString &mapping : selected->unsupportedParameters) {
        const QString target = mapping.section(QStringLiteral(" <- "), 0, 0);
        const QString source = mapping.section(QStringLiteral(" <- "), 1);
        if (!target.startsWith(headerPrefix)) {
            ctx.note(QStringLiteral("response parameter %1 is not a method response header; ignored").arg(target));
            continue;
        }
        if (const std::optional<QByteArray> value = mappedValue(source, ctx)) {
            setHeader(response.headers, target.mid(headerPrefix.size()).toLatin1(), *value);
        } else {
            ctx.note(QStringLiteral("response parameter %1 <- %2 gave no value; header omitted").arg(target, source));
        }
    }

    QString contentType = QStringLiteral("application/json");
    QByteArray integrationBody = ctx.integrationResponseBody;
    const QString converted = convertContent(
        ir.contentHandling,
        isBinaryMediaType(headerValue(ctx.integrationResponseHeaders, "Content-Type"), ctx.api->api().binaryMediaTypes),
        &integrationBody);
    if (!converted.isEmpty())
        ctx.note(converted);
    if (ir.responseTemplates.isEmpty()) {
        response.body = integrationBody; // passthrough
        const QByteArray integrationType = headerValue(ctx.integrationResponseHeaders, "Content-Type");
        if (!integrationType.isEmpty())
            contentType = QString::fromLatin1(integrationType);
    } else {
        // The Accept header picks the template when one matches; else application/json, else the first.
        const QByteArray accept = ctx.request.header("Accept");
        auto it = MappingTemplates::find(ir.responseTemplates, accept.split(',').constLast());
        if (it == ir.responseTemplates.cend())
            it = ir.responseTemplates.constFind(contentType);
        if (it == ir.responseTemplates.cend())
            it = ir.responseTemplates.cbegin();
        contentType = it.key();
        ctx.note(QStringLiteral("response template for %1").arg(contentType));
        const TemplateRender rendered = MappingTemplates::render(it.value(), ctx, integrationBody);
        for (const QString &w : rendered.warnings)
            ctx.note(QStringLiteral("template warning: ") + w);
        if (!rendered.ok) {
            ctx.note(QStringLiteral("Execution failed due to an internal error: the %1 response template "
                                    "failed at %2")
                         .arg(contentType, rendered.error));
            ctx.trace().executionFailure = QStringLiteral("Execution failed due to configuration error: "
                                                          "Unable to transform response (%1)")
                                               .arg(rendered.error);
            ctx.setInternalError();
            return StageResult::respond();
        }
        response.body = rendered.output;
        for (const auto &h : rendered.headerOverrides) {
            setHeader(response.headers, h.first, h.second);
            ctx.note(QStringLiteral("$context.responseOverride.header.%1 applied").arg(QString::fromLatin1(h.first)));
        }
        if (rendered.statusOverride) {
            ctx.note(QStringLiteral("$context.responseOverride.status %1 applied").arg(rendered.statusOverride));
            response.status = rendered.statusOverride;
        }
    }
    if (!hasHeader(response.headers, "Content-Type"))
        response.headers.prepend({QByteArrayLiteral("Content-Type"), contentType.toUtf8()});
    return StageResult::next();
}

QByteArray MapResponseStage::payloadBefore(const RequestContext &ctx) const
{
    return ctx.integrationResponseBody;
}

QByteArray MapResponseStage::payloadAfter(const RequestContext &ctx) const
{
    return ctx.response.body;
}

} // namespace Gw::Runtime
