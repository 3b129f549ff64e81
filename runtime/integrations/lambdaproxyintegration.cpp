// AWS_PROXY to a local function: the event of reference §3.1/§3.2, the function run by the host,
// and the result judged by §1.16/§1.17 — with AWS's error statuses and execution-log wording.
#include "runtime/integrations/lambdaproxyintegration.h"

#include "runtime/auth/sigv4.h"
#include "runtime/gatewayresponses.h"
#include "runtime/integrations/lambdaproxyevent.h"
#include "runtime/integrations/lambdaproxyresponse.h"
#include "runtime/lambda/functionhost.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/stagevariables.h"

#include <QAbstractEventDispatcher>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThread>

namespace Gw::Runtime {

namespace {

constexpr int httpApiMaxTimeoutMs = 30000;
const QString accountId = QStringLiteral("123456789012");
const QString region = QStringLiteral("us-east-1");

QString functionArn(const QString &name)
{
    return QStringLiteral("arn:aws:lambda:%1:%2:function:%3").arg(region, accountId, name);
}

// A Lambda integration failure answers REST 502 (observed AWS behaviour, reference §1.17) and
// HTTP API 500; the gateway response's body and headers still apply.
void answerIntegrationFailure(RequestContext &ctx)
{
    ctx.setGatewayResponse(QStringLiteral("INTEGRATION_FAILURE"));
    if (ctx.api->isRest()
        && !GatewayResponses::hasCustomStatus(ctx.api->api(), QStringLiteral("INTEGRATION_FAILURE"))) {
        ctx.response.status = 502;
        setHeader(ctx.response.headers, "x-amzn-ErrorType", "InternalServerErrorException");
    }
}

ProxyEventInput eventInput(const RequestContext &ctx)
{
    const HttpRequest &r = ctx.request;
    ProxyEventInput in = LambdaProxyIntegration::requestInput(ctx);
    in.body = r.body;
    const QByteArray contentType = r.header("Content-Type");
    in.bodyIsBinary = !r.body.isEmpty()
                      && (ctx.api->isRest() ? isBinaryMediaType(contentType, ctx.api->api().binaryMediaTypes)
                                            : !isTextContentType(contentType));
    // What the policy stages decided (authorizer result, accepted API key).
    in.authorizer = ctx.authorizer.eventValue(!ctx.api->isRest() && ctx.route.integration
                                              && ctx.route.integration->integration->payloadFormatVersion
                                                     != QLatin1String("1.0"));
    in.authorizedIdentity = ctx.authorizer.identityFields();
    return in;
}

} // namespace

ProxyEventInput LambdaProxyIntegration::requestInput(const RequestContext &ctx)
{
    const HttpRequest &r = ctx.request;
    ProxyEventInput in;
    in.method = QString::fromLatin1(r.method);
    in.path = QString::fromUtf8(QByteArray::fromPercentEncoding(r.path));
    in.stagePath = ctx.route.stagePath;
    in.resourcePath = ctx.route.resourcePath;
    in.routeKey = ctx.route.routeKey;
    in.stage = ctx.stageName();
    in.rawQuery = r.rawQuery;
    in.headers = r.headers;
    in.pathParameters = ctx.route.pathParameters;
    in.stageVariables = ctx.stageVariables();
    in.requestId = ctx.requestId;
    in.extendedRequestId = QString::fromLatin1(ctx.apiGatewayId);
    in.apiId = ctx.api->api().id;
    in.resourceId = ctx.route.method ? ctx.route.method->id : QString();
    in.accountId = accountId;
    const qsizetype colon = r.clientAddress.lastIndexOf(QLatin1Char(':'));
    in.sourceIp = colon > 0 ? r.clientAddress.left(colon) : r.clientAddress;
    in.domainName = QString::fromUtf8(r.header("Host"));
    in.requestTime = ctx.trace().startedAt;
    in.clientCert = r.clientCert; // mTLS: requestContext.identity.clientCert
    in.apiKey = ctx.apiKey;
    in.apiKeyId = ctx.apiKeyId;
    return in;
}

QString LambdaProxyIntegration::functionNameOf(const QString &functionName, const QString &uri)
{
    if (!functionName.isEmpty())
        return functionName;
    // arn:aws:lambda:region:account:function:NAME[:alias], also inside the apigateway URI form.
    static const QRegularExpression arn(QStringLiteral(R"(function:([A-Za-z0-9_\-]+))"));
    const QRegularExpressionMatch m = arn.match(uri);
    return m.hasMatch() ? m.captured(1) : QString();
}

StageResult LambdaProxyIntegration::invoke(RequestContext &ctx)
{
    const Model::Integration &integration = *ctx.route.integration->integration;
    QStringList missing;
    const QString name = substituteStageVariables(
        functionNameOf(integration.functionName, integration.uri), ctx.stageVariables(), &missing);
    for (const QString &variable : missing)
        ctx.note(QStringLiteral("stage variable %1 is not set on stage %2").arg(variable, ctx.stageName()));
    Trace &trace = ctx.trace();
    if (name.isEmpty() || !m_functions) {
        ctx.note(name.isEmpty() ? QStringLiteral("the integration names no function (set functionName or a Lambda ARN as uri)")
                                : QStringLiteral("no function host is running"));
        trace.executionFailure = QStringLiteral("Execution failed due to configuration error: Invalid endpoint address");
        ctx.setGatewayResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
        return StageResult::respond();
    }

    const bool rest = ctx.api->isRest();
    const ProxyEventInput input = eventInput(ctx);
    const QByteArray payload = rest ? restProxyEventJson(input)
                              : integration.payloadFormatVersion == QLatin1String("1.0")
                                  ? httpProxyEventV1Json(input)
                                  : httpProxyEventV2Json(input);
    ctx.integrationRequestBody = payload;
    trace.endpointUri = QStringLiteral("https://lambda.%1.amazonaws.com/2015-03-31/functions/%2/invocations")
                            .arg(region, functionArn(name));
    trace.endpointRequestHeaders = {{"x-amzn-lambda-integration-tag", ctx.requestId.toLatin1()},
                                    {"X-Amz-Date", SigV4::formatAmzDate(trace.startedAt)},
                                    {"x-amzn-apigateway-api-id", ctx.api->api().id.toLatin1()},
                                    {"Accept", "application/json"},
                                    {"User-Agent", "AmazonAPIGateway_" + ctx.api->api().id.toLatin1()}};
    trace.endpointRequestBody = payload;
    ctx.note(QStringLiteral("invoking local function %1 with a %2 proxy event")
                 .arg(name, rest ? QStringLiteral("REST (v1)")
                                 : QStringLiteral("payload %1").arg(integration.payloadFormatVersion)));

    FunctionInvocation call;
    call.functionName = name;
    call.payload = payload;
    call.timeoutMs = rest ? integration.timeoutInMillis : qMin(integration.timeoutInMillis > 0 ? integration.timeoutInMillis
                                                                                                 : httpApiMaxTimeoutMs,
                                                                  httpApiMaxTimeoutMs);
    // The answer comes back on this worker thread: its event dispatcher is the context object.
    QObject *here = QAbstractEventDispatcher::instance(QThread::currentThread());
    RequestContextPtr self = ctx.shared_from_this();
    const QStringList binaryMediaTypes = ctx.api->api().binaryMediaTypes;
    m_functions->invoke(call, here, [self, name, rest, binaryMediaTypes,
                                     version = integration.payloadFormatVersion](const FunctionResult &r) {
        RequestContext &c = *self;
        Trace &t = c.trace();
        t.integrationLog = r.log;
        t.integrationLatencyUs = qint64(r.durationMs * 1000);
        t.endpointStatus = r.status == FunctionResult::Status::Success
                                   || r.status == FunctionResult::Status::FunctionError
                               ? 200 : 0;
        t.endpointResponseHeaders = {{"Content-Type", "application/json"},
                                     {"x-amzn-RequestId", r.requestId.toLatin1()},
                                     {"X-Amz-Executed-Version", "$LATEST"}};
        if (r.status == FunctionResult::Status::FunctionError)
            t.endpointResponseHeaders.emplaceBack("X-Amz-Function-Error", "Unhandled");
        t.endpointResponseBody = r.payload;
        c.integrationResponseBody = r.payload;
        c.integrationStatus = t.endpointStatus;
        c.note(QStringLiteral("%1 in %2 ms%3 (Lambda request id %4)")
                   .arg(toString(r.status), QString::number(r.durationMs, 'f', 2),
                        r.coldStart ? QStringLiteral(", cold start, Init Duration %1 ms")
                                          .arg(QString::number(r.initDurationMs, 'f', 2))
                                    : QStringLiteral(", warm"),
                        r.requestId));

        switch (r.status) {
        case FunctionResult::Status::Success: {
            const ProxyResponse parsed = rest ? parseRestProxyResponse(r.payload, binaryMediaTypes,
                                                                       c.request.header("Accept"))
                                         : version == QLatin1String("1.0") ? parseHttpProxyResponseV1(r.payload)
                                                                           : parseHttpProxyResponseV2(r.payload);
            if (parsed.ok) {
                c.response = parsed.response;
                break;
            }
            c.note(QStringLiteral("Malformed Lambda proxy response: ") + parsed.malformedReason);
            t.executionFailure = QStringLiteral("Execution failed due to configuration error: Malformed Lambda proxy response");
            answerIntegrationFailure(c);
            break;
        }
        case FunctionResult::Status::FunctionError:
        case FunctionResult::Status::Crashed:
        case FunctionResult::Status::InitError:
            c.note(QStringLiteral("Lambda execution failed with status 200 due to customer function error: %1. Lambda request id: %2")
                       .arg(r.errorMessage.isEmpty() ? r.errorType : r.errorMessage, r.requestId));
            t.executionFailure = QStringLiteral("Lambda execution failed with status 200 due to customer function error: %1. Lambda request id: %2")
                                     .arg(r.errorMessage.isEmpty() ? r.errorType : r.errorMessage, r.requestId);
            answerIntegrationFailure(c);
            break;
        case FunctionResult::Status::Timeout:
            c.note(r.errorMessage);
            t.executionFailure = QStringLiteral("Execution failed due to a timeout error");
            c.setGatewayResponse(QStringLiteral("INTEGRATION_TIMEOUT"));
            break;
        case FunctionResult::Status::NotFound:
        case FunctionResult::Status::StartFailed:
            c.note(r.errorMessage);
            t.executionFailure = QStringLiteral("Execution failed due to configuration error: %1")
                                     .arg(r.status == FunctionResult::Status::NotFound
                                              ? QStringLiteral("Invalid endpoint address (no local function %1)").arg(name)
                                              : r.errorMessage);
            c.setGatewayResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
            break;
        }
        c.resume(StageResult::respond());
    });
    return StageResult::pending();
}

} // namespace Gw::Runtime
