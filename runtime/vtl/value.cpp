// Java-like values: conversions and Java's toString / equals rules as templates observe them.
#include "value.h"

#include <QJsonValue>

#include <charconv>
#include <cmath>

namespace Gw::Vtl {

Value::Value(ListPtr l) : m_data(std::move(l)) {}
Value::Value(MapPtr m) : m_data(std::move(m)) {}
Value::Value(ObjectPtr o) : m_data(std::move(o)) {}

Value Value::newList(QList<Value> items, bool jsonStyle)
{
    auto l = std::make_shared<ValueList>();
    l->items = std::move(items);
    l->jsonStyle = jsonStyle;
    return Value(l);
}

Value Value::newMap()
{
    return Value(std::make_shared<ValueMap>());
}

Value Value::fromVariant(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return {};
    switch (v.typeId()) {
    case QMetaType::Bool:
        return Value(v.toBool());
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        return Value(qint64(v.toLongLong()));
    case QMetaType::Double:
    case QMetaType::Float:
        return Value(v.toDouble());
    case QMetaType::QString:
        return Value(v.toString());
    case QMetaType::QByteArray:
        return Value(QString::fromUtf8(v.toByteArray()));
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        QList<Value> items;
        const QVariantList l = v.toList();
        for (const QVariant &e : l)
            items.append(fromVariant(e));
        return newList(items);
    }
    case QMetaType::QVariantMap: {
        Value m = newMap();
        const QVariantMap vm = v.toMap();
        for (auto it = vm.begin(); it != vm.end(); ++it)
            m.map()->insert(it.key(), fromVariant(it.value()));
        return m;
    }
    case QMetaType::QVariantHash: {
        Value m = newMap();
        const QVariantHash vh = v.toHash();
        for (auto it = vh.begin(); it != vh.end(); ++it)
            m.map()->insert(it.key(), fromVariant(it.value()));
        return m;
    }
    default:
        break;
    }
    if (v.canConvert<QJsonValue>() && v.typeId() == QMetaType::QJsonValue)
        return fromVariant(v.value<QJsonValue>().toVariant());
    if (v.canConvert<QVariantMap>() && v.typeId() == QMetaType::QJsonObject)
        return fromVariant(v.toMap());
    if (v.canConvert<QVariantList>() && v.typeId() == QMetaType::QJsonArray)
        return fromVariant(v.toList());
    return Value(v.toString());
}

qint64 Value::intValue() const
{
    if (isInt())
        return std::get<qint64>(m_data);
    if (isDouble()) {
        const double d = std::get<double>(m_data);
        if (std::isnan(d))
            return 0;
        if (d >= 9.2233720368547758e18)
            return std::numeric_limits<qint64>::max();
        if (d <= -9.2233720368547758e18)
            return std::numeric_limits<qint64>::min();
        return qint64(d);
    }
    return 0;
}

double Value::doubleValue() const
{
    if (isDouble())
        return std::get<double>(m_data);
    if (isInt())
        return double(std::get<qint64>(m_data));
    return 0.0;
}

QString javaDoubleToString(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    if (d == 0.0)
        return std::signbit(d) ? QStringLiteral("-0.0") : QStringLiteral("0.0");

    // Shortest round-trip digits, as Java (JDK 19+) and most JSON libraries print them.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const std::string sci(buf, res.ptr);
    // sci looks like "-1.2345e+07"
    bool negative = sci[0] == '-';
    const size_t start = negative ? 1 : 0;
    const size_t ePos = sci.find('e');
    std::string digits;
    for (size_t i = start; i < ePos; ++i)
        if (sci[i] != '.')
            digits += sci[i];
    const int exponent = std::stoi(sci.substr(ePos + 1));
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();

    std::string out = negative ? "-" : "";
    const double a = std::fabs(d);
    if (a >= 1e-3 && a < 1e7) {
        if (exponent >= 0) {
            std::string intPart = digits.substr(0, std::min<size_t>(digits.size(), exponent + 1));
            while (int(intPart.size()) < exponent + 1)
                intPart += '0';
            std::string frac = digits.size() > size_t(exponent + 1) ? digits.substr(exponent + 1) : "0";
            out += intPart + "." + frac;
        } else {
            out += "0.";
            out += std::string(size_t(-exponent - 1), '0');
            out += digits;
        }
    } else {
        out += digits.substr(0, 1);
        out += ".";
        out += digits.size() > 1 ? digits.substr(1) : "0";
        out += "E" + std::to_string(exponent);
    }
    return QString::fromStdString(out);
}

