// Authorizer identity sources, read as AWS reads them: REST "method.request.header.X",
// "method.request.querystring.X", "stageVariables.X", "context.X"; HTTP APIs "$request.header.X"
// (case-insensitive), "$request.querystring.X" (case-sensitive), "$context.X", "$stageVariables.X".
#pragma once

#include <QStringList>

namespace Gw::Runtime {

class RequestContext;

struct IdentityValues
{
    QStringList values;  // in the order the sources are listed
    QStringList missing; // sources absent, null or empty

    bool complete() const { return missing.isEmpty(); }
};

class IdentitySources
{
public:
    static IdentityValues read(const RequestContext &ctx, const QStringList &sources);
    // One source's value; null when absent or empty.
    static QString value(const RequestContext &ctx, const QString &source);
};

} // namespace Gw::Runtime
