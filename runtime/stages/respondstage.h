// Respond: the gateway's own response headers (request ids) on every answer, success or error.
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class RespondStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
    QByteArray payloadAfter(const RequestContext &ctx) const override;
};

} // namespace Gw::Runtime
