// HTTP API CorsConfiguration: origin matching, automatic preflight answers, response headers.
#include "runtime/policies/corspolicy.h"

#include "runtime/pipeline/requestcontext.h"
#include "runtime/policies/iampolicy.h"

namespace Gw::Runtime {

namespace {

QByteArray joined(const QStringList &values)
{
    return values.join(QStringLiteral(",")).toUtf8();
}

bool listContains(const QStringList &list, const QString &value)
{
    for (const QString &v : list) {
        if (v == QLatin1String("*") || v.compare(value, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray allowOriginValue(const Model::CorsConfiguration &cors, const QString &matched, const QString &origin)
{
    // "*" answers "*" (credentials cannot be allowed with it); other matches echo the origin.
    return matched == QLatin1String("*") && !cors.allowCredentials ? QByteArray("*") : origin.toUtf8();
}

} // namespace

bool CorsPolicy::isPreflight(const HttpRequest &request)
{
    return request.method == "OPTIONS" && !request.header("Origin").isEmpty()
           && !request.header("Access-Control-Request-Method").isEmpty();
}

QString CorsPolicy::matchingOrigin(const Model::CorsConfiguration &cors, const QString &origin)
{
    for (const QString &allowed : cors.allowOrigins) {
        if (allowed == QLatin1String("*"))
            return allowed;
        if (allowed.contains(QLatin1Char('*')) ? IamPolicy::matches(allowed, origin, Qt::CaseInsensitive)
                                               : allowed.compare(origin, Qt::CaseInsensitive) == 0)
            return allowed;
    }
    return {};
}

HttpResponse CorsPolicy::preflightResponse(const Model::CorsConfiguration &cors, const HttpRequest &request,
                                           QString *why)
{
    HttpResponse r;
    r.status = 204;
    const QString origin = QString::fromUtf8(request.header("Origin"));
    const QString method = QString::fromLatin1(request.header("Access-Control-Request-Method")).trimmed();
    const QString matched = matchingOrigin(cors, origin);
    if (matched.isNull()) {
        *why = QStringLiteral("preflight from origin %1, which allowOrigins does not list: 204 without CORS headers")
                   .arg(origin);
        return r;
    }
    if (!listContains(cors.allowMethods, method)) {
        *why = QStringLiteral("preflight for method %1, which allowMethods does not list: 204 without CORS headers")
                   .arg(method);
        return r;
    }
    r.headers.emplaceBack("Access-Control-Allow-Origin", allowOriginValue(cors, matched, origin));
    r.headers.emplaceBack("Access-Control-Allow-Methods", joined(cors.allowMethods));
    const QByteArray requestedHeaders = request.header("Access-Control-Request-Headers");
    if (cors.allowHeaders.contains(QStringLiteral("*")) && !requestedHeaders.isEmpty())
        r.headers.emplaceBack("Access-Control-Allow-Headers", requestedHeaders);
    else if (!cors.allowHeaders.isEmpty())
        r.headers.emplaceBack("Access-Control-Allow-Headers", joined(cors.allowHeaders));
    if (cors.allowCredentials)
        r.headers.emplaceBack("Access-Control-Allow-Credentials", "true");
    if (cors.maxAge >= 0)
        r.headers.emplaceBack("Access-Control-Max-Age", QByteArray::number(cors.maxAge));
    *why = QStringLiteral("preflight from %1 for %2 answered by the gateway (allowOrigins entry '%3')")
               .arg(origin, method, matched);
    return r;
}

void CorsPolicy::applyToResponse(const Model::CorsConfiguration &cors, const HttpRequest &request,
                                 HttpResponse &response, QString *why)
{
    // The gateway's CORS headers replace whatever the backend sent.
    int dropped = 0;
    for (qsizetype i = response.headers.size() - 1; i >= 0; --i) {
        if (response.headers.at(i).first.startsWith("Access-Control-")
            || response.headers.at(i).first.startsWith("access-control-")) {
            response.headers.removeAt(i);
            ++dropped;
        }
    }
    const QString origin = QString::fromUtf8(request.header("Origin"));
    const QString dropNote = dropped ? QStringLiteral("; %1 backend CORS header(s) ignored").arg(dropped) : QString();
    if (origin.isEmpty()) {
        *why = QStringLiteral("no Origin header: no CORS headers") + dropNote;
        return;
    }
    const QString matched = matchingOrigin(cors, origin);
    if (matched.isNull()) {
        *why = QStringLiteral("origin %1 is not in allowOrigins: no CORS headers").arg(origin) + dropNote;
        return;
    }
    setHeader(response.headers, "Access-Control-Allow-Origin", allowOriginValue(cors, matched, origin));
    if (!cors.exposeHeaders.isEmpty())
        setHeader(response.headers, "Access-Control-Expose-Headers", joined(cors.exposeHeaders));
    if (cors.allowCredentials)
        setHeader(response.headers, "Access-Control-Allow-Credentials", "true");
    *why = QStringLiteral("CORS headers added for origin %1 (allowOrigins entry '%2')").arg(origin, matched) + dropNote;
}

bool CorsPolicy::gatewayAnswersPreflight(const RequestContext &ctx)
{
    if (!ctx.api || ctx.api->isRest() || !ctx.api->api().cors || !isPreflight(ctx.request))
        return false;
    const HttpRouteEntry *route = ctx.route.matched() ? ctx.route.route : nullptr;
    return !route || (route->method != QLatin1String("OPTIONS") && route->route->routeKey != QLatin1String("$default"));
}

void CorsPolicy::finishResponse(RequestContext &ctx)
{
    if (!ctx.api || ctx.api->isRest() || !ctx.api->api().cors)
        return;
    const Model::CorsConfiguration &cors = *ctx.api->api().cors;
    QString why;
    if (gatewayAnswersPreflight(ctx)) {
        if (!ctx.route.matched()) {
            // No route for the preflight: the gateway answers it itself.
            ctx.response = preflightResponse(cors, ctx.request, &why);
            ctx.errorType.clear();
            ctx.note(why);
        }
        return; // the cors step's preflight answer is complete as it is
    }
    applyToResponse(cors, ctx.request, ctx.response, &why);
    ctx.note(why);
}

} // namespace Gw::Runtime
