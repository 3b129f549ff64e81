// requestContext.authorizer of the proxy event, shaped by authorizer kind and payload version
// (reference §3.1, §3.2): REST/1.0 flatten principalId + context or carry claims; 2.0 nests
// jwt / lambda / iam.
#include "runtime/pipeline/requestcontext.h"

#include <QJsonArray>

namespace Gw::Runtime {

QJsonObject AuthorizerResult::eventValue(bool v2) const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Lambda: {
        if (v2)
            return {{QStringLiteral("lambda"), context}};
        QJsonObject o = context;
        o.insert(QStringLiteral("principalId"), principalId);
        o.insert(QStringLiteral("integrationLatency"), 0);
        return o;
    }
    case Kind::Jwt: {
        const QJsonValue scopeValue = scopes.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                       : QJsonValue(QJsonArray::fromStringList(scopes));
        if (v2)
            return {{QStringLiteral("jwt"), QJsonObject{{QStringLiteral("claims"), claims},
                                                        {QStringLiteral("scopes"), scopeValue}}}};
        return {{QStringLiteral("claims"), claims}, {QStringLiteral("scopes"), scopeValue}};
    }
    case Kind::Cognito:
        return {{QStringLiteral("claims"), claims}};
    case Kind::Iam:
        if (v2)
            return {{QStringLiteral("iam"), iam}};
        return {};
    }
    return {};
}

QJsonObject AuthorizerResult::identityFields() const
{
    if (kind != Kind::Iam)
        return {};
    return {{QStringLiteral("accessKey"), iam.value(QLatin1String("accessKey"))},
            {QStringLiteral("accountId"), iam.value(QLatin1String("accountId"))},
            {QStringLiteral("caller"), iam.value(QLatin1String("callerId"))},
            {QStringLiteral("user"), iam.value(QLatin1String("userId"))},
            {QStringLiteral("userArn"), iam.value(QLatin1String("userArn"))}};
}

} // namespace Gw::Runtime
