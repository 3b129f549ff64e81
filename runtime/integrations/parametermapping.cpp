// Parameter mapping for HTTP integrations: HTTP API request/response parameter mapping with AWS's
// reserved headers, and REST integration request parameters.
#include "runtime/integrations/parametermapping.h"

#include "runtime/pipeline/requestcontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QUrl>

namespace Gw::Runtime {

namespace {

QString sourceIpOf(const QString &clientAddress)
{
    const qsizetype colon = clientAddress.lastIndexOf(QLatin1Char(':'));
    QString ip = colon > 0 ? clientAddress.left(colon) : clientAddress;
    if (ip.startsWith(QLatin1Char('[')) && ip.endsWith(QLatin1Char(']')))
        ip = ip.mid(1, ip.size() - 2);
    return ip;
}

QString jsonToText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    default:
        return QString();
    }
}

// `a.b[0].c` inside a JSON body (the subset AWS allows: no `..`, no filters). Empty path: the
// whole body. Bodies are cut at 100 KB before the lookup, as AWS does.
bool jsonBodyValue(const QByteArray &body, const QString &path, QString *value)
{
    if (path.isEmpty()) {
        *value = QString::fromUtf8(body);
        return !body.isEmpty();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(body.left(100 * 1024));
    if (doc.isNull())
        return false;
    QJsonValue cur = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    QString p = path;
    if (p.startsWith(QLatin1String("$.")))
        p = p.mid(2);
    for (const QString &part : p.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        QString name = part;
        QList<int> indexes;
        const qsizetype bracket = part.indexOf(QLatin1Char('['));
        if (bracket >= 0) {
            name = part.left(bracket);
            for (const QString &ix : part.mid(bracket).split(QLatin1Char('['), Qt::SkipEmptyParts)) {
                bool ok = false;
                const int n = QString(ix).remove(QLatin1Char(']')).toInt(&ok);
                if (!ok)
                    return false;
                indexes.append(n);
            }
        }
        if (!name.isEmpty()) {
            if (!cur.isObject())
                return false;
            cur = cur.toObject().value(name);
        }
        for (int n : indexes) {
            if (!cur.isArray() || n < 0 || n >= cur.toArray().size())
                return false;
            cur = cur.toArray().at(n);
        }
    }
    if (cur.isUndefined() || cur.isNull())
        return false;
    *value = jsonToText(cur);
    return true;
}

QString joinedHeader(const HeaderList &headers, const QByteArray &name, bool *found)
{
    const QList<QByteArray> values = headerValues(headers, name);
    *found = !values.isEmpty();
    return QString::fromUtf8(values.join(','));
}

// Characters of an unbraced `$source` reference (header names have '-', JSON paths '[0]').
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-')
           || c == QLatin1Char('[') || c == QLatin1Char(']');
}

// One HTTP API mapping source ("request.header.x", …) → value; false when it has none.
bool resolveHttpApiSource(const QString &name, const RequestContext &ctx,
                          const MappedResponseSource *response, QString *value)
{
    bool found = false;
    if (name.startsWith(QLatin1String("request.header."))) {
        *value = joinedHeader(ctx.request.headers, name.mid(15).toUtf8(), &found);
        return found;
    }
    if (name.startsWith(QLatin1String("request.querystring."))) {
        const QStringList values = queryValues(ctx.request.rawQuery, name.mid(20));
        *value = values.join(QLatin1Char(','));
        return !values.isEmpty();
    }
    if (name == QLatin1String("request.body"))
        return jsonBodyValue(ctx.request.body, {}, value);
    if (name.startsWith(QLatin1String("request.body.")))
        return jsonBodyValue(ctx.request.body, name.mid(13), value);
    if (name == QLatin1String("request.path")) {
        *value = ctx.route.stagePath.isEmpty() ? QString::fromUtf8(ctx.request.path) : ctx.route.stagePath;
        return true;
    }
    if (name.startsWith(QLatin1String("request.path."))) {
        const QString param = name.mid(13);
        for (const auto &p : ctx.route.pathParameters) {
            if (p.first == param) {
                *value = p.second;
                return true;
            }
        }
        return false;
    }
    if (name.startsWith(QLatin1String("context.")))
        return contextVariable(ctx, name.mid(8), value);
    if (name.startsWith(QLatin1String("stageVariables."))) {
        const auto it = ctx.stageVariables().constFind(name.mid(15));
        if (it == ctx.stageVariables().cend())
            return false;
        *value = *it;
        return true;
    }
    if (response && name.startsWith(QLatin1String("response.header."))) {
        *value = response->headers ? joinedHeader(*response->headers, name.mid(16).toUtf8(), &found) : QString();
        return found;
    }
    if (response && name == QLatin1String("response.body"))
        return response->body && jsonBodyValue(*response->body, {}, value);
    if (response && name.startsWith(QLatin1String("response.body.")))
        return response->body && jsonBodyValue(*response->body, name.mid(14), value);
    return false;
}

