// Integration types later versions run (Lambda, HTTP, AWS service): this build answers AWS's 500
// and says so in the trace.
#pragma once

#include "runtime/integrations/integration.h"

#include <QString>

namespace Gw::Runtime {

class UnsupportedIntegration : public Integration
{
public:
    explicit UnsupportedIntegration(QString typeName) : m_typeName(std::move(typeName)) {}
    StageResult invoke(RequestContext &ctx) override;

private:
    QString m_typeName;
};

} // namespace Gw::Runtime
