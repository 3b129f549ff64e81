// Lambda invocation URIs: building the AWS form for a local function and reading a name back.
#pragma once

#include <QString>

namespace Gw::Model::Interop {

class LambdaUri
{
public:
    // Values the local run stands in for AWS pseudo parameters.
    static QString region() { return QStringLiteral("us-east-1"); }
    static QString accountId() { return QStringLiteral("123456789012"); }

    // arn:aws:lambda:us-east-1:123456789012:function:NAME
    static QString functionArn(const QString &functionName);
    // arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/<functionArn>/invocations
    static QString invocationUri(const QString &functionName);
    // The function NAME of an invocation URI or a function ARN (any region/account, optional
    // qualifier), or of a symbolic "${Name.Arn}" left by an unresolved intrinsic. Empty if none.
    static QString functionName(const QString &uriOrArn);
};

} // namespace Gw::Model::Interop
