// The events a Lambda authorizer receives (reference §3.3) and the method/route ARN it is judged
// against: arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path}.
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Gw::Model {
struct Authorizer;
}

namespace Gw::Runtime {

class RequestContext;

class AuthorizerEvents
{
public:
    static QString methodArn(const RequestContext &ctx);

    // REST TOKEN: {type, authorizationToken, methodArn}.
    static QJsonObject restToken(const RequestContext &ctx, const QString &token);
    // REST REQUEST: the proxy event's request fields plus type and methodArn.
    static QJsonObject restRequest(const RequestContext &ctx);
    // HTTP API, payload 1.0 (REST REQUEST shape + version, identitySource, authorizationToken) or
    // 2.0 (v2 request fields + type, routeArn, identitySource[]).
    static QJsonObject httpRequest(const RequestContext &ctx, const QString &payloadVersion,
                                   const QStringList &identityValues);
};

} // namespace Gw::Runtime
