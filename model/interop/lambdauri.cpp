// Lambda URI helpers shared by the OpenAPI and SAM importers and exporters.
#include "model/interop/lambdauri.h"

#include <QRegularExpression>

namespace Gw::Model::Interop {

QString LambdaUri::functionArn(const QString &functionName)
{
    return QStringLiteral("arn:aws:lambda:") + region() + QLatin1Char(':') + accountId()
           + QStringLiteral(":function:") + functionName;
}

QString LambdaUri::invocationUri(const QString &functionName)
{
    return QStringLiteral("arn:aws:apigateway:") + region()
           + QStringLiteral(":lambda:path/2015-03-31/functions/") + functionArn(functionName)
           + QStringLiteral("/invocations");
}

QString LambdaUri::functionName(const QString &uriOrArn)
{
    static const QRegularExpression arn(
        QStringLiteral("arn:[^:/]*:lambda:[^:/]*:[^:/]*:function:([A-Za-z0-9_-]+)(:[A-Za-z0-9$_-]+)?(/invocations)?$"));
    static const QRegularExpression symbolic(
        QStringLiteral("functions/\\$\\{([A-Za-z0-9]+)\\.Arn\\}(:[A-Za-z0-9$_-]+)?/invocations$"));
    if (const auto m = arn.match(uriOrArn); m.hasMatch())
        return m.captured(1);
    if (const auto m = symbolic.match(uriOrArn); m.hasMatch())
        return m.captured(1);
    static const QRegularExpression bareSymbolic(QStringLiteral("^\\$\\{([A-Za-z0-9]+)\\.Arn\\}$"));
    if (const auto m = bareSymbolic.match(uriOrArn); m.hasMatch())
        return m.captured(1);
    return {};
}

} // namespace Gw::Model::Interop
