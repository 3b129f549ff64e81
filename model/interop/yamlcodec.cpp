// YAML <-> QJsonValue. yaml-cpp parses and emits; this file only adds JSON typing of plain
// scalars and the CloudFormation tag mapping, which yaml-cpp leaves to the application.
#include "model/interop/yamlcodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace Gw::Model::Interop {

namespace {

const QRegularExpression &intPattern()
{
    static const QRegularExpression re(QStringLiteral("^[-+]?(0|[1-9][0-9]*)$"));
    return re;
}

const QRegularExpression &floatPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    return re;
}

bool isNullWord(const QString &s)
{
    return s.isEmpty() || s == QLatin1String("~") || s == QLatin1String("null")
           || s == QLatin1String("Null") || s == QLatin1String("NULL");
}

std::optional<bool> boolWord(const QString &s)
{
    if (s == QLatin1String("true") || s == QLatin1String("True") || s == QLatin1String("TRUE"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("False") || s == QLatin1String("FALSE"))
        return false;
    return std::nullopt;
}

// A plain scalar typed the way CloudFormation and OpenAPI tools read YAML (core schema).
QJsonValue typedScalar(const QString &s)
{
    if (isNullWord(s))
        return QJsonValue::Null;
    if (const auto b = boolWord(s))
        return *b;
    static const QRegularExpression leadingZero(QStringLiteral("^[-+]?0[0-9]+$"));
    if (leadingZero.match(s).hasMatch())
        return s; // 0123: an id, not octal or decimal 123
    if (intPattern().match(s).hasMatch()) {
        // Beyond 2^53 a double loses digits: keep the text.
        QString digits = s;
        digits.remove(QLatin1Char('-')).remove(QLatin1Char('+'));
        if (digits.size() <= 15)
            return s.toDouble();
        return s;
    }
    if (floatPattern().match(s).hasMatch())
        return s.toDouble();
    return s;
}

QString cfnFunctionForTag(const QString &tag)
{
    // "!Ref" -> "Ref"; "!Condition" -> "Condition"; "!Sub" -> "Fn::Sub".
    const QString name = tag.mid(1);
    if (name == QLatin1String("Ref") || name == QLatin1String("Condition"))
        return name;
    return QStringLiteral("Fn::") + name;
}

QJsonValue toJson(const YAML::Node &node);

QJsonValue untaggedToJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue::Null;
    case YAML::NodeType::Scalar: {
        const QString s = QString::fromStdString(node.Scalar());
        // "!" is yaml-cpp's tag for quoted (non-plain) scalars: they are always strings.
        if (node.Tag() == "!")
            return s;
        return typedScalar(s);
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const YAML::Node &child : node)
            a.append(toJson(child));
        return a;
    }
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (auto it = node.begin(); it != node.end(); ++it)
            o.insert(QString::fromStdString(it->first.as<std::string>()), toJson(it->second));
        return o;
    }
    }
    return QJsonValue::Null;
}

QJsonValue toJson(const YAML::Node &node)
{
    const std::string &tag = node.Tag();
    const bool customTag = !tag.empty() && tag != "?" && tag != "!" && tag[0] == '!'
                           && tag.rfind("!!", 0) != 0;
    if (!customTag) {
        if (tag == "tag:yaml.org,2002:str" && node.IsScalar())
            return QString::fromStdString(node.Scalar());
        return untaggedToJson(node);
    }
    const QString qtag = QString::fromStdString(tag);
    const QString fn = cfnFunctionForTag(qtag);
    QJsonValue inner;
    if (node.IsScalar())
        inner = QString::fromStdString(node.Scalar()); // tagged scalars are strings
    else
        inner = untaggedToJson(node);
    if (fn == QLatin1String("Fn::GetAtt") && inner.isString()) {
        // !GetAtt Logical.Attr.Sub -> ["Logical", "Attr.Sub"]
        const QString s = inner.toString();
        const qsizetype dot = s.indexOf(QLatin1Char('.'));
        if (dot > 0)
            inner = QJsonArray{s.left(dot), s.mid(dot + 1)};
    }
    return QJsonObject{{fn, inner}};
}

// ---- emitting ------------------------------------------------------------------------------

const QStringList &preferredKeyOrder()
{
    static const QStringList order = {
        QStringLiteral("AWSTemplateFormatVersion"), QStringLiteral("Transform"),
        QStringLiteral("Description"), QStringLiteral("Parameters"), QStringLiteral("Mappings"),
        QStringLiteral("Conditions"), QStringLiteral("Globals"), QStringLiteral("Resources"),
        QStringLiteral("Outputs"), QStringLiteral("Type"), QStringLiteral("Condition"),
        QStringLiteral("DependsOn"), QStringLiteral("Metadata"), QStringLiteral("Properties"),
        QStringLiteral("openapi"), QStringLiteral("swagger"), QStringLiteral("info"),
        QStringLiteral("servers"), QStringLiteral("host"), QStringLiteral("basePath"),
        QStringLiteral("schemes"), QStringLiteral("paths"), QStringLiteral("components"),
        QStringLiteral("definitions"), QStringLiteral("securityDefinitions")};
    return order;
}

