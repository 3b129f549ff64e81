// Traces to and from JSON (lossless: bodies that are not UTF-8 travel as base64).
#include "runtime/trace/tracejson.h"

#include <QStringDecoder>

namespace Gw::Runtime {

namespace {

const char *const outcomeNames[] = {"continue", "respond", "pending", "fail", "skipped"};

TraceStep::Outcome outcomeFromString(const QString &s)
{
    for (int i = 0; i < 5; ++i) {
        if (s == QLatin1String(outcomeNames[i]))
            return TraceStep::Outcome(i);
    }
    return TraceStep::Outcome::Continue;
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    [[maybe_unused]] const QString s = decoder(bytes);
    return !decoder.hasError();
}

void putBody(QJsonObject &o, const QString &key, const QByteArray &body)
{
    if (body.isEmpty())
        return;
    if (isUtf8(body)) {
        o.insert(key, QString::fromUtf8(body));
    } else {
        o.insert(key, QString::fromLatin1(body.toBase64()));
        o.insert(key + QStringLiteral("Encoding"), QStringLiteral("base64"));
    }
}

QByteArray takeBody(const QJsonObject &o, const QString &key)
{
    const QString text = o.value(key).toString();
    if (o.value(key + QStringLiteral("Encoding")).toString() == QLatin1String("base64"))
        return QByteArray::fromBase64(text.toLatin1());
    return text.toUtf8();
}

QString outcomeName(TraceStep::Outcome o)
{
    return QString::fromLatin1(outcomeNames[int(o)]);
}

} // namespace

QJsonArray headersToJson(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &h : headers)
        array.append(QJsonArray{QString::fromLatin1(h.first), QString::fromUtf8(h.second)});
    return array;
}

HeaderList headersFromJson(const QJsonArray &array)
{
    HeaderList headers;
    headers.reserve(array.size());
    for (const QJsonValue &v : array) {
        const QJsonArray pair = v.toArray();
        headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8()});
    }
    return headers;
}

QJsonObject stepToJson(const TraceStep &step)
{
    QJsonObject o{{QStringLiteral("name"), step.name},
                  {QStringLiteral("startUs"), double(step.startUs)},
                  {QStringLiteral("durationUs"), double(step.durationUs)},
                  {QStringLiteral("outcome"), outcomeName(step.outcome)}};
    if (!step.notes.isEmpty())
        o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(step.notes));
    putBody(o, QStringLiteral("payloadBefore"), step.payloadBefore);
    putBody(o, QStringLiteral("payloadAfter"), step.payloadAfter);
    if (step.flagged)
        o.insert(QStringLiteral("flagged"), true);
    return o;
}

TraceStep stepFromJson(const QJsonObject &o)
{
    TraceStep step;
    step.name = o.value(QStringLiteral("name")).toString();
    step.startUs = qint64(o.value(QStringLiteral("startUs")).toDouble());
    step.durationUs = qint64(o.value(QStringLiteral("durationUs")).toDouble());
    step.outcome = outcomeFromString(o.value(QStringLiteral("outcome")).toString());
    for (const QJsonValue &n : o.value(QStringLiteral("notes")).toArray())
        step.notes << n.toString();
    step.payloadBefore = takeBody(o, QStringLiteral("payloadBefore"));
    step.payloadAfter = takeBody(o, QStringLiteral("payloadAfter"));
    step.flagged = o.value(QStringLiteral("flagged")).toBool();
    return step;
}

