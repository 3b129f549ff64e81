// Throttle: usage-plan (per API key), method/route and stage rate and burst limits as token
// buckets, then usage-plan quotas; 429 "Too Many Requests" / "Limit Exceeded".
#pragma once

#include "runtime/pipeline/pipelineservices.h"
#include "runtime/pipeline/stage.h"
#include "runtime/policies/quotastore.h"
#include "runtime/policies/throttlebuckets.h"

namespace Gw::Runtime {

class ThrottleStage : public Stage
{
public:
    explicit ThrottleStage(const PipelineServices &services = {});

    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;

    QuotaStore &quotas() { return m_quotas; }

private:
    // Keys checked after the authorize step (AUTHORIZER source, or a method with an authorizer).
    // False: answered 403.
    bool resolveKeyAfterAuthorizer(RequestContext &ctx, bool fromAuthorizer);
    bool takeUsagePlanToken(RequestContext &ctx);
    bool takeMethodToken(RequestContext &ctx);
    bool consumeQuota(RequestContext &ctx);

    ThrottleBuckets m_buckets;
    QuotaStore m_quotas;
};

} // namespace Gw::Runtime
