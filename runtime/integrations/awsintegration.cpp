#include "runtime/integrations/awsintegration.h"

#include "runtime/auth/sigv4.h"
#include "runtime/integrations/parametermapping.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/stagevariables.h"

#include <QUuid>

namespace Gw::Runtime {

QPair<QString, QString> AwsIntegration::serviceAndAction(const QString &uri)
{
    // arn:aws:apigateway:{region}:{service}:{action|path}/{rest}
    const QStringList parts = uri.split(QLatin1Char(':'));
    if (parts.size() < 6 || parts.at(2) != QLatin1String("apigateway"))
        return {};
    const QString service = parts.at(4).section(QLatin1Char('.'), 0, 0); // "dynamodb", "states"…
    const QString target = parts.mid(5).join(QLatin1Char(':'));
    if (target.startsWith(QLatin1String("action/")))
        return {service, target.mid(7)};
    return {service, target.startsWith(QLatin1String("path/")) ? target.mid(5) : target};
}

QByteArray AwsIntegration::defaultStubBody(const QString &service, const QString &action)
{
    const QByteArray id = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    if (service == QLatin1String("sqs") && action == QLatin1String("SendMessage"))
        return "{\"SendMessageResponse\":{\"SendMessageResult\":{\"MD5OfMessageBody\":\"d41d8cd98f00b204e9800998ecf8427e\","
               "\"MessageId\":\"" + id + "\"},\"ResponseMetadata\":{\"RequestId\":\"" + id + "\"}}}";
    if (service == QLatin1String("sns") && action == QLatin1String("Publish"))
        return "{\"PublishResponse\":{\"PublishResult\":{\"MessageId\":\"" + id
               + "\"},\"ResponseMetadata\":{\"RequestId\":\"" + id + "\"}}}";
    if (service == QLatin1String("dynamodb") && action == QLatin1String("GetItem"))
        return "{\"Item\":{}}";
    if (service == QLatin1String("dynamodb") && action == QLatin1String("Query"))
        return "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}";
    if (service == QLatin1String("dynamodb"))
        return "{}";
    if (service == QLatin1String("events") && action == QLatin1String("PutEvents"))
        return "{\"Entries\":[{\"EventId\":\"" + id + "\"}],\"FailedEntryCount\":0}";
    if (service == QLatin1String("states") && action == QLatin1String("StartExecution"))
        return "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:local:" + id
               + "\",\"startDate\":" + QByteArray::number(QDateTime::currentSecsSinceEpoch()) + "}";
    if (service == QLatin1String("kinesis") && action == QLatin1String("PutRecord"))
        return "{\"SequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\",\"ShardId\":\"shardId-000000000000\"}";
    return "{}";
}

StageResult AwsIntegration::invoke(RequestContext &ctx)
{
    const Model::Integration &in = *ctx.route.integration->integration;
    if (LambdaCustomIntegration::targetsLambda(in.functionName, in.uri))
        return m_lambda.invoke(ctx);
    return stub(ctx);
}

StageResult AwsIntegration::stub(RequestContext &ctx)
{
    const Model::Integration &in = *ctx.route.integration->integration;
    const QString uri = substituteStageVariables(in.uri, ctx.stageVariables());
    const auto [service, action] = serviceAndAction(uri);
    Trace &trace = ctx.trace();
    if (service.isEmpty()) {
        ctx.note(QStringLiteral("AWS integration URI '%1' is not arn:aws:apigateway:{region}:{service}:action/… "
                                "or …:path/…").arg(uri));
        trace.executionFailure = QStringLiteral("Execution failed due to configuration error: Invalid endpoint address");
        ctx.setGatewayResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
        return StageResult::respond();
    }
    // What AWS would send, so the user can check the mapped request before deploying.
    trace.endpointUri = QStringLiteral("https://%1.us-east-1.amazonaws.com/%2").arg(service, action);
    trace.endpointRequestHeaders = {{"Content-Type", "application/x-amz-json-1.0"},
                                    {"X-Amz-Target", (service + QLatin1Char('.') + action).toLatin1()},
                                    {"X-Amz-Date", SigV4::formatAmzDate(trace.startedAt)}};
    trace.endpointRequestBody = ctx.integrationRequestBody;
    if (!in.requestParameters.isEmpty() || !ctx.requestOverrideHeaders.isEmpty()
        || !ctx.requestOverrideQuery.isEmpty()) {
        // integration.request.header.X mappings (e.g. DynamoDB's X-Amz-Target) reach the request.
        MappedRequest mapped;
        QStringList notes;
        RestRequestParameters::apply(in.requestParameters, ctx, mapped, notes);
        applyRequestOverrides(ctx, mapped);
        for (const QString &n : notes)
            ctx.note(n);
        for (const auto &h : mapped.headers)
            setHeader(trace.endpointRequestHeaders, h.first, h.second);
        if (!mapped.rawQuery.isEmpty())
            trace.endpointUri += QLatin1Char('?') + QString::fromLatin1(mapped.rawQuery);
    }
    const bool configured = !in.stubResponse.isEmpty();
    ctx.integrationStatus = 200;
    ctx.integrationResponseBody = configured ? in.stubResponse.toUtf8() : defaultStubBody(service, action);
    ctx.integrationResponseHeaders = {{"Content-Type", "application/json"}};
    trace.endpointStatus = 200;
    trace.endpointResponseBody = ctx.integrationResponseBody;
    ctx.note(QStringLiteral("STUB: %1 %2 is not called (AWS is not reachable locally); answered with %3")
                 .arg(service, action,
                      configured ? QStringLiteral("the integration's stub response")
                                 : QStringLiteral("a default success body for the action")));
    return StageResult::next();
}

} // namespace Gw::Runtime
