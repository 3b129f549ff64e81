// Evaluates a Lambda authorizer's IAM policy against a method ARN (explicit Deny wins).
#include "runtime/policies/iampolicy.h"

#include <QJsonArray>
#include <QStringList>

namespace Gw::Runtime {

namespace {

// A string or an array of strings; false when it is neither.
bool stringList(const QJsonValue &v, QStringList *out)
{
    if (v.isString()) {
        *out = {v.toString()};
        return true;
    }
    if (!v.isArray())
        return false;
    for (const QJsonValue &e : v.toArray()) {
        if (!e.isString())
            return false;
        out->append(e.toString());
    }
    return true;
}

} // namespace

bool IamPolicy::matches(const QString &pattern, const QString &value, Qt::CaseSensitivity cs)
{
    // Iterative glob with backtracking to the last '*': linear enough for ARNs (≤ 1600 bytes).
    qsizetype p = 0, v = 0, star = -1, mark = 0;
    while (v < value.size()) {
        if (p < pattern.size() && (pattern.at(p) == QLatin1Char('?')
                                   || QStringView(pattern).mid(p, 1).compare(QStringView(value).mid(v, 1), cs) == 0)
            && pattern.at(p) != QLatin1Char('*')) {
            ++p;
            ++v;
        } else if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            star = p++;
            mark = v;
        } else if (star >= 0) {
            p = star + 1;
            v = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

PolicyDecision IamPolicy::evaluate(const QJsonObject &policyDocument, const QString &methodArn,
                                   const QString &action)
{
    PolicyDecision d;
    const QJsonValue statementValue = policyDocument.value(QLatin1String("Statement"));
    QJsonArray statements;
    if (statementValue.isObject())
        statements.append(statementValue);
    else if (statementValue.isArray())
        statements = statementValue.toArray();
    else {
        d.effect = PolicyDecision::Effect::Malformed;
        d.statement = QStringLiteral("the policy document has no Statement");
        return d;
    }
    QString allowedBy;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const QJsonObject s = statements.at(i).toObject();
        const QString effect = s.value(QLatin1String("Effect")).toString();
        QStringList actions, resources;
        if ((effect != QLatin1String("Allow") && effect != QLatin1String("Deny"))
            || !stringList(s.value(QLatin1String("Action")), &actions)
            || !stringList(s.value(QLatin1String("Resource")), &resources)) {
            d.effect = PolicyDecision::Effect::Malformed;
            d.statement = QStringLiteral("Statement[%1] needs Effect Allow|Deny, Action and Resource").arg(i);
            return d;
        }
        bool actionMatches = false;
        for (const QString &a : actions)
            actionMatches = actionMatches || matches(a, action, Qt::CaseInsensitive); // IAM actions ignore case
        if (!actionMatches)
            continue;
        QString matched;
        for (const QString &r : resources) {
            if (matches(r, methodArn)) {
                matched = r;
                break;
            }
        }
        if (matched.isNull())
            continue;
        const QString what = QStringLiteral("Statement[%1]: %2 %3").arg(i).arg(effect, matched);
        if (effect == QLatin1String("Deny")) {
            d.effect = PolicyDecision::Effect::ExplicitDeny; // wins, whatever else allows
            d.statement = what;
            return d;
        }
        if (allowedBy.isNull())
            allowedBy = what;
    }
    if (!allowedBy.isNull()) {
        d.effect = PolicyDecision::Effect::Allow;
        d.statement = allowedBy;
    } else {
        d.statement = QStringLiteral("no statement allows %1 on %2").arg(action, methodArn);
    }
    return d;
}

} // namespace Gw::Runtime
