// AWS Signature Version 4: canonicalisation rules and the signer (Authorization header and presigned URL).
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QPair>

namespace Gw::Runtime {

using SigV4HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A request as it arrived on (or will go to) the wire: the path and query are raw, still
// percent-encoded as the client sent them; header order and duplicates are preserved.
struct SigV4Request
{
    QByteArray method;
    QByteArray rawPath;
    QByteArray rawQuery; // without the leading '?'
    SigV4HeaderList headers;
    QByteArray body;

    QByteArrayList headerValues(QByteArrayView name) const; // case-insensitive, in order
    QByteArray header(QByteArrayView name) const;           // first value or empty
    bool hasHeader(QByteArrayView name) const;
    // Request line, "Name:value" lines, blank line, body: the layout of the AWS test suites.
    QByteArray toHttp() const;
};

struct SigV4Credentials
{
    QByteArray accessKeyId;
    QByteArray secretAccessKey;
    QByteArray sessionToken; // empty when not temporary credentials
};

struct SigV4Options
{
    // S3 signs the path exactly as sent: set both to false for S3-style signing.
    bool normalizePath = true;
    bool doubleEncodePath = true;
    bool signBody = false;         // add and sign x-amz-content-sha256
    bool unsignedPayload = false;  // payload hash is the literal UNSIGNED-PAYLOAD
    bool omitSessionToken = false; // token added after signing (not part of the signature)
    qint64 expiresSeconds = 3600;  // presigned URLs only
};

struct SigV4SigningResult
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;     // lowercase hex
    QByteArray authorization; // header signing only
    QByteArray credentialScope;
    QByteArray signedHeaders; // "host;x-amz-date"
    QByteArray amzDate;       // 20150830T123600Z
    SigV4Request signedRequest;
};

namespace SigV4 {

inline constexpr char Algorithm[] = "AWS4-HMAC-SHA256";
inline constexpr char UnsignedPayload[] = "UNSIGNED-PAYLOAD";

// RFC 3986 unreserved characters stay, everything else becomes %XX (upper case).
QByteArray uriEncode(QByteArrayView data, bool keepSlash);
// Percent-decoding only ('+' stays '+': SigV4 clients encode spaces as %20).
QByteArray percentDecode(QByteArrayView data);
// Removes "." and ".." segments and empty segments; keeps a trailing slash.
QByteArray normalizePath(QByteArrayView rawPath);
QByteArray canonicalUri(QByteArrayView rawPath, bool normalize, bool doubleEncode);
// Parameters decoded, re-encoded and sorted by name then value. Parameters named in `exclude`
// (exact, case-sensitive) are left out.
QByteArray canonicalQuery(QByteArrayView rawQuery, const QByteArrayList &exclude = {});
QList<QPair<QByteArray, QByteArray>> parseQuery(QByteArrayView rawQuery); // decoded pairs
// Trims and collapses every whitespace run (including obs-fold line breaks) to one space.
QByteArray canonicalHeaderValue(QByteArrayView value);
// "name:v1,v2\n" lines for the given lower-case names (sorted by the caller or not: sorted here).
QByteArray canonicalHeaders(const SigV4HeaderList &headers, const QByteArrayList &signedNames);
QByteArray canonicalRequest(QByteArrayView method, QByteArrayView canonicalUri,
                            QByteArrayView canonicalQuery, QByteArrayView canonicalHeaders,
                            QByteArrayView signedHeaders, QByteArrayView payloadHash);
QByteArray stringToSign(QByteArrayView amzDate, QByteArrayView credentialScope,
                        QByteArrayView canonicalRequest);
QByteArray signingKey(QByteArrayView secret, QByteArrayView date, QByteArrayView region,
                      QByteArrayView service);
QByteArray signature(QByteArrayView signingKey, QByteArrayView stringToSign); // hex
QByteArray formatAmzDate(const QDateTime &time);
QDateTime parseAmzDate(QByteArrayView text); // invalid QDateTime on error

} // namespace SigV4

class SigV4Signer
{
public:
    SigV4Signer(SigV4Credentials credentials, QByteArray region, QByteArray service,
                SigV4Options options = {});

    const SigV4Options &options() const { return m_options; }

    // Adds X-Amz-Security-Token, X-Amz-Date, (x-amz-content-sha256) and Authorization headers.
    SigV4SigningResult signHeaders(const SigV4Request &request, const QDateTime &time) const;
    // Appends the X-Amz-* query parameters and X-Amz-Signature to the query.
    SigV4SigningResult presign(const SigV4Request &request, const QDateTime &time) const;

    // Header names a signer never signs (hop-by-hop or rewritten by proxies).
    static bool isUnsignableHeader(QByteArrayView lowerName);

private:
    QByteArray payloadHash(const SigV4Request &request) const;
    QByteArrayList signableNames(const SigV4HeaderList &headers) const;

    SigV4Credentials m_credentials;
    QByteArray m_region;
    QByteArray m_service;
    SigV4Options m_options;
};

} // namespace Gw::Runtime