struct MappingKey
{
    QString action;   // append | overwrite | remove
    QString location; // header | querystring | path | statuscode
    QString name;     // header or query string name
};

bool parseKey(const QString &key, MappingKey *out)
{
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    out->action = key.left(colon);
    const QString target = key.mid(colon + 1);
    const qsizetype dot = target.indexOf(QLatin1Char('.'));
    out->location = dot < 0 ? target : target.left(dot);
    out->name = dot < 0 ? QString() : target.mid(dot + 1);
    if (out->action != QLatin1String("append") && out->action != QLatin1String("overwrite")
        && out->action != QLatin1String("remove"))
        return false;
    if (out->location == QLatin1String("header") || out->location == QLatin1String("querystring"))
        return !out->name.isEmpty();
    if (out->location == QLatin1String("path") || out->location == QLatin1String("statuscode"))
        return out->name.isEmpty() && out->action == QLatin1String("overwrite");
    return false;
}

// A header value with a line break would smuggle headers into the message it is written to.
bool hasLineBreak(const QString &value)
{
    return value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
}

void applyHeader(HeaderList &headers, const MappingKey &k, const QString &value)
{
    const QByteArray name = k.name.toUtf8();
    if (k.action == QLatin1String("remove")) {
        removeHeader(headers, name);
    } else if (k.action == QLatin1String("overwrite")) {
        setHeader(headers, name, value.toUtf8());
    } else {
        // append: one more value, comma-joined with the ones already there.
        const QList<QByteArray> existing = headerValues(headers, name);
        if (existing.isEmpty())
            headers.append({name, value.toUtf8()});
        else
            setHeader(headers, name, existing.join(',') + ',' + value.toUtf8());
    }
}

void applyQuery(QByteArray &rawQuery, const MappingKey &k, const QString &value)
{
    QList<QPair<QByteArray, QByteArray>> pairs = splitQuery(rawQuery);
    const QByteArray encodedName = QUrl::toPercentEncoding(k.name);
    if (k.action != QLatin1String("append")) {
        pairs.removeIf([&](const QPair<QByteArray, QByteArray> &p) {
            return QUrl::fromPercentEncoding(QByteArray(p.first).replace('+', ' ')) == k.name;
        });
    }
    if (k.action != QLatin1String("remove"))
        pairs.append({encodedName, QUrl::toPercentEncoding(value)});
    rawQuery = joinQuery(pairs);
}

} // namespace

bool contextVariable(const RequestContext &ctx, const QString &name, QString *value)
{
    const HttpRequest &r = ctx.request;
    if (name == QLatin1String("requestId"))
        *value = ctx.requestId;
    else if (name == QLatin1String("extendedRequestId"))
        *value = QString::fromLatin1(ctx.apiGatewayId);
    else if (name == QLatin1String("apiId"))
        *value = ctx.api ? ctx.api->api().id : QString();
    else if (name == QLatin1String("stage"))
        *value = ctx.stageName();
    else if (name == QLatin1String("httpMethod"))
        *value = QString::fromLatin1(r.method);
    else if (name == QLatin1String("path"))
        *value = QString::fromUtf8(r.path);
    else if (name == QLatin1String("resourcePath"))
        *value = ctx.route.resourcePath;
    else if (name == QLatin1String("resourceId"))
        *value = ctx.route.method ? ctx.route.method->id : QString();
    else if (name == QLatin1String("routeKey"))
        *value = ctx.route.routeKey;
    else if (name == QLatin1String("domainName"))
        *value = QString::fromUtf8(r.header("Host"));
    else if (name == QLatin1String("domainPrefix"))
        *value = QString::fromUtf8(r.header("Host")).section(QLatin1Char('.'), 0, 0);
    else if (name == QLatin1String("identity.sourceIp"))
        *value = sourceIpOf(r.clientAddress);
    else if (name == QLatin1String("identity.userAgent"))
        *value = QString::fromUtf8(r.header("User-Agent"));
    else if (name == QLatin1String("protocol"))
        *value = QStringLiteral("HTTP/1.%1").arg(r.httpMinor);
    else if (name == QLatin1String("requestTime"))
        *value = QLocale::c().toString(ctx.trace().startedAt, QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000"));
    else if (name == QLatin1String("requestTimeEpoch"))
        *value = QString::number(ctx.trace().startedAt.toMSecsSinceEpoch());
    else if (name == QLatin1String("accountId"))
        *value = QStringLiteral("123456789012");
    else
        return false;
    return true;
}

QList<QPair<QByteArray, QByteArray>> splitQuery(const QByteArray &rawQuery)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    if (rawQuery.isEmpty())
        return pairs;
    for (const QByteArray &part : rawQuery.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        pairs.append(eq < 0 ? qMakePair(part, QByteArray()) : qMakePair(part.left(eq), part.mid(eq + 1)));
    }
    return pairs;
}

