// A small strict JSON reader producing ordered Vtl values; integers stay integers (1 vs 1.0).
#include "jsonvalue.h"

namespace Gw::Vtl {

namespace {

constexpr int kMaxDepth = 512;

class JsonReader
{
public:
    JsonReader(const QString &text, bool jsonStyle) : m_s(text), m_jsonStyle(jsonStyle) {}

    JsonParseResult read()
    {
        JsonParseResult r;
        skipWs();
        r.value = readValue(0);
        if (m_error.isEmpty()) {
            skipWs();
            if (m_pos < m_s.size())
                fail(QStringLiteral("unexpected text after the JSON value"));
        }
        r.error = m_error;
        if (!r.ok())
            r.value = Value();
        return r;
    }

private:
    void fail(const QString &msg)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("at offset %1: %2").arg(m_pos).arg(msg);
    }
    void skipWs()
    {
        while (m_pos < m_s.size()) {
            const ushort c = m_s.at(m_pos).unicode();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++m_pos;
            else
                break;
        }
    }
    bool consume(const char *word)
    {
        const QLatin1String w(word);
        if (QStringView(m_s).mid(m_pos).startsWith(w)) {
            m_pos += w.size();
            return true;
        }
        return false;
    }

    Value readValue(int depth)
    {
        if (depth > kMaxDepth) {
            fail(QStringLiteral("nesting too deep"));
            return {};
        }
        if (m_pos >= m_s.size()) {
            fail(QStringLiteral("unexpected end of input"));
            return {};
        }
        const QChar c = m_s.at(m_pos);
        if (c == QLatin1Char('{'))
            return readObject(depth);
        if (c == QLatin1Char('['))
            return readArray(depth);
        if (c == QLatin1Char('"')) {
            QString s;
            if (!readString(s))
                return {};
            return Value(s);
        }
        if (c == QLatin1Char('-') || c.isDigit())
            return readNumber();
        if (consume("true"))
            return Value(true);
        if (consume("false"))
            return Value(false);
        if (consume("null"))
            return Value();
        fail(QStringLiteral("unexpected character '%1'").arg(c));
        return {};
    }

    Value readObject(int depth)
    {
        ++m_pos; // {
        Value m = Value::newMap();
        skipWs();
        if (m_pos < m_s.size() && m_s.at(m_pos) == QLatin1Char('}')) {
            ++m_pos;
            return m;
        }
        while (m_error.isEmpty()) {
            skipWs();
            if (m_pos >= m_s.size() || m_s.at(m_pos) != QLatin1Char('"')) {
                fail(QStringLiteral("expected a string key"));
                return {};
            }
            QString key;
            if (!readString(key))
                return {};
            skipWs();
            if (m_pos >= m_s.size() || m_s.at(m_pos) != QLatin1Char(':')) {
                fail(QStringLiteral("expected ':'"));
                return {};
            }
            ++m_pos;
            skipWs();
            Value v = readValue(depth + 1);
            if (!m_error.isEmpty())
                return {};
            m.map()->insert(key, v);
            skipWs();
            if (m_pos < m_s.size() && m_s.at(m_pos) == QLatin1Char(',')) {
                ++m_pos;
                continue;
            }
            if (m_pos < m_s.size() && m_s.at(m_pos) == QLatin1Char('}')) {
                ++m_pos;
                return m;
            }
            fail(QStringLiteral("expected ',' or '}'"));
        }
        return {};
    }

    Value readArray(int depth)
    {
        ++m_pos; // [
        QList<Value> items;
        skipWs();
        if (m_pos < m_s.size() && m_s.at(m_pos) == QLatin1Char(']')) {
            ++m_pos;
            return Value::newList(items, m_jsonStyle);
        }
        while (m_error.isEmpty()) {
            skipWs();
            Value v = readValue(depth + 1);
            if (!m_error.isEmpty())
                return {};
            items.append(v);
            skipWs();
            if (m_pos < m_s.size() && m_s.at(m_pos) == QLatin1Char(',')) {
                ++m_pos;
                continue;
            }
            if (m_pos < m_s.size() && m_s.at(m_pos) == QLatin1Char(']')) {
                ++m_pos;
                return Value::newList(items, m_jsonStyle);
            }
            fail(QStringLiteral("expected ',' or ']'"));
        }
        return {};
    }

