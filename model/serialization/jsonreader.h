// A strict reader over one JSON object: typed reads that report wrong types, missing required
// keys and unknown keys as diagnostics located by JSON pointer.
#pragma once

#include "model/diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

namespace Gw::Model {

class JsonObjectReader
{
public:
    enum Requirement { Optional, Required };

    JsonObjectReader(const QJsonObject &object, const QString &pointer, Diagnostics *diagnostics);

    const QString &pointer() const { return m_pointer; }
    QString pointerOf(const QString &key) const;
    const QJsonObject &object() const { return m_object; }

    // Each read marks the key as known; when the key is absent `out` keeps its value (the
    // struct's default) unless the key is Required, which reports an error.
    void read(const QString &key, QString &out, Requirement r = Optional);
    void read(const QString &key, bool &out, Requirement r = Optional);
    void read(const QString &key, int &out, Requirement r = Optional);
    void read(const QString &key, double &out, Requirement r = Optional);
    void read(const QString &key, QStringList &out, Requirement r = Optional);
    void read(const QString &key, QMap<QString, QString> &out, Requirement r = Optional);
    void read(const QString &key, QMap<QString, bool> &out, Requirement r = Optional);
    void read(const QString &key, QJsonObject &out, Requirement r = Optional);

    // Enums: `parse` maps the AWS spelling; `what` names the enum in messages; `allowed` lists
    // the accepted spellings.
    template<typename E>
    void readEnum(const QString &key, E &out, std::optional<E> (*parse)(const QString &),
                  const char *what, const char *allowed, Requirement r = Optional)
    {
        QString text;
        if (!readStringInto(key, text, r))
            return;
        if (const std::optional<E> v = parse(text)) {
            out = *v;
        } else {
            error(pointerOf(key), QStringLiteral("unknown %1 \"%2\" (expected one of %3)")
                                      .arg(QLatin1String(what), text, QLatin1String(allowed)));
        }
    }

    // A nested object; `fn` reads it and unknown keys in it are reported. Returns whether the
    // key was present with an object value.
    bool readObject(const QString &key, const std::function<void(JsonObjectReader &)> &fn,
                    Requirement r = Optional);
    // An array of objects, each read by `fn`.
    void readArray(const QString &key, const std::function<void(JsonObjectReader &)> &fn,
                   Requirement r = Optional);
    // An object whose values are objects keyed by name ("methodThrottle": {"/pets/GET": {…}}).
    void readObjectMap(const QString &key,
                       const std::function<void(const QString &, JsonObjectReader &)> &fn,
                       Requirement r = Optional);

    // Reports every key that no read asked for.
    void reportUnknownKeys();

    void error(const QString &pointer, const QString &message);

private:
    // Returns the value if present with the right type; reports otherwise.
    std::optional<QJsonValue> take(const QString &key, QJsonValue::Type type, Requirement r);
    bool readStringInto(const QString &key, QString &out, Requirement r);

    QJsonObject m_object;
    QString m_pointer;
    Diagnostics *m_diagnostics;
    QSet<QString> m_known;
};

QString jsonTypeName(const QJsonValue &v);

} // namespace Gw::Model
