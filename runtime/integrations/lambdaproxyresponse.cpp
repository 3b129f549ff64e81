// Lambda proxy results → client responses, with AWS's validation rules (reference §1.16, §1.17).
#include "runtime/integrations/lambdaproxyresponse.h"

#include "runtime/integrations/lambdaproxyevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gw::Runtime {

namespace {

ProxyResponse malformed(const QString &why)
{
    ProxyResponse r;
    r.ok = false;
    r.malformedReason = why;
    return r;
}

// Header values may be strings, numbers or booleans (serialized as Java would).
bool headerText(const QJsonValue &v, QByteArray *out)
{
    switch (v.type()) {
    case QJsonValue::String: *out = v.toString().toUtf8(); return true;
    case QJsonValue::Bool: *out = v.toBool() ? "true" : "false"; return true;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        *out = d == qint64(d) ? QByteArray::number(qint64(d)) : QByteArray::number(d);
        return true;
    }
    case QJsonValue::Null: *out = QByteArray(); return true;
    default: return false;
    }
}

bool statusCodeOf(const QJsonValue &v, int *status)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d != int(d))
            return false;
        *status = int(d);
        return *status >= 100 && *status <= 599;
    }
    if (v.isString()) {
        bool ok = false;
        *status = v.toString().toInt(&ok);
        return ok && *status >= 100 && *status <= 599;
    }
    return false;
}

// The v1 shape (REST and HTTP 1.0). `strictKeys`: REST rejects unknown keys.
ProxyResponse parseV1(const QByteArray &payload, bool strictKeys, bool decodeBase64)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(QStringLiteral("the function's result is not JSON (%1)").arg(error.errorString()));
    if (!doc.isObject())
        return malformed(QStringLiteral("the function's result must be a JSON object with statusCode, "
                                        "headers, multiValueHeaders, body and isBase64Encoded"));
    const QJsonObject o = doc.object();
    static const QStringList allowed{QStringLiteral("statusCode"), QStringLiteral("headers"),
                                     QStringLiteral("multiValueHeaders"), QStringLiteral("body"),
                                     QStringLiteral("isBase64Encoded")};
    if (strictKeys) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!allowed.contains(it.key()))
                return malformed(QStringLiteral("unknown key '%1' in the function's result").arg(it.key()));
        }
    }
    ProxyResponse r;
    r.response.status = 200;
    if (o.contains(QStringLiteral("statusCode"))
        && !statusCodeOf(o.value(QStringLiteral("statusCode")), &r.response.status))
        return malformed(QStringLiteral("statusCode must be an HTTP status code, got %1")
                             .arg(QString::fromUtf8(QJsonDocument(QJsonArray{o.value(QStringLiteral("statusCode"))})
                                                        .toJson(QJsonDocument::Compact).mid(1).chopped(1))));

    const QJsonValue headers = o.value(QStringLiteral("headers"));
    const QJsonValue multi = o.value(QStringLiteral("multiValueHeaders"));
    if (!headers.isUndefined() && !headers.isNull() && !headers.isObject())
        return malformed(QStringLiteral("headers must be an object"));
    if (!multi.isUndefined() && !multi.isNull() && !multi.isObject())
        return malformed(QStringLiteral("multiValueHeaders must be an object"));
    // multiValueHeaders first, then headers of the same name are merged in (AWS-validated).
    const QJsonObject multiObject = multi.toObject();
    for (auto it = multiObject.begin(); it != multiObject.end(); ++it) {
        if (!it.value().isArray())
            return malformed(QStringLiteral("multiValueHeaders.%1 must be a list").arg(it.key()));
        for (const QJsonValue &v : it.value().toArray()) {
            QByteArray text;
            if (!headerText(v, &text))
                return malformed(QStringLiteral("multiValueHeaders.%1 has a value that is not text").arg(it.key()));
            r.response.headers.emplaceBack(it.key().toLatin1(), text);
        }
    }
    const QJsonObject headerObject = headers.toObject();
    for (auto it = headerObject.begin(); it != headerObject.end(); ++it) {
        QByteArray text;
        if (!headerText(it.value(), &text))
            return malformed(QStringLiteral("headers.%1 must be a string").arg(it.key()));
        const QByteArray name = it.key().toLatin1();
        bool merged = false;
        for (const auto &h : r.response.headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0 && h.second == text)
                merged = true;
        }
        if (!merged)
            r.response.headers.emplaceBack(name, text);
    }

    const QJsonValue body = o.value(QStringLiteral("body"));
    if (!body.isUndefined() && !body.isNull() && !body.isString())
        return malformed(QStringLiteral("body must be a string (serialize objects with JSON.stringify / json.dumps)"));
    r.response.body = body.toString().toUtf8();
    const QJsonValue base64 = o.value(QStringLiteral("isBase64Encoded"));
    if (!base64.isUndefined() && !base64.isNull() && !base64.isBool())
        return malformed(QStringLiteral("isBase64Encoded must be a boolean"));
    if (base64.toBool() && decodeBase64)
        r.response.body = QByteArray::fromBase64(r.response.body);
    if (!hasHeader(r.response.headers, "Content-Type"))
        r.response.headers.emplaceBack("Content-Type", "application/json");
    r.ok = true;
    return r;
}

} // namespace

ProxyResponse parseRestProxyResponse(const QByteArray &payload, const QStringList &binaryMediaTypes,
                                     const QByteArray &acceptHeader)
{
    // The last Accept value decides, as AWS does.
    const QByteArray accept = acceptHeader.split(',').constLast().trimmed();
    return parseV1(payload, true, isBinaryMediaType(accept, binaryMediaTypes));
}

ProxyResponse parseHttpProxyResponseV1(const QByteArray &payload)
{
    return parseV1(payload, false, true);
}

ProxyResponse parseHttpProxyResponseV2(const QByteArray &payload)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError) {
        // A bare JSON scalar (string, number) is valid JSON too; QJsonDocument only parses those
        // wrapped, so try that before calling it malformed.
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + payload + "]", &error);
        if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1)
            return malformed(QStringLiteral("the function's result is not JSON"));
        const QJsonValue v = wrapped.array().at(0);
        ProxyResponse r;
        r.ok = true;
        r.response.status = 200;
        r.response.headers = {{"Content-Type", "application/json"}};
        r.response.body = v.isString() ? v.toString().toUtf8() : payload.trimmed();
        return r;
    }
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !o.contains(QStringLiteral("statusCode"))) {
        // No statusCode: the whole result is the body of a 200 JSON response.
        ProxyResponse r;
        r.ok = true;
        r.response.status = 200;
        r.response.headers = {{"Content-Type", "application/json"}};
        r.response.body = payload;
        return r;
    }
    ProxyResponse r = parseV1(payload, false, true);
    if (!r.ok)
        return r;
    const QJsonValue cookies = o.value(QStringLiteral("cookies"));
    if (!cookies.isUndefined() && !cookies.isNull()) {
        if (!cookies.isArray())
            return malformed(QStringLiteral("cookies must be a list of strings"));
        for (const QJsonValue &c : cookies.toArray())
            r.response.headers.emplaceBack("Set-Cookie", c.toString().toUtf8());
    }
    return r;
}

} // namespace Gw::Runtime
