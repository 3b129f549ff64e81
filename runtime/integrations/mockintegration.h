// MOCK: answers from the integration itself; the status comes from "statusCode" in the mapped
// request template, as AWS does.
#pragma once

#include "runtime/integrations/integration.h"

#include <QByteArray>

namespace Gw::Runtime {

class MockIntegration : public Integration
{
public:
    StageResult invoke(RequestContext &ctx) override;

    // The integer after "statusCode": in the text, or -1. A literal scan (no JSON parse): AWS
    // reads the value from the rendered template, which need not be valid JSON.
    static int statusCodeIn(const QByteArray &text);
};

} // namespace Gw::Runtime
