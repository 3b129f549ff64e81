// Verifies SigV4-signed requests (Authorization header or presigned query) against local credentials.
#pragma once

#include "sigv4.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Gw::Runtime {

// A locally defined IAM identity: what an "AWS_IAM" route trusts.
struct SigV4Principal
{
    QByteArray accessKeyId;
    QByteArray secretAccessKey;
    QByteArray sessionToken; // when set, requests must carry exactly this X-Amz-Security-Token
    QString principalArn;    // e.g. arn:aws:iam::123456789012:user/dev
    QString accountId;
};

enum class SigV4FailureKind {
    None,
    MissingAuthenticationToken, // no Authorization header and no X-Amz-* query parameters
    IncompleteSignature,        // malformed Authorization header / query parameters
    InvalidSignature,           // unknown key, mismatch, clock skew, bad credential scope
    ExpiredToken,               // presigned URL past X-Amz-Expires
    InvalidSecurityToken,       // session token does not match the credentials
};

struct SigV4Failure
{
    SigV4FailureKind kind = SigV4FailureKind::None;
    QString gatewayResponseType; // REST gateway response type, e.g. INVALID_SIGNATURE
    QString errorType;           // x-amzn-ErrorType, e.g. InvalidSignatureException
    int statusCode = 403;
    QString message; // the body's "message"
    // For signature mismatches AWS appends what it computed; kept apart for traces.
    QByteArray canonicalRequest;
    QByteArray stringToSign;

    QString detailedMessage() const;
};

struct SigV4Identity
{
    QByteArray accessKeyId;
    QString principalArn;
    QString accountId;
    QByteArray sessionToken;
    QByteArray region;
    QByteArray service;
    QByteArrayList signedHeaders;
    QDateTime requestTime;
    bool presigned = false;
};

struct SigV4VerifyResult
{
    bool ok = false;
    SigV4Identity identity;
    SigV4Failure failure;
    QByteArray canonicalRequest; // as computed, also on success (for the request console)
    QByteArray stringToSign;

    explicit operator bool() const { return ok; }
};

struct SigV4VerifierOptions
{
    bool normalizePath = true;
    bool doubleEncodePath = true;
    QByteArray expectedService;   // empty: any; API Gateway expects "execute-api"
    QByteArray expectedRegion;    // empty: any
    qint64 maxClockSkewSeconds = 300;
    qint64 maxPresignExpiresSeconds = 604800;
    // AWS IoT style presigned URLs add X-Amz-Security-Token after signing; API Gateway does not.
    bool allowUnsignedQueryToken = false;
};

class SigV4Verifier
{
public:
    explicit SigV4Verifier(SigV4VerifierOptions options = {});

    void setOptions(const SigV4VerifierOptions &options) { m_options = options; }
    const SigV4VerifierOptions &options() const { return m_options; }

    void addPrincipal(const SigV4Principal &principal);
    void clearPrincipals() { m_principals.clear(); }

    SigV4VerifyResult verify(const SigV4Request &request, const QDateTime &now) const;

    static SigV4Failure failure(SigV4FailureKind kind, const QString &message);
    static QString signatureMismatchMessage();

private:
    SigV4VerifyResult verifyHeader(const SigV4Request &request, const QByteArray &authorization,
                                   const QDateTime &now) const;
    SigV4VerifyResult verifyQuery(const SigV4Request &request, const QDateTime &now) const;

    struct Scope
    {
        QByteArray accessKeyId, date, region, service, terminator;
    };
    SigV4VerifyResult checkCommon(const SigV4Request &request, const Scope &scope,
                                  const QByteArray &amzDate, const QByteArray &token,
                                  const QDateTime &now, bool presigned,
                                  const SigV4Principal **principal) const;

    SigV4VerifierOptions m_options;
    QHash<QByteArray, SigV4Principal> m_principals;
};

} // namespace Gw::Runtime
