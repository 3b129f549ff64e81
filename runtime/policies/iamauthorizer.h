// AWS_IAM authorization: the SigV4 signature (header or presigned query) verified against the
// project's local IAM credentials with AWS's 5-minute skew rule; failures named as AWS names them.
#pragma once

#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class RequestContext;

class IamAuthorizer
{
public:
    static StageResult authorize(RequestContext &ctx);
};

} // namespace Gw::Runtime
