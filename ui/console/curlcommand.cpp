// cURL command conversion; written here because no library parses shell-quoted curl lines into
// a request, and the subset that matters (quotes and the request-shaping options) is small.
#include "ui/console/curlcommand.h"

#include <QStringList>

namespace Gw::Ui::Curl {

namespace {

QString shellQuote(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// Splits like a POSIX shell: '...' literal, "..." with \" \\ \$ \` escapes, \x outside quotes,
// backslash-newline joins lines. $'...' (bash ANSI-C quoting, used by Chrome) handles \n \t \\ \'.
std::optional<QStringList> tokenize(const QString &text)
{
    QStringList tokens;
    QString current;
    bool inToken = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            if (i + 1 < text.size()) {
                const QChar n = text.at(++i);
                if (n == QLatin1Char('\n') || (n == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))) {
                    if (n == QLatin1Char('\r'))
                        ++i;
                    continue;
                }
                current += n;
                inToken = true;
            }
        } else if (c == QLatin1Char('$') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\'')) {
            i += 2;
            inToken = true;
            for (; i < text.size() && text.at(i) != QLatin1Char('\''); ++i) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size()) {
                    const QChar n = text.at(++i);
                    current += n == QLatin1Char('n') ? QChar(u'\n') : n == QLatin1Char('t') ? QChar(u'\t') : n == QLatin1Char('r') ? QChar(u'\r') : n;
                } else {
                    current += text.at(i);
                }
            }
            if (i >= text.size())
                return std::nullopt;
        } else if (c == QLatin1Char('\'')) {
            const qsizetype end = text.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return std::nullopt;
            current += text.mid(i + 1, end - i - 1);
            inToken = true;
            i = end;
        } else if (c == QLatin1Char('"')) {
            inToken = true;
            for (++i; i < text.size() && text.at(i) != QLatin1Char('"'); ++i) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size()
                    && QStringLiteral("\"\\$`\n").contains(text.at(i + 1))) {
                    ++i;
                    if (text.at(i) == QLatin1Char('\n'))
                        continue;
                }
                current += text.at(i);
            }
            if (i >= text.size())
                return std::nullopt;
        } else if (c.isSpace()) {
            if (inToken)
                tokens << current;
            current.clear();
            inToken = false;
        } else {
            current += c;
            inToken = true;
        }
    }
    if (inToken)
        tokens << current;
    return tokens;
}

} // namespace

QString toCommand(const Request &request)
{
    QStringList parts{QStringLiteral("curl")};
    if (request.method != QLatin1String("GET") || !request.body.isEmpty() || !request.bodyFile.isEmpty())
        parts << QStringLiteral("-X ") + request.method;
    parts << shellQuote(request.url);
    for (const auto &h : request.headers)
        parts << QStringLiteral("-H ") + shellQuote(h.first + QStringLiteral(": ") + h.second);
    if (!request.bodyFile.isEmpty())
        parts << QStringLiteral("--data-binary ") + shellQuote(QLatin1Char('@') + request.bodyFile);
    else if (!request.body.isEmpty())
        parts << QStringLiteral("--data-raw ") + shellQuote(QString::fromUtf8(request.body));
    return parts.join(QStringLiteral(" \\\n  "));
}

