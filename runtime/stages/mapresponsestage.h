// Map response: selects the integration response (selectionPattern) and builds the method response.
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class MapResponseStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
    QByteArray payloadBefore(const RequestContext &ctx) const override;
    QByteArray payloadAfter(const RequestContext &ctx) const override;
};

} // namespace Gw::Runtime
