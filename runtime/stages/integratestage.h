// Integrate: runs the route's integration; each integration type is one Integration class.
#pragma once

#include "runtime/integrations/integration.h"
#include "runtime/pipeline/pipelineservices.h"
#include "runtime/pipeline/stage.h"

#include "model/apidocument.h"

#include <array>
#include <memory>

namespace Gw::Runtime {

class IntegrateStage : public Stage
{
public:
    explicit IntegrateStage(const PipelineServices &services = {});
    ~IntegrateStage() override;

    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;
    QByteArray payloadBefore(const RequestContext &ctx) const override;
    QByteArray payloadAfter(const RequestContext &ctx) const override;

    // Plugs the class that runs one integration type (later builds: Lambda, HTTP, …).
    void setIntegration(Model::IntegrationType type, std::unique_ptr<Integration> integration);

private:
    static constexpr size_t TypeCount = 5;
    std::array<std::unique_ptr<Integration>, TypeCount> m_integrations;
};

} // namespace Gw::Runtime