    bool readString(QString &out)
    {
        ++m_pos; // opening quote
        while (m_pos < m_s.size()) {
            const QChar c = m_s.at(m_pos++);
            if (c == QLatin1Char('"'))
                return true;
            if (c == QLatin1Char('\\')) {
                if (m_pos >= m_s.size())
                    break;
                const QChar e = m_s.at(m_pos++);
                switch (e.unicode()) {
                case '"': out += QLatin1Char('"'); break;
                case '\\': out += QLatin1Char('\\'); break;
                case '/': out += QLatin1Char('/'); break;
                case 'b': out += QLatin1Char('\b'); break;
                case 'f': out += QLatin1Char('\f'); break;
                case 'n': out += QLatin1Char('\n'); break;
                case 'r': out += QLatin1Char('\r'); break;
                case 't': out += QLatin1Char('\t'); break;
                case 'u': {
                    if (m_pos + 4 > m_s.size()) {
                        fail(QStringLiteral("bad \\u escape"));
                        return false;
                    }
                    bool ok = false;
                    const uint code = m_s.mid(m_pos, 4).toUInt(&ok, 16);
                    if (!ok) {
                        fail(QStringLiteral("bad \\u escape"));
                        return false;
                    }
                    out += QChar(char16_t(code));
                    m_pos += 4;
                    break;
                }
                default:
                    fail(QStringLiteral("bad escape"));
                    return false;
                }
            } else if (c.unicode() < 0x20) {
                fail(QStringLiteral("control character in string"));
                return false;
            } else {
                out += c;
            }
        }
        fail(QStringLiteral("unterminated string"));
        return false;
    }

    Value readNumber()
    {
        const qsizetype start = m_pos;
        bool isFloat = false;
        if (m_s.at(m_pos) == QLatin1Char('-'))
            ++m_pos;
        auto digits = [&] {
            const qsizetype s = m_pos;
            while (m_pos < m_s.size() && m_s.at(m_pos).isDigit() && m_s.at(m_pos).unicode() < 128)
                ++m_pos;
            return m_pos > s;
        };
        if (!digits()) {
            fail(QStringLiteral("bad number"));
            return {};
        }
        if (m_pos < m_s.size() && m_s.at(m_pos) == QLatin1Char('.')) {
            ++m_pos;
            isFloat = true;
            if (!digits()) {
                fail(QStringLiteral("bad number"));
                return {};
            }
        }
        if (m_pos < m_s.size() && (m_s.at(m_pos) == QLatin1Char('e') || m_s.at(m_pos) == QLatin1Char('E'))) {
            ++m_pos;
            isFloat = true;
            if (m_pos < m_s.size() && (m_s.at(m_pos) == QLatin1Char('+') || m_s.at(m_pos) == QLatin1Char('-')))
                ++m_pos;
            if (!digits()) {
                fail(QStringLiteral("bad number"));
                return {};
            }
        }
        const QString text = m_s.mid(start, m_pos - start);
        if (!isFloat) {
            bool ok = false;
            const qint64 i = text.toLongLong(&ok);
            if (ok)
                return Value(i);
        }
        return Value(text.toDouble());
    }

    const QString &m_s;
    qsizetype m_pos = 0;
    bool m_jsonStyle;
    QString m_error;
};

} // namespace

JsonParseResult parseJson(const QString &text, bool jsonStyleArrays)
{
    return JsonReader(text, jsonStyleArrays).read();
}

} // namespace Gw::Vtl
