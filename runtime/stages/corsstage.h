// CORS: HTTP API CorsConfiguration (preflight answers, response headers); REST APIs do CORS through their own methods.
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class CorsStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
};

} // namespace Gw::Runtime
