// The Java methods templates call on strings, lists, maps, numbers and booleans, with Java's
// results and exceptions (an exception aborts the render, as in Velocity).
#include "methods.h"

#include <QRegularExpression>

#include <cmath>

namespace Gw::Vtl::Internal {

namespace {

using S = CallResult::Status;

bool argsAre(const QList<Value> &args, std::initializer_list<Value::Type> types)
{
    if (args.size() != qsizetype(types.size()))
        return false;
    int i = 0;
    for (Value::Type t : types) {
        const Value &a = args.at(i++);
        if (t == Value::Type::Int) {
            if (!a.isInt())
                return false;
        } else if (t == Value::Type::String) {
            // Velocity passes null for reference-typed parameters.
            if (!a.isString() && !a.isNull())
                return false;
        } else if (t != Value::Type::Null && a.type() != t) {
            return false; // Type::Null in a signature means "any Object"
        }
    }
    return true;
}

CallResult nullPointer()
{
    return CallResult::fail(QStringLiteral("java.lang.NullPointerException"));
}

CallResult cycle()
{
    return CallResult::fail(QStringLiteral("a list or map cannot contain itself (the engine refuses reference cycles)"));
}

CallResult badIndex(qint64 index, qint64 length)
{
    return CallResult::fail(QStringLiteral("java.lang.IndexOutOfBoundsException: Index %1 out of bounds for length %2")
                                .arg(index).arg(length));
}

// Java's String.hashCode, for templates that print it.
qint64 javaHash(const QString &s)
{
    qint32 h = 0;
    for (QChar c : s)
        h = qint32(quint32(31) * quint32(h) + c.unicode());
    return h;
}

std::optional<QRegularExpression> javaRegex(const QString &pattern, QString *error)
{
    QRegularExpression re(pattern);
    if (!re.isValid()) {
        *error = QStringLiteral("java.util.regex.PatternSyntaxException: %1 near index %2\n%3")
                     .arg(re.errorString()).arg(re.patternErrorOffset()).arg(pattern);
        return std::nullopt;
    }
    return re;
}

// Java's Matcher.appendReplacement rules: $n and ${name} refer to groups, \x is a literal x.
bool javaReplacement(const QString &repl, const QRegularExpressionMatch &m, QString &out, QString *error)
{
    for (qsizetype i = 0; i < repl.size(); ++i) {
        const QChar c = repl.at(i);
        if (c == QLatin1Char('\\')) {
            if (++i >= repl.size()) {
                *error = QStringLiteral("java.lang.IllegalArgumentException: character to be escaped is missing");
                return false;
            }
            out += repl.at(i);
        } else if (c == QLatin1Char('$')) {
            if (++i >= repl.size()) {
                *error = QStringLiteral("java.lang.IllegalArgumentException: Illegal group reference: group index is missing");
                return false;
            }
            if (repl.at(i) == QLatin1Char('{')) {
                const qsizetype close = repl.indexOf(QLatin1Char('}'), i);
                if (close < 0) {
                    *error = QStringLiteral("java.lang.IllegalArgumentException: named capturing group is missing trailing '}'");
                    return false;
                }
                const QString name = repl.mid(i + 1, close - i - 1);
                if (m.regularExpression().namedCaptureGroups().indexOf(name) < 0) {
                    *error = QStringLiteral("java.lang.IllegalArgumentException: No group with name {%1}").arg(name);
                    return false;
                }
                out += m.captured(name);
                i = close;
            } else if (repl.at(i).isDigit()) {
                int group = repl.at(i).digitValue();
                if (group > m.lastCapturedIndex() && group > m.regularExpression().captureCount()) {
                    *error = QStringLiteral("java.lang.IndexOutOfBoundsException: No group %1").arg(group);
                    return false;
                }
                // Java keeps reading digits while the group number stays valid.
                while (i + 1 < repl.size() && repl.at(i + 1).isDigit()) {
                    const int next = group * 10 + repl.at(i + 1).digitValue();
                    if (next > m.regularExpression().captureCount())
                        break;
                    group = next;
                    ++i;
                }
                out += m.captured(group);
            } else {
                *error = QStringLiteral("java.lang.IllegalArgumentException: Illegal group reference");
                return false;
            }
        } else {
            out += c;
        }
    }
    return true;
}

CallResult regexReplace(const QString &s, const QString &pattern, const QString &repl, bool all)
{
    QString error;
    auto re = javaRegex(pattern, &error);
    if (!re)
        return CallResult::fail(error);
    QString out;
    qsizetype last = 0;
    auto it = re->globalMatch(s);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        if (!javaReplacement(repl, m, out, &error))
            return CallResult::fail(error);
        last = m.capturedEnd();
        if (!all)
            break;
    }
    out += QStringView(s).mid(last);
    return CallResult::ok(Value(out));
}

CallResult javaSplit(const QString &s, const QString &pattern, qint64 limit)
{
    QString error;
    auto re = javaRegex(pattern, &error);
    if (!re)
        return CallResult::fail(error);
    QList<Value> parts;
    qsizetype index = 0;
    bool matched = false;
    auto it = re->globalMatch(s);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (limit > 0 && parts.size() >= limit - 1)
            break;
        // A zero-width match at the start never yields a leading empty string (Java 8+).
        if (m.capturedStart() == 0 && m.capturedEnd() == 0)
            continue;
        matched = true;
        parts.append(Value(s.mid(index, m.capturedStart() - index)));
        index = m.capturedEnd();
    }
    if (!matched)
        return CallResult::ok(Value::newList({Value(s)}));
    parts.append(Value(s.mid(index)));
    if (limit == 0)
        while (!parts.isEmpty() && parts.last().string().isEmpty())
            parts.removeLast();
    return CallResult::ok(Value::newList(parts));
}

