// JWT authorizers (HTTP API) and Cognito user pool authorizers (REST): the token from the identity
// source verified against the issuer's JWKS (OIDC discovery, AWS's 1.5 s timeouts) with AWS's
// claim checks; failures answer 401 with AWS's www-authenticate header (403 for scopes).
#pragma once

#include "model/apidocument.h"
#include "runtime/pipeline/stage.h"

namespace Gw::Runtime {

class RequestContext;

class JwtAuthorizer
{
public:
    // HTTP API JWT authorizer; `routeScopes` are the route's authorizationScopes.
    static StageResult authorize(RequestContext &ctx, const Model::Authorizer &authorizer,
                                 const QStringList &routeScopes);
    // REST COGNITO_USER_POOLS authorizer; `methodScopes` apply to access tokens only.
    static StageResult authorizeCognito(RequestContext &ctx, const Model::Authorizer &authorizer,
                                        const QStringList &methodScopes);

    // The issuer of a Cognito user pool ARN (arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL), or
    // the value itself when it already is an issuer URL (a local identity provider).
    static QString cognitoIssuer(const QString &providerArnOrIssuer);
};

} // namespace Gw::Runtime
