// AWS (non-proxy) integration with Lambda — "Lambda custom": the mapped request (the request
// template's output) is the event, the function's result is the integration response, and a
// function error's errorMessage is what the integration responses' selectionPatterns match.
#pragma once

#include "runtime/integrations/integration.h"

namespace Gw::Runtime {

class FunctionHost;

class LambdaCustomIntegration : public Integration
{
public:
    explicit LambdaCustomIntegration(FunctionHost *functions) : m_functions(functions) {}
    StageResult invoke(RequestContext &ctx) override;

    // True when an AWS-type integration targets Lambda (functionName or a Lambda invocation URI).
    static bool targetsLambda(const QString &functionName, const QString &uri);

private:
    FunctionHost *m_functions;
};

} // namespace Gw::Runtime
