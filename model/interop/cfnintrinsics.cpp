// CloudFormation intrinsics evaluated locally. Parameters take their defaults, pseudo parameters
// take fixed local values, functions resolve to local function names/ARNs; everything else is
// kept as readable "${…}" text so that the design still shows what the template meant.
#include "model/interop/cfnintrinsics.h"

#include "model/interop/lambdauri.h"

#include <QJsonArray>

namespace Gw::Model::Interop {

namespace {

constexpr int MaxDepth = 64;

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d);
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &x : v.toArray())
            parts.append(scalarText(x));
        return parts.join(QLatin1Char(','));
    }
    default:
        return {};
    }
}

bool isLambdaType(const QString &type)
{
    return type == QLatin1String("AWS::Serverless::Function")
           || type == QLatin1String("AWS::Lambda::Function");
}

} // namespace

CfnIntrinsics::CfnIntrinsics(Context context) : m_context(std::move(context)) {}

bool CfnIntrinsics::isIntrinsic(const QJsonValue &value)
{
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    if (o.size() != 1)
        return false;
    const QString k = o.constBegin().key();
    return k == QLatin1String("Ref") || k.startsWith(QLatin1String("Fn::"))
           || k == QLatin1String("Condition");
}

QString CfnIntrinsics::referencedLogicalId(const QJsonValue &value)
{
    if (value.isString())
        return {};
    const QJsonObject o = value.toObject();
    if (o.contains(QLatin1String("Ref")))
        return o.value(QLatin1String("Ref")).toString();
    const QJsonValue ga = o.value(QLatin1String("Fn::GetAtt"));
    if (ga.isArray())
        return ga.toArray().at(0).toString();
    if (ga.isString())
        return ga.toString().section(QLatin1Char('.'), 0, 0);
    return {};
}

QJsonValue CfnIntrinsics::resolve(const QJsonValue &value, const QString &location,
                                  ImportReport *report) const
{
    return eval(value, location, report, 0);
}

QString CfnIntrinsics::resolveString(const QJsonValue &value, const QString &location,
                                     ImportReport *report) const
{
    return scalarText(eval(value, location, report, 0));
}

QJsonValue CfnIntrinsics::ref(const QString &name, const QString &loc, ImportReport *report) const
{
    if (name == QLatin1String("AWS::Region"))
        return LambdaUri::region();
    if (name == QLatin1String("AWS::AccountId"))
        return LambdaUri::accountId();
    if (name == QLatin1String("AWS::Partition"))
        return QStringLiteral("aws");
    if (name == QLatin1String("AWS::URLSuffix"))
        return QStringLiteral("amazonaws.com");
    if (name == QLatin1String("AWS::StackName"))
        return m_context.stackName;
    if (name == QLatin1String("AWS::StackId"))
        return QString(QStringLiteral("arn:aws:cloudformation:us-east-1:123456789012:stack/")
                       + m_context.stackName + QStringLiteral("/local"));
    if (name == QLatin1String("AWS::NoValue"))
        return QJsonValue(QJsonValue::Undefined);
    if (m_context.parameters.contains(name)) {
        const QJsonObject p = m_context.parameters.value(name).toObject();
        if (p.contains(QLatin1String("Default"))) {
            const QString value = scalarText(p.value(QLatin1String("Default")));
            const QString type = p.value(QLatin1String("Type")).toString();
            if (type == QLatin1String("CommaDelimitedList") || type.startsWith(QLatin1String("List<"))) {
                QJsonArray list;
                for (const QString &item : value.split(QLatin1Char(',')))
                    list.append(item.trimmed());
                return list;
            }
            return value;
        }
        if (report)
            report->approximated(loc,
                                 QStringLiteral("parameter %1 has no Default: kept as \"${%1}\"")
                                     .arg(name),
                                 QStringLiteral("symbolic-reference"));
        return QStringLiteral("${%1}").arg(name);
    }
    if (m_context.functionNames.contains(name))
        return m_context.functionNames.value(name);
    if (report && !m_context.resources.contains(name) && !name.startsWith(QLatin1String("AWS::")))
        report->approximated(loc, QStringLiteral("Ref %1 names nothing in this template: kept as "
                                                 "\"${%1}\"").arg(name),
                             QStringLiteral("symbolic-reference"));
    else if (report)
        report->approximated(loc,
                             QStringLiteral("Ref %1 is only known once deployed: kept as \"${%1}\"")
                                 .arg(name),
                             QStringLiteral("symbolic-reference"));
    return QStringLiteral("${%1}").arg(name);
}

