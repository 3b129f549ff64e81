// API key: REST methods that require an API key (x-api-key checked against usage plans).
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class ApiKeyStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
};

} // namespace Gw::Runtime