QString jsonQuote(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : s) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\b': out += QLatin1String("\\b"); break;
        case '\f': out += QLatin1String("\\f"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\t': out += QLatin1String("\\t"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

namespace {

// Guards against a collection that contains itself (Java prints "(this Collection)").
constexpr int kMaxPrintDepth = 64;

QString javaString(const Value &v, int depth);

QString jsonString(const Value &v, int depth)
{
    if (depth > kMaxPrintDepth)
        return QStringLiteral("null");
    switch (v.type()) {
    case Value::Type::Null: return QStringLiteral("null");
    case Value::Type::Bool: return v.boolValue() ? QStringLiteral("true") : QStringLiteral("false");
    case Value::Type::Int: return QString::number(v.intValue());
    case Value::Type::Double: {
        const double d = v.doubleValue();
        if (std::isnan(d) || std::isinf(d))
            return QStringLiteral("null");
        return javaDoubleToString(d);
    }
    case Value::Type::String: return jsonQuote(v.string());
    case Value::Type::List: {
        QString out = QStringLiteral("[");
        const auto &items = v.list()->items;
        for (int i = 0; i < items.size(); ++i) {
            if (i)
                out += QLatin1Char(',');
            out += jsonString(items.at(i), depth + 1);
        }
        return out + QLatin1Char(']');
    }
    case Value::Type::Map: {
        QString out = QStringLiteral("{");
        const ValueMap &m = *v.map();
        bool first = true;
        for (const QString &k : m.keys()) {
            if (!first)
                out += QLatin1Char(',');
            first = false;
            out += jsonQuote(k) + QLatin1Char(':') + jsonString(m.value(k), depth + 1);
        }
        return out + QLatin1Char('}');
    }
    case Value::Type::Object: return jsonQuote(v.object()->toJavaString());
    }
    return QString();
}

QString javaString(const Value &v, int depth)
{
    if (depth > kMaxPrintDepth)
        return QStringLiteral("(this Collection)");
    switch (v.type()) {
    case Value::Type::Null: return QStringLiteral("null");
    case Value::Type::Bool: return v.boolValue() ? QStringLiteral("true") : QStringLiteral("false");
    case Value::Type::Int: return QString::number(v.intValue());
    case Value::Type::Double: return javaDoubleToString(v.doubleValue());
    case Value::Type::String: return v.string();
    case Value::Type::List: {
        if (v.list()->jsonStyle)
            return jsonString(v, depth);
        QString out = QStringLiteral("[");
        const auto &items = v.list()->items;
        for (int i = 0; i < items.size(); ++i) {
            if (i)
                out += QLatin1String(", ");
            out += javaString(items.at(i), depth + 1);
        }
        return out + QLatin1Char(']');
    }
    case Value::Type::Map: {
        QString out = QStringLiteral("{");
        const ValueMap &m = *v.map();
        bool first = true;
        for (const QString &k : m.keys()) {
            if (!first)
                out += QLatin1String(", ");
            first = false;
            out += k + QLatin1Char('=') + javaString(m.value(k), depth + 1);
        }
        return out + QLatin1Char('}');
    }
    case Value::Type::Object: return v.object()->toJavaString();
    }
    return QString();
}

} // namespace

QString Value::toJavaString() const
{
    return javaString(*this, 0);
}

QString Value::toJson() const
{
    return jsonString(*this, 0);
}

QVariant Value::toVariant() const
{
    switch (type()) {
    case Type::Null: return QVariant();
    case Type::Bool: return boolValue();
    case Type::Int: return intValue();
    case Type::Double: return doubleValue();
    case Type::String: return string();
    case Type::List: {
        QVariantList l;
        for (const Value &e : list()->items)
            l.append(e.toVariant());
        return l;
    }
    case Type::Map: {
        QVariantMap m;
        for (const QString &k : map()->keys())
            m.insert(k, map()->value(k).toVariant());
        return m;
    }
    case Type::Object: return object()->toJavaString();
    }
    return QVariant();
}

bool Value::javaEquals(const Value &other) const
{
    if (type() != other.type())
        return false;
    switch (type()) {
    case Type::Null: return true;
    case Type::Bool: return boolValue() == other.boolValue();
    case Type::Int: return intValue() == other.intValue();
    case Type::Double: return doubleValue() == other.doubleValue();
    case Type::String: return string() == other.string();
    case Type::List: {
        const auto &a = list()->items;
        const auto &b = other.list()->items;
        if (list() == other.list())
            return true;
        if (a.size() != b.size())
            return false;
        for (int i = 0; i < a.size(); ++i)
            if (!a.at(i).javaEquals(b.at(i)))
                return false;
        return true;
    }
    case Type::Map: {
        if (map() == other.map())
            return true;
        const ValueMap &a = *map();
        const ValueMap &b = *other.map();
        if (a.size() != b.size())
            return false;
        for (const QString &k : a.keys())
            if (!b.contains(k) || !a.value(k).javaEquals(b.value(k)))
                return false;
        return true;
    }
    case Type::Object: return object() == other.object();
    }
    return false;
}

QString Value::typeName() const
{
    switch (type()) {
    case Type::Null: return QStringLiteral("null");
    case Type::Bool: return QStringLiteral("java.lang.Boolean");
    case Type::Int: return QStringLiteral("java.lang.Integer");
    case Type::Double: return QStringLiteral("java.lang.Double");
    case Type::String: return QStringLiteral("java.lang.String");
    case Type::List: return list()->jsonStyle ? QStringLiteral("net.minidev.json.JSONArray")
                                              : QStringLiteral("java.util.ArrayList");
    case Type::Map: return QStringLiteral("java.util.LinkedHashMap");
    case Type::Object: return object()->className();
    }
    return QString();
}

Value ValueMap::insert(const QString &key, const Value &value)
{
    auto it = m_values.find(key);
    if (it != m_values.end()) {
        Value previous = it.value();
        it.value() = value;
        return previous;
    }
    m_keys.append(key);
    m_values.insert(key, value);
    return {};
}

Value ValueMap::remove(const QString &key)
{
    auto it = m_values.find(key);
    if (it == m_values.end())
        return {};
    Value previous = it.value();
    m_values.erase(it);
    m_keys.removeOne(key);
    return previous;
}

void ValueMap::clear()
{
    m_keys.clear();
    m_values.clear();
}

QList<Value> ValueMap::values() const
{
    QList<Value> out;
    out.reserve(m_keys.size());
    for (const QString &k : m_keys)
        out.append(m_values.value(k));
    return out;
}

namespace {

bool reaches(const Value &from, const void *target, int depth)
{
    if (depth > 256)
        return true; // deeper than anything printable: treat as a cycle
    if (from.isList()) {
        if (from.list().get() == target)
            return true;
        for (const Value &v : from.list()->items)
            if ((v.isList() || v.isMap()) && reaches(v, target, depth + 1))
                return true;
    } else if (from.isMap()) {
        if (from.map().get() == target)
            return true;
        for (const QString &k : from.map()->keys()) {
            const Value v = from.map()->value(k);
            if ((v.isList() || v.isMap()) && reaches(v, target, depth + 1))
                return true;
        }
    }
    return false;
}

} // namespace

bool wouldCreateCycle(const Value &container, const Value &inserted)
{
    if (!inserted.isList() && !inserted.isMap())
        return false;
    const void *target = container.isList() ? static_cast<const void *>(container.list().get())
                                            : static_cast<const void *>(container.map().get());
    return target && reaches(inserted, target, 0);
}

Object::~Object() = default;

CallResult Object::property(const QString &name)
{
    if (name.isEmpty())
        return CallResult::noSuchMethod();
    const QString cap = name.at(0).toUpper() + name.mid(1);
    CallResult r = invoke(QStringLiteral("get") + cap, {});
    if (r.status != CallResult::Status::NoSuchMethod)
        return r;
    r = invoke(QStringLiteral("get") + name, {});
    if (r.status != CallResult::Status::NoSuchMethod)
        return r;
    return invoke(QStringLiteral("is") + cap, {});
}

bool Object::setProperty(const QString &, const Value &)
{
    return false;
}

QString Object::toJavaString() const
{
    return className() + QLatin1Char('@')
           + QString::number(quintptr(this) & 0xffffffu, 16);
}

} // namespace Gw::Vtl