QByteArray joinQuery(const QList<QPair<QByteArray, QByteArray>> &pairs)
{
    QByteArray out;
    for (const auto &p : pairs) {
        if (!out.isEmpty())
            out += '&';
        out += p.first + '=' + p.second;
    }
    return out;
}

QStringList queryValues(const QByteArray &rawQuery, const QString &name)
{
    QStringList values;
    for (const auto &p : splitQuery(rawQuery)) {
        if (QUrl::fromPercentEncoding(QByteArray(p.first).replace('+', ' ')) == name)
            values.append(QUrl::fromPercentEncoding(QByteArray(p.second).replace('+', ' ')));
    }
    return values;
}

bool HttpApiParameterMapping::isReservedHeader(const QByteArray &name)
{
    const QByteArray n = name.toLower();
    if (n.startsWith("access-control-") || n.startsWith("apigw-") || n.startsWith("x-amz-")
        || n.startsWith("x-amzn-"))
        return true;
    static const QList<QByteArray> reserved = {
        "authorization",   "connection",       "content-encoding",   "content-length",
        "content-location", "forwarded",       "keep-alive",         "origin",
        "proxy-authenticate", "proxy-authorization", "te",           "trailers",
        "transfer-encoding", "upgrade",        "x-forwarded-for",    "x-forwarded-host",
        "x-forwarded-proto", "via"};
    return reserved.contains(n);
}

QString HttpApiParameterMapping::evaluate(const QString &value, const RequestContext &ctx,
                                          const MappedResponseSource *response, QStringList *missing)
{
    QString out;
    const qsizetype n = value.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = value.at(i);
        if (c != QLatin1Char('$') || i + 1 >= n) {
            out.append(c);
            continue;
        }
        QString name;
        qsizetype end;
        if (value.at(i + 1) == QLatin1Char('{')) {
            const qsizetype close = value.indexOf(QLatin1Char('}'), i + 2);
            if (close < 0) {
                out.append(c);
                continue;
            }
            name = value.mid(i + 2, close - i - 2);
            end = close + 1;
        } else {
            end = i + 1;
            int brackets = 0; // ']' belongs to the name only when it closes a '[' of it
            while (end < n && isNameChar(value.at(end))) {
                if (value.at(end) == QLatin1Char('['))
                    ++brackets;
                else if (value.at(end) == QLatin1Char(']') && --brackets < 0)
                    break;
                ++end;
            }
            name = value.mid(i + 1, end - i - 1);
        }
        QString resolved;
        if (resolveHttpApiSource(name, ctx, response, &resolved)) {
            out += resolved;
        } else if (missing) {
            missing->append(name);
        }
        i = end - 1;
    }
    return out;
}

