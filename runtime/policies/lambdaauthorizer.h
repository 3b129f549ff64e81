// Lambda authorizers (REST TOKEN / REQUEST, HTTP API payload 1.0 / 2.0): identity sources checked
// before invoking (missing → 401 without invoking), the local function invoked asynchronously,
// its output judged (IAM policy with explicit Deny winning, or a simple response) and cached by
// identity for the authorizer's TTL.
#pragma once

#include "model/apidocument.h"
#include "runtime/pipeline/stage.h"
#include "runtime/policies/authorizercache.h"

#include <memory>

namespace Gw::Runtime {

class FunctionHost;
class RequestContext;

class LambdaAuthorizer
{
public:
    explicit LambdaAuthorizer(FunctionHost *functions) : m_functions(functions) {}

    StageResult authorize(RequestContext &ctx, const Model::Authorizer &authorizer);

    // Applies an authorizer's output to the request: Continue, or the gateway response set.
    static StageResult judge(RequestContext &ctx, const Model::Authorizer &authorizer,
                             const QJsonObject &output);

    AuthorizerCache &cache() { return *m_cache; }

private:
    FunctionHost *m_functions = nullptr;
    // Shared with callbacks in flight, which may finish after a pipeline is replaced.
    std::shared_ptr<AuthorizerCache> m_cache = std::make_shared<AuthorizerCache>();
};

} // namespace Gw::Runtime
