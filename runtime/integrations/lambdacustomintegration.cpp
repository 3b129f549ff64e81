#include "runtime/integrations/lambdacustomintegration.h"

#include "runtime/integrations/lambdaproxyintegration.h"
#include "runtime/lambda/functionhost.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/stagevariables.h"

#include <QAbstractEventDispatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace Gw::Runtime {

bool LambdaCustomIntegration::targetsLambda(const QString &functionName, const QString &uri)
{
    return !functionName.isEmpty() || uri.contains(QLatin1String(":lambda:path/"))
           || uri.startsWith(QLatin1String("arn:aws:lambda:"));
}

StageResult LambdaCustomIntegration::invoke(RequestContext &ctx)
{
    const Model::Integration &integration = *ctx.route.integration->integration;
    QStringList missing;
    const QString name = substituteStageVariables(
        LambdaProxyIntegration::functionNameOf(integration.functionName, integration.uri),
        ctx.stageVariables(), &missing);
    for (const QString &variable : missing)
        ctx.note(QStringLiteral("stage variable %1 is not set on stage %2").arg(variable, ctx.stageName()));
    Trace &trace = ctx.trace();
    if (name.isEmpty() || !m_functions) {
        ctx.note(name.isEmpty() ? QStringLiteral("the integration names no function")
                                : QStringLiteral("no function host is running"));
        trace.executionFailure = QStringLiteral("Execution failed due to configuration error: Invalid endpoint address");
        ctx.setGatewayResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
        return StageResult::respond();
    }
    // Lambda only takes JSON events; AWS answers 500 when the template produced something else.
    QJsonParseError parseError;
    const QByteArray event = ctx.integrationRequestBody.trimmed().isEmpty() ? QByteArrayLiteral("{}")
                                                                            : ctx.integrationRequestBody;
    QJsonDocument::fromJson(event, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ctx.note(QStringLiteral("the mapped request is not JSON (%1 at offset %2): Lambda rejects it "
                                "(InvalidRequestContentException)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset));
        trace.executionFailure = QStringLiteral("Execution failed due to configuration error: Could not parse "
                                                "request body into json");
        ctx.setInternalError();
        return StageResult::respond();
    }
    trace.endpointUri = QStringLiteral("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/"
                                       "arn:aws:lambda:us-east-1:123456789012:function:%1/invocations")
                            .arg(name);
    trace.endpointRequestBody = event;
    ctx.note(QStringLiteral("invoking local function %1 with the mapped request as its event").arg(name));

    FunctionInvocation call;
    call.functionName = name;
    call.payload = event;
    call.timeoutMs = integration.timeoutInMillis;
    QObject *here = QAbstractEventDispatcher::instance(QThread::currentThread());
    RequestContextPtr self = ctx.shared_from_this();
    m_functions->invoke(call, here, [self, name](const FunctionResult &r) {
        RequestContext &c = *self;
        Trace &t = c.trace();
        t.integrationLog = r.log;
        t.integrationLatencyUs = qint64(r.durationMs * 1000);
        c.note(QStringLiteral("%1 in %2 ms (Lambda request id %3)")
                   .arg(toString(r.status), QString::number(r.durationMs, 'f', 2), r.requestId));
        switch (r.status) {
        case FunctionResult::Status::Success:
        case FunctionResult::Status::FunctionError:
        case FunctionResult::Status::Crashed:
        case FunctionResult::Status::InitError: {
            // Lambda answers 200 either way; X-Amz-Function-Error marks the failure.
            c.integrationStatus = 200;
            t.endpointStatus = 200;
            c.integrationResponseHeaders = {{"Content-Type", "application/json"},
                                            {"x-amzn-RequestId", r.requestId.toLatin1()}};
            if (r.ok()) {
                c.integrationResponseBody = r.payload;
            } else {
                c.integrationFunctionError = true;
                const QJsonObject error = QJsonDocument::fromJson(r.payload).object();
                c.integrationErrorMessage = error.value(QLatin1String("errorMessage")).toString(r.errorMessage);
                c.integrationResponseBody = r.payload.isEmpty()
                                                ? QJsonDocument(QJsonObject{{QStringLiteral("errorMessage"), r.errorMessage},
                                                                            {QStringLiteral("errorType"), r.errorType}})
                                                      .toJson(QJsonDocument::Compact)
                                                : r.payload;
                c.integrationResponseHeaders.emplaceBack("X-Amz-Function-Error", "Unhandled");
                c.note(QStringLiteral("function error: %1").arg(c.integrationErrorMessage));
            }
            t.endpointResponseHeaders = c.integrationResponseHeaders;
            t.endpointResponseBody = c.integrationResponseBody;
            c.resume(StageResult::next());
            return;
        }
        case FunctionResult::Status::Timeout:
            c.note(r.errorMessage);
            t.executionFailure = QStringLiteral("Execution failed due to a timeout error");
            c.setGatewayResponse(QStringLiteral("INTEGRATION_TIMEOUT"));
            break;
        case FunctionResult::Status::NotFound:
        case FunctionResult::Status::StartFailed:
            c.note(r.errorMessage);
            t.executionFailure = QStringLiteral("Execution failed due to configuration error: %1").arg(r.errorMessage);
            c.setGatewayResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
            break;
        }
        c.resume(StageResult::respond());
    });
    return StageResult::pending();
}

} // namespace Gw::Runtime
