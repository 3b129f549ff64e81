// HTTP/1.1 request and response values shared by the server, the pipeline and in-process invocation.
#include "runtime/server/httpmessage.h"

#include <QDateTime>
#include <QLocale>

#include <ctime>

namespace Gw::Runtime {

static bool namesEqual(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && qstrnicmp(a.constData(), b.constData(), a.size()) == 0;
}

QByteArray headerValue(const HeaderList &headers, const QByteArray &name, const QByteArray &defaultValue)
{
    for (const auto &h : headers) {
        if (namesEqual(h.first, name))
            return h.second;
    }
    return defaultValue;
}

QList<QByteArray> headerValues(const HeaderList &headers, const QByteArray &name)
{
    QList<QByteArray> values;
    for (const auto &h : headers) {
        if (namesEqual(h.first, name))
            values.append(h.second);
    }
    return values;
}

bool hasHeader(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (namesEqual(h.first, name))
            return true;
    }
    return false;
}

void setHeader(HeaderList &headers, const QByteArray &name, const QByteArray &value)
{
    removeHeader(headers, name);
    headers.append({name, value});
}

void removeHeader(HeaderList &headers, const QByteArray &name)
{
    headers.removeIf([&](const QPair<QByteArray, QByteArray> &h) { return namesEqual(h.first, name); });
}

HttpRequest HttpRequest::make(const QByteArray &method, const QByteArray &target,
                              const HeaderList &headers, const QByteArray &body)
{
    HttpRequest r;
    r.method = method.toUpper();
    const qsizetype q = target.indexOf('?');
    r.path = q < 0 ? target : target.left(q);
    if (q >= 0)
        r.rawQuery = target.mid(q + 1);
    if (r.path.isEmpty() || r.path.at(0) != '/')
        r.path.prepend('/');
    r.headers = headers;
    r.body = body;
    r.clientAddress = QStringLiteral("127.0.0.1");
    return r;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: break;
    }
    if (status >= 200 && status < 300)
        return "OK";
    if (status >= 400 && status < 500)
        return "Client Error";
    if (status >= 500)
        return "Server Error";
    return "Unknown";
}

// The Date header changes once a second; formatting it per response would cost more than the
// rest of a MOCK response, so each thread caches it.
static const QByteArray &httpDate()
{
    thread_local QByteArray cached;
    thread_local std::time_t cachedSecond = 0;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond) {
        cachedSecond = now;
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[64];
        const size_t n = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
        cached = QByteArray(buf, qsizetype(n));
    }
    return cached;
}

QByteArray serializeResponse(const HttpResponse &response, bool headRequest, bool closeConnection)
{
    QByteArray out;
    qsizetype size = 128 + response.body.size();
    for (const auto &h : response.headers)
        size += h.first.size() + h.second.size() + 4;
    out.reserve(size);
    out.append("HTTP/1.1 ");
    out.append(QByteArray::number(response.status));
    out.append(' ');
    out.append(reasonPhrase(response.status));
    out.append("\r\n");
    for (const auto &h : response.headers) {
        out.append(h.first);
        out.append(": ");
        out.append(h.second);
        out.append("\r\n");
    }
    out.append("Date: ");
    out.append(httpDate());
    out.append("\r\n");
    // 1xx, 204 and 304 never carry a body nor a Content-Length (RFC 9110 8.6).
    const bool bodyless = response.status < 200 || response.status == 204 || response.status == 304;
    if (!bodyless) {
        out.append("Content-Length: ");
        out.append(QByteArray::number(response.body.size()));
        out.append("\r\n");
    }
    if (closeConnection)
        out.append("Connection: close\r\n");
    out.append("\r\n");
    if (!headRequest && !bodyless)
        out.append(response.body);
    return out;
}

} // namespace Gw::Runtime