QJsonValue CfnIntrinsics::getAtt(const QString &logical, const QString &attr, const QString &loc,
                                 ImportReport *report) const
{
    const QString type = m_context.resources.value(logical).toObject().value(QLatin1String("Type")).toString();
    if (attr == QLatin1String("Arn")
        && (m_context.functionNames.contains(logical) || isLambdaType(type))) {
        return LambdaUri::functionArn(m_context.functionNames.value(logical, logical));
    }
    if (report)
        report->approximated(loc,
                             QStringLiteral("Fn::GetAtt %1.%2 is only known once deployed: kept as "
                                            "\"${%1.%2}\"")
                                 .arg(logical, attr),
                             QStringLiteral("symbolic-reference"));
    return QStringLiteral("${%1.%2}").arg(logical, attr);
}

QString CfnIntrinsics::sub(const QString &text, const QJsonObject &vars, const QString &loc,
                           ImportReport *report, int depth) const
{
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype start = text.indexOf(QStringLiteral("${"), i);
        if (start < 0) {
            out += text.mid(i);
            break;
        }
        out += text.mid(i, start - i);
        const qsizetype end = text.indexOf(QLatin1Char('}'), start);
        if (end < 0) {
            out += text.mid(start);
            break;
        }
        const QString name = text.mid(start + 2, end - start - 2);
        i = end + 1;
        if (name.startsWith(QLatin1Char('!'))) { // ${!Literal} is the escape for "${Literal}"
            out += QStringLiteral("${") + name.mid(1) + QLatin1Char('}');
            continue;
        }
        if (vars.contains(name)) {
            out += scalarText(eval(vars.value(name), loc, report, depth + 1));
            continue;
        }
        const qsizetype dot = name.indexOf(QLatin1Char('.'));
        if (dot > 0 && !name.startsWith(QLatin1String("AWS::")))
            out += scalarText(getAtt(name.left(dot), name.mid(dot + 1), loc, report));
        else
            out += scalarText(ref(name, loc, report));
    }
    return out;
}

std::optional<bool> CfnIntrinsics::condition(const QString &name) const
{
    if (!m_context.conditions.contains(name))
        return std::nullopt;
    return evalCondition(m_context.conditions.value(name), 0);
}

std::optional<bool> CfnIntrinsics::evalCondition(const QJsonValue &v, int depth) const
{
    if (depth > MaxDepth)
        return std::nullopt;
    if (v.isBool())
        return v.toBool();
    const QJsonObject o = v.toObject();
    if (o.size() != 1)
        return std::nullopt;
    const QString fn = o.constBegin().key();
    const QJsonArray args = o.constBegin().value().toArray();
    if (fn == QLatin1String("Condition"))
        return m_context.conditions.contains(o.value(fn).toString())
                   ? evalCondition(m_context.conditions.value(o.value(fn).toString()), depth + 1)
                   : std::nullopt;
    if (fn == QLatin1String("Fn::Equals") && args.size() == 2) {
        const QString a = scalarText(eval(args.at(0), {}, nullptr, depth + 1));
        const QString b = scalarText(eval(args.at(1), {}, nullptr, depth + 1));
        if (a.contains(QStringLiteral("${")) || b.contains(QStringLiteral("${")))
            return std::nullopt;
        return a == b;
    }
    if (fn == QLatin1String("Fn::Not") && args.size() == 1) {
        const auto r = evalCondition(args.at(0), depth + 1);
        return r ? std::optional<bool>(!*r) : std::nullopt;
    }
    if (fn == QLatin1String("Fn::And") || fn == QLatin1String("Fn::Or")) {
        const bool isAnd = fn == QLatin1String("Fn::And");
        for (const QJsonValue &a : args) {
            const auto r = evalCondition(a, depth + 1);
            if (!r)
                return std::nullopt;
            if (isAnd && !*r)
                return false;
            if (!isAnd && *r)
                return true;
        }
        return isAnd;
    }
    return std::nullopt;
}

