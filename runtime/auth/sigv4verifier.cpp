// Verifies SigV4-signed requests (Authorization header or presigned query) against local credentials.
#include "sigv4verifier.h"

#include "authcrypto.h"

#include <QLocale>
#include <QTimeZone>

namespace Gw::Runtime {

SigV4Verifier::SigV4Verifier(SigV4VerifierOptions options)
    : m_options(options)
{}

void SigV4Verifier::addPrincipal(const SigV4Principal &principal)
{
    m_principals.insert(principal.accessKeyId, principal);
}

QString SigV4Verifier::signatureMismatchMessage()
{
    return QStringLiteral("The request signature we calculated does not match the signature you "
                          "provided. Check your AWS Secret Access Key and signing method. Consult "
                          "the service documentation for details.");
}

QString SigV4Failure::detailedMessage() const
{
    if (canonicalRequest.isEmpty())
        return message;
    // The shape AWS uses when it explains a signature mismatch.
    return message + QStringLiteral("\n\nThe Canonical String for this request should have been\n'")
        + QString::fromUtf8(canonicalRequest)
        + QStringLiteral("'\n\nThe String-to-Sign should have been\n'")
        + QString::fromUtf8(stringToSign) + QStringLiteral("'\n");
}

SigV4Failure SigV4Verifier::failure(SigV4FailureKind kind, const QString &message)
{
    SigV4Failure f;
    f.kind = kind;
    f.message = message;
    f.statusCode = 403;
    switch (kind) {
    case SigV4FailureKind::None:
        break;
    case SigV4FailureKind::MissingAuthenticationToken:
        f.gatewayResponseType = QStringLiteral("MISSING_AUTHENTICATION_TOKEN");
        f.errorType = QStringLiteral("MissingAuthenticationTokenException");
        break;
    case SigV4FailureKind::IncompleteSignature:
        f.gatewayResponseType = QStringLiteral("INVALID_SIGNATURE");
        f.errorType = QStringLiteral("IncompleteSignatureException");
        break;
    case SigV4FailureKind::InvalidSignature:
        f.gatewayResponseType = QStringLiteral("INVALID_SIGNATURE");
        f.errorType = QStringLiteral("InvalidSignatureException");
        break;
    case SigV4FailureKind::ExpiredToken:
        f.gatewayResponseType = QStringLiteral("EXPIRED_TOKEN");
        f.errorType = QStringLiteral("ExpiredTokenException");
        break;
    case SigV4FailureKind::InvalidSecurityToken:
        f.gatewayResponseType = QStringLiteral("INVALID_SIGNATURE");
        f.errorType = QStringLiteral("UnrecognizedClientException");
        break;
    }
    return f;
}

static SigV4VerifyResult fail(SigV4FailureKind kind, const QString &message)
{
    SigV4VerifyResult r;
    r.failure = SigV4Verifier::failure(kind, message);
    return r;
}

SigV4VerifyResult SigV4Verifier::verify(const SigV4Request &request, const QDateTime &now) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (!authorization.isEmpty())
        return verifyHeader(request, authorization, now);
    for (const auto &param : SigV4::parseQuery(request.rawQuery)) {
        if (param.first == "X-Amz-Algorithm" || param.first == "X-Amz-Signature"
            || param.first == "X-Amz-Credential")
            return verifyQuery(request, now);
    }
    return fail(SigV4FailureKind::MissingAuthenticationToken,
                QStringLiteral("Missing Authentication Token"));
}

static bool parseScope(const QByteArray &credential, QByteArray *accessKeyId, QByteArray *date,
                       QByteArray *region, QByteArray *service, QByteArray *terminator)
{
    const QByteArrayList parts = credential.split('/');
    if (parts.size() != 5)
        return false;
    *accessKeyId = parts[0];
    *date = parts[1];
    *region = parts[2];
    *service = parts[3];
    *terminator = parts[4];
    return true;
}

