// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) from traces; each entry keeps the
// trace's request id and steps under the custom `_apigw` field, as HAR allows for extensions.
#include "runtime/trace/har.h"

#include "runtime/trace/tracejson.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace Gw::Runtime {

namespace {

QJsonArray harHeaders(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &h : headers)
        array.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(h.first)},
                                 {QStringLiteral("value"), QString::fromUtf8(h.second)}});
    return array;
}

QString headerValue(const HeaderList &headers, const char *name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(h.second);
    }
    return {};
}

QJsonObject entry(const Trace &t)
{
    QJsonArray query;
    const QUrlQuery parsed(t.rawQuery);
    for (const auto &item : parsed.queryItems(QUrl::FullyDecoded))
        query.append(QJsonObject{{QStringLiteral("name"), item.first},
                                 {QStringLiteral("value"), item.second}});
    QString host = headerValue(t.requestHeaders, "host");
    if (host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    const QString url = QStringLiteral("http://") + host + t.path
                        + (t.rawQuery.isEmpty() ? QString() : QLatin1Char('?') + t.rawQuery);

    QJsonObject request{{QStringLiteral("method"), t.method},
                        {QStringLiteral("url"), url},
                        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                        {QStringLiteral("cookies"), QJsonArray()},
                        {QStringLiteral("headers"), harHeaders(t.requestHeaders)},
                        {QStringLiteral("queryString"), query},
                        {QStringLiteral("headersSize"), -1},
                        {QStringLiteral("bodySize"), int(t.requestBody.size())}};
    if (!t.requestBody.isEmpty()) {
        QString mime = headerValue(t.requestHeaders, "content-type");
        request.insert(QStringLiteral("postData"),
                       QJsonObject{{QStringLiteral("mimeType"), mime},
                                   {QStringLiteral("text"), QString::fromUtf8(t.requestBody)}});
    }
    QJsonObject content{{QStringLiteral("size"), int(t.responseBody.size())},
                        {QStringLiteral("mimeType"), headerValue(t.responseHeaders, "content-type")},
                        {QStringLiteral("text"), QString::fromUtf8(t.responseBody)}};
    QJsonObject response{{QStringLiteral("status"), t.status},
                         {QStringLiteral("statusText"), QString()},
                         {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                         {QStringLiteral("cookies"), QJsonArray()},
                         {QStringLiteral("headers"), harHeaders(t.responseHeaders)},
                         {QStringLiteral("content"), content},
                         {QStringLiteral("redirectURL"), QString()},
                         {QStringLiteral("headersSize"), -1},
                         {QStringLiteral("bodySize"), int(t.responseBody.size())}};
    const double ms = t.durationUs / 1000.0;
    QJsonArray steps;
    for (const TraceStep &s : t.steps)
        steps.append(stepToJson(s));
    return QJsonObject{
        {QStringLiteral("startedDateTime"), t.startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("time"), ms},
        {QStringLiteral("request"), request},
        {QStringLiteral("response"), response},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"), QJsonObject{{QStringLiteral("send"), 0},
                                                {QStringLiteral("wait"), ms},
                                                {QStringLiteral("receive"), 0}}},
        {QStringLiteral("_apigw"), QJsonObject{{QStringLiteral("requestId"), t.requestId},
                                               {QStringLiteral("routeKey"), t.routeKey},
                                               {QStringLiteral("stage"), t.stage},
                                               {QStringLiteral("steps"), steps}}}};
}

} // namespace

QJsonObject tracesToHar(const QList<TracePtr> &traces)
{
    QJsonArray entries;
    for (const TracePtr &t : traces)
        entries.append(entry(*t));
    const QJsonObject log{{QStringLiteral("version"), QStringLiteral("1.2")},
                          {QStringLiteral("creator"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("apigw-studio")},
                                       {QStringLiteral("version"), QStringLiteral(GW_VERSION)}}},
                          {QStringLiteral("entries"), entries}};
    return QJsonObject{{QStringLiteral("log"), log}};
}

} // namespace Gw::Runtime
