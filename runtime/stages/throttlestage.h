// Throttle: stage, route/method and usage-plan rate and burst limits.
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class ThrottleStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
};

} // namespace Gw::Runtime
