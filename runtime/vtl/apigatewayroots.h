// Fills a render Context with API Gateway's template roots: $input, $util, $context and
// $stageVariables.
#pragma once

#include "context.h"
#include "inputobject.h"

namespace Gw::Vtl {

struct ApiGatewayRoots
{
    QByteArray body;
    InputParams params;   // path / querystring / header, in request order
    Value context;        // $context: a map (requestId, identity.sourceIp, authorizer...)
    Value stageVariables; // $stageVariables: a map of strings
};

void installApiGatewayRoots(Context &context, const ApiGatewayRoots &roots);

} // namespace Gw::Vtl
