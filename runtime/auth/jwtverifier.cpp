// Offline JWT verification with the rules and error descriptions of HTTP API JWT authorizers.
#include "jwtverifier.h"

#include <QJsonArray>

namespace Gw::Runtime {

QByteArray JwtFailure::wwwAuthenticate() const
{
    // Quotes cannot appear inside the quoted strings; descriptions never contain them.
    QString desc = description;
    desc.replace(QLatin1Char('"'), QLatin1Char('\''));
    const QString scope = requiredScopes.join(QLatin1Char(' '));
    return QStringLiteral("Bearer scope=\"%1\" error=\"%2\" error_description=\"%3\"")
        .arg(scope, error, desc)
        .toUtf8();
}

JwtFailure JwtVerifier::failure(JwtFailureKind kind, const QString &description)
{
    JwtFailure f;
    f.kind = kind;
    f.description = description;
    if (kind == JwtFailureKind::InsufficientScope) {
        f.statusCode = 403;
        f.error = QStringLiteral("insufficient_scope");
    }
    return f;
}

QStringList JwtVerifier::tokenScopes(const QJsonObject &claims)
{
    QStringList scopes;
    auto collect = [&](const QJsonValue &v) {
        if (v.isString()) {
            scopes += v.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        } else if (v.isArray()) {
            for (const QJsonValue &item : v.toArray()) {
                if (item.isString())
                    scopes += item.toString();
            }
        }
    };
    collect(claims.value(QStringLiteral("scope")));
    collect(claims.value(QStringLiteral("scp")));
    scopes.removeDuplicates();
    return scopes;
}

static std::optional<double> numericDate(const QJsonObject &claims, const char *name)
{
    const QJsonValue v = claims.value(QLatin1String(name));
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

JwtFailure JwtVerifier::checkClaims(const QJsonObject &claims, const JwtAuthorizerConfig &config,
                                    const QDateTime &now, QStringList *scopes)
{
    if (claims.value(QStringLiteral("iss")).toString() != config.issuer)
        return failure(JwtFailureKind::InvalidIssuer,
                       QStringLiteral("the token does not have a valid issuer"));

    if (!config.audiences.isEmpty()) {
        // client_id counts only when aud is absent (DG http-api-troubleshooting-jwt).
        QStringList presented;
        const QJsonValue aud = claims.value(QStringLiteral("aud"));
        if (aud.isString()) {
            presented << aud.toString();
        } else if (aud.isArray()) {
            for (const QJsonValue &a : aud.toArray())
                presented << a.toString();
        } else if (aud.isUndefined()) {
            const QJsonValue clientId = claims.value(QStringLiteral("client_id"));
            if (clientId.isString())
                presented << clientId.toString();
        }
        bool match = false;
        for (const QString &a : std::as_const(presented))
            match = match || config.audiences.contains(a);
        if (!match)
            return failure(JwtFailureKind::InvalidAudience,
                           QStringLiteral("the token does not have a valid audience"));
    }

    const double nowSeconds = double(now.toSecsSinceEpoch());
    const auto exp = numericDate(claims, "exp");
    if (!exp || *exp <= nowSeconds)
        return failure(JwtFailureKind::Expired, QStringLiteral("the token has expired"));
    const auto nbf = numericDate(claims, "nbf");
    if (nbf && *nbf > nowSeconds)
        return failure(JwtFailureKind::NotYetValid, QStringLiteral("the token is not valid yet"));
    const auto iat = numericDate(claims, "iat");
    if (iat && *iat > nowSeconds)
        return failure(JwtFailureKind::IssuedInFuture,
                       QStringLiteral("the token was issued in the future"));

    const QStringList presentedScopes = tokenScopes(claims);
    if (scopes)
        *scopes = presentedScopes;
    if (!config.routeScopes.isEmpty()) {
        bool any = false;
        for (const QString &s : config.routeScopes)
            any = any || presentedScopes.contains(s);
        if (!any) {
            JwtFailure f = failure(JwtFailureKind::InsufficientScope,
                                   QStringLiteral("the token does not have the required scopes: %1")
                                       .arg(config.routeScopes.join(QLatin1Char(' '))));
            f.requiredScopes = config.routeScopes;
            return f;
        }
    }
    return {};
}

JwtVerifyResult JwtVerifier::verify(QByteArrayView token, const JwkSet &keys,
                                    const JwtAuthorizerConfig &config, const QDateTime &now)
{
    JwtVerifyResult r;
    QString parseError;
    const auto jwt = Jwt::parse(Jwt::tokenFromIdentity(token), &parseError);
    if (!jwt) {
        r.failure = failure(JwtFailureKind::Malformed, parseError);
        return r;
    }
    r.keyId = jwt->keyId();
    r.algorithm = jwt->algorithm();

    // Signing methods that can never be right are refused before any key is looked up, so
    // an "alg":"none" or HS256 token cannot turn a public key into an HMAC secret.
    const JwtCrypto::Family family = JwtCrypto::family(r.algorithm);
    const bool allowedFamily = family == JwtCrypto::Family::Rsa
        || family == JwtCrypto::Family::RsaPss
        || (family == JwtCrypto::Family::Ecdsa && !config.rsaOnly);
    if (!allowedFamily) {
        r.failure = failure(JwtFailureKind::InvalidSigningMethod,
                            QStringLiteral("signing method %1 is invalid")
                                .arg(r.algorithm.isEmpty() ? QStringLiteral("(none)") : r.algorithm));
        return r;
    }

    const Jwk *key = keys.find(r.keyId);
    if (!key) {
        r.failure = failure(JwtFailureKind::UnknownKid,
                            QStringLiteral("unable to find key with kid %1").arg(r.keyId));
        return r;
    }
    if ((!key->alg.isEmpty() && key->alg != r.algorithm)
        || !JwtCrypto::keyMatchesAlgorithm(key->key.get(), r.algorithm)) {
        r.failure = failure(JwtFailureKind::InvalidSigningMethod,
                            QStringLiteral("signing method %1 is invalid").arg(r.algorithm));
        return r;
    }
    if (!JwtCrypto::verify(r.algorithm, key->key.get(), jwt->signingInput(), jwt->signature)) {
        r.failure = failure(JwtFailureKind::InvalidSignature,
                            QStringLiteral("the token signature is invalid"));
        return r;
    }
    r.failure = checkClaims(jwt->payload, config, now, &r.scopes);
    if (r.failure.kind != JwtFailureKind::None)
        return r;
    r.ok = true;
    r.claims = jwt->payload;
    return r;
}

} // namespace Gw::Runtime
