// Builds Lambda proxy events exactly as API Gateway does (reference §3.1, §3.2): duplicates kept in
// multiValue* maps with the last value in the single-value map (v1), comma-joined and lower-cased
// (v2), cookies split out (v2), and absent maps as null (v1) or omitted (v2).
#include "runtime/integrations/lambdaproxyevent.h"

#include <QJsonArray>
#include <QUrl>

#include <cstdio>

namespace Gw::Runtime {

namespace {

QString decodeQueryPart(const QByteArray &part)
{
    QByteArray plusAsSpace = part;
    plusAsSpace.replace('+', ' ');
    return QUrl::fromPercentEncoding(plusAsSpace);
}

// Query items in order, decoded, as AWS reads them.
QList<QPair<QString, QString>> queryItems(const QByteArray &rawQuery)
{
    QList<QPair<QString, QString>> items;
    if (rawQuery.isEmpty())
        return items;
    for (const QByteArray &pair : rawQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        items.append({decodeQueryPart(eq < 0 ? pair : pair.left(eq)),
                      eq < 0 ? QString() : decodeQueryPart(pair.mid(eq + 1))});
    }
    return items;
}

QJsonValue nullIfEmpty(const QJsonObject &o)
{
    return o.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(o);
}

QJsonValue bodyValue(const ProxyEventInput &in)
{
    if (in.body.isEmpty())
        return QJsonValue::Null;
    if (in.bodyIsBinary)
        return QString::fromLatin1(in.body.toBase64());
    return QString::fromUtf8(in.body);
}

QJsonObject identityV1(const ProxyEventInput &in)
{
    const QString userAgent = QString::fromUtf8([&] {
        for (const auto &h : in.headers) {
            if (h.first.compare("user-agent", Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return QByteArray();
    }());
    QJsonObject identity{
        {QStringLiteral("cognitoIdentityPoolId"), QJsonValue::Null},
        {QStringLiteral("accountId"), QJsonValue::Null},
        {QStringLiteral("cognitoIdentityId"), QJsonValue::Null},
        {QStringLiteral("caller"), QJsonValue::Null},
        {QStringLiteral("sourceIp"), in.sourceIp},
        {QStringLiteral("principalOrgId"), QJsonValue::Null},
        {QStringLiteral("accessKey"), QJsonValue::Null},
        {QStringLiteral("cognitoAuthenticationType"), QJsonValue::Null},
        {QStringLiteral("cognitoAuthenticationProvider"), QJsonValue::Null},
        {QStringLiteral("userArn"), QJsonValue::Null},
        {QStringLiteral("userAgent"), userAgent.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(userAgent)},
        {QStringLiteral("user"), QJsonValue::Null},
        {QStringLiteral("apiKey"), in.apiKey.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(in.apiKey)},
        {QStringLiteral("apiKeyId"), in.apiKeyId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(in.apiKeyId)},
        {QStringLiteral("clientCert"), in.clientCert.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(in.clientCert)}};
    for (auto it = in.authorizedIdentity.begin(); it != in.authorizedIdentity.end(); ++it)
        identity.insert(it.key(), it.value());
    return identity;
}

// The v1 shape shared by REST and HTTP API payload 1.0.
QJsonObject eventV1(const ProxyEventInput &in, bool httpApi)
{
    QJsonObject headers;
    QJsonObject multiHeaders;
    for (const auto &h : in.headers) {
        const QString name = QString::fromLatin1(h.first);
        const QString value = QString::fromUtf8(h.second);
        headers.insert(name, value); // the last value wins
        QJsonArray values = multiHeaders.value(name).toArray();
        values.append(value);
        multiHeaders.insert(name, values);
    }
    QJsonObject query;
    QJsonObject multiQuery;
    for (const auto &item : queryItems(in.rawQuery)) {
        query.insert(item.first, item.second);
        QJsonArray values = multiQuery.value(item.first).toArray();
        values.append(item.second);
        multiQuery.insert(item.first, values);
    }
    QJsonObject pathParameters;
    for (const auto &p : in.pathParameters)
        pathParameters.insert(p.first, p.second);
    QJsonObject stageVariables;
    for (auto it = in.stageVariables.cbegin(); it != in.stageVariables.cend(); ++it)
        stageVariables.insert(it.key(), it.value());

    const QString resourcePath = httpApi && in.routeKey == QLatin1String("$default")
                                     ? QStringLiteral("$default")
                                     : in.resourcePath;
    QJsonObject requestContext{
        {QStringLiteral("resourceId"), in.resourceId},
        {QStringLiteral("resourcePath"), resourcePath},
        {QStringLiteral("httpMethod"), in.method},
        {QStringLiteral("extendedRequestId"), in.extendedRequestId},
        {QStringLiteral("requestTime"), awsRequestTime(in.requestTime)},
        {QStringLiteral("path"), in.path},
        {QStringLiteral("accountId"), in.accountId},
        {QStringLiteral("protocol"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("stage"), in.stage},
        {QStringLiteral("domainPrefix"), in.domainName.section(QLatin1Char('.'), 0, 0).section(QLatin1Char(':'), 0, 0)},
        {QStringLiteral("requestTimeEpoch"), double(in.requestTime.toMSecsSinceEpoch())},
        {QStringLiteral("requestId"), in.requestId},
        {QStringLiteral("identity"), identityV1(in)},
        {QStringLiteral("domainName"), in.domainName},
        {QStringLiteral("apiId"), in.apiId}};
    if (!httpApi)
        requestContext.insert(QStringLiteral("deploymentId"), QStringLiteral("local"));
    if (httpApi)
        requestContext.insert(QStringLiteral("routeKey"), in.routeKey);
    if (!in.authorizer.isEmpty())
        requestContext.insert(QStringLiteral("authorizer"), in.authorizer);

    QJsonObject event{{QStringLiteral("resource"), resourcePath},
                      {QStringLiteral("path"), httpApi ? in.path : in.stagePath},
                      {QStringLiteral("httpMethod"), in.method},
                      {QStringLiteral("headers"), nullIfEmpty(headers)},
                      {QStringLiteral("multiValueHeaders"), nullIfEmpty(multiHeaders)},
                      {QStringLiteral("queryStringParameters"), nullIfEmpty(query)},
                      {QStringLiteral("multiValueQueryStringParameters"), nullIfEmpty(multiQuery)},
                      {QStringLiteral("pathParameters"), nullIfEmpty(pathParameters)},
                      {QStringLiteral("stageVariables"), nullIfEmpty(stageVariables)},
                      {QStringLiteral("requestContext"), requestContext},
                      {QStringLiteral("body"), bodyValue(in)},
                      {QStringLiteral("isBase64Encoded"), in.bodyIsBinary}};
    if (httpApi)
        event.insert(QStringLiteral("version"), QStringLiteral("1.0"));
    return event;
}

} // namespace

QString awsRequestTime(const QDateTime &time)
{
    // By hand, not QLocale::toString: that goes through QCalendar on every proxy event.
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char text[40];
    const int n = std::snprintf(text, sizeof text, "%02d/%s/%04d:%02d:%02d:%02d +0000", d.day(),
                                months[qBound(1, d.month(), 12) - 1], d.year(), t.hour(), t.minute(),
                                t.second());
    return QString::fromLatin1(text, n);
}

QJsonObject restProxyEvent(const ProxyEventInput &in)
{
    return eventV1(in, false);
}

QJsonObject httpProxyEventV1(const ProxyEventInput &in)
{
    return eventV1(in, true);
}

QJsonObject httpProxyEventV2(const ProxyEventInput &in)
{
    QJsonObject headers;
    QJsonArray cookies;
    QString userAgent;
    for (const auto &h : in.headers) {
        const QString name = QString::fromLatin1(h.first).toLower();
        const QString value = QString::fromUtf8(h.second);
        if (name == QLatin1String("cookie")) {
            for (const QString &c : value.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                cookies.append(c.trimmed());
            continue;
        }
        if (name == QLatin1String("user-agent"))
            userAgent = value;
        const QString previous = headers.value(name).toString();
        headers.insert(name, previous.isEmpty() && !headers.contains(name) ? value
                                                                            : previous + QLatin1Char(',') + value);
    }
    QJsonObject query;
    for (const auto &item : queryItems(in.rawQuery)) {
        const QString previous = query.value(item.first).toString();
        query.insert(item.first, query.contains(item.first) ? previous + QLatin1Char(',') + item.second
                                                            : item.second);
    }
    QJsonObject http{{QStringLiteral("method"), in.method},
                     {QStringLiteral("path"), in.path},
                     {QStringLiteral("protocol"), QStringLiteral("HTTP/1.1")},
                     {QStringLiteral("sourceIp"), in.sourceIp},
                     {QStringLiteral("userAgent"), userAgent}};
    QJsonObject requestContext{
        {QStringLiteral("accountId"), in.accountId},
        {QStringLiteral("apiId"), in.apiId},
        {QStringLiteral("domainName"), in.domainName},
        {QStringLiteral("domainPrefix"), in.domainName.section(QLatin1Char('.'), 0, 0).section(QLatin1Char(':'), 0, 0)},
        {QStringLiteral("http"), http},
        {QStringLiteral("requestId"), in.extendedRequestId.isEmpty() ? in.requestId : in.extendedRequestId},
        {QStringLiteral("routeKey"), in.routeKey},
        {QStringLiteral("stage"), in.stage},
        {QStringLiteral("time"), awsRequestTime(in.requestTime)},
        {QStringLiteral("timeEpoch"), double(in.requestTime.toMSecsSinceEpoch())}};
    if (!in.authorizer.isEmpty())
        requestContext.insert(QStringLiteral("authorizer"), in.authorizer);
    if (!in.clientCert.isEmpty())
        requestContext.insert(QStringLiteral("authentication"),
                              QJsonObject{{QStringLiteral("clientCert"), in.clientCert}});

    QJsonObject event{{QStringLiteral("version"), QStringLiteral("2.0")},
                      {QStringLiteral("routeKey"), in.routeKey},
                      {QStringLiteral("rawPath"), in.stagePath.isEmpty() ? in.path : in.stagePath},
                      {QStringLiteral("rawQueryString"), QString::fromUtf8(in.rawQuery)},
                      {QStringLiteral("headers"), headers},
                      {QStringLiteral("requestContext"), requestContext},
                      {QStringLiteral("isBase64Encoded"), in.bodyIsBinary}};
    if (!cookies.isEmpty())
        event.insert(QStringLiteral("cookies"), cookies);
    if (!query.isEmpty())
        event.insert(QStringLiteral("queryStringParameters"), query);
    QJsonObject pathParameters;
    for (const auto &p : in.pathParameters)
        pathParameters.insert(p.first, p.second);
    if (!pathParameters.isEmpty())
        event.insert(QStringLiteral("pathParameters"), pathParameters);
    QJsonObject stageVariables;
    for (auto it = in.stageVariables.cbegin(); it != in.stageVariables.cend(); ++it)
        stageVariables.insert(it.key(), it.value());
    if (!stageVariables.isEmpty())
        event.insert(QStringLiteral("stageVariables"), stageVariables);
    if (!in.body.isEmpty())
        event.insert(QStringLiteral("body"), bodyValue(in));
    return event;
}

bool isBinaryMediaType(const QByteArray &contentType, const QStringList &binaryMediaTypes)
{
    const QString type = QString::fromLatin1(contentType).section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (type.isEmpty())
        return false;
    for (const QString &candidate : binaryMediaTypes) {
        const QString c = candidate.trimmed().toLower();
        if (c == QLatin1String("*/*") || c == type)
            return true;
        if (c.endsWith(QLatin1String("/*")) && type.startsWith(c.left(c.size() - 1)))
            return true;
    }
    return false;
}

bool isTextContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.left(contentType.indexOf(';') < 0 ? contentType.size()
                                                                         : contentType.indexOf(';'))
                                .trimmed().toLower();
    return type.isEmpty() || type.startsWith("text/") || type.endsWith("json") || type.endsWith("xml")
           || type.endsWith("javascript") || type == "application/x-www-form-urlencoded"
           || type.endsWith("+yaml") || type.endsWith("/yaml");
}

} // namespace Gw::Runtime
