// AWS_PROXY to a local function: builds AWS's proxy event, invokes the function through the
// function host (asynchronously) and turns its result into the client response by AWS's rules.
#pragma once

#include "runtime/integrations/integration.h"
#include "runtime/integrations/lambdaproxyevent.h"

namespace Gw::Runtime {

class FunctionHost;

class LambdaProxyIntegration : public Integration
{
public:
    explicit LambdaProxyIntegration(FunctionHost *functions) : m_functions(functions) {}
    StageResult invoke(RequestContext &ctx) override;

    // The request part of a proxy event (no body, no authorizer result): what Lambda authorizers
    // receive too, so both see exactly the same fields.
    static ProxyEventInput requestInput(const RequestContext &ctx);

    // The local function an integration targets: functionName, else the name in a Lambda ARN
    // (…:function:NAME[:alias] or the apigateway …/functions/<arn>/invocations form).
    static QString functionNameOf(const QString &functionName, const QString &uri);

private:
    FunctionHost *m_functions;
};

} // namespace Gw::Runtime
