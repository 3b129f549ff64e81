// Integration types later versions run (Lambda, HTTP, AWS service): this build answers AWS's 500
// and says so in the trace.
#include "runtime/integrations/unsupportedintegration.h"

#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

StageResult UnsupportedIntegration::invoke(RequestContext &ctx)
{
    Q_UNUSED(ctx)
    return StageResult::fail(QStringLiteral("integration type %1 is not run by this build yet").arg(m_typeName));
}

} // namespace Gw::Runtime
