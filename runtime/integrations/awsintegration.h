// AWS (non-proxy) integrations: Lambda custom integrations run the local function; every other
// AWS service cannot be reached from this machine, so the request AWS would send is rendered into
// the trace and the user's stub response (or a realistic success body for the action) answers.
#pragma once

#include "runtime/integrations/lambdacustomintegration.h"

namespace Gw::Runtime {

class AwsIntegration : public Integration
{
public:
    explicit AwsIntegration(FunctionHost *functions) : m_lambda(functions) {}
    StageResult invoke(RequestContext &ctx) override;

    // "arn:aws:apigateway:us-east-1:sqs:action/SendMessage" → {"sqs", "SendMessage"}; a path
    // form ("…:s3:path/bucket/key") gives the path as the action.
    static QPair<QString, QString> serviceAndAction(const QString &uri);
    // What the service answers on success for an action, shaped as AWS's JSON protocol does.
    static QByteArray defaultStubBody(const QString &service, const QString &action);

private:
    StageResult stub(RequestContext &ctx);
    LambdaCustomIntegration m_lambda;
};

} // namespace Gw::Runtime
