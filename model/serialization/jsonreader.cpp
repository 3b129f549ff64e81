// Strict typed reads over QJsonObject with JSON-pointer diagnostics.
#include "model/serialization/jsonreader.h"

#include "model/serialization/jsonpointer.h"

#include <cmath>
#include <limits>

namespace Gw::Model {

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

static QString expectedName(QJsonValue::Type t)
{
    switch (t) {
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("a value");
    }
}

JsonObjectReader::JsonObjectReader(const QJsonObject &object, const QString &pointer,
                                   Diagnostics *diagnostics)
    : m_object(object), m_pointer(pointer), m_diagnostics(diagnostics)
{}

QString JsonObjectReader::pointerOf(const QString &key) const
{
    return jsonPointer(m_pointer, key);
}

void JsonObjectReader::error(const QString &pointer, const QString &message)
{
    m_diagnostics->append(Diagnostic{Diagnostic::Severity::Error, pointer, message, {}});
}

std::optional<QJsonValue> JsonObjectReader::take(const QString &key, QJsonValue::Type type,
                                                 Requirement r)
{
    m_known.insert(key);
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        if (r == Required)
            error(pointerOf(key), QStringLiteral("missing required field \"%1\"").arg(key));
        return std::nullopt;
    }
    const QJsonValue v = it.value();
    if (v.type() != type) {
        error(pointerOf(key),
              QStringLiteral("expected %1, found %2").arg(expectedName(type), jsonTypeName(v)));
        return std::nullopt;
    }
    return v;
}

bool JsonObjectReader::readStringInto(const QString &key, QString &out, Requirement r)
{
    const std::optional<QJsonValue> v = take(key, QJsonValue::String, r);
    if (!v)
        return false;
    out = v->toString();
    return true;
}

void JsonObjectReader::read(const QString &key, QString &out, Requirement r)
{
    readStringInto(key, out, r);
}

void JsonObjectReader::read(const QString &key, bool &out, Requirement r)
{
    if (const std::optional<QJsonValue> v = take(key, QJsonValue::Bool, r))
        out = v->toBool();
}

void JsonObjectReader::read(const QString &key, int &out, Requirement r)
{
    const std::optional<QJsonValue> v = take(key, QJsonValue::Double, r);
    if (!v)
        return;
    const double d = v->toDouble();
    if (std::floor(d) != d || d < std::numeric_limits<int>::min()
        || d > std::numeric_limits<int>::max()) {
        error(pointerOf(key), QStringLiteral("expected an integer, found %1").arg(d));
        return;
    }
    out = int(d);
}

void JsonObjectReader::read(const QString &key, double &out, Requirement r)
{
    if (const std::optional<QJsonValue> v = take(key, QJsonValue::Double, r))
        out = v->toDouble();
}

void JsonObjectReader::read(const QString &key, QStringList &out, Requirement r)
{
    const std::optional<QJsonValue> v = take(key, QJsonValue::Array, r);
    if (!v)
        return;
    const QJsonArray array = v->toArray();
    QStringList list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isString()) {
            error(jsonPointer(pointerOf(key), i),
                  QStringLiteral("expected a string, found %1").arg(jsonTypeName(item)));
            continue;
        }
        list.append(item.toString());
    }
    out = list;
}

void JsonObjectReader::read(const QString &key, QMap<QString, QString> &out, Requirement r)
{
    const std::optional<QJsonValue> v = take(key, QJsonValue::Object, r);
    if (!v)
        return;
    const QJsonObject o = v->toObject();
    QMap<QString, QString> map;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!it.value().isString()) {
            error(jsonPointer(pointerOf(key), it.key()),
                  QStringLiteral("expected a string, found %1").arg(jsonTypeName(it.value())));
            continue;
        }
        map.insert(it.key(), it.value().toString());
    }
    out = map;
}

void JsonObjectReader::read(const QString &key, QMap<QString, bool> &out, Requirement r)
{
    const std::optional<QJsonValue> v = take(key, QJsonValue::Object, r);
    if (!v)
        return;
    const QJsonObject o = v->toObject();
    QMap<QString, bool> map;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!it.value().isBool()) {
            error(jsonPointer(pointerOf(key), it.key()),
                  QStringLiteral("expected a boolean, found %1").arg(jsonTypeName(it.value())));
            continue;
        }
        map.insert(it.key(), it.value().toBool());
    }
    out = map;
}

void JsonObjectReader::read(const QString &key, QJsonObject &out, Requirement r)
{
    if (const std::optional<QJsonValue> v = take(key, QJsonValue::Object, r))
        out = v->toObject();
}

bool JsonObjectReader::readObject(const QString &key,
                                  const std::function<void(JsonObjectReader &)> &fn,
                                  Requirement r)
{
    const std::optional<QJsonValue> v = take(key, QJsonValue::Object, r);
    if (!v)
        return false;
    JsonObjectReader child(v->toObject(), pointerOf(key), m_diagnostics);
    fn(child);
    child.reportUnknownKeys();
    return true;
}

void JsonObjectReader::readArray(const QString &key,
                                 const std::function<void(JsonObjectReader &)> &fn, Requirement r)
{
    const std::optional<QJsonValue> v = take(key, QJsonValue::Array, r);
    if (!v)
        return;
    const QJsonArray array = v->toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPointer = jsonPointer(pointerOf(key), i);
        const QJsonValue item = array.at(i);
        if (!item.isObject()) {
            error(itemPointer,
                  QStringLiteral("expected an object, found %1").arg(jsonTypeName(item)));
            continue;
        }
        JsonObjectReader child(item.toObject(), itemPointer, m_diagnostics);
        fn(child);
        child.reportUnknownKeys();
    }
}

void JsonObjectReader::readObjectMap(
    const QString &key, const std::function<void(const QString &, JsonObjectReader &)> &fn,
    Requirement r)
{
    const std::optional<QJsonValue> v = take(key, QJsonValue::Object, r);
    if (!v)
        return;
    const QJsonObject o = v->toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString itemPointer = jsonPointer(pointerOf(key), it.key());
        if (!it.value().isObject()) {
            error(itemPointer,
                  QStringLiteral("expected an object, found %1").arg(jsonTypeName(it.value())));
            continue;
        }
        JsonObjectReader child(it.value().toObject(), itemPointer, m_diagnostics);
        fn(it.key(), child);
        child.reportUnknownKeys();
    }
}

void JsonObjectReader::reportUnknownKeys()
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_known.contains(it.key()))
            error(pointerOf(it.key()), QStringLiteral("unknown key \"%1\"").arg(it.key()));
    }
}

} // namespace Gw::Model
