// Local evaluation of CloudFormation intrinsic functions (Ref, Fn::Sub, Fn::GetAtt, Fn::Join, …).
#pragma once

#include "model/interop/importreport.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

namespace Gw::Model::Interop {

class CfnIntrinsics
{
public:
    struct Context
    {
        QJsonObject parameters; // the template's Parameters section (Default values are used)
        QJsonObject mappings;
        QJsonObject conditions;
        QJsonObject resources;
        // Logical id -> local function name, for Ref and Fn::GetAtt …Arn of functions.
        QHash<QString, QString> functionNames;
        QString stackName = QStringLiteral("local-stack");
    };

    CfnIntrinsics() = default;
    explicit CfnIntrinsics(Context context);

    // Replaces every intrinsic in `value` by what it evaluates to locally. What cannot be known
    // locally (a queue's ARN, an imported value) becomes "${Name}" / "${Name.Attr}" text and is
    // reported at `location` as approximated ("symbolic-reference").
    QJsonValue resolve(const QJsonValue &value, const QString &location, ImportReport *report) const;
    // resolve() then text: numbers and booleans as CloudFormation would stringify them.
    QString resolveString(const QJsonValue &value, const QString &location, ImportReport *report) const;

    // Value of a named condition; nullopt when it depends on something unknown.
    std::optional<bool> condition(const QString &name) const;

    // Logical id named by {"Ref": X} or {"Fn::GetAtt": [X, …]} (or "X.Attr"), else empty.
    static QString referencedLogicalId(const QJsonValue &value);
    static bool isIntrinsic(const QJsonValue &value);

private:
    QJsonValue eval(const QJsonValue &v, const QString &loc, ImportReport *report, int depth) const;
    QJsonValue ref(const QString &name, const QString &loc, ImportReport *report) const;
    QJsonValue getAtt(const QString &logical, const QString &attr, const QString &loc,
                      ImportReport *report) const;
    QString sub(const QString &text, const QJsonObject &vars, const QString &loc,
                ImportReport *report, int depth) const;
    std::optional<bool> evalCondition(const QJsonValue &v, int depth) const;

    Context m_context;
};

} // namespace Gw::Model::Interop
