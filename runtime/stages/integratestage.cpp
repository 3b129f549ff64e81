// Integrate: runs the route's integration; each integration type is one Integration class.
#include "runtime/stages/integratestage.h"

#include "runtime/integrations/awsintegration.h"
#include "runtime/integrations/httpintegration.h"
#include "runtime/integrations/lambdaproxyintegration.h"
#include "runtime/integrations/mockintegration.h"
#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

IntegrateStage::IntegrateStage(const PipelineServices &services)
{
    setIntegration(Model::IntegrationType::Http, std::make_unique<HttpIntegration>(false));
    setIntegration(Model::IntegrationType::HttpProxy, std::make_unique<HttpIntegration>(true));
    setIntegration(Model::IntegrationType::Mock, std::make_unique<MockIntegration>());
    setIntegration(Model::IntegrationType::AwsProxy,
                   std::make_unique<LambdaProxyIntegration>(services.functions));
    setIntegration(Model::IntegrationType::Aws, std::make_unique<AwsIntegration>(services.functions));
}

IntegrateStage::~IntegrateStage() = default;

const QString &IntegrateStage::name() const
{
    static const QString n = QStringLiteral("integrate");
    return n;
}

void IntegrateStage::setIntegration(Model::IntegrationType type, std::unique_ptr<Integration> integration)
{
    const size_t index = size_t(type);
    if (index < TypeCount)
        m_integrations[index] = std::move(integration);
}

StageResult IntegrateStage::decide(RequestContext &ctx)
{
    const Model::Integration &in = *ctx.route.integration->integration;
    const size_t index = size_t(in.type);
    Integration *integration = index < TypeCount ? m_integrations[index].get() : nullptr;
    if (!integration)
        return StageResult::fail(QStringLiteral("no integration class for type %1").arg(Model::toString(in.type)));
    return integration->invoke(ctx);
}

QByteArray IntegrateStage::payloadBefore(const RequestContext &ctx) const
{
    return ctx.integrationRequestBody;
}

QByteArray IntegrateStage::payloadAfter(const RequestContext &ctx) const
{
    return ctx.integrationResponseBody;
}

} // namespace Gw::Runtime
