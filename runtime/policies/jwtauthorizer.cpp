// JWT and Cognito user pool authorizers over gw_auth's JwksClient / JwtVerifier.
#include "runtime/policies/jwtauthorizer.h"

#include "runtime/auth/jwksclient.h"
#include "runtime/auth/jwt.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/policies/identitysources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThreadStorage>

namespace Gw::Runtime {

namespace {

// JwksClient lives in one thread (QNetworkAccessManager): one per worker thread, created on first
// use and deleted when the thread ends. Each keeps its own JWKS cache.
JwksClient &threadJwksClient()
{
    static QThreadStorage<JwksClient *> clients;
    if (!clients.hasLocalData())
        clients.setLocalData(new JwksClient);
    return *clients.localData();
}

QString describe(JwtFailureKind kind)
{
    switch (kind) {
    case JwtFailureKind::None: return QStringLiteral("none");
    case JwtFailureKind::Malformed: return QStringLiteral("malformed token");
    case JwtFailureKind::UnknownKid: return QStringLiteral("kid not in the JWKS");
    case JwtFailureKind::InvalidSigningMethod: return QStringLiteral("signing method not allowed");
    case JwtFailureKind::InvalidSignature: return QStringLiteral("signature does not verify");
    case JwtFailureKind::InvalidIssuer: return QStringLiteral("iss");
    case JwtFailureKind::InvalidAudience: return QStringLiteral("aud / client_id");
    case JwtFailureKind::Expired: return QStringLiteral("exp");
    case JwtFailureKind::NotYetValid: return QStringLiteral("nbf");
    case JwtFailureKind::IssuedInFuture: return QStringLiteral("iat");
    case JwtFailureKind::InsufficientScope: return QStringLiteral("scope / scp");
    case JwtFailureKind::KeysUnavailable: return QStringLiteral("JWKS unavailable");
    }
    return {};
}

// REST claims reach $context.authorizer.claims as strings.
QJsonObject stringClaims(const QJsonObject &claims)
{
    QJsonObject out;
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isString())
            out.insert(it.key(), v);
        else if (v.isDouble())
            out.insert(it.key(), QString::number(qint64(v.toDouble())));
        else if (v.isBool())
            out.insert(it.key(), v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else
            out.insert(it.key(), QString::fromUtf8((v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                                                       .toJson(QJsonDocument::Compact)));
    }
    return out;
}

void answerFailure(RequestContext &ctx, const JwtVerifyResult &r, bool httpApi)
{
    ctx.note(QStringLiteral("token rejected (%1): %2").arg(describe(r.failure.kind), r.failure.description));
    if (r.failure.statusCode == 403) {
        ctx.setGatewayResponse(QStringLiteral("ACCESS_DENIED"));
        if (!httpApi)
            ctx.response.status = 401; // Cognito: a token without the method's scopes is Unauthorized
    } else {
        ctx.setGatewayResponse(QStringLiteral("UNAUTHORIZED"));
    }
    if (httpApi)
        setHeader(ctx.response.headers, "www-authenticate", r.failure.wwwAuthenticate());
}

StageResult verifyAsync(RequestContext &ctx, const QByteArray &token, const JwtAuthorizerConfig &config,
                        bool httpApi, std::function<void(RequestContext &, const JwtVerifyResult &)> accept)
{
    RequestContextPtr self = ctx.shared_from_this();
    threadJwksClient().verify(token, config, QDateTime::currentDateTimeUtc(),
                              [self, httpApi, accept](const JwtVerifyResult &r) {
                                  RequestContext &c = *self;
                                  if (!r.ok) {
                                      answerFailure(c, r, httpApi);
                                      c.resume(StageResult::respond());
                                      return;
                                  }
                                  accept(c, r);
                                  c.resume(StageResult::next());
                              });
    return StageResult::pending();
}

} // namespace

QString JwtAuthorizer::cognitoIssuer(const QString &providerArnOrIssuer)
{
    if (providerArnOrIssuer.startsWith(QLatin1String("http://")) || providerArnOrIssuer.startsWith(QLatin1String("https://")))
        return providerArnOrIssuer;
    const QStringList parts = providerArnOrIssuer.split(QLatin1Char(':'));
    if (parts.size() < 6)
        return {};
    return QStringLiteral("https://cognito-idp.%1.amazonaws.com/%2").arg(parts.at(3), parts.at(5).section(QLatin1Char('/'), 1));
}

StageResult JwtAuthorizer::authorize(RequestContext &ctx, const Model::Authorizer &a, const QStringList &routeScopes)
{
    const QStringList sources = a.identitySource.isEmpty() ? QStringList{QStringLiteral("$request.header.Authorization")}
                                                           : a.identitySource;
    const IdentityValues identity = IdentitySources::read(ctx, sources);
    if (!identity.complete() || identity.values.isEmpty()) {
        ctx.note(QStringLiteral("identity source %1 missing or empty: Unauthorized").arg(identity.missing.join(QStringLiteral(", "))));
        ctx.setGatewayResponse(QStringLiteral("UNAUTHORIZED"));
        return StageResult::respond();
    }
    JwtAuthorizerConfig config;
    config.issuer = a.jwtIssuer;
    config.audiences = a.jwtAudiences;
    config.routeScopes = routeScopes;
    ctx.note(QStringLiteral("JWT authorizer '%1': issuer %2, audiences [%3]%4")
                 .arg(a.name, a.jwtIssuer, a.jwtAudiences.join(QStringLiteral(", ")),
                      routeScopes.isEmpty() ? QString()
                                            : QStringLiteral(", route scopes [%1]").arg(routeScopes.join(QStringLiteral(", ")))));
    return verifyAsync(ctx, identity.values.first().toUtf8(), config, true,
                       [](RequestContext &c, const JwtVerifyResult &r) {
                           c.authorizer.kind = AuthorizerResult::Kind::Jwt;
                           c.authorizer.claims = r.claims;
                           c.authorizer.scopes = r.scopes;
                           c.note(QStringLiteral("token accepted: kid %1, %2, subject '%3'%4")
                                      .arg(r.keyId, r.algorithm, r.claims.value(QLatin1String("sub")).toString(),
                                           r.scopes.isEmpty() ? QString()
                                                              : QStringLiteral(", scopes [%1]").arg(r.scopes.join(QStringLiteral(", ")))));
                       });
}

StageResult JwtAuthorizer::authorizeCognito(RequestContext &ctx, const Model::Authorizer &a, const QStringList &methodScopes)
{
    const QStringList sources = a.identitySource.isEmpty() ? QStringList{QStringLiteral("method.request.header.Authorization")}
                                                           : a.identitySource;
    const IdentityValues identity = IdentitySources::read(ctx, sources);
    if (!identity.complete() || identity.values.isEmpty()) {
        ctx.note(QStringLiteral("identity source %1 missing or empty: Unauthorized").arg(identity.missing.join(QStringLiteral(", "))));
        ctx.setGatewayResponse(QStringLiteral("UNAUTHORIZED"));
        return StageResult::respond();
    }
    const QByteArray token = Jwt::tokenFromIdentity(identity.values.first().toUtf8());
    const auto jwt = Jwt::parse(token);
    // The pool the token claims to come from must be one of the authorizer's.
    QString issuer;
    const QString tokenIssuer = jwt ? jwt->payload.value(QLatin1String("iss")).toString() : QString();
    QStringList issuers;
    for (const QString &arn : a.providerArns)
        issuers.append(cognitoIssuer(arn));
    if (!a.jwtIssuer.isEmpty())
        issuers.append(a.jwtIssuer);
    for (const QString &i : issuers) {
        if (i == tokenIssuer)
            issuer = i;
    }
    if (issuer.isEmpty())
        issuer = issuers.value(0); // the verifier then reports the issuer mismatch
    if (!a.identityValidationExpression.isEmpty() && jwt) {
        // Cognito's validation expression is checked against the aud claim (fails for access tokens).
        const QRegularExpression re(QRegularExpression::anchoredPattern(a.identityValidationExpression));
        if (!re.match(jwt->payload.value(QLatin1String("aud")).toString()).hasMatch()) {
            ctx.note(QStringLiteral("aud does not match identityValidationExpression %1: Unauthorized").arg(a.identityValidationExpression));
            ctx.setGatewayResponse(QStringLiteral("UNAUTHORIZED"));
            return StageResult::respond();
        }
    }
    const bool accessToken = jwt && jwt->payload.value(QLatin1String("token_use")).toString() == QLatin1String("access");
    JwtAuthorizerConfig config;
    config.issuer = issuer;
    // Method scopes apply to access tokens; an ID token on a method with scopes is refused.
    if (!methodScopes.isEmpty() && !accessToken) {
        ctx.note(QStringLiteral("the method requires scopes [%1]: only an access token can carry them, this is not one: Unauthorized")
                     .arg(methodScopes.join(QStringLiteral(", "))));
        ctx.setGatewayResponse(QStringLiteral("UNAUTHORIZED"));
        return StageResult::respond();
    }
    config.routeScopes = methodScopes;
    ctx.note(QStringLiteral("Cognito user pool authorizer '%1': %2 token, issuer %3")
                 .arg(a.name, accessToken ? QStringLiteral("access") : QStringLiteral("ID"), issuer));
    return verifyAsync(ctx, token, config, false, [](RequestContext &c, const JwtVerifyResult &r) {
        c.authorizer.kind = AuthorizerResult::Kind::Cognito;
        c.authorizer.claims = stringClaims(r.claims);
        c.authorizer.scopes = r.scopes;
        c.authorizer.principalId = r.claims.value(QLatin1String("sub")).toString();
        c.note(QStringLiteral("token accepted: kid %1, subject '%2'").arg(r.keyId, c.authorizer.principalId));
    });
}

} // namespace Gw::Runtime
