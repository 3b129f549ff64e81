// What the standard pipeline's stages need from outside a request: the shared services a runtime
// host (or an in-process invocation) owns.
#pragma once

#include <QString>

namespace Gw::Runtime {

class FunctionHost;

struct PipelineServices
{
    FunctionHost *functions = nullptr; // local Lambda functions; null: Lambda integrations fail
    // Usage-plan quota counts; empty: $APIGW_STUDIO_QUOTA_FILE, else the app data folder.
    QString quotaStorePath = QString();
};

} // namespace Gw::Runtime
