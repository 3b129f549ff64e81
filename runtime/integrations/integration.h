// An integration type as the integrate stage runs it: one class per type (MOCK now; Lambda, HTTP
// and AWS service integrations come as further classes).
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class Integration
{
public:
    virtual ~Integration() = default;
    // Reads ctx.integrationRequestBody (and the route), fills ctx.integrationStatus,
    // integrationResponseBody and integrationResponseHeaders — or, for proxy integrations, the
    // final ctx.response. May return Pending and resume the context later (network, processes).
    // Called concurrently from worker threads.
    virtual StageResult invoke(RequestContext &ctx) = 0;
};

} // namespace Gw::Runtime
