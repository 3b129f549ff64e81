// Authorize: the method's or route's authorization (Lambda, Cognito, JWT, IAM).
#pragma once

#include "runtime/pipeline/pipelineservices.h"
#include "runtime/pipeline/stage.h"
#include "runtime/policies/lambdaauthorizer.h"

namespace Gw::Runtime {

class AuthorizeStage : public Stage
{
public:
    explicit AuthorizeStage(const PipelineServices &services = {});

    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;

private:
    LambdaAuthorizer m_lambda;
};

} // namespace Gw::Runtime
