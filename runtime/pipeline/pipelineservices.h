// What the standard pipeline's stages need from outside a request: the shared services a runtime
// host (or an in-process invocation) owns.
#pragma once

namespace Gw::Runtime {

class FunctionHost;

struct PipelineServices
{
    FunctionHost *functions = nullptr; // local Lambda functions; null: Lambda integrations fail
};

} // namespace Gw::Runtime
