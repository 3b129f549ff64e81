// Route: selects the stage and the REST method or HTTP API route; unmatched requests get AWS's "no route" gateway response.
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class RouteStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
};

} // namespace Gw::Runtime
