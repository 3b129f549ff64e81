// Offline JWT verification with the rules and error descriptions of HTTP API JWT authorizers.
#pragma once

#include "jwk.h"
#include "jwt.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace Gw::Runtime {

struct JwtAuthorizerConfig
{
    QString issuer;
    QStringList audiences;   // aud (or client_id when aud is absent) must match one
    QStringList routeScopes; // the route's authorizationScopes; empty: no scope check
    // AWS accepts only RSA-based algorithms; ES* is available for other uses when false.
    bool rsaOnly = true;
};

enum class JwtFailureKind {
    None,
    Malformed,
    UnknownKid,
    InvalidSigningMethod,
    InvalidSignature,
    InvalidIssuer,
    InvalidAudience,
    Expired,
    NotYetValid,
    IssuedInFuture,
    InsufficientScope,
    KeysUnavailable,
};

struct JwtFailure
{
    JwtFailureKind kind = JwtFailureKind::None;
    int statusCode = 401;
    QString error = QStringLiteral("invalid_token");
    QString description;
    QStringList requiredScopes; // for insufficient_scope

    // `Bearer scope="" error="invalid_token" error_description="…"` as AWS sends it.
    QByteArray wwwAuthenticate() const;
};

struct JwtVerifyResult
{
    bool ok = false;
    JwtFailure failure;
    QJsonObject claims;  // requestContext.authorizer.jwt.claims
    QStringList scopes;  // requestContext.authorizer.jwt.scopes
    QString keyId;
    QString algorithm;

    explicit operator bool() const { return ok; }
};

class JwtVerifier
{
public:
    // `token` may carry a "Bearer " prefix. Checks, in AWS's order: kid, signing method and
    // signature, iss, aud/client_id, exp, nbf, iat, scopes.
    static JwtVerifyResult verify(QByteArrayView token, const JwkSet &keys,
                                  const JwtAuthorizerConfig &config, const QDateTime &now);
    // Only the claim checks (for tokens whose signature was already checked).
    static JwtFailure checkClaims(const QJsonObject &claims, const JwtAuthorizerConfig &config,
                                  const QDateTime &now, QStringList *scopes);
    static QStringList tokenScopes(const QJsonObject &claims);
    static JwtFailure failure(JwtFailureKind kind, const QString &description);
};

} // namespace Gw::Runtime
