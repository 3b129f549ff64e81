// Map request: the integration request of non-proxy integrations (request template chosen by content type).
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class MapRequestStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
    QByteArray payloadBefore(const RequestContext &ctx) const override;
    QByteArray payloadAfter(const RequestContext &ctx) const override;
};

} // namespace Gw::Runtime
