// Receive: records the request as the server parsed it (request line, client, sizes).
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class ReceiveStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
};

} // namespace Gw::Runtime