CallResult stringMethod(const QString &s, const QString &m, const QList<Value> &a)
{
    using T = Value::Type;
    const qint64 len = s.size();
    if (m == QLatin1String("length") && a.isEmpty())
        return CallResult::ok(Value(len));
    if (m == QLatin1String("isEmpty") && a.isEmpty())
        return CallResult::ok(Value(s.isEmpty()));
    if (m == QLatin1String("isBlank") && a.isEmpty())
        return CallResult::ok(Value(s.trimmed().isEmpty()));
    if (m == QLatin1String("toString") && a.isEmpty())
        return CallResult::ok(Value(s));
    if (m == QLatin1String("hashCode") && a.isEmpty())
        return CallResult::ok(Value(javaHash(s)));
    if ((m == QLatin1String("toLowerCase") || m == QLatin1String("toUpperCase")) && a.isEmpty())
        return CallResult::ok(Value(m == QLatin1String("toLowerCase") ? s.toLower() : s.toUpper()));
    if (m == QLatin1String("trim") && a.isEmpty()) {
        // Java's trim() removes chars <= ' ' only.
        qsizetype b = 0, e = s.size();
        while (b < e && s.at(b).unicode() <= ' ')
            ++b;
        while (e > b && s.at(e - 1).unicode() <= ' ')
            --e;
        return CallResult::ok(Value(s.mid(b, e - b)));
    }
    if (m == QLatin1String("strip") && a.isEmpty())
        return CallResult::ok(Value(s.trimmed()));
    if (m == QLatin1String("intern") && a.isEmpty())
        return CallResult::ok(Value(s));
    if (m == QLatin1String("charAt") && argsAre(a, {T::Int})) {
        const qint64 i = a[0].intValue();
        if (i < 0 || i >= len)
            return CallResult::fail(QStringLiteral("java.lang.StringIndexOutOfBoundsException: index %1, length %2").arg(i).arg(len));
        return CallResult::ok(Value(QString(s.at(i))));
    }
    if (m == QLatin1String("substring") && (argsAre(a, {T::Int}) || argsAre(a, {T::Int, T::Int}))) {
        const qint64 b = a[0].intValue();
        const qint64 e = a.size() == 2 ? a[1].intValue() : len;
        if (b < 0 || e > len || b > e)
            return CallResult::fail(QStringLiteral("java.lang.StringIndexOutOfBoundsException: begin %1, end %2, length %3")
                                        .arg(b).arg(e).arg(len));
        return CallResult::ok(Value(s.mid(b, e - b)));
    }
    if ((m == QLatin1String("indexOf") || m == QLatin1String("lastIndexOf"))
        && (argsAre(a, {T::String}) || argsAre(a, {T::String, T::Int}))) {
        if (a[0].isNull())
            return nullPointer();
        const bool last = m == QLatin1String("lastIndexOf");
        qsizetype r;
        if (a.size() == 2) {
            qint64 from = a[1].intValue();
            if (last) {
                if (from < 0)
                    return CallResult::ok(Value(qint64(-1)));
                r = s.lastIndexOf(a[0].string(), std::min<qint64>(from, len));
            } else {
                r = s.indexOf(a[0].string(), std::clamp<qint64>(from, 0, len));
            }
        } else {
            r = last ? s.lastIndexOf(a[0].string()) : s.indexOf(a[0].string());
        }
        return CallResult::ok(Value(qint64(r)));
    }
    if ((m == QLatin1String("contains") || m == QLatin1String("endsWith") || m == QLatin1String("concat")
         || m == QLatin1String("equalsIgnoreCase") || m == QLatin1String("compareTo")
         || m == QLatin1String("compareToIgnoreCase") || m == QLatin1String("matches"))
        && argsAre(a, {T::String})) {
        if (a[0].isNull())
            return m == QLatin1String("equalsIgnoreCase") ? CallResult::ok(Value(false)) : nullPointer();
        const QString o = a[0].string();
        if (m == QLatin1String("contains"))
            return CallResult::ok(Value(s.contains(o)));
        if (m == QLatin1String("endsWith"))
            return CallResult::ok(Value(s.endsWith(o)));
        if (m == QLatin1String("concat"))
            return CallResult::ok(Value(s + o));
        if (m == QLatin1String("equalsIgnoreCase"))
            return CallResult::ok(Value(s.compare(o, Qt::CaseInsensitive) == 0));
        if (m == QLatin1String("compareTo")) {
            const qsizetype n = std::min(s.size(), o.size());
            for (qsizetype i = 0; i < n; ++i)
                if (s.at(i) != o.at(i))
                    return CallResult::ok(Value(qint64(s.at(i).unicode()) - o.at(i).unicode()));
            return CallResult::ok(Value(qint64(s.size() - o.size())));
        }
        if (m == QLatin1String("compareToIgnoreCase"))
            return CallResult::ok(Value(qint64(s.compare(o, Qt::CaseInsensitive))));
        // matches: the whole string must match.
        QString error;
        auto re = javaRegex(QStringLiteral("\\A(?:%1)\\z").arg(o), &error);
        if (!re)
            return CallResult::fail(error);
        return CallResult::ok(Value(re->match(s).hasMatch()));
    }
    if (m == QLatin1String("startsWith") && (argsAre(a, {T::String}) || argsAre(a, {T::String, T::Int}))) {
        if (a[0].isNull())
            return nullPointer();
        const qint64 off = a.size() == 2 ? a[1].intValue() : 0;
        if (off < 0 || off > len)
            return CallResult::ok(Value(false));
        return CallResult::ok(Value(QStringView(s).mid(off).startsWith(a[0].string())));
    }
    if (m == QLatin1String("replace") && argsAre(a, {T::String, T::String})) {
        if (a[0].isNull() || a[1].isNull())
            return nullPointer();
        QString r = s;
        if (a[0].string().isEmpty()) {
            // Java inserts the replacement between every char and at both ends.
            QString out = a[1].string();
            for (QChar c : s)
                out += c + a[1].string();
            return CallResult::ok(Value(out));
        }
        return CallResult::ok(Value(r.replace(a[0].string(), a[1].string())));
    }
    if ((m == QLatin1String("replaceAll") || m == QLatin1String("replaceFirst")) && argsAre(a, {T::String, T::String})) {
        if (a[0].isNull() || a[1].isNull())
            return nullPointer();
        return regexReplace(s, a[0].string(), a[1].string(), m == QLatin1String("replaceAll"));
    }
    if (m == QLatin1String("split") && (argsAre(a, {T::String}) || argsAre(a, {T::String, T::Int}))) {
        if (a[0].isNull())
            return nullPointer();
        return javaSplit(s, a[0].string(), a.size() == 2 ? a[1].intValue() : 0);
    }
    if (m == QLatin1String("equals") && a.size() == 1)
        return CallResult::ok(Value(a[0].isString() && a[0].string() == s));
    if (m == QLatin1String("valueOf") && a.size() == 1) // static String.valueOf(Object)
        return CallResult::ok(Value(a[0].toJavaString()));
    return CallResult::noSuchMethod();
}