QStringList orderedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    const QStringList &pref = preferredKeyOrder();
    std::stable_sort(keys.begin(), keys.end(), [&pref](const QString &a, const QString &b) {
        const qsizetype ia = pref.indexOf(a), ib = pref.indexOf(b);
        if (ia >= 0 && ib >= 0)
            return ia < ib;
        if (ia >= 0 || ib >= 0)
            return ia >= 0;
        return a < b;
    });
    return keys;
}

bool needsQuotes(const QString &s)
{
    if (isNullWord(s) || boolWord(s) || intPattern().match(s).hasMatch()
        || floatPattern().match(s).hasMatch())
        return true;
    // YAML 1.1 readers (PyYAML, CloudFormation) also read these as booleans.
    static const QStringList yaml11 = {QStringLiteral("yes"), QStringLiteral("no"),
                                       QStringLiteral("on"), QStringLiteral("off"),
                                       QStringLiteral("y"), QStringLiteral("n")};
    if (yaml11.contains(s.toLower()))
        return true;
    // Other YAML 1.1 implicit types: dates/timestamps, hex/octal/underscored and base-60
    // numbers, .inf/.nan. CloudFormation's own '2010-09-09' is the classic case.
    static const QRegularExpression yaml11Typed(QStringLiteral(
        "^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|[-+]?0[xXoO][0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
        "|[-+]?[0-9][0-9_]*_[0-9_]*(\\.[0-9_]*)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    if (yaml11Typed.match(s).hasMatch())
        return true;
    return s.startsWith(QLatin1Char(' ')) || s.endsWith(QLatin1Char(' '));
}

bool literalBlockOk(const QString &s)
{
    if (!s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r'))
        || s.contains(QLatin1Char('\t')))
        return false;
    if (s.startsWith(QLatin1Char(' ')) || s.startsWith(QLatin1Char('\n')))
        return false;
    const QStringList lines = s.split(QLatin1Char('\n'));
    for (const QString &l : lines) {
        if (l.endsWith(QLatin1Char(' ')))
            return false;
    }
    // yaml-cpp writes "|" (clip): exact only for text ending in exactly one newline.
    return s.endsWith(QLatin1Char('\n')) && !s.endsWith(QStringLiteral("\n\n"));
}

void emitString(YAML::Emitter &out, const QString &s)
{
    const std::string utf8 = s.toStdString();
    if (literalBlockOk(s))
        out << YAML::Literal << utf8;
    else if (needsQuotes(s) || s.contains(QLatin1Char('\n')))
        out << YAML::DoubleQuoted << utf8;
    else
        out << utf8;
}

void emitValue(YAML::Emitter &out, const QJsonValue &v);

bool emitIntrinsic(YAML::Emitter &out, const QJsonObject &o)
{
    if (o.size() != 1)
        return false;
    const QString key = o.constBegin().key();
    const QJsonValue value = o.constBegin().value();
    QString tag;
    if (key == QLatin1String("Ref"))
        tag = key;
    else if (key.startsWith(QLatin1String("Fn::")) && key.size() > 4)
        tag = key.mid(4);
    else
        return false;
    if (tag == QLatin1String("Ref") && !value.isString())
        return false;
    if (tag == QLatin1String("GetAtt") && value.isArray() && value.toArray().size() == 2
        && value.toArray().at(0).isString() && value.toArray().at(1).isString()) {
        out << YAML::LocalTag(tag.toStdString())
            << QString(value.toArray().at(0).toString() + QLatin1Char('.')
                       + value.toArray().at(1).toString())
                   .toStdString();
        return true;
    }
    out << YAML::LocalTag(tag.toStdString());
    emitValue(out, value);
    return true;
}

void emitValue(YAML::Emitter &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    case QJsonValue::Bool:
        out << (v.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)) && qAbs(d) < 1e15)
            out << qint64(d);
        else
            out << QString::number(d, 'g', 17).toStdString();
        break;
    }
    case QJsonValue::String:
        emitString(out, v.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue &item : a)
            emitValue(out, item);
        out << YAML::EndSeq;
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        if (emitIntrinsic(out, o))
            break;
        if (o.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (const QString &key : orderedKeys(o)) {
            out << YAML::Key;
            emitString(out, key);
            out << YAML::Value;
            emitValue(out, o.value(key));
        }
        out << YAML::EndMap;
        break;
    }
    }
}

} // namespace

Result<QJsonValue> YamlCodec::parse(const QByteArray &bytes)
{
    try {
        const YAML::Node root = YAML::Load(bytes.toStdString());
        return toJson(root);
    } catch (const YAML::Exception &e) {
        Diagnostic d;
        d.location = QStringLiteral("%1:%2").arg(e.mark.line + 1).arg(e.mark.column + 1);
        d.message = QStringLiteral("YAML: ") + QString::fromStdString(e.msg);
        return Diagnostics{d};
    }
}

QByteArray YamlCodec::emit(const QJsonValue &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    emitValue(out, value);
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    if (!bytes.endsWith('\n'))
        bytes += '\n';
    return bytes;
}

bool YamlCodec::looksLikeYaml(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c != '{' && c != '[';
    }
    return true;
}

} // namespace Gw::Model::Interop
