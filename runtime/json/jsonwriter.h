// A streaming JSON writer for the hot path: Lambda proxy events are built for every invocation, and
// building them as QJsonObject (a QCborValue tree with sorted keys, then toJson) was a fifth of the
// gateway's CPU per Lambda call in the benchmark profile. Neither Qt nor nlohmann::json writes
// without building a tree first, so this writes the bytes directly; escaping follows RFC 8259 and
// its output parses with QJsonDocument (tst_jsonwriter checks both).
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace Gw::Runtime {

class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 1024) { m_out.reserve(reserve); }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(QLatin1StringView name); // literal keys
    JsonWriter &key(const QString &name);
    JsonWriter &key(QByteArrayView utf8Name);
    JsonWriter &key(const QByteArray &utf8Name) { return key(QByteArrayView(utf8Name)); }

    JsonWriter &string(const QString &value);
    JsonWriter &string(QByteArrayView utf8); // invalid UTF-8 becomes U+FFFD, as QString::fromUtf8
    JsonWriter &string(const QByteArray &utf8) { return string(QByteArrayView(utf8)); }
    JsonWriter &stringOrNull(const QString &value) { return value.isEmpty() ? null() : string(value); }
    JsonWriter &null();
    JsonWriter &boolean(bool value);
    JsonWriter &number(double value);
    JsonWriter &number(qint64 value);
    JsonWriter &value(const QJsonValue &value); // any QJsonValue, objects and arrays included

    const QByteArray &data() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

private:
    void separate();
    void escaped(QByteArrayView utf8);

    QByteArray m_out;
    bool m_first = true; // no value yet in the current container
    bool m_afterKey = false;
};

} // namespace Gw::Runtime
