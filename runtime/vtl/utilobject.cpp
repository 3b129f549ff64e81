// $util: the Java library functions AWS exposes, with the Java libraries' exact escaping rules.
#include "utilobject.h"

#include "jsonvalue.h"

#include <QByteArray>

namespace Gw::Vtl {

QString UtilObject::escapeJavaScript(const QString &s)
{
    QString out;
    out.reserve(s.size() + s.size() / 8);
    for (QChar qc : s) {
        const ushort ch = qc.unicode();
        if (ch > 0x7f) {
            out += QStringLiteral("\\u") + QStringLiteral("%1").arg(ch, 4, 16, QLatin1Char('0')).toUpper();
        } else if (ch < 32) {
            switch (ch) {
            case '\b': out += QLatin1String("\\b"); break;
            case '\n': out += QLatin1String("\\n"); break;
            case '\t': out += QLatin1String("\\t"); break;
            case '\f': out += QLatin1String("\\f"); break;
            case '\r': out += QLatin1String("\\r"); break;
            default:
                out += QStringLiteral("\\u") + QStringLiteral("%1").arg(ch, 4, 16, QLatin1Char('0')).toUpper();
            }
        } else {
            switch (ch) {
            case '\'': out += QLatin1String("\\'"); break;
            case '"': out += QLatin1String("\\\""); break;
            case '\\': out += QLatin1String("\\\\"); break;
            case '/': out += QLatin1String("\\/"); break;
            default: out += qc;
            }
        }
    }
    return out;
}

QString UtilObject::urlEncode(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    QString out;
    out.reserve(utf8.size() * 3);
    static const char hex[] = "0123456789ABCDEF";
    for (char c : utf8) {
        const uchar u = uchar(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.' || u == '-'
            || u == '*' || u == '_') {
            out += QLatin1Char(char(u));
        } else if (u == ' ') {
            out += QLatin1Char('+');
        } else {
            out += QLatin1Char('%');
            out += QLatin1Char(hex[u >> 4]);
            out += QLatin1Char(hex[u & 15]);
        }
    }
    return out;
}

std::optional<QString> UtilObject::urlDecode(const QString &s, QString *error)
{
    QByteArray bytes;
    QString out;
    auto flush = [&] {
        if (!bytes.isEmpty()) {
            out += QString::fromUtf8(bytes);
            bytes.clear();
        }
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('%')) {
            bool ok = false;
            const int v = i + 2 < s.size() ? s.mid(i + 1, 2).toInt(&ok, 16) : -1;
            if (!ok || v < 0) {
                *error = QStringLiteral("java.lang.IllegalArgumentException: URLDecoder: Illegal hex characters in escape (%) pattern");
                return std::nullopt;
            }
            bytes.append(char(v));
            i += 2;
            continue;
        }
        flush();
        out += c == QLatin1Char('+') ? QChar(QLatin1Char(' ')) : c;
    }
    flush();
    return out;
}

CallResult UtilObject::invoke(const QString &method, const QList<Value> &args)
{
    if (args.size() != 1)
        return CallResult::noSuchMethod();
    const Value &a = args[0];
    // The Java methods take a String; Velocity passes null through, and the methods answer
    // null (printed as the reference text) rather than failing.
    if (a.isNull())
        return CallResult::ok({});
    const QString s = a.isString() ? a.string() : a.toJavaString();
    if (method == QLatin1String("escapeJavaScript"))
        return CallResult::ok(Value(escapeJavaScript(s)));
    if (method == QLatin1String("parseJson")) {
        JsonParseResult r = parseJson(s, true);
        if (!r.ok())
            return CallResult::fail(QStringLiteral("Invalid JSON passed to $util.parseJson: %1").arg(r.error));
        return CallResult::ok(r.value);
    }
    if (method == QLatin1String("urlEncode"))
        return CallResult::ok(Value(urlEncode(s)));
    if (method == QLatin1String("urlDecode")) {
        QString error;
        auto r = urlDecode(s, &error);
        if (!r)
            return CallResult::fail(error);
        return CallResult::ok(Value(*r));
    }
    if (method == QLatin1String("base64Encode"))
        return CallResult::ok(Value(QString::fromLatin1(s.toUtf8().toBase64())));
    if (method == QLatin1String("base64Decode")) {
        auto r = QByteArray::fromBase64Encoding(s.trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!r)
            return CallResult::fail(QStringLiteral("java.lang.IllegalArgumentException: Illegal base64 character"));
        return CallResult::ok(Value(QString::fromUtf8(*r)));
    }
    return CallResult::noSuchMethod();
}

} // namespace Gw::Vtl