// Entries of entrySet(): key / value / getKey() / getValue(), printed "k=v".
class MapEntry : public Object
{
public:
    MapEntry(MapPtr map, QString key) : m_map(std::move(map)), m_key(std::move(key)) {}
    QString className() const override { return QStringLiteral("java.util.LinkedHashMap$Entry"); }
    CallResult invoke(const QString &method, const QList<Value> &args) override
    {
        if ((method == QLatin1String("getKey") || method == QLatin1String("key")) && args.isEmpty())
            return CallResult::ok(Value(m_key));
        if ((method == QLatin1String("getValue") || method == QLatin1String("value")) && args.isEmpty())
            return CallResult::ok(m_map->value(m_key));
        if (method == QLatin1String("setValue") && args.size() == 1) {
            if (wouldCreateCycle(Value(m_map), args[0]))
                return cycle();
            return CallResult::ok(m_map->insert(m_key, args[0]));
        }
        if (method == QLatin1String("toString") && args.isEmpty())
            return CallResult::ok(Value(toJavaString()));
        return CallResult::noSuchMethod();
    }
    QString toJavaString() const override { return m_key + QLatin1Char('=') + m_map->value(m_key).toJavaString(); }

private:
    MapPtr m_map;
    QString m_key;
};

QString mapKey(const Value &v)
{
    return v.isString() ? v.string() : v.toJavaString();
}

