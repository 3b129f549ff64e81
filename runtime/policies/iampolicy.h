// Evaluates the IAM policy a Lambda authorizer returns against the method ARN being invoked, with
// IAM's rules: `*` and `?` wildcards in Action and Resource, an explicit Deny wins over any Allow,
// and no matching Allow is an implicit deny.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Gw::Runtime {

struct PolicyDecision
{
    enum class Effect { Allow, ExplicitDeny, ImplicitDeny, Malformed };
    Effect effect = Effect::ImplicitDeny;
    QString statement; // the statement that decided ("Statement[1]: Deny arn:…"), or the problem

    bool allowed() const { return effect == Effect::Allow; }
};

class IamPolicy
{
public:
    static PolicyDecision evaluate(const QJsonObject &policyDocument, const QString &methodArn,
                                   const QString &action = QStringLiteral("execute-api:Invoke"));
    // IAM wildcard match of a whole value: `*` any run of characters, `?` one character.
    static bool matches(const QString &pattern, const QString &value, Qt::CaseSensitivity cs = Qt::CaseSensitive);
};

} // namespace Gw::Runtime
