// Validate: REST request validators (required parameters, body against the draft-4 model).
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class ValidateStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
};

} // namespace Gw::Runtime