void HttpApiParameterMapping::applyRequest(const QMap<QString, QString> &parameters,
                                           const RequestContext &ctx, MappedRequest &out,
                                           QStringList &notes)
{
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        MappingKey k;
        if (!parseKey(it.key(), &k) || k.location == QLatin1String("statuscode")) {
            notes.append(QStringLiteral("request parameter '%1' is not a valid mapping key: ignored").arg(it.key()));
            continue;
        }
        if (k.location == QLatin1String("header") && isReservedHeader(k.name.toUtf8())) {
            notes.append(QStringLiteral("request parameter '%1': header %2 is reserved, AWS does not allow "
                                        "mapping it: ignored").arg(it.key(), k.name));
            continue;
        }
        QStringList missing;
        const QString value = k.action == QLatin1String("remove") ? QString()
                                                                    : evaluate(it.value(), ctx, nullptr, &missing);
        if (!missing.isEmpty())
            notes.append(QStringLiteral("request parameter '%1': %2 has no value").arg(it.key(), missing.join(QStringLiteral(", "))));
        if (k.location == QLatin1String("header") && hasLineBreak(value)) {
            notes.append(QStringLiteral("request parameter '%1': the value has a line break: not sent").arg(it.key()));
            continue;
        }
        if (k.location == QLatin1String("header")) {
            applyHeader(out.headers, k, value);
        } else if (k.location == QLatin1String("querystring")) {
            applyQuery(out.rawQuery, k, value);
        } else {
            // overwrite:path replaces the whole path sent to the backend.
            QByteArray path = QUrl::toPercentEncoding(value, "/");
            if (!path.startsWith('/'))
                path.prepend('/');
            out.path = path;
        }
        notes.append(QStringLiteral("request parameter %1 = %2").arg(it.key(),
                                                                       k.action == QLatin1String("remove") ? QStringLiteral("(removed)") : value));
    }
}

void HttpApiParameterMapping::applyResponse(const QMap<QString, QMap<QString, QString>> &parameters,
                                            const RequestContext &ctx, const MappedResponseSource &source,
                                            HttpResponse &response, QStringList &notes)
{
    const auto set = parameters.constFind(QString::number(source.status));
    if (set == parameters.cend())
        return;
    for (auto it = set->cbegin(); it != set->cend(); ++it) {
        MappingKey k;
        if (!parseKey(it.key(), &k) || k.location == QLatin1String("querystring")
            || k.location == QLatin1String("path")) {
            notes.append(QStringLiteral("response parameter '%1' (status %2) is not a valid mapping key: ignored")
                             .arg(it.key(), set.key()));
            continue;
        }
        if (k.location == QLatin1String("header") && isReservedHeader(k.name.toUtf8())) {
            notes.append(QStringLiteral("response parameter '%1': header %2 is reserved, AWS does not allow "
                                        "mapping it: ignored").arg(it.key(), k.name));
            continue;
        }
        QStringList missing;
        const QString value = k.action == QLatin1String("remove") ? QString()
                                                                    : evaluate(it.value(), ctx, &source, &missing);
        if (!missing.isEmpty())
            notes.append(QStringLiteral("response parameter '%1': %2 has no value").arg(it.key(), missing.join(QStringLiteral(", "))));
        if (k.location == QLatin1String("statuscode")) {
            bool ok = false;
            const int status = value.trimmed().toInt(&ok);
            if (!ok || status < 100 || status > 599) {
                notes.append(QStringLiteral("response parameter overwrite:statuscode = '%1' is not an HTTP status: ignored").arg(value));
                continue;
            }
            response.status = status;
        } else if (hasLineBreak(value)) {
            notes.append(QStringLiteral("response parameter '%1': the value has a line break: not sent").arg(it.key()));
            continue;
        } else {
            applyHeader(response.headers, k, value);
        }
        notes.append(QStringLiteral("response parameter %1 = %2 (integration status %3)")
                         .arg(it.key(), k.action == QLatin1String("remove") ? QStringLiteral("(removed)") : value, set.key()));
    }
}