CallResult mapMethod(const MapPtr &map, const QString &m, const QList<Value> &a)
{
    if (m == QLatin1String("get") && a.size() == 1)
        return CallResult::ok(map->value(mapKey(a[0])));
    if (m == QLatin1String("getOrDefault") && a.size() == 2) {
        const QString k = mapKey(a[0]);
        return CallResult::ok(map->contains(k) ? map->value(k) : a[1]);
    }
    if ((m == QLatin1String("put") || m == QLatin1String("putIfAbsent") || m == QLatin1String("putAll"))
        && wouldCreateCycle(Value(map), a.last()))
        return cycle();
    if (m == QLatin1String("put") && a.size() == 2)
        return CallResult::ok(map->insert(mapKey(a[0]), a[1]));
    if (m == QLatin1String("putIfAbsent") && a.size() == 2) {
        const QString k = mapKey(a[0]);
        const Value existing = map->value(k);
        if (existing.isNull())
            map->insert(k, a[1]);
        return CallResult::ok(existing);
    }
    if (m == QLatin1String("putAll") && a.size() == 1) {
        if (!a[0].isMap())
            return a[0].isNull() ? nullPointer() : CallResult::noSuchMethod();
        const MapPtr other = a[0].map();
        const QStringList keys = other->keys();
        for (const QString &k : keys)
            map->insert(k, other->value(k));
        return CallResult::ok({});
    }
    if (m == QLatin1String("remove") && a.size() == 1)
        return CallResult::ok(map->remove(mapKey(a[0])));
    if (m == QLatin1String("containsKey") && a.size() == 1)
        return CallResult::ok(Value(map->contains(mapKey(a[0]))));
    if (m == QLatin1String("containsValue") && a.size() == 1) {
        for (const Value &v : map->values())
            if (v.javaEquals(a[0]))
                return CallResult::ok(Value(true));
        return CallResult::ok(Value(false));
    }
    if (m == QLatin1String("size") && a.isEmpty())
        return CallResult::ok(Value(qint64(map->size())));
    if (m == QLatin1String("isEmpty") && a.isEmpty())
        return CallResult::ok(Value(map->isEmpty()));
    if (m == QLatin1String("clear") && a.isEmpty()) {
        map->clear();
        return CallResult::ok({});
    }
    if (m == QLatin1String("keySet") && a.isEmpty()) {
        QList<Value> keys;
        for (const QString &k : map->keys())
            keys.append(Value(k));
        return CallResult::ok(Value::newList(keys));
    }
    if (m == QLatin1String("values") && a.isEmpty())
        return CallResult::ok(Value::newList(map->values()));
    if (m == QLatin1String("entrySet") && a.isEmpty()) {
        QList<Value> entries;
        for (const QString &k : map->keys())
            entries.append(Value(ObjectPtr(std::make_shared<MapEntry>(map, k))));
        return CallResult::ok(Value::newList(entries));
    }
    if (m == QLatin1String("toString") && a.isEmpty())
        return CallResult::ok(Value(Value(map).toJavaString()));
    if (m == QLatin1String("equals") && a.size() == 1)
        return CallResult::ok(Value(Value(map).javaEquals(a[0])));
    return CallResult::noSuchMethod();
}

