// Everything one request carries through the pipeline: the request, the snapshot it runs on, the
// route found, what the integration exchanged, the response being built and the trace.
#pragma once

#include "runtime/compiledapi.h"
#include "runtime/pipeline/stage.h"
#include "runtime/router.h"
#include "runtime/server/httpmessage.h"
#include "runtime/trace/trace.h"

#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

namespace Gw::Model {
struct UsagePlan;
}

namespace Gw::Runtime {

class Pipeline;

// What an authorizer decided about the caller, for $context.authorizer and the proxy event.
struct AuthorizerResult
{
    enum class Kind { None, Lambda, Jwt, Cognito, Iam };
    Kind kind = Kind::None;
    QString principalId;        // Lambda: principalId; IAM: the principal ARN
    QJsonObject context;        // Lambda authorizer context (REST: values already stringified)
    QJsonObject claims;         // JWT / Cognito token claims
    QStringList scopes;         // JWT scopes
    QString usageIdentifierKey; // API key when the API's key source is AUTHORIZER
    QJsonObject iam;            // IAM: accessKey, accountId, userArn, …
    bool simpleResponse = false; // HTTP API payload 2.0 simple response

    // requestContext.authorizer of the proxy event: REST and payload 1.0 (`v2` false) or 2.0.
    QJsonObject eventValue(bool v2) const;
    // requestContext.identity fields of the v1 event (IAM callers).
    QJsonObject identityFields() const;
};

class RequestContext : public std::enable_shared_from_this<RequestContext>
{
public:
    RequestContext(CompiledApiPtr api, HttpRequest request);

    // Inputs.
    const CompiledApiPtr api;
    const HttpRequest request;
    const QString requestId;      // x-amzn-RequestId / $context.requestId
    const QByteArray apiGatewayId; // x-amz-apigw-id / apigw-requestid / $context.extendedRequestId

    // Decided by the route stage.
    RouteMatch route;

    // The integration exchange (non-proxy: after request mapping / before response mapping).
    QByteArray integrationRequestBody;
    HeaderList integrationRequestHeaders;
    int integrationStatus = 0;
    QByteArray integrationResponseBody;
    HeaderList integrationResponseHeaders;
    // Lambda custom integrations: the function failed, and its errorMessage is what integration
    // responses' selectionPatterns match (HTTP integrations match the status code instead).
    bool integrationFunctionError = false;
    QString integrationErrorMessage;
    // $context.requestOverride.{header,querystring,path}.X set by the request template: applied
    // last to the integration request, over every mapping.
    HeaderList requestOverrideHeaders;
    QList<QPair<QString, QString>> requestOverrideQuery;
    QMap<QString, QString> requestOverridePath;

    // The answer being built.
    HttpResponse response;
    QString errorType; // gateway response type when the gateway answered an error
    // A detailed validation failure, for $context.error.validationErrorString in gateway responses.
    QString validationErrorString;

    // Decided by the policy stages (apiKey, authorize, throttle).
    AuthorizerResult authorizer;
    QString apiKey;   // the API key value the caller presented and that was accepted
    QString apiKeyId; // its id (key_…), $context.identity.apiKeyId
    const Model::UsagePlan *usagePlan = nullptr; // the key's plan for this API stage

    const QMap<QString, QString> &stageVariables() const;
    QString stageName() const;

    // Adds a note to the step being decided.
    void note(const QString &text);
    // Sets `response` to the API's gateway response of that type (REST overrides apply).
    void setGatewayResponse(const QString &type, const QString &message = QString());
    // AWS's 500 for an unexpected failure (REST "Internal server error", HTTP "Internal Server Error").
    void setInternalError();

    // For a stage that returned Pending: completes its step with `result` and continues the
    // pipeline. Call once, on the thread the request runs on (e.g. from a QTimer or a socket
    // signal); calling it from inside decide() is allowed too.
    void resume(StageResult result);

    qint64 elapsedUs() const;
    Trace &trace() { return *m_trace; }
    // The trace shared read-only once the request is finished.
    TracePtr sharedTrace() const { return m_trace; }
    const Trace &trace() const { return *m_trace; }
    bool isFinished() const { return m_finished; }

private:
    friend class Pipeline;

    std::shared_ptr<Trace> m_trace;
    std::shared_ptr<const Pipeline> m_pipeline;
    std::function<void(const std::shared_ptr<RequestContext> &)> m_done;
    int m_stageIndex = 0;
    int m_stepIndex = -1;
    bool m_responding = false;
    bool m_inDecide = false;
    bool m_waiting = false;
    bool m_finished = false;
    std::optional<StageResult> m_syncResume;
};

using RequestContextPtr = std::shared_ptr<RequestContext>;

} // namespace Gw::Runtime
