// Validate: REST request validators (required parameters, body against the draft-4 model).
#pragma once

#include "runtime/pipeline/stage.h"
#include "runtime/policies/modelschemacache.h"

namespace Gw::Runtime {

class ValidateStage : public Stage
{
public:
    const QString &name() const override;
    StageResult decide(RequestContext &ctx) override;

private:
    // Names of the required parameters that are absent or blank, sorted as AWS lists them.
    static QStringList missingParameters(const RequestContext &ctx, const Model::Method &method);
    // Continue, or a 400 BAD_REQUEST_BODY answer; notes say which model and which paths failed.
    StageResult validateBody(RequestContext &ctx, const Model::Method &method);

    ModelSchemaCache m_schemas;
};

} // namespace Gw::Runtime