CallResult listMethod(const ListPtr &list, const QString &m, const QList<Value> &a)
{
    using T = Value::Type;
    QList<Value> &items = list->items;
    const qint64 n = items.size();
    if ((m == QLatin1String("add") || m == QLatin1String("set") || m == QLatin1String("addAll")) && !a.isEmpty()
        && wouldCreateCycle(Value(list), a.last()))
        return cycle();
    if (m == QLatin1String("size") && a.isEmpty())
        return CallResult::ok(Value(n));
    if (m == QLatin1String("isEmpty") && a.isEmpty())
        return CallResult::ok(Value(items.isEmpty()));
    if (m == QLatin1String("get") && argsAre(a, {T::Int})) {
        const qint64 i = a[0].intValue();
        if (i < 0 || i >= n)
            return badIndex(i, n);
        return CallResult::ok(items.at(i));
    }
    if (m == QLatin1String("add") && a.size() == 1) {
        items.append(a[0]);
        return CallResult::ok(Value(true));
    }
    if (m == QLatin1String("add") && argsAre(a, {T::Int, T::Null})) {
        const qint64 i = a[0].intValue();
        if (i < 0 || i > n)
            return badIndex(i, n);
        items.insert(i, a[1]);
        return CallResult::ok({});
    }
    if (m == QLatin1String("set") && argsAre(a, {T::Int, T::Null})) {
        const qint64 i = a[0].intValue();
        if (i < 0 || i >= n)
            return badIndex(i, n);
        Value previous = items.at(i);
        items[i] = a[1];
        return CallResult::ok(previous);
    }
    if (m == QLatin1String("remove") && a.size() == 1) {
        if (a[0].isInt()) { // remove(int index) wins for Integer arguments
            const qint64 i = a[0].intValue();
            if (i < 0 || i >= n)
                return badIndex(i, n);
            return CallResult::ok(items.takeAt(i));
        }
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).javaEquals(a[0])) {
                items.removeAt(i);
                return CallResult::ok(Value(true));
            }
        }
        return CallResult::ok(Value(false));
    }
    if ((m == QLatin1String("contains") || m == QLatin1String("indexOf") || m == QLatin1String("lastIndexOf"))
        && a.size() == 1) {
        qint64 found = -1;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).javaEquals(a[0])) {
                found = i;
                if (m != QLatin1String("lastIndexOf"))
                    break;
            }
        }
        if (m == QLatin1String("contains"))
            return CallResult::ok(Value(found >= 0));
        return CallResult::ok(Value(found));
    }
    if (m == QLatin1String("addAll") && a.size() == 1) {
        if (a[0].isNull())
            return nullPointer();
        if (!a[0].isList())
            return CallResult::noSuchMethod();
        const QList<Value> more = a[0].list()->items; // copy: addAll(self) is legal
        items.append(more);
        return CallResult::ok(Value(!more.isEmpty()));
    }
    if (m == QLatin1String("clear") && a.isEmpty()) {
        items.clear();
        return CallResult::ok({});
    }
    if (m == QLatin1String("subList") && argsAre(a, {T::Int, T::Int})) {
        const qint64 b = a[0].intValue(), e = a[1].intValue();
        if (b < 0 || e > n || b > e)
            return CallResult::fail(QStringLiteral("java.lang.IndexOutOfBoundsException: fromIndex: %1, toIndex: %2, size: %3")
                                        .arg(b).arg(e).arg(n));
        return CallResult::ok(Value::newList(items.mid(b, e - b), list->jsonStyle));
    }
    if (m == QLatin1String("toString") && a.isEmpty())
        return CallResult::ok(Value(Value(list).toJavaString()));
    if (m == QLatin1String("equals") && a.size() == 1)
        return CallResult::ok(Value(a[0].isList() && Value(list).javaEquals(a[0])));
    return CallResult::noSuchMethod();
}

