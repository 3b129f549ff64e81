// Builds Lambda proxy events exactly as API Gateway does (reference §3.1, §3.2): duplicates kept in
// multiValue* maps with the last value in the single-value map (v1), comma-joined and lower-cased
// (v2), cookies split out (v2), and absent maps as null (v1) or omitted (v2).
#include "runtime/integrations/lambdaproxyevent.h"

#include "runtime/json/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <cstdio>

namespace Gw::Runtime {

using namespace Qt::StringLiterals;

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

// Values grouped by name in first-seen order (header and query maps; a handful of entries).
template<typename Name, typename Value>
struct Grouped
{
    QList<QPair<Name, QList<Value>>> groups;
    QList<Value> &operator[](const Name &name)
    {
        for (auto &g : groups) {
            if (g.first == name)
                return g.second;
        }
        groups.append({name, {}});
        return groups.last().second;
    }
};

template<typename Name, typename Value>
void writeGroupsOrNull(JsonWriter &w, const Grouped<Name, Value> &grouped, bool allValues)
{
    if (grouped.groups.isEmpty()) {
        w.null();
        return;
    }
    w.beginObject();
    for (const auto &g : grouped.groups) {
        w.key(g.first);
        if (!allValues) {
            w.string(g.second.constLast());
            continue;
        }
        w.beginArray();
        for (const Value &v : g.second)
            w.string(v);
        w.endArray();
    }
    w.endObject();
}

void writeBody(JsonWriter &w, const ProxyEventInput &in)
{
    if (in.body.isEmpty())
        w.null();
    else if (in.bodyIsBinary)
        w.string(QByteArrayView(in.body.toBase64()));
    else
        w.string(QByteArrayView(in.body));
}

template<typename Map>
void writeStringMapOrNull(JsonWriter &w, const Map &map, bool nullIfEmpty)
{
    if (map.isEmpty() && nullIfEmpty) {
        w.null();
        return;
    }
    w.beginObject();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        w.key(it.key()).string(it.value());
    w.endObject();
}

void writePathParameters(JsonWriter &w, const ProxyEventInput &in)
{
    w.beginObject();
    for (const auto &p : in.pathParameters)
        w.key(p.first).string(p.second);
    w.endObject();
}

QString domainPrefix(const ProxyEventInput &in)
{
    return in.domainName.section(QLatin1Char('.'), 0, 0).section(QLatin1Char(':'), 0, 0);
}

void writeIdentityV1(JsonWriter &w, const ProxyEventInput &in)
{
    QByteArray userAgent;
    for (const auto &h : in.headers) {
        if (h.first.compare("user-agent", Qt::CaseInsensitive) == 0)
            userAgent = h.second;
    }
    // An authorizer's caller identity (IAM) replaces the null AWS sends otherwise.
    const auto field = [&](QLatin1StringView name, auto &&writeDefault) {
        w.key(name);
        const auto it = in.authorizedIdentity.constFind(name);
        if (it != in.authorizedIdentity.constEnd())
            w.value(it.value());
        else
            writeDefault();
    };
    const auto null = [&] { w.null(); };
    static const QLatin1StringView fixed[] = {
        QLatin1StringView("cognitoIdentityPoolId"), QLatin1StringView("accountId"),
        QLatin1StringView("cognitoIdentityId"), QLatin1StringView("caller"),
        QLatin1StringView("sourceIp"), QLatin1StringView("principalOrgId"),
        QLatin1StringView("accessKey"), QLatin1StringView("cognitoAuthenticationType"),
        QLatin1StringView("cognitoAuthenticationProvider"), QLatin1StringView("userArn"),
        QLatin1StringView("userAgent"), QLatin1StringView("user"), QLatin1StringView("apiKey"),
        QLatin1StringView("apiKeyId"), QLatin1StringView("clientCert")};
    w.beginObject();
    for (QLatin1StringView name : fixed) {
        if (name == QLatin1StringView("sourceIp"))
            field(name, [&] { w.string(in.sourceIp); });
        else if (name == QLatin1StringView("userAgent"))
            field(name, [&] { userAgent.isEmpty() ? w.null() : w.string(QByteArrayView(userAgent)); });
        else if (name == QLatin1StringView("apiKey"))
            field(name, [&] { w.stringOrNull(in.apiKey); });
        else if (name == QLatin1StringView("apiKeyId"))
            field(name, [&] { w.stringOrNull(in.apiKeyId); });
        else if (name == QLatin1StringView("clientCert"))
            field(name, [&] { in.clientCert.isEmpty() ? w.null() : w.value(in.clientCert); });
        else
            field(name, null);
    }
    for (auto it = in.authorizedIdentity.begin(); it != in.authorizedIdentity.end(); ++it) {
        if (std::find(std::begin(fixed), std::end(fixed), it.key()) == std::end(fixed))
            w.key(it.key()).value(it.value());
    }
    w.endObject();
}

// The v1 shape shared by REST and HTTP API payload 1.0, in AWS's field order.
QByteArray eventV1(const ProxyEventInput &in, bool httpApi)
{
    Grouped<QByteArray, QByteArray> headers;
    for (const auto &h : in.headers)
        headers[h.first].append(h.second);
    Grouped<QString, QString> query;
    for (const auto &item : queryItems(in.rawQuery))
        query[item.first].append(item.second);

    const QString resourcePath = httpApi && in.routeKey == QLatin1String("$default")
                                     ? QStringLiteral("$default")
                                     : in.resourcePath;
    JsonWriter w(1024 + in.body.size() * 4 / 3);
    w.beginObject();
    if (httpApi)
        w.key("version"_L1).string(QStringLiteral("1.0"));
    w.key("resource"_L1).string(resourcePath);
    w.key("path"_L1).string(httpApi ? in.path : in.stagePath);
    w.key("httpMethod"_L1).string(in.method);
    // Single-value maps keep the last value; multiValue* keep them all; null when empty.
    w.key("headers"_L1);
    writeGroupsOrNull(w, headers, false);
    w.key("multiValueHeaders"_L1);
    writeGroupsOrNull(w, headers, true);
    w.key("queryStringParameters"_L1);
    writeGroupsOrNull(w, query, false);
    w.key("multiValueQueryStringParameters"_L1);
    writeGroupsOrNull(w, query, true);
    w.key("pathParameters"_L1);
    if (in.pathParameters.isEmpty())
        w.null();
    else
        writePathParameters(w, in);
    w.key("stageVariables"_L1);
    writeStringMapOrNull(w, in.stageVariables, true);

    w.key("requestContext"_L1).beginObject();
    w.key("resourceId"_L1).string(in.resourceId);
    w.key("resourcePath"_L1).string(resourcePath);
    w.key("httpMethod"_L1).string(in.method);
    w.key("extendedRequestId"_L1).string(in.extendedRequestId);
    w.key("requestTime"_L1).string(awsRequestTime(in.requestTime));
    w.key("path"_L1).string(in.path);
    w.key("accountId"_L1).string(in.accountId);
    w.key("protocol"_L1).string(QStringLiteral("HTTP/1.1"));
    w.key("stage"_L1).string(in.stage);
    w.key("domainPrefix"_L1).string(domainPrefix(in));
    w.key("requestTimeEpoch"_L1).number(in.requestTime.toMSecsSinceEpoch());
    w.key("requestId"_L1).string(in.requestId);
    w.key("identity"_L1);
    writeIdentityV1(w, in);
    w.key("domainName"_L1).string(in.domainName);
    if (!httpApi)
        w.key("deploymentId"_L1).string(QStringLiteral("local"));
    if (httpApi)
        w.key("routeKey"_L1).string(in.routeKey);
    if (!in.authorizer.isEmpty())
        w.key("authorizer"_L1).value(in.authorizer);
    w.key("apiId"_L1).string(in.apiId);
    w.endObject();

    w.key("body"_L1);
    writeBody(w, in);
    w.key("isBase64Encoded"_L1).boolean(in.bodyIsBinary);
    w.endObject();
    return w.take();
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

QByteArray restProxyEventJson(const ProxyEventInput &in)
{
    return eventV1(in, false);
}

QByteArray httpProxyEventV1Json(const ProxyEventInput &in)
{
    return eventV1(in, true);
}

QByteArray httpProxyEventV2Json(const ProxyEventInput &in)
{
    // Lower-cased names, duplicates comma-joined; Cookie headers become the cookies array.
    Grouped<QByteArray, QByteArray> headers;
    QList<QByteArray> cookies;
    QByteArray userAgent;
    for (const auto &h : in.headers) {
        const QByteArray name = h.first.toLower();
        if (name == "cookie") {
            for (const QByteArray &c : h.second.split(';')) {
                if (!c.isEmpty())
                    cookies.append(c.trimmed());
            }
            continue;
        }
        if (name == "user-agent")
            userAgent = h.second;
        headers[name].append(h.second);
    }
    Grouped<QString, QString> query;
    for (const auto &item : queryItems(in.rawQuery))
        query[item.first].append(item.second);

    JsonWriter w(1024 + in.body.size() * 4 / 3);
    w.beginObject();
    w.key("version"_L1).string(QStringLiteral("2.0"));
    w.key("routeKey"_L1).string(in.routeKey);
    w.key("rawPath"_L1).string(in.stagePath.isEmpty() ? in.path : in.stagePath);
    w.key("rawQueryString"_L1).string(QByteArrayView(in.rawQuery));
    if (!cookies.isEmpty()) {
        w.key("cookies"_L1).beginArray();
        for (const QByteArray &c : cookies)
            w.string(QByteArrayView(c));
        w.endArray();
    }
    w.key("headers"_L1).beginObject();
    for (const auto &g : headers.groups)
        w.key(QByteArrayView(g.first)).string(QByteArrayView(g.second.join(',')));
    w.endObject();
    if (!query.groups.isEmpty()) {
        w.key("queryStringParameters"_L1).beginObject();
        for (const auto &g : query.groups)
            w.key(g.first).string(g.second.join(QLatin1Char(',')));
        w.endObject();
    }
    w.key("requestContext"_L1).beginObject();
    w.key("accountId"_L1).string(in.accountId);
    w.key("apiId"_L1).string(in.apiId);
    if (!in.clientCert.isEmpty())
        w.key("authentication"_L1).beginObject().key("clientCert"_L1).value(in.clientCert).endObject();
    if (!in.authorizer.isEmpty())
        w.key("authorizer"_L1).value(in.authorizer);
    w.key("domainName"_L1).string(in.domainName);
    w.key("domainPrefix"_L1).string(domainPrefix(in));
    w.key("http"_L1).beginObject();
    w.key("method"_L1).string(in.method);
    w.key("path"_L1).string(in.path);
    w.key("protocol"_L1).string(QStringLiteral("HTTP/1.1"));
    w.key("sourceIp"_L1).string(in.sourceIp);
    w.key("userAgent"_L1).string(QByteArrayView(userAgent));
    w.endObject();
    w.key("requestId"_L1).string(in.extendedRequestId.isEmpty() ? in.requestId : in.extendedRequestId);
    w.key("routeKey"_L1).string(in.routeKey);
    w.key("stage"_L1).string(in.stage);
    w.key("time"_L1).string(awsRequestTime(in.requestTime));
    w.key("timeEpoch"_L1).number(in.requestTime.toMSecsSinceEpoch());
    w.endObject();
    if (!in.pathParameters.isEmpty()) {
        w.key("pathParameters"_L1);
        writePathParameters(w, in);
    }
    if (!in.stageVariables.isEmpty()) {
        w.key("stageVariables"_L1);
        writeStringMapOrNull(w, in.stageVariables, false);
    }
    if (!in.body.isEmpty()) {
        w.key("body"_L1);
        writeBody(w, in);
    }
    w.key("isBase64Encoded"_L1).boolean(in.bodyIsBinary);
    w.endObject();
    return w.take();
}

namespace {
QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

QJsonObject restProxyEvent(const ProxyEventInput &in)
{
    return parsed(restProxyEventJson(in));
}

QJsonObject httpProxyEventV1(const ProxyEventInput &in)
{
    return parsed(httpProxyEventV1Json(in));
}

QJsonObject httpProxyEventV2(const ProxyEventInput &in)
{
    return parsed(httpProxyEventV2Json(in));
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
