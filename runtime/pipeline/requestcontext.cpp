// Everything one request carries through the pipeline: the request, the snapshot it runs on, the
// route found, what the integration exchanged, the response being built and the trace.
#include "runtime/pipeline/requestcontext.h"

#include "runtime/gatewayresponses.h"
#include "runtime/pipeline/pipeline.h"
#include "runtime/requestids.h"

namespace Gw::Runtime {

RequestContext::RequestContext(CompiledApiPtr api_, HttpRequest request_)
    : api(std::move(api_))
    , request(std::move(request_))
    , requestId(newRequestId())
    , apiGatewayId(newApiGatewayId())
    , m_trace(std::make_shared<Trace>())
{
    Trace &t = *m_trace;
    t.requestId = requestId;
    t.startedAt = QDateTime::currentDateTimeUtc();
    if (api) {
        t.apiId = api->api().id;
        t.apiName = api->api().name;
        t.apiType = api->apiTypeName();
    }
    t.clientAddress = request.clientAddress;
    t.method = QString::fromLatin1(request.method);
    t.path = QString::fromUtf8(request.path);
    t.rawQuery = QString::fromUtf8(request.rawQuery);
    t.requestHeaders = request.headers;
    t.requestBody = request.body;
    t.steps.reserve(Pipeline::stageOrder().size());
}

const QMap<QString, QString> &RequestContext::stageVariables() const
{
    static const QMap<QString, QString> none;
    return route.stage ? route.stage->variables : none;
}

QString RequestContext::stageName() const
{
    return route.stage ? route.stage->name : QString();
}

void RequestContext::note(const QString &text)
{
    if (m_stepIndex >= 0 && m_stepIndex < m_trace->steps.size())
        m_trace->steps[m_stepIndex].notes.append(text);
    else
        m_trace->integrationLog.append(text);
}

void RequestContext::setGatewayResponse(const QString &type, const QString &message)
{
    errorType = type;
    if (!api || !api->isRest()) {
        response = GatewayResponses::httpApiResponse(type);
        return;
    }
    GatewayResponseContext c;
    c.requestId = requestId;
    c.apiId = api->api().id;
    c.stage = stageName();
    c.httpMethod = QString::fromLatin1(request.method);
    c.resourcePath = route.resourcePath;
    c.path = QString::fromUtf8(request.path);
    c.domainName = QString::fromUtf8(request.header("Host"));
    const qsizetype colon = request.clientAddress.lastIndexOf(QLatin1Char(':'));
    c.sourceIp = colon > 0 ? request.clientAddress.left(colon) : request.clientAddress;
    c.resourceId = route.method ? route.method->id : QString();
    c.protocol = QStringLiteral("HTTP/1.%1").arg(request.httpMinor);
    c.requestTime = m_trace->startedAt;
    c.validationErrorString = validationErrorString;
    c.principalId = authorizer.principalId;
    c.authorizer = authorizer.context;
    if (!authorizer.claims.isEmpty())
        c.authorizer.insert(QStringLiteral("claims"), authorizer.claims);
    c.apiKey = apiKey;
    c.apiKeyId = apiKeyId;
    c.stageVariables = &stageVariables();
    c.requestHeaders = &request.headers;
    c.rawQuery = request.rawQuery;
    for (const auto &p : route.pathParameters)
        c.pathParameters.insert(p.first, p.second);
    response = GatewayResponses::restResponse(api->api(), type, c, message);
}

void RequestContext::setInternalError()
{
    setGatewayResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
}

void RequestContext::resume(StageResult result)
{
    if (m_finished)
        return;
    if (m_inDecide) {
        if (!m_syncResume)
            m_syncResume = std::move(result);
        return;
    }
    if (!m_waiting || !m_pipeline)
        return; // not pending, or resumed twice: ignored
    m_waiting = false;
    m_pipeline->resumed(shared_from_this(), result);
}

qint64 RequestContext::elapsedUs() const
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now()
                                                                 - request.receivedAt)
        .count();
}

} // namespace Gw::Runtime