CallResult numberMethod(const Value &v, const QString &m, const QList<Value> &a)
{
    if (a.isEmpty()) {
        if (m == QLatin1String("intValue")) {
            // Java narrows to 32 bits.
            return CallResult::ok(Value(qint64(qint32(quint32(quint64(v.intValue()))))));
        }
        if (m == QLatin1String("longValue"))
            return CallResult::ok(Value(v.intValue()));
        if (m == QLatin1String("doubleValue") || m == QLatin1String("floatValue"))
            return CallResult::ok(Value(v.doubleValue()));
        if (m == QLatin1String("toString"))
            return CallResult::ok(Value(v.toJavaString()));
        if (m == QLatin1String("hashCode"))
            return CallResult::ok(Value(v.isInt() ? v.intValue() : qint64(std::hash<double>{}(v.doubleValue()) & 0x7fffffff)));
        if (m == QLatin1String("isNaN") && v.isDouble())
            return CallResult::ok(Value(std::isnan(v.doubleValue())));
        if (m == QLatin1String("isInfinite") && v.isDouble())
            return CallResult::ok(Value(std::isinf(v.doubleValue())));
    }
    if (m == QLatin1String("equals") && a.size() == 1)
        return CallResult::ok(Value(v.javaEquals(a[0])));
    if (m == QLatin1String("compareTo") && a.size() == 1 && a[0].type() == v.type()) {
        if (v.isInt())
            return CallResult::ok(Value(qint64(v.intValue() < a[0].intValue() ? -1 : v.intValue() > a[0].intValue() ? 1 : 0)));
        const double x = v.doubleValue(), y = a[0].doubleValue();
        return CallResult::ok(Value(qint64(x < y ? -1 : x > y ? 1 : 0)));
    }
    return CallResult::noSuchMethod();
}

} // namespace

CallResult callBuiltinMethod(const Value &target, const QString &method, const QList<Value> &args)
{
    switch (target.type()) {
    case Value::Type::String:
        return stringMethod(target.string(), method, args);
    case Value::Type::List:
        return listMethod(target.list(), method, args);
    case Value::Type::Map:
        return mapMethod(target.map(), method, args);
    case Value::Type::Int:
    case Value::Type::Double:
        return numberMethod(target, method, args);
    case Value::Type::Bool:
        if (args.isEmpty() && method == QLatin1String("booleanValue"))
            return CallResult::ok(target);
        if (args.isEmpty() && method == QLatin1String("toString"))
            return CallResult::ok(Value(target.toJavaString()));
        if (args.size() == 1 && method == QLatin1String("equals"))
            return CallResult::ok(Value(target.javaEquals(args[0])));
        return CallResult::noSuchMethod();
    case Value::Type::Object:
        return target.object()->invoke(method, args);
    case Value::Type::Null:
        return CallResult::noSuchMethod();
    }
    return CallResult::noSuchMethod();
}

CallResult builtinProperty(const Value &target, const QString &name)
{
    switch (target.type()) {
    case Value::Type::Map:
        // Velocity's MapGetExecutor: $map.key is map.get("key").
        return CallResult::ok(target.map()->value(name));
    case Value::Type::List:
        if (name == QLatin1String("empty"))
            return CallResult::ok(Value(target.list()->items.isEmpty()));
        return CallResult::noSuchMethod();
    case Value::Type::String:
        if (name == QLatin1String("empty"))
            return CallResult::ok(Value(target.string().isEmpty()));
        if (name == QLatin1String("blank"))
            return CallResult::ok(Value(target.string().trimmed().isEmpty()));
        return CallResult::noSuchMethod();
    case Value::Type::Object:
        return target.object()->property(name);
    default:
        return CallResult::noSuchMethod();
    }
}

} // namespace Gw::Vtl::Internal