static QString amz(const QDateTime &t)
{
    return QString::fromLatin1(SigV4::formatAmzDate(t));
}

SigV4VerifyResult SigV4Verifier::checkCommon(const SigV4Request &request, const Scope &scope,
                                             const QByteArray &amzDate, const QByteArray &token,
                                             const QDateTime &now, bool presigned,
                                             const SigV4Principal **principal) const
{
    Q_UNUSED(request);
    const QDateTime requestTime = SigV4::parseAmzDate(amzDate);
    if (!requestTime.isValid())
        return fail(SigV4FailureKind::IncompleteSignature,
                    QStringLiteral("Date must be in ISO-8601 'basic format'. Got '%1'. See "
                                   "http://en.wikipedia.org/wiki/ISO_8601")
                        .arg(QString::fromLatin1(amzDate)));
    if (scope.date != amzDate.left(8))
        return fail(SigV4FailureKind::InvalidSignature,
                    QStringLiteral("Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                                   "version of date from HTTP: '%1' != '%2', from '%3'.")
                        .arg(QString::fromLatin1(scope.date), QString::fromLatin1(amzDate.left(8)),
                             QString::fromLatin1(amzDate)));
    if (scope.terminator != "aws4_request")
        return fail(SigV4FailureKind::InvalidSignature,
                    QStringLiteral("Credential should be scoped with a valid terminator: "
                                   "'aws4_request', not '%1'.")
                        .arg(QString::fromLatin1(scope.terminator)));
    if (!m_options.expectedRegion.isEmpty() && scope.region != m_options.expectedRegion)
        return fail(SigV4FailureKind::InvalidSignature,
                    QStringLiteral("Credential should be scoped to a valid region, not '%1'.")
                        .arg(QString::fromLatin1(scope.region)));
    if (!m_options.expectedService.isEmpty() && scope.service != m_options.expectedService)
        return fail(SigV4FailureKind::InvalidSignature,
                    QStringLiteral("Credential should be scoped to correct service: '%1'.")
                        .arg(QString::fromLatin1(m_options.expectedService)));

    const qint64 skew = m_options.maxClockSkewSeconds;
    const QString minutes = QString::number(skew / 60);
    if (requestTime > now.addSecs(skew))
        return fail(SigV4FailureKind::InvalidSignature,
                    QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + %4 "
                                   "min.)")
                        .arg(amz(requestTime), amz(now.addSecs(skew)), amz(now), minutes));
    // Presigned URLs are bounded by X-Amz-Expires instead (checked by the caller).
    if (!presigned && requestTime < now.addSecs(-skew))
        return fail(SigV4FailureKind::InvalidSignature,
                    QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - %4 min.)")
                        .arg(amz(requestTime), amz(now.addSecs(-skew)), amz(now), minutes));

    auto it = m_principals.constFind(scope.accessKeyId);
    if (it == m_principals.constEnd())
        return fail(SigV4FailureKind::InvalidSignature, signatureMismatchMessage());
    if (!it->sessionToken.isEmpty() || !token.isEmpty()) {
        if (!AuthCrypto::constantTimeEquals(it->sessionToken, token))
            return fail(SigV4FailureKind::InvalidSecurityToken,
                        QStringLiteral("The security token included in the request is invalid."));
    }
    *principal = &it.value();
    SigV4VerifyResult ok;
    ok.ok = true;
    ok.identity.requestTime = requestTime;
    return ok;
}

static QString authorizationDigest(const QByteArray &authorization)
{
    return QString::fromLatin1(AuthCrypto::sha256(authorization).toBase64());
}

