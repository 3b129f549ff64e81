// AWS Signature Version 4: canonicalisation rules and the signer (Authorization header and presigned URL).
#include "sigv4.h"

#include "authcrypto.h"

#include <QTimeZone>

#include <algorithm>
#include <cstdio>

namespace Gw::Runtime {

QByteArrayList SigV4Request::headerValues(QByteArrayView name) const
{
    QByteArrayList out;
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            out.append(h.second);
    }
    return out;
}

QByteArray SigV4Request::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool SigV4Request::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray SigV4Request::toHttp() const
{
    QByteArray out = method + ' ' + rawPath;
    if (!rawQuery.isEmpty())
        out += '?' + rawQuery;
    out += " HTTP/1.1\n";
    for (const auto &h : headers)
        out += h.first + ':' + h.second + '\n';
    out += '\n';
    out += body;
    return out;
}

namespace SigV4 {

static bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '.' || c == '_' || c == '~';
}

QByteArray uriEncode(QByteArrayView data, bool keepSlash)
{
    static const char digits[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(data.size() * 3);
    for (char c : data) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += digits[u >> 4];
            out += digits[u & 0xf];
        }
    }
    return out;
}

static int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArray percentDecode(QByteArrayView data)
{
    QByteArray out;
    out.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '%' && i + 2 < data.size()) {
            const int hi = hexValue(data[i + 1]);
            const int lo = hexValue(data[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += char((hi << 4) | lo);
                i += 2;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QByteArray normalizePath(QByteArrayView rawPath)
{
    if (rawPath.isEmpty())
        return "/";
    const QByteArrayList parts = rawPath.toByteArray().split('/');
    QByteArrayList kept;
    for (const QByteArray &segment : parts) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    QByteArray out = '/' + kept.join('/');
    // A path that ended in a directory ("/a/", "/a/.", "/a/b/..") keeps its trailing slash.
    const QByteArray &last = parts.last();
    const bool directory = last.isEmpty() || last == "." || last == "..";
    if (directory && !kept.isEmpty())
        out += '/';
    return out;
}

QByteArray canonicalUri(QByteArrayView rawPath, bool normalize, bool doubleEncode)
{
    QByteArray path = normalize ? normalizePath(rawPath) : rawPath.toByteArray();
    if (path.isEmpty())
        path = "/";
    // The raw path is already encoded once by the client; non-S3 services encode it again.
    return doubleEncode ? uriEncode(path, true) : path;
}

QList<QPair<QByteArray, QByteArray>> parseQuery(QByteArrayView rawQuery)
{
    QList<QPair<QByteArray, QByteArray>> out;
    if (rawQuery.isEmpty())
        return out;
    const QByteArrayList pieces = rawQuery.toByteArray().split('&');
    for (const QByteArray &piece : pieces) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        if (eq < 0)
            out.append({percentDecode(piece), QByteArray()});
        else
            out.append({percentDecode(piece.left(eq)), percentDecode(piece.mid(eq + 1))});
    }
    return out;
}

QByteArray canonicalQuery(QByteArrayView rawQuery, const QByteArrayList &exclude)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    for (const auto &param : parseQuery(rawQuery)) {
        if (exclude.contains(param.first))
            continue;
        encoded.append({uriEncode(param.first, false), uriEncode(param.second, false)});
    }
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &param : std::as_const(encoded)) {
        if (!out.isEmpty())
            out += '&';
        out += param.first + '=' + param.second;
    }
    return out;
}

static bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArray canonicalHeaderValue(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (char c : value) {
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

QByteArray canonicalHeaders(const SigV4HeaderList &headers, const QByteArrayList &signedNames)
{
    QByteArrayList names = signedNames;
    std::sort(names.begin(), names.end());
    QByteArray out;
    for (const QByteArray &name : std::as_const(names)) {
        QByteArrayList values;
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                values.append(canonicalHeaderValue(h.second));
        }
        out += name + ':' + values.join(',') + '\n';
    }
    return out;
}

QByteArray canonicalRequest(QByteArrayView method, QByteArrayView canonicalUri,
                            QByteArrayView canonicalQuery, QByteArrayView canonicalHeaders,
                            QByteArrayView signedHeaders, QByteArrayView payloadHash)
{
    QByteArray out;
    out += method;
    out += '\n';
    out += canonicalUri;
    out += '\n';
    out += canonicalQuery;
    out += '\n';
    out += canonicalHeaders;
    out += '\n';
    out += signedHeaders;
    out += '\n';
    out += payloadHash;
    return out;
}

QByteArray stringToSign(QByteArrayView amzDate, QByteArrayView credentialScope,
                        QByteArrayView canonicalRequest)
{
    QByteArray out = Algorithm;
    out += '\n';
    out += amzDate;
    out += '\n';
    out += credentialScope;
    out += '\n';
    out += AuthCrypto::sha256Hex(canonicalRequest);
    return out;
}

QByteArray signingKey(QByteArrayView secret, QByteArrayView date, QByteArrayView region,
                      QByteArrayView service)
{
    const QByteArray kDate = AuthCrypto::hmacSha256(QByteArray(QByteArray("AWS4") + secret), date);
    const QByteArray kRegion = AuthCrypto::hmacSha256(kDate, region);
    const QByteArray kService = AuthCrypto::hmacSha256(kRegion, service);
    return AuthCrypto::hmacSha256(kService, "aws4_request");
}

QByteArray signature(QByteArrayView signingKey, QByteArrayView stringToSign)
{
    return AuthCrypto::hmacSha256(signingKey, stringToSign).toHex();
}

QByteArray formatAmzDate(const QDateTime &time)
{
    // Formatted by hand: QDateTime::toString goes through QCalendar and QLocale, a visible share
    // of a Lambda call's CPU when every integration request carries this header.
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char text[32];
    const int n = std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02dZ", d.year(), d.month(),
                                d.day(), t.hour(), t.minute(), t.second());
    return QByteArray(text, n);
}