QJsonValue CfnIntrinsics::eval(const QJsonValue &v, const QString &loc, ImportReport *report,
                               int depth) const
{
    if (depth > MaxDepth)
        return v;
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &x : v.toArray()) {
            const QJsonValue r = eval(x, loc, report, depth + 1);
            if (!r.isUndefined())
                out.append(r);
        }
        return out;
    }
    if (!v.isObject())
        return v;
    const QJsonObject o = v.toObject();
    if (!isIntrinsic(v) || o.constBegin().key() == QLatin1String("Condition")) {
        QJsonObject out;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QJsonValue r = eval(it.value(), loc, report, depth + 1);
            if (!r.isUndefined())
                out.insert(it.key(), r);
        }
        return out;
    }
    const QString fn = o.constBegin().key();
    const QJsonValue arg = o.constBegin().value();
    const QJsonArray args = arg.toArray();
    if (fn == QLatin1String("Ref"))
        return ref(arg.toString(), loc, report);
    if (fn == QLatin1String("Fn::GetAtt")) {
        if (arg.isString())
            return getAtt(arg.toString().section(QLatin1Char('.'), 0, 0),
                          arg.toString().section(QLatin1Char('.'), 1), loc, report);
        return getAtt(scalarText(eval(args.at(0), loc, report, depth + 1)),
                      scalarText(eval(args.at(1), loc, report, depth + 1)), loc, report);
    }
    if (fn == QLatin1String("Fn::Sub")) {
        if (arg.isString())
            return sub(arg.toString(), {}, loc, report, depth);
        return sub(args.at(0).toString(), args.at(1).toObject(), loc, report, depth);
    }
    if (fn == QLatin1String("Fn::Join")) {
        QStringList parts;
        const QJsonValue list = eval(args.at(1), loc, report, depth + 1);
        for (const QJsonValue &p : list.toArray())
            parts.append(scalarText(p));
        return parts.join(args.at(0).toString());
    }
    if (fn == QLatin1String("Fn::Select")) {
        const int index = scalarText(eval(args.at(0), loc, report, depth + 1)).toInt();
        const QJsonValue listValue = eval(args.at(1), loc, report, depth + 1);
        QJsonArray list = listValue.toArray();
        if (listValue.isString()) {
            for (const QString &item : listValue.toString().split(QLatin1Char(',')))
                list.append(item);
        }
        if (index >= 0 && index < list.size())
            return list.at(index);
        return QStringLiteral("${Fn::Select}");
    }
    if (fn == QLatin1String("Fn::Split")) {
        const QString text = scalarText(eval(args.at(1), loc, report, depth + 1));
        QJsonArray out;
        for (const QString &s : text.split(args.at(0).toString()))
            out.append(s);
        return out;
    }
    if (fn == QLatin1String("Fn::FindInMap")) {
        const QString map = scalarText(eval(args.at(0), loc, report, depth + 1));
        const QString k1 = scalarText(eval(args.at(1), loc, report, depth + 1));
        const QString k2 = scalarText(eval(args.at(2), loc, report, depth + 1));
        const QJsonValue found = m_context.mappings.value(map).toObject().value(k1).toObject().value(k2);
        if (!found.isUndefined())
            return found;
        if (report)
            report->approximated(loc, QStringLiteral("Fn::FindInMap %1/%2/%3 not found: kept symbolic")
                                          .arg(map, k1, k2),
                                 QStringLiteral("symbolic-reference"));
        return QStringLiteral("${%1.%2.%3}").arg(map, k1, k2);
    }
    if (fn == QLatin1String("Fn::If")) {
        const QString name = args.at(0).toString();
        const auto c = condition(name);
        if (!c && report)
            report->approximated(loc,
                                 QStringLiteral("condition %1 cannot be decided locally: its "
                                                "true branch is used").arg(name),
                                 QStringLiteral("symbolic-reference"));
        return eval(args.at(c.value_or(true) ? 1 : 2), loc, report, depth + 1);
    }
    if (fn == QLatin1String("Fn::Equals") || fn == QLatin1String("Fn::Not")
        || fn == QLatin1String("Fn::And") || fn == QLatin1String("Fn::Or")) {
        const auto r = evalCondition(v, depth);
        return r ? QJsonValue(*r) : QJsonValue(false);
    }
    if (fn == QLatin1String("Fn::Base64"))
        return eval(arg, loc, report, depth + 1);
    if (fn == QLatin1String("Fn::ImportValue")) {
        const QString name = scalarText(eval(arg, loc, report, depth + 1));
        if (report)
            report->approximated(loc, QStringLiteral("Fn::ImportValue %1 comes from another stack: "
                                                     "kept as \"${ImportValue:%1}\"").arg(name),
                                 QStringLiteral("symbolic-reference"));
        return QStringLiteral("${ImportValue:%1}").arg(name);
    }
    if (fn == QLatin1String("Fn::GetAZs")) {
        QJsonArray azs;
        for (const char *z : {"a", "b", "c"})
            azs.append(QString(LambdaUri::region() + QLatin1String(z)));
        return azs;
    }
    if (report)
        report->approximated(loc, QStringLiteral("%1 is not evaluated locally: kept as \"${%1}\"").arg(fn),
                             QStringLiteral("symbolic-reference"));
    return QStringLiteral("${%1}").arg(fn);
}

} // namespace Gw::Model::Interop