SigV4VerifyResult SigV4Verifier::verifyHeader(const SigV4Request &request,
                                              const QByteArray &authorization,
                                              const QDateTime &now) const
{
    const QString missingEqual =
        QStringLiteral("Invalid key=value pair (missing equal-sign) in Authorization header "
                       "(hashed with SHA-256 and encoded with Base64): '%1'.")
            .arg(authorizationDigest(authorization));
    const qsizetype space = authorization.indexOf(' ');
    const QByteArray scheme = space < 0 ? authorization : authorization.left(space);
    const QByteArray rest = space < 0 ? QByteArray() : authorization.mid(space + 1);
    if (scheme.contains('='))
        return fail(SigV4FailureKind::IncompleteSignature, missingEqual);

    QByteArray credential, signedHeaders, signature;
    bool haveCredential = false, haveSigned = false, haveSignature = false;
    for (const QByteArray &rawPart : rest.split(',')) {
        const QByteArray part = rawPart.trimmed();
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            return fail(SigV4FailureKind::IncompleteSignature, missingEqual);
        const QByteArray key = part.left(eq).trimmed();
        const QByteArray value = part.mid(eq + 1).trimmed();
        if (key == "Credential") {
            credential = value;
            haveCredential = true;
        } else if (key == "SignedHeaders") {
            signedHeaders = value;
            haveSigned = true;
        } else if (key == "Signature") {
            signature = value;
            haveSignature = true;
        }
    }
    if (rest.isEmpty())
        return fail(SigV4FailureKind::IncompleteSignature, missingEqual);
    if (scheme != SigV4::Algorithm)
        return fail(SigV4FailureKind::IncompleteSignature,
                    QStringLiteral("Unsupported Authorization Type"));
    if (!haveCredential || !haveSigned || !haveSignature) {
        QString message;
        if (!haveCredential)
            message += QStringLiteral("Authorization header requires 'Credential' parameter. ");
        if (!haveSignature)
            message += QStringLiteral("Authorization header requires 'Signature' parameter. ");
        if (!haveSigned)
            message += QStringLiteral("Authorization header requires 'SignedHeaders' parameter. ");
        message += QStringLiteral("Authorization=") + QString::fromUtf8(authorization);
        return fail(SigV4FailureKind::IncompleteSignature, message);
    }

    Scope scope;
    if (!parseScope(credential, &scope.accessKeyId, &scope.date, &scope.region, &scope.service,
                    &scope.terminator))
        return fail(SigV4FailureKind::IncompleteSignature,
                    QStringLiteral("Credential must have exactly 5 slash-delimited elements, e.g. "
                                   "keyid/date/region/service/term, got '%1'")
                        .arg(QString::fromUtf8(credential)));

    QByteArray amzDate = request.header("x-amz-date").trimmed();
    if (amzDate.isEmpty()) {
        const QByteArray httpDate = request.header("date").trimmed();
        if (!httpDate.isEmpty()) {
            QDateTime t = QDateTime::fromString(QString::fromLatin1(httpDate), Qt::RFC2822Date);
            if (t.isValid())
                amzDate = SigV4::formatAmzDate(t);
        }
    }
    if (amzDate.isEmpty())
        return fail(SigV4FailureKind::IncompleteSignature,
                    QStringLiteral("Authorization header requires existence of either a "
                                   "'X-Amz-Date' or a 'Date' header. Authorization=")
                        + QString::fromUtf8(authorization));

    const QByteArray token = request.header("x-amz-security-token").trimmed();
    const SigV4Principal *principal = nullptr;
    SigV4VerifyResult common = checkCommon(request, scope, amzDate, token, now, false, &principal);
    if (!common.ok)
        return common;

    const QByteArrayList names = signedHeaders.toLower().split(';');
    if (!names.contains("host") && !names.contains(":authority"))
        return fail(SigV4FailureKind::InvalidSignature,
                    QStringLiteral("'Host' or ':authority' must be a 'SignedHeader' in the AWS "
                                   "Authorization."));

    QByteArray payloadHash = request.header("x-amz-content-sha256").trimmed();
    if (payloadHash.isEmpty()) {
        payloadHash = AuthCrypto::sha256Hex(request.body);
    } else if (payloadHash != SigV4::UnsignedPayload && !payloadHash.startsWith("STREAMING-")
               && !AuthCrypto::constantTimeEquals(payloadHash.toLower(),
                                                  AuthCrypto::sha256Hex(request.body))) {
        return fail(SigV4FailureKind::InvalidSignature,
                    QStringLiteral("The provided 'x-amz-content-sha256' header does not match what "
                                   "was computed."));
    }

    SigV4VerifyResult r;
    r.canonicalRequest = SigV4::canonicalRequest(
        request.method,
        SigV4::canonicalUri(request.rawPath, m_options.normalizePath, m_options.doubleEncodePath),
        SigV4::canonicalQuery(request.rawQuery), SigV4::canonicalHeaders(request.headers, names),
        names.join(';'), payloadHash);
    const QByteArray scopeText = scope.date + '/' + scope.region + '/' + scope.service + '/'
        + scope.terminator;
    r.stringToSign = SigV4::stringToSign(amzDate, scopeText, r.canonicalRequest);
    const QByteArray expected = SigV4::signature(
        SigV4::signingKey(principal->secretAccessKey, scope.date, scope.region, scope.service),
        r.stringToSign);
    if (!AuthCrypto::constantTimeEquals(expected, signature.toLower())) {
        r.failure = failure(SigV4FailureKind::InvalidSignature, signatureMismatchMessage());
        r.failure.canonicalRequest = r.canonicalRequest;
        r.failure.stringToSign = r.stringToSign;
        return r;
    }
    r.ok = true;
    r.identity.accessKeyId = principal->accessKeyId;
    r.identity.principalArn = principal->principalArn;
    r.identity.accountId = principal->accountId;
    r.identity.sessionToken = token;
    r.identity.region = scope.region;
    r.identity.service = scope.service;
    r.identity.signedHeaders = names;
    r.identity.requestTime = common.identity.requestTime;
    return r;
}

