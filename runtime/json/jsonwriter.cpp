// A streaming JSON writer for the hot path (see the header for why it exists).
#include "runtime/json/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace Gw::Runtime {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first)
        m_out.append(',');
    m_first = false;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    return key(QByteArrayView(name.data(), name.size()));
}

JsonWriter &JsonWriter::key(const QString &name)
{
    return key(QByteArrayView(name.toUtf8()));
}

JsonWriter &JsonWriter::key(QByteArrayView utf8Name)
{
    separate();
    escaped(utf8Name);
    m_out.append(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(const QString &value)
{
    separate();
    escaped(value.toUtf8());
    return *this;
}

JsonWriter &JsonWriter::string(QByteArrayView utf8)
{
    separate();
    if (utf8.isValidUtf8())
        escaped(utf8);
    else
        escaped(QString::fromUtf8(utf8).toUtf8());
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    separate();
    m_out.append(value ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::number(double value)
{
    separate();
    if (!std::isfinite(value)) {
        m_out.append("null"); // as QJsonDocument writes it
        return *this;
    }
    // Integral values (epoch milliseconds) without an exponent, like QJsonDocument.
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        m_out.append(QByteArray::number(qint64(value)));
    else
        m_out.append(QByteArray::number(value, 'g', 17));
    return *this;
}

JsonWriter &JsonWriter::number(qint64 value)
{
    separate();
    m_out.append(QByteArray::number(value));
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return null();
    case QJsonValue::Bool:
        return boolean(value.toBool());
    case QJsonValue::Double:
        return number(value.toDouble());
    case QJsonValue::String:
        return string(value.toString());
    case QJsonValue::Array:
        separate();
        m_out.append(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        return *this;
    case QJsonValue::Object:
        separate();
        m_out.append(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        return *this;
    }
    return null();
}

void JsonWriter::escaped(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    m_out.append('"');
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(utf8.sliced(plainFrom, i - plainFrom));
        plainFrom = i + 1;
        switch (c) {
        case '"': m_out.append("\\\""); break;
        case '\\': m_out.append("\\\\"); break;
        case '\b': m_out.append("\\b"); break;
        case '\f': m_out.append("\\f"); break;
        case '\n': m_out.append("\\n"); break;
        case '\r': m_out.append("\\r"); break;
        case '\t': m_out.append("\\t"); break;
        default: {
            const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            m_out.append(u, sizeof u);
        }
        }
    }
    m_out.append(utf8.sliced(plainFrom));
    m_out.append('"');
}

} // namespace Gw::Runtime
