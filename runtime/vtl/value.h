// Java-like values for the Velocity engine: null, boolean, long, double, String, List, Map, objects.
//
// AWS renders mapping templates with Java Velocity, so what a template prints depends on Java's
// toString: maps print {a=1, b=x}, lists [1, 2], doubles 1.0 / 1.5E10. Lists and maps are shared
// references (copying a Value aliases them), as Java collections are.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>
#include <variant>

namespace Gw::Vtl {

class Object;
class Value;
struct ValueList;
class ValueMap;

using ListPtr = std::shared_ptr<ValueList>;
using MapPtr = std::shared_ptr<ValueMap>;
using ObjectPtr = std::shared_ptr<Object>;

class Value
{
public:
    enum class Type { Null, Bool, Int, Double, String, List, Map, Object };

    Value() = default;
    Value(bool b) : m_data(b) {}
    Value(int i) : m_data(qint64(i)) {}
    Value(qint64 i) : m_data(i) {}
    Value(double d) : m_data(d) {}
    Value(const QString &s) : m_data(s) {}
    Value(const char *s) : m_data(QString::fromUtf8(s)) {} // keeps "abc" from becoming a bool
    Value(ListPtr l);
    Value(MapPtr m);
    Value(ObjectPtr o);

    // A new, empty Java ArrayList; jsonStyle lists print as JSON (json-smart's JSONArray, which
    // is what AWS's $input.path returns for arrays).
    static Value newList(QList<Value> items = {}, bool jsonStyle = false);
    static Value newMap();
    // Converts QVariant trees (QVariantMap keeps its sorted order, use QVariantList of pairs or
    // build a map by hand when order matters) and QJsonValue-like variants.
    static Value fromVariant(const QVariant &v);

    Type type() const { return Type(m_data.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInt() const { return type() == Type::Int; }
    bool isDouble() const { return type() == Type::Double; }
    bool isNumber() const { return isInt() || isDouble(); }
    bool isString() const { return type() == Type::String; }
    bool isList() const { return type() == Type::List; }
    bool isMap() const { return type() == Type::Map; }
    bool isObject() const { return type() == Type::Object; }

    bool boolValue() const { return isBool() ? std::get<bool>(m_data) : false; }
    qint64 intValue() const;   // doubles truncate like Java's longValue()
    double doubleValue() const;
    QString string() const { return isString() ? std::get<QString>(m_data) : QString(); }
    ListPtr list() const { return isList() ? std::get<ListPtr>(m_data) : nullptr; }
    MapPtr map() const { return isMap() ? std::get<MapPtr>(m_data) : nullptr; }
    ObjectPtr object() const { return isObject() ? std::get<ObjectPtr>(m_data) : nullptr; }

    // Java's String.valueOf(x); "null" for null.
    QString toJavaString() const;
    // Compact JSON (json-smart style as AWS uses for JSONArray.toString and $input.json).
    QString toJson() const;
    QVariant toVariant() const;
    // Java's equals(): same kind and equal content (Long 1 does not equal Double 1.0).
    bool javaEquals(const Value &other) const;
    QString typeName() const; // Java class name the way error messages show it

private:
    std::variant<std::monostate, bool, qint64, double, QString, ListPtr, MapPtr, ObjectPtr> m_data;
};

struct ValueList
{
    QList<Value> items;
    bool jsonStyle = false;
};

// Insertion-ordered string-keyed map (LinkedHashMap).
class ValueMap
{
public:
    int size() const { return int(m_keys.size()); }
    bool isEmpty() const { return m_keys.isEmpty(); }
    bool contains(const QString &key) const { return m_values.contains(key); }
    Value value(const QString &key) const { return m_values.value(key); }
    Value insert(const QString &key, const Value &value); // returns the previous value
    Value remove(const QString &key);
    void clear();
    const QStringList &keys() const { return m_keys; }
    QList<Value> values() const;

private:
    QStringList m_keys;
    QHash<QString, Value> m_values;
};

// True when inserting `inserted` into the list or map `container` would make the container
// reach itself. Values are reference-counted, so such a cycle would never be freed; the engine
// refuses it (Java allows it, but templates have no use for it).
bool wouldCreateCycle(const Value &container, const Value &inserted);

// Java's Double.toString: shortest round-trip digits, decimal between 1e-3 and 1e7, else 1.5E10.
QString javaDoubleToString(double d);
// JSON string quoting with the escapes JSON needs.
QString jsonQuote(const QString &s);

// What an object method call produced: a value, "no such method" (Velocity then prints the
// reference literally), or an exception (Velocity aborts the render; AWS answers 500).
struct CallResult
{
    enum class Status { Ok, NoSuchMethod, Error };
    Status status = Status::Ok;
    Value value;
    QString error;

    static CallResult ok(const Value &v) { return {Status::Ok, v, {}}; }
    static CallResult noSuchMethod() { return {Status::NoSuchMethod, {}, {}}; }
    static CallResult fail(const QString &message) { return {Status::Error, {}, message}; }
};

// A host object a template can call into ($input, $util, $foreach...). Objects are how the
// caller exposes lazy values: nothing is computed until the template asks.
class Object
{
public:
    virtual ~Object();
    virtual QString className() const = 0;
    virtual CallResult invoke(const QString &method, const QList<Value> &args) = 0;
    // $obj.name: Velocity tries getName(), then isName(); objects may override.
    virtual CallResult property(const QString &name);
    // #set($obj.name = v); false when the object has no such settable property.
    virtual bool setProperty(const QString &name, const Value &value);
    virtual QString toJavaString() const;
    // Items for #foreach, if the object is iterable.
    virtual std::optional<QList<Value>> iterate() const { return std::nullopt; }
};

} // namespace Gw::Vtl