QDateTime parseAmzDate(QByteArrayView text)
{
    if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z')
        return {};
    QDateTime t = QDateTime::fromString(QString::fromLatin1(text.first(15)),
                                        QStringLiteral("yyyyMMdd'T'HHmmss"));
    if (!t.isValid())
        return {};
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace SigV4

SigV4Signer::SigV4Signer(SigV4Credentials credentials, QByteArray region, QByteArray service,
                         SigV4Options options)
    : m_credentials(std::move(credentials))
    , m_region(std::move(region))
    , m_service(std::move(service))
    , m_options(options)
{}

bool SigV4Signer::isUnsignableHeader(QByteArrayView lowerName)
{
    static const QByteArrayList skipped = {"authorization", "user-agent", "x-amzn-trace-id",
                                           "expect", "connection", "transfer-encoding",
                                           "upgrade", "proxy-authorization", "keep-alive", "te"};
    return skipped.contains(lowerName.toByteArray());
}

QByteArray SigV4Signer::payloadHash(const SigV4Request &request) const
{
    const QByteArray declared = request.header("x-amz-content-sha256");
    if (!declared.isEmpty())
        return declared;
    if (m_options.unsignedPayload)
        return SigV4::UnsignedPayload;
    return AuthCrypto::sha256Hex(request.body);
}

QByteArrayList SigV4Signer::signableNames(const SigV4HeaderList &headers) const
{
    QByteArrayList names;
    for (const auto &h : headers) {
        const QByteArray lower = h.first.toLower();
        if (isUnsignableHeader(lower) || names.contains(lower))
            continue;
        if (m_options.omitSessionToken && lower == "x-amz-security-token")
            continue;
        names.append(lower);
    }
    std::sort(names.begin(), names.end());
    return names;
}

static void setHeader(SigV4HeaderList &headers, const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

SigV4SigningResult SigV4Signer::signHeaders(const SigV4Request &request, const QDateTime &time) const
{
    SigV4SigningResult r;
    r.amzDate = SigV4::formatAmzDate(time);
    const QByteArray date = r.amzDate.left(8);
    r.credentialScope = date + '/' + m_region + '/' + m_service + "/aws4_request";

    SigV4Request out = request;
    if (!m_credentials.sessionToken.isEmpty() && !out.hasHeader("x-amz-security-token"))
        out.headers.append({"X-Amz-Security-Token", m_credentials.sessionToken});
    setHeader(out.headers, "X-Amz-Date", r.amzDate);
    QByteArray hash = payloadHash(out);
    if (m_options.signBody && !out.hasHeader("x-amz-content-sha256"))
        out.headers.append({"x-amz-content-sha256", hash});

    const QByteArrayList names = signableNames(out.headers);
    r.signedHeaders = names.join(';');
    r.canonicalRequest = SigV4::canonicalRequest(
        out.method, SigV4::canonicalUri(out.rawPath, m_options.normalizePath,
                                        m_options.doubleEncodePath),
        SigV4::canonicalQuery(out.rawQuery), SigV4::canonicalHeaders(out.headers, names),
        r.signedHeaders, hash);
    r.stringToSign = SigV4::stringToSign(r.amzDate, r.credentialScope, r.canonicalRequest);
    r.signature = SigV4::signature(
        SigV4::signingKey(m_credentials.secretAccessKey, date, m_region, m_service),
        r.stringToSign);
    r.authorization = QByteArray(SigV4::Algorithm) + " Credential=" + m_credentials.accessKeyId
        + '/' + r.credentialScope + ", SignedHeaders=" + r.signedHeaders
        + ", Signature=" + r.signature;
    out.headers.append({"Authorization", r.authorization});
    r.signedRequest = out;
    return r;
}

SigV4SigningResult SigV4Signer::presign(const SigV4Request &request, const QDateTime &time) const
{
    SigV4SigningResult r;
    r.amzDate = SigV4::formatAmzDate(time);
    const QByteArray date = r.amzDate.left(8);
    r.credentialScope = date + '/' + m_region + '/' + m_service + "/aws4_request";

    const QByteArrayList names = signableNames(request.headers);
    r.signedHeaders = names.join(';');

    // The order in which the parameters are appended follows the AWS CRT signer.
    QList<QPair<QByteArray, QByteArray>> added = {
        {"X-Amz-Algorithm", SigV4::Algorithm},
        {"X-Amz-Credential", m_credentials.accessKeyId + '/' + r.credentialScope},
        {"X-Amz-Date", r.amzDate},
        {"X-Amz-SignedHeaders", r.signedHeaders},
        {"X-Amz-Expires", QByteArray::number(m_options.expiresSeconds)},
    };
    const bool withToken = !m_credentials.sessionToken.isEmpty();
    if (withToken)
        added.append({"X-Amz-Security-Token", m_credentials.sessionToken});

    auto encodeParams = [](const QList<QPair<QByteArray, QByteArray>> &params, bool skipToken) {
        QByteArray q;
        for (const auto &p : params) {
            if (skipToken && p.first == "X-Amz-Security-Token")
                continue;
            if (!q.isEmpty())
                q += '&';
            q += SigV4::uriEncode(p.first, false) + '=' + SigV4::uriEncode(p.second, false);
        }
        return q;
    };

    QByteArray signedQuery = request.rawQuery;
    const QByteArray addedSigned = encodeParams(added, m_options.omitSessionToken);
    if (!addedSigned.isEmpty())
        signedQuery += (signedQuery.isEmpty() ? "" : "&") + addedSigned;

    QByteArray hash = request.header("x-amz-content-sha256");
    if (hash.isEmpty())
        hash = m_options.unsignedPayload ? QByteArray(SigV4::UnsignedPayload)
                                         : AuthCrypto::sha256Hex(request.body);

    r.canonicalRequest = SigV4::canonicalRequest(
        request.method, SigV4::canonicalUri(request.rawPath, m_options.normalizePath,
                                            m_options.doubleEncodePath),
        SigV4::canonicalQuery(signedQuery), SigV4::canonicalHeaders(request.headers, names),
        r.signedHeaders, hash);
    r.stringToSign = SigV4::stringToSign(r.amzDate, r.credentialScope, r.canonicalRequest);
    r.signature = SigV4::signature(
        SigV4::signingKey(m_credentials.secretAccessKey, date, m_region, m_service),
        r.stringToSign);

    SigV4Request out = request;
    out.rawQuery = request.rawQuery;
    const QByteArray addedAll = encodeParams(added, false);
    out.rawQuery += (out.rawQuery.isEmpty() ? "" : "&") + addedAll + "&X-Amz-Signature="
        + r.signature;
    r.signedRequest = out;
    return r;
}

} // namespace Gw::Runtime