SigV4VerifyResult SigV4Verifier::verifyQuery(const SigV4Request &request, const QDateTime &now) const
{
    QHash<QByteArray, QByteArray> params;
    for (const auto &param : SigV4::parseQuery(request.rawQuery)) {
        if (param.first.startsWith("X-Amz-") && !params.contains(param.first))
            params.insert(param.first, param.second);
    }
    static const char *required[] = {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature",
                                     "X-Amz-Date", "X-Amz-SignedHeaders"};
    for (const char *name : required) {
        if (!params.contains(name))
            return fail(SigV4FailureKind::IncompleteSignature,
                        QStringLiteral("AWS query-string parameters must include "
                                       "'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', "
                                       "'X-Amz-Date', 'X-Amz-SignedHeaders'. Re-examine the "
                                       "query-string parameters."));
    }
    if (params.value("X-Amz-Algorithm") != SigV4::Algorithm)
        return fail(SigV4FailureKind::IncompleteSignature,
                    QStringLiteral("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""));
    qint64 expires = m_options.maxPresignExpiresSeconds;
    if (params.contains("X-Amz-Expires")) {
        bool okNumber = false;
        expires = params.value("X-Amz-Expires").toLongLong(&okNumber);
        if (!okNumber || expires < 0)
            return fail(SigV4FailureKind::IncompleteSignature,
                        QStringLiteral("X-Amz-Expires must be non-negative"));
        if (expires > m_options.maxPresignExpiresSeconds)
            return fail(SigV4FailureKind::IncompleteSignature,
                        QStringLiteral("X-Amz-Expires must be less than a week (in seconds) that "
                                       "is %1")
                            .arg(m_options.maxPresignExpiresSeconds));
    }

    Scope scope;
    if (!parseScope(params.value("X-Amz-Credential"), &scope.accessKeyId, &scope.date,
                    &scope.region, &scope.service, &scope.terminator))
        return fail(SigV4FailureKind::IncompleteSignature,
                    QStringLiteral("Credential must have exactly 5 slash-delimited elements, e.g. "
                                   "keyid/date/region/service/term, got '%1'")
                        .arg(QString::fromUtf8(params.value("X-Amz-Credential"))));
    const QByteArray amzDate = params.value("X-Amz-Date");
    const QByteArray token = params.value("X-Amz-Security-Token");

    const QDateTime requestTime = SigV4::parseAmzDate(amzDate);
    if (requestTime.isValid() && now > requestTime.addSecs(expires))
        return fail(SigV4FailureKind::ExpiredToken,
                    QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - %4 sec.)")
                        .arg(amz(requestTime), amz(now.addSecs(-expires)), amz(now))
                        .arg(expires));

    const SigV4Principal *principal = nullptr;
    SigV4VerifyResult common = checkCommon(request, scope, amzDate, token, now, true, &principal);
    if (!common.ok)
        return common;

    const QByteArrayList names = params.value("X-Amz-SignedHeaders").toLower().split(';');
    if (!names.contains("host") && !names.contains(":authority"))
        return fail(SigV4FailureKind::InvalidSignature,
                    QStringLiteral("'Host' or ':authority' must be a 'SignedHeader' in the AWS "
                                   "Authorization."));

    const QByteArray cUri =
        SigV4::canonicalUri(request.rawPath, m_options.normalizePath, m_options.doubleEncodePath);
    const QByteArray cHeaders = SigV4::canonicalHeaders(request.headers, names);
    const QByteArray scopeText = scope.date + '/' + scope.region + '/' + scope.service + '/'
        + scope.terminator;
    const QByteArray key =
        SigV4::signingKey(principal->secretAccessKey, scope.date, scope.region, scope.service);
    const QByteArray provided = params.value("X-Amz-Signature").toLower();

    QByteArrayList payloadHashes;
    const QByteArray declared = request.header("x-amz-content-sha256").trimmed();
    if (!declared.isEmpty()) {
        payloadHashes << declared;
    } else {
        // Presigned URLs are commonly signed without the body (S3 style).
        payloadHashes << AuthCrypto::sha256Hex(request.body) << SigV4::UnsignedPayload;
    }
    QList<QByteArrayList> exclusions = {{"X-Amz-Signature"}};
    if (m_options.allowUnsignedQueryToken && !token.isEmpty())
        exclusions.append(QByteArrayList{"X-Amz-Signature", "X-Amz-Security-Token"});

    SigV4VerifyResult r;
    for (const QByteArrayList &exclude : std::as_const(exclusions)) {
        const QByteArray cQuery = SigV4::canonicalQuery(request.rawQuery, exclude);
        for (const QByteArray &hash : std::as_const(payloadHashes)) {
            const QByteArray creq = SigV4::canonicalRequest(request.method, cUri, cQuery, cHeaders,
                                                            names.join(';'), hash);
            const QByteArray sts = SigV4::stringToSign(amzDate, scopeText, creq);
            if (r.canonicalRequest.isEmpty()) {
                r.canonicalRequest = creq;
                r.stringToSign = sts;
            }
            if (AuthCrypto::constantTimeEquals(SigV4::signature(key, sts), provided)) {
                r.ok = true;
                r.canonicalRequest = creq;
                r.stringToSign = sts;
                r.identity.accessKeyId = principal->accessKeyId;
                r.identity.principalArn = principal->principalArn;
                r.identity.accountId = principal->accountId;
                r.identity.sessionToken = token;
                r.identity.region = scope.region;
                r.identity.service = scope.service;
                r.identity.signedHeaders = names;
                r.identity.requestTime = requestTime;
                r.identity.presigned = true;
                return r;
            }
        }
    }
    r.failure = failure(SigV4FailureKind::InvalidSignature, signatureMismatchMessage());
    r.failure.canonicalRequest = r.canonicalRequest;
    r.failure.stringToSign = r.stringToSign;
    return r;
}

} // namespace Gw::Runtime