QJsonObject traceToJson(const Trace &t)
{
    QJsonArray steps;
    for (const TraceStep &s : t.steps)
        steps.append(stepToJson(s));
    QJsonObject o{{QStringLiteral("requestId"), t.requestId},
                  {QStringLiteral("startedAt"), t.startedAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("durationUs"), double(t.durationUs)},
                  {QStringLiteral("apiId"), t.apiId},
                  {QStringLiteral("apiName"), t.apiName},
                  {QStringLiteral("apiType"), t.apiType},
                  {QStringLiteral("stage"), t.stage},
                  {QStringLiteral("routeKey"), t.routeKey},
                  {QStringLiteral("clientAddress"), t.clientAddress},
                  {QStringLiteral("method"), t.method},
                  {QStringLiteral("path"), t.path},
                  {QStringLiteral("rawQuery"), t.rawQuery},
                  {QStringLiteral("requestHeaders"), headersToJson(t.requestHeaders)},
                  {QStringLiteral("status"), t.status},
                  {QStringLiteral("responseHeaders"), headersToJson(t.responseHeaders)},
                  {QStringLiteral("steps"), steps},
                  {QStringLiteral("errorType"), t.errorType},
                  {QStringLiteral("integrationLog"), QJsonArray::fromStringList(t.integrationLog)}};
    putBody(o, QStringLiteral("requestBody"), t.requestBody);
    putBody(o, QStringLiteral("responseBody"), t.responseBody);
    // Written only when set, so traces without them keep their former JSON.
    if (!t.resourcePath.isEmpty())
        o.insert(QStringLiteral("resourcePath"), t.resourcePath);
    if (!t.pathParameters.isEmpty()) {
        QJsonArray params;
        for (const auto &p : t.pathParameters)
            params.append(QJsonArray{p.first, p.second});
        o.insert(QStringLiteral("pathParameters"), params);
    }
    // The integration exchange, for the execution log of a trace read back from history.
    if (!t.endpointUri.isEmpty()) {
        o.insert(QStringLiteral("endpointUri"), t.endpointUri);
        o.insert(QStringLiteral("endpointRequestHeaders"), headersToJson(t.endpointRequestHeaders));
        putBody(o, QStringLiteral("endpointRequestBody"), t.endpointRequestBody);
        o.insert(QStringLiteral("endpointStatus"), t.endpointStatus);
        o.insert(QStringLiteral("integrationLatencyUs"), double(t.integrationLatencyUs));
        o.insert(QStringLiteral("endpointResponseHeaders"), headersToJson(t.endpointResponseHeaders));
        putBody(o, QStringLiteral("endpointResponseBody"), t.endpointResponseBody);
    }
    if (!t.executionFailure.isEmpty())
        o.insert(QStringLiteral("executionFailure"), t.executionFailure);
    return o;
}

Trace traceFromJson(const QJsonObject &o)
{
    Trace t;
    t.requestId = o.value(QStringLiteral("requestId")).toString();
    t.startedAt = QDateTime::fromString(o.value(QStringLiteral("startedAt")).toString(),
                                        Qt::ISODateWithMs);
    t.durationUs = qint64(o.value(QStringLiteral("durationUs")).toDouble());
    t.apiId = o.value(QStringLiteral("apiId")).toString();
    t.apiName = o.value(QStringLiteral("apiName")).toString();
    t.apiType = o.value(QStringLiteral("apiType")).toString();
    t.stage = o.value(QStringLiteral("stage")).toString();
    t.routeKey = o.value(QStringLiteral("routeKey")).toString();
    t.clientAddress = o.value(QStringLiteral("clientAddress")).toString();
    t.method = o.value(QStringLiteral("method")).toString();
    t.path = o.value(QStringLiteral("path")).toString();
    t.rawQuery = o.value(QStringLiteral("rawQuery")).toString();
    t.requestHeaders = headersFromJson(o.value(QStringLiteral("requestHeaders")).toArray());
    t.requestBody = takeBody(o, QStringLiteral("requestBody"));
    t.status = o.value(QStringLiteral("status")).toInt();
    t.responseHeaders = headersFromJson(o.value(QStringLiteral("responseHeaders")).toArray());
    t.responseBody = takeBody(o, QStringLiteral("responseBody"));
    for (const QJsonValue &s : o.value(QStringLiteral("steps")).toArray())
        t.steps.append(stepFromJson(s.toObject()));
    t.errorType = o.value(QStringLiteral("errorType")).toString();
    for (const QJsonValue &l : o.value(QStringLiteral("integrationLog")).toArray())
        t.integrationLog << l.toString();
    t.resourcePath = o.value(QStringLiteral("resourcePath")).toString();
    for (const QJsonValue &p : o.value(QStringLiteral("pathParameters")).toArray())
        t.pathParameters.append({p.toArray().at(0).toString(), p.toArray().at(1).toString()});
    t.endpointUri = o.value(QStringLiteral("endpointUri")).toString();
    t.endpointRequestHeaders = headersFromJson(o.value(QStringLiteral("endpointRequestHeaders")).toArray());
    t.endpointRequestBody = takeBody(o, QStringLiteral("endpointRequestBody"));
    t.endpointStatus = o.value(QStringLiteral("endpointStatus")).toInt();
    t.integrationLatencyUs = qint64(o.value(QStringLiteral("integrationLatencyUs")).toDouble());
    t.endpointResponseHeaders = headersFromJson(o.value(QStringLiteral("endpointResponseHeaders")).toArray());
    t.endpointResponseBody = takeBody(o, QStringLiteral("endpointResponseBody"));
    t.executionFailure = o.value(QStringLiteral("executionFailure")).toString();
    return t;
}

} // namespace Gw::Runtime
