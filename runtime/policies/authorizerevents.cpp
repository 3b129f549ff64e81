// The events a Lambda authorizer receives (reference §3.3), built from the proxy event builders so
// the request fields are exactly those a proxy integration would see.
#include "runtime/policies/authorizerevents.h"

#include "runtime/integrations/lambdaproxyevent.h"
#include "runtime/integrations/lambdaproxyintegration.h"
#include "runtime/pipeline/requestcontext.h"

#include <QJsonArray>

namespace Gw::Runtime {

namespace {

const QString region = QStringLiteral("us-east-1");
const QString accountId = QStringLiteral("123456789012");

ProxyEventInput inputOf(const RequestContext &ctx)
{
    return LambdaProxyIntegration::requestInput(ctx);
}

// Authorizers get the request, not its body.
QJsonObject withoutBody(QJsonObject event)
{
    event.remove(QStringLiteral("body"));
    event.remove(QStringLiteral("isBase64Encoded"));
    return event;
}

} // namespace

QString AuthorizerEvents::methodArn(const RequestContext &ctx)
{
    QString path = ctx.route.stagePath;
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    return QStringLiteral("arn:aws:execute-api:%1:%2:%3/%4/%5/%6")
        .arg(region, accountId, ctx.api->api().id, ctx.stageName(), QString::fromLatin1(ctx.request.method), path);
}

QJsonObject AuthorizerEvents::restToken(const RequestContext &ctx, const QString &token)
{
    return {{QStringLiteral("type"), QStringLiteral("TOKEN")},
            {QStringLiteral("authorizationToken"), token},
            {QStringLiteral("methodArn"), methodArn(ctx)}};
}

QJsonObject AuthorizerEvents::restRequest(const RequestContext &ctx)
{
    QJsonObject event = withoutBody(restProxyEvent(inputOf(ctx)));
    event.insert(QStringLiteral("type"), QStringLiteral("REQUEST"));
    event.insert(QStringLiteral("methodArn"), methodArn(ctx));
    return event;
}

QJsonObject AuthorizerEvents::httpRequest(const RequestContext &ctx, const QString &payloadVersion,
                                          const QStringList &identityValues)
{
    const ProxyEventInput in = inputOf(ctx);
    if (payloadVersion == QLatin1String("1.0")) {
        QJsonObject event = withoutBody(httpProxyEventV1(in));
        event.insert(QStringLiteral("type"), QStringLiteral("REQUEST"));
        event.insert(QStringLiteral("methodArn"), methodArn(ctx));
        const QString joined = identityValues.join(QLatin1Char(','));
        event.insert(QStringLiteral("identitySource"), joined);
        event.insert(QStringLiteral("authorizationToken"), joined);
        return event;
    }
    QJsonObject event = withoutBody(httpProxyEventV2(in));
    event.insert(QStringLiteral("type"), QStringLiteral("REQUEST"));
    event.insert(QStringLiteral("routeArn"), methodArn(ctx));
    event.insert(QStringLiteral("identitySource"), QJsonArray::fromStringList(identityValues));
    return event;
}

} // namespace Gw::Runtime
