// AWS_PROXY to a local function: builds AWS's proxy event, invokes the function through the
// function host (asynchronously) and turns its result into the client response by AWS's rules.
#pragma once

#include "runtime/integrations/integration.h"

namespace Gw::Runtime {

class FunctionHost;

class LambdaProxyIntegration : public Integration
{
public:
    explicit LambdaProxyIntegration(FunctionHost *functions) : m_functions(functions) {}
    StageResult invoke(RequestContext &ctx) override;

    // The local function an integration targets: functionName, else the name in a Lambda ARN
    // (…:function:NAME[:alias] or the apigateway …/functions/<arn>/invocations form).
    static QString functionNameOf(const QString &functionName, const QString &uri);

private:
    FunctionHost *m_functions;
};

} // namespace Gw::Runtime
