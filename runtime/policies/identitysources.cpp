// Authorizer identity sources, read as AWS reads them.
#include "runtime/policies/identitysources.h"

#include "runtime/pipeline/requestcontext.h"
#include "runtime/policies/requestparameters.h"

namespace Gw::Runtime {

namespace {

QString contextValue(const RequestContext &ctx, const QString &name)
{
    if (name == QLatin1String("routeKey"))
        return ctx.route.routeKey;
    if (name == QLatin1String("stage"))
        return ctx.stageName();
    if (name == QLatin1String("httpMethod"))
        return QString::fromLatin1(ctx.request.method);
    if (name == QLatin1String("path"))
        return QString::fromUtf8(ctx.request.path);
    if (name == QLatin1String("resourcePath"))
        return ctx.route.resourcePath;
    if (name == QLatin1String("requestId"))
        return ctx.requestId;
    if (name == QLatin1String("apiId"))
        return ctx.api->api().id;
    if (name == QLatin1String("identity.sourceIp")) {
        const qsizetype colon = ctx.request.clientAddress.lastIndexOf(QLatin1Char(':'));
        return colon > 0 ? ctx.request.clientAddress.left(colon) : ctx.request.clientAddress;
    }
    if (name == QLatin1String("identity.userAgent"))
        return QString::fromUtf8(ctx.request.header("User-Agent"));
    return {};
}

} // namespace

QString IdentitySources::value(const RequestContext &ctx, const QString &sourceIn)
{
    QString source = sourceIn.trimmed();
    if (source.startsWith(QLatin1Char('$')))
        source.remove(0, 1);
    static const QString restHeader = QStringLiteral("method.request.header.");
    static const QString restQuery = QStringLiteral("method.request.querystring.");
    static const QString httpHeader = QStringLiteral("request.header.");
    static const QString httpQuery = QStringLiteral("request.querystring.");
    static const QString stageVars = QStringLiteral("stageVariables.");
    static const QString context = QStringLiteral("context.");
    QString v;
    if (source.startsWith(restHeader) || source.startsWith(httpHeader)) {
        const QString name = source.mid(source.startsWith(restHeader) ? restHeader.size() : httpHeader.size());
        if (hasHeader(ctx.request.headers, name.toLatin1())) {
            // Repeated headers reach the authorizer comma-joined.
            QStringList all;
            for (const QByteArray &h : headerValues(ctx.request.headers, name.toLatin1()))
                all.append(QString::fromUtf8(h));
            v = all.join(QLatin1Char(','));
        }
    } else if (source.startsWith(restQuery) || source.startsWith(httpQuery)) {
        const QString name = source.mid(source.startsWith(restQuery) ? restQuery.size() : httpQuery.size());
        v = RequestParameters::queryValue(ctx.request.rawQuery, name);
    } else if (source.startsWith(stageVars)) {
        v = ctx.stageVariables().value(source.mid(stageVars.size()));
    } else if (source.startsWith(context)) {
        v = contextValue(ctx, source.mid(context.size()));
    }
    return v.isEmpty() ? QString() : v;
}

IdentityValues IdentitySources::read(const RequestContext &ctx, const QStringList &sources)
{
    IdentityValues r;
    for (const QString &source : sources) {
        for (const QString &part : source.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString v = value(ctx, part);
            if (v.isEmpty())
                r.missing.append(part.trimmed());
            else
                r.values.append(v);
        }
    }
    return r;
}

} // namespace Gw::Runtime