std::optional<Request> parse(const QString &command, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<Request> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const std::optional<QStringList> tokens = tokenize(command.trimmed());
    if (!tokens)
        return fail(QStringLiteral("unterminated quote"));
    if (tokens->isEmpty() || tokens->first() != QLatin1String("curl"))
        return fail(QStringLiteral("not a curl command"));
    Request request;
    bool explicitMethod = false;
    bool head = false;
    QByteArrayList data;
    auto addHeader = [&request](const QString &line) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    };
    static const QStringList ignoredWithValue{QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("-m"),
                                              QStringLiteral("--max-time"), QStringLiteral("--connect-timeout"),
                                              QStringLiteral("-w"), QStringLiteral("--write-out"), QStringLiteral("--cacert"),
                                              QStringLiteral("-E"), QStringLiteral("--cert"), QStringLiteral("--key")};
    const QStringList &t = *tokens;
    for (qsizetype i = 1; i < t.size(); ++i) {
        QString option = t.at(i);
        QString value;
        auto next = [&]() -> bool {
            if (i + 1 >= t.size())
                return false;
            value = t.at(++i);
            return true;
        };
        // --opt=value and -Xvalue forms.
        if (option.startsWith(QLatin1String("--")) && option.contains(QLatin1Char('='))) {
            value = option.section(QLatin1Char('='), 1);
            option = option.section(QLatin1Char('='), 0, 0);
        }
        const bool hasInline = !value.isNull();
        auto take = [&]() -> bool { return hasInline || next(); };
        if (!option.startsWith(QLatin1Char('-'))) {
            request.url = option;
        } else if (option == QLatin1String("-X") || option == QLatin1String("--request")) {
            if (!take())
                return fail(QStringLiteral("%1 needs a value").arg(option));
            request.method = value.toUpper();
            explicitMethod = true;
        } else if (option.startsWith(QLatin1String("-X")) && option.size() > 2) {
            request.method = option.mid(2).toUpper();
            explicitMethod = true;
        } else if (option == QLatin1String("-H") || option == QLatin1String("--header")) {
            if (!take())
                return fail(QStringLiteral("%1 needs a value").arg(option));
            addHeader(value);
        } else if (option == QLatin1String("-d") || option == QLatin1String("--data") || option == QLatin1String("--data-raw")
                   || option == QLatin1String("--data-binary") || option == QLatin1String("--data-ascii")
                   || option == QLatin1String("--data-urlencode") || option == QLatin1String("--json")) {
            if (!take())
                return fail(QStringLiteral("%1 needs a value").arg(option));
            if (value.startsWith(QLatin1Char('@')) && value.size() > 1 && option != QLatin1String("--data-raw")
                && option != QLatin1String("--data-urlencode")) {
                request.bodyFile = value.mid(1);
            } else {
                data << value.toUtf8();
            }
            if (option == QLatin1String("--json")) {
                addHeader(QStringLiteral("Content-Type: application/json"));
                addHeader(QStringLiteral("Accept: application/json"));
            }
        } else if (option == QLatin1String("--url")) {
            if (!take())
                return fail(QStringLiteral("--url needs a value"));
            request.url = value;
        } else if (option == QLatin1String("-u") || option == QLatin1String("--user")) {
            if (!take())
                return fail(QStringLiteral("%1 needs a value").arg(option));
            request.headers.append({QStringLiteral("Authorization"),
                                    QStringLiteral("Basic ") + QString::fromLatin1(value.toUtf8().toBase64())});
        } else if (option == QLatin1String("-A") || option == QLatin1String("--user-agent")) {
            if (!take())
                return fail(QStringLiteral("%1 needs a value").arg(option));
            request.headers.append({QStringLiteral("User-Agent"), value});
        } else if (option == QLatin1String("-b") || option == QLatin1String("--cookie")) {
            if (!take())
                return fail(QStringLiteral("%1 needs a value").arg(option));
            request.headers.append({QStringLiteral("Cookie"), value});
        } else if (option == QLatin1String("-e") || option == QLatin1String("--referer")) {
            if (!take())
                return fail(QStringLiteral("%1 needs a value").arg(option));
            request.headers.append({QStringLiteral("Referer"), value});
        } else if (option == QLatin1String("-I") || option == QLatin1String("--head")) {
            head = true;
        } else if (ignoredWithValue.contains(option)) {
            if (!take())
                return fail(QStringLiteral("%1 needs a value").arg(option));
        }
        // Anything else (-s, -v, -k, -L, -i, --compressed, …) does not change the request.
    }
    if (request.url.isEmpty())
        return fail(QStringLiteral("no URL in the command"));
    if (!data.isEmpty() || !request.bodyFile.isEmpty()) {
        if (!request.bodyFile.isEmpty())
            data.clear(); // curl would append them; a file body stands alone here
        request.body = data.join('&');
        if (!explicitMethod)
            request.method = QStringLiteral("POST");
        bool hasType = false;
        for (const auto &h : request.headers)
            hasType = hasType || h.first.compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0;
        if (!hasType)
            request.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/x-www-form-urlencoded")});
    }
    if (head && !explicitMethod)
        request.method = QStringLiteral("HEAD");
    return request;
}

} // namespace Gw::Ui::Curl
