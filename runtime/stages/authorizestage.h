// Authorize: the method's or route's authorization (Lambda, Cognito, JWT, IAM).
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class AuthorizeStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
};

} // namespace Gw::Runtime