bool RestRequestParameters::resolve(const QString &source, const RequestContext &ctx, QString *value)
{
    value->clear();
    if (source.size() >= 2 && source.startsWith(QLatin1Char('\'')) && source.endsWith(QLatin1Char('\''))) {
        *value = source.mid(1, source.size() - 2);
        return true;
    }
    bool found = false;
    static const QLatin1String header("method.request.header.");
    static const QLatin1String multiHeader("method.request.multivalueheader.");
    static const QLatin1String query("method.request.querystring.");
    static const QLatin1String multiQuery("method.request.multivaluequerystring.");
    static const QLatin1String path("method.request.path.");
    if (source.startsWith(header)) {
        const QByteArray v = ctx.request.header(source.mid(header.size()).toUtf8());
        found = hasHeader(ctx.request.headers, source.mid(header.size()).toUtf8());
        *value = QString::fromUtf8(v);
        return found;
    }
    if (source.startsWith(multiHeader)) {
        *value = joinedHeader(ctx.request.headers, source.mid(multiHeader.size()).toUtf8(), &found);
        return found;
    }
    if (source.startsWith(query) || source.startsWith(multiQuery)) {
        const bool multi = source.startsWith(multiQuery);
        const QStringList values = queryValues(ctx.request.rawQuery, source.mid(multi ? multiQuery.size() : query.size()));
        if (values.isEmpty())
            return false;
        // Single-value sources take the last value, as AWS's queryStringParameters do.
        *value = multi ? values.join(QLatin1Char(',')) : values.last();
        return true;
    }
    if (source.startsWith(path)) {
        const QString name = source.mid(path.size());
        for (const auto &p : ctx.route.pathParameters) {
            if (p.first == name) {
                *value = p.second;
                return true;
            }
        }
        return false;
    }
    if (source == QLatin1String("method.request.body"))
        return jsonBodyValue(ctx.request.body, {}, value);
    if (source.startsWith(QLatin1String("method.request.body.")))
        return jsonBodyValue(ctx.request.body, source.mid(20), value);
    if (source.startsWith(QLatin1String("stageVariables."))) {
        const auto it = ctx.stageVariables().constFind(source.mid(15));
        if (it == ctx.stageVariables().cend())
            return false;
        *value = *it;
        return true;
    }
    if (source.startsWith(QLatin1String("context.")))
        return contextVariable(ctx, source.mid(8), value);
    return false;
}

void RestRequestParameters::apply(const QMap<QString, QString> &parameters, const RequestContext &ctx,
                                  MappedRequest &out, QStringList &notes)
{
    static const QLatin1String prefix("integration.request.");
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        if (!it.key().startsWith(prefix)) {
            notes.append(QStringLiteral("request parameter '%1' is not an integration.request.* name: ignored").arg(it.key()));
            continue;
        }
        const QString target = it.key().mid(prefix.size());
        const qsizetype dot = target.indexOf(QLatin1Char('.'));
        const QString location = target.left(dot);
        const QString name = dot < 0 ? QString() : target.mid(dot + 1);
        if (name.isEmpty()) {
            notes.append(QStringLiteral("request parameter '%1' names no parameter: ignored").arg(it.key()));
            continue;
        }
        QString value;
        if (!resolve(it.value(), ctx, &value)) {
            notes.append(QStringLiteral("%1 <- %2: no value, not sent").arg(it.key(), it.value()));
            continue;
        }
        if (location == QLatin1String("header")) {
            setHeader(out.headers, name.toUtf8(), value.toUtf8());
        } else if (location == QLatin1String("querystring") || location == QLatin1String("multivaluequerystring")) {
            MappingKey k{QStringLiteral("overwrite"), QStringLiteral("querystring"), name};
            if (location == QLatin1String("multivaluequerystring")) {
                applyQuery(out.rawQuery, MappingKey{QStringLiteral("remove"), k.location, name}, {});
                for (const QString &v : value.split(QLatin1Char(','))) {
                    applyQuery(out.rawQuery, MappingKey{QStringLiteral("append"), k.location, name}, v);
                }
            } else {
                applyQuery(out.rawQuery, k, value);
            }
        } else if (location == QLatin1String("path")) {
            out.pathParameters.insert(name, value);
        } else {
            notes.append(QStringLiteral("request parameter '%1': unknown location %2: ignored").arg(it.key(), location));
            continue;
        }
        notes.append(QStringLiteral("%1 <- %2 = %3").arg(it.key(), it.value(), value));
    }
}

void applyRequestOverrides(const RequestContext &ctx, MappedRequest &out)
{
    for (const auto &h : ctx.requestOverrideHeaders)
        setHeader(out.headers, h.first, h.second);
    if (ctx.requestOverrideQuery.isEmpty())
        return;
    QList<QPair<QByteArray, QByteArray>> pairs = splitQuery(out.rawQuery);
    for (const auto &q : ctx.requestOverrideQuery) {
        const QByteArray name = QUrl::toPercentEncoding(q.first);
        pairs.removeIf([&](const QPair<QByteArray, QByteArray> &p) {
            return QUrl::fromPercentEncoding(p.first) == q.first;
        });
        pairs.append({name, QUrl::toPercentEncoding(q.second)});
    }
    out.rawQuery = joinQuery(pairs);
}

} // namespace Gw::Runtime
