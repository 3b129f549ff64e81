// Gateway responses: the errors API Gateway answers by itself (no route, unauthorized, throttled,
// …) with AWS's default status, x-amzn-ErrorType and message, and per-API overrides (REST).
#include "runtime/gatewayresponses.h"

#include "model/apidocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QUrl>

namespace Gw::Runtime {

const QList<GatewayResponseType> &GatewayResponses::types()
{
    // Status codes: DG supported-gateway-response-types; error types and messages: reference §1.8
    // and §3.6. API_CONFIGURATION_ERROR answers InternalServerErrorException as AWS was observed
    // to (§3.6 "config error"), not LocalStack's unvalidated ApiConfigurationException.
    static const QList<GatewayResponseType> table = {
        {QStringLiteral("ACCESS_DENIED"), 403, QStringLiteral("AccessDeniedException"),
         QStringLiteral("User is not authorized to access this resource")},
        {QStringLiteral("API_CONFIGURATION_ERROR"), 500, QStringLiteral("InternalServerErrorException"),
         QStringLiteral("Internal server error")},
        // AWS answers {"message": null} when an authorizer is misconfigured: a null message.
        {QStringLiteral("AUTHORIZER_CONFIGURATION_ERROR"), 500,
         QStringLiteral("AuthorizerConfigurationException"), QString()},
        {QStringLiteral("AUTHORIZER_FAILURE"), 500, QStringLiteral("AuthorizerFailureException"),
         QStringLiteral("Internal server error")},
        {QStringLiteral("BAD_REQUEST_BODY"), 400, QStringLiteral("BadRequestException"),
         QStringLiteral("Invalid request body")},
        {QStringLiteral("BAD_REQUEST_PARAMETERS"), 400, QStringLiteral("BadRequestException"),
         QStringLiteral("Missing required request parameters")},
        {QStringLiteral("DEFAULT_4XX"), 0, QString(), QString()},
        {QStringLiteral("DEFAULT_5XX"), 0, QString(), QString()},
        {QStringLiteral("EXPIRED_TOKEN"), 403, QStringLiteral("ExpiredTokenException"),
         QStringLiteral("The security token included in the request is expired")},
        {QStringLiteral("INTEGRATION_FAILURE"), 504, QStringLiteral("IntegrationFailureException"),
         QStringLiteral("Internal server error")},
        {QStringLiteral("INTEGRATION_TIMEOUT"), 504, QStringLiteral("InternalServerErrorException"),
         QStringLiteral("Endpoint request timed out")},
        {QStringLiteral("INVALID_API_KEY"), 403, QStringLiteral("ForbiddenException"),
         QStringLiteral("Forbidden")},
        {QStringLiteral("INVALID_SIGNATURE"), 403, QStringLiteral("InvalidSignatureException"),
         QStringLiteral("The request signature we calculated does not match the signature you "
                        "provided. Check your AWS Secret Access Key and signing method. Consult "
                        "the service documentation for details.")},
        {QStringLiteral("MISSING_AUTHENTICATION_TOKEN"), 403,
         QStringLiteral("MissingAuthenticationTokenException"),
         QStringLiteral("Missing Authentication Token")},
        {QStringLiteral("QUOTA_EXCEEDED"), 429, QStringLiteral("LimitExceededException"),
         QStringLiteral("Limit Exceeded")},
        {QStringLiteral("REQUEST_TOO_LARGE"), 413, QStringLiteral("RequestTooLargeException"),
         QStringLiteral("Request Too Long")},
        {QStringLiteral("RESOURCE_NOT_FOUND"), 404, QStringLiteral("ResourceNotFoundException"),
         QStringLiteral("Not Found")},
        {QStringLiteral("THROTTLED"), 429, QStringLiteral("TooManyRequestsException"),
         QStringLiteral("Too Many Requests")},
        {QStringLiteral("UNAUTHORIZED"), 401, QStringLiteral("UnauthorizedException"),
         QStringLiteral("Unauthorized")},
        {QStringLiteral("UNSUPPORTED_MEDIA_TYPE"), 415, QStringLiteral("BadRequestException"),
         QStringLiteral("Unsupported Media Type")},
        {QStringLiteral("WAF_FILTERED"), 403, QStringLiteral("WafFilteredException"),
         QStringLiteral("Forbidden")},
    };
    return table;
}

const GatewayResponseType *GatewayResponses::find(const QString &type)
{
    for (const GatewayResponseType &t : types()) {
        if (t.type == type)
            return &t;
    }
    return nullptr;
}

int GatewayResponses::defaultStatus(const QString &type)
{
    const GatewayResponseType *t = find(type);
    return t ? t->status : 0;
}

static const Model::GatewayResponse *findOverride(const Model::Api &api, const QString &type)
{
    for (const Model::GatewayResponse &g : api.gatewayResponses) {
        if (g.responseType == type)
            return &g;
    }
    return nullptr;
}

bool GatewayResponses::hasCustomStatus(const Model::Api &api, const QString &type)
{
    if (const Model::GatewayResponse *own = findOverride(api, type); own && !own->statusCode.isEmpty())
        return true;
    const int status = defaultStatus(type);
    const QString fallback = status > 0 && status < 500 ? QStringLiteral("DEFAULT_4XX") : QStringLiteral("DEFAULT_5XX");
    const Model::GatewayResponse *d = findOverride(api, fallback);
    return d && !d->statusCode.isEmpty();
}

static QString unquoteStatic(const QString &value, bool *isStatic)
{
    if (value.size() >= 2 && value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\''))) {
        *isStatic = true;
        return value.mid(1, value.size() - 2);
    }
    *isStatic = false;
    return value;
}

static QString queryValue(const QByteArray &rawQuery, const QString &name)
{
    for (const QByteArray &pair : rawQuery.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        if (QUrl::fromPercentEncoding(key) == name)
            return eq < 0 ? QString() : QUrl::fromPercentEncoding(QByteArray(pair.mid(eq + 1)).replace('+', ' '));
    }
    return QString();
}

// Resolves `context.x`, `stageVariables.x`, `method.request.header.x` (the names AWS allows in
// gateway response parameters and templates). Returns false when the name is unknown.
static bool resolveVariable(const QString &name, const QString &type, const QString &message,
                            const GatewayResponseContext &c, QString *value, bool *jsonLiteral)
{
    *jsonLiteral = false;
    if (name == QLatin1String("context.error.messageString")) {
        *jsonLiteral = true;
        *value = message.isNull() ? QStringLiteral("null")
                                  : QString::fromUtf8(QJsonDocument(QJsonArray{message}).toJson(QJsonDocument::Compact)
                                                          .mid(1).chopped(1));
        return true;
    }
    if (name == QLatin1String("context.error.message")) {
        *value = message;
        return true;
    }
    if (name == QLatin1String("context.error.responseType")) {
        *value = type;
        return true;
    }
    if (name == QLatin1String("context.requestId") || name == QLatin1String("context.extendedRequestId")) {
        *value = c.requestId;
        return true;
    }
    if (name == QLatin1String("context.apiId")) {
        *value = c.apiId;
        return true;
    }
    if (name == QLatin1String("context.stage")) {
        *value = c.stage;
        return true;
    }
    if (name == QLatin1String("context.httpMethod")) {
        *value = c.httpMethod;
        return true;
    }
    if (name == QLatin1String("context.resourcePath")) {
        *value = c.resourcePath;
        return true;
    }
    if (name == QLatin1String("context.path")) {
        *value = c.path;
        return true;
    }
    if (name == QLatin1String("context.domainName")) {
        *value = c.domainName;
        return true;
    }
    if (name == QLatin1String("context.identity.sourceIp")) {
        *value = c.sourceIp;
        return true;
    }
    if (name == QLatin1String("context.error.validationErrorString")) {
        *value = c.validationErrorString;
        return true;
    }
    if (name == QLatin1String("context.resourceId")) {
        *value = c.resourceId;
        return true;
    }
    if (name == QLatin1String("context.protocol")) {
        *value = c.protocol;
        return true;
    }
    if (name == QLatin1String("context.accountId")) {
        *value = QStringLiteral("123456789012"); // the local account, as in proxy events
        return true;
    }
    if (name == QLatin1String("context.requestTime")) {
        *value = c.requestTime.isValid()
                     ? QLocale::c().toString(c.requestTime, QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000"))
                     : QString();
        return true;
    }
    if (name == QLatin1String("context.requestTimeEpoch")) {
        *value = c.requestTime.isValid() ? QString::number(c.requestTime.toMSecsSinceEpoch()) : QString();
        return true;
    }
    if (name == QLatin1String("context.authorizer.principalId")) {
        *value = c.principalId;
        return true;
    }
    if (name.startsWith(QLatin1String("context.authorizer.claims."))) {
        const QJsonValue v = c.authorizer.value(QStringLiteral("claims")).toObject().value(name.mid(26));
        *value = v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toDouble()) : v.toVariant().toString();
        return true;
    }
    if (name.startsWith(QLatin1String("context.authorizer."))) {
        const QJsonValue v = c.authorizer.value(name.mid(19));
        *value = v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toDouble()) : v.toVariant().toString();
        return true;
    }
    if (name == QLatin1String("context.identity.apiKey")) {
        *value = c.apiKey;
        return true;
    }
    if (name == QLatin1String("context.identity.apiKeyId")) {
        *value = c.apiKeyId;
        return true;
    }
    if (name == QLatin1String("context.identity.userAgent")) {
        *value = c.requestHeaders ? QString::fromUtf8(headerValue(*c.requestHeaders, "User-Agent")) : QString();
        return true;
    }
    if (name.startsWith(QLatin1String("stageVariables."))) {
        *value = c.stageVariables ? c.stageVariables->value(name.mid(15)) : QString();
        return true;
    }
    if (name.startsWith(QLatin1String("method.request.multivalueheader."))) {
        *value = c.requestHeaders ? QString::fromUtf8(headerValues(*c.requestHeaders, name.mid(32).toUtf8()).join(','))
                                  : QString();
        return true;
    }
    if (name.startsWith(QLatin1String("method.request.header."))) {
        *value = c.requestHeaders ? QString::fromUtf8(headerValue(*c.requestHeaders, name.mid(22).toUtf8()))
                                  : QString();
        return true;
    }
    if (name.startsWith(QLatin1String("method.request.querystring."))) {
        *value = queryValue(c.rawQuery, name.mid(27));
        return true;
    }
    if (name.startsWith(QLatin1String("method.request.path."))) {
        *value = c.pathParameters.value(name.mid(20));
        return true;
    }
    return false;
}

static bool isNameChar(QChar ch)
{
    return ch.isLetterOrNumber() || ch == QLatin1Char('_') || ch == QLatin1Char('-');
}

QByteArray GatewayResponses::renderTemplate(const QString &templ, const QString &type,
                                            const QString &message, const GatewayResponseContext &context)
{
    QString out;
    out.reserve(templ.size() + 64);
    const qsizetype n = templ.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = templ.at(i);
        if (ch != QLatin1Char('$') || i + 1 >= n) {
            out.append(ch);
            continue;
        }
        qsizetype start = i + 1;
        qsizetype end = start;
        QString name;
        if (templ.at(start) == QLatin1Char('{')) {
            const qsizetype close = templ.indexOf(QLatin1Char('}'), start);
            if (close < 0) {
                out.append(ch);
                continue;
            }
            name = templ.mid(start + 1, close - start - 1);
            end = close + 1;
        } else {
            // a.b.c — a trailing '.' belongs to the text, not the name.
            while (end < n) {
                if (isNameChar(templ.at(end))) {
                    ++end;
                } else if (templ.at(end) == QLatin1Char('.') && end + 1 < n && isNameChar(templ.at(end + 1))
                           && end > start) {
                    ++end;
                } else {
                    break;
                }
            }
            name = templ.mid(start, end - start);
        }
        QString value;
        bool jsonLiteral = false;
        if (!name.isEmpty() && resolveVariable(name, type, message, context, &value, &jsonLiteral)) {
            out.append(value);
            i = end - 1;
        } else {
            out.append(ch); // unknown references stay as written, as Velocity does
        }
    }
    return out.toUtf8();
}

HttpResponse GatewayResponses::restResponse(const Model::Api &api, const QString &type,
                                            const GatewayResponseContext &context, const QString &message)
{
    const GatewayResponseType *def = find(type);
    static const GatewayResponseType unknown{QStringLiteral("DEFAULT_5XX"), 500, QString(),
                                             QStringLiteral("Internal server error")};
    if (!def)
        def = &unknown;
    int status = def->status;
    const bool isDefaultType = def->type.startsWith(QLatin1String("DEFAULT_"));
    if (status == 0)
        status = def->type == QLatin1String("DEFAULT_4XX") ? 400 : 500;
    const QString fallbackType = isDefaultType ? def->type
                                               : (status < 500 ? QStringLiteral("DEFAULT_4XX")
                                                               : QStringLiteral("DEFAULT_5XX"));
    const Model::GatewayResponse *own = findOverride(api, def->type);
    const Model::GatewayResponse *fallback = findOverride(api, fallbackType);
    // Setting DEFAULT_4XX's status changes every unset 4xx (DG supported-gateway-response-types).
    if (own && !own->statusCode.isEmpty())
        status = own->statusCode.toInt();
    else if (fallback && !fallback->statusCode.isEmpty())
        status = fallback->statusCode.toInt();
    const Model::GatewayResponse *chosen = own ? own : fallback;

    const QString effectiveMessage = message.isNull() ? def->message : message;
    HttpResponse response;
    response.status = status > 0 ? status : 500;

    QString templ = QStringLiteral("{\"message\":$context.error.messageString}");
    QString contentType = QStringLiteral("application/json");
    if (chosen && !chosen->responseTemplates.isEmpty()) {
        auto it = chosen->responseTemplates.constFind(contentType);
        if (it == chosen->responseTemplates.cend())
            it = chosen->responseTemplates.cbegin();
        contentType = it.key();
        templ = it.value();
    }
    response.headers.append({QByteArrayLiteral("Content-Type"), contentType.toUtf8()});
    if (!def->errorType.isEmpty())
        response.headers.append({QByteArrayLiteral("x-amzn-ErrorType"), def->errorType.toUtf8()});
    if (chosen) {
        for (auto it = chosen->responseParameters.cbegin(); it != chosen->responseParameters.cend(); ++it) {
            static const QLatin1String prefix("gatewayresponse.header.");
            if (!it.key().startsWith(prefix))
                continue;
            const QByteArray name = it.key().mid(prefix.size()).toUtf8();
            bool isStatic = false;
            QString value = unquoteStatic(it.value(), &isStatic);
            if (!isStatic) {
                bool jsonLiteral = false;
                QString resolved;
                if (!resolveVariable(value, def->type, effectiveMessage, context, &resolved, &jsonLiteral))
                    continue;
                value = resolved;
            }
            setHeader(response.headers, name, value.toUtf8());
        }
    }
    response.body = renderTemplate(templ, def->type, effectiveMessage, context);
    return response;
}

HttpResponse GatewayResponses::httpApiResponse(const QString &type)
{
    HttpResponse r;
    QByteArray body;
    if (type == QLatin1String("MISSING_AUTHENTICATION_TOKEN") || type == QLatin1String("RESOURCE_NOT_FOUND")) {
        r.status = 404;
        body = "{\"message\":\"Not Found\"}";
    } else if (type == QLatin1String("UNAUTHORIZED") || type == QLatin1String("EXPIRED_TOKEN")) {
        r.status = 401;
        body = "{\"message\":\"Unauthorized\"}";
    } else if (type == QLatin1String("ACCESS_DENIED") || type == QLatin1String("INVALID_API_KEY")
               || type == QLatin1String("INVALID_SIGNATURE") || type == QLatin1String("WAF_FILTERED")) {
        r.status = 403;
        body = "{\"message\":\"Forbidden\"}";
    } else if (type == QLatin1String("THROTTLED") || type == QLatin1String("QUOTA_EXCEEDED")) {
        r.status = 429;
        body = "{\"message\":\"Too Many Requests\"}";
    } else if (type == QLatin1String("INTEGRATION_TIMEOUT")) {
        r.status = 503; // HTTP APIs answer 503 on integration timeouts (reference §1.18)
        body = "{\"message\":\"Service Unavailable\"}";
    } else if (type == QLatin1String("REQUEST_TOO_LARGE")) {
        r.status = 413;
        body = "{\"message\":\"Request Entity Too Large\"}";
    } else if (type == QLatin1String("BAD_REQUEST_BODY") || type == QLatin1String("BAD_REQUEST_PARAMETERS")) {
        r.status = 400;
        body = "{\"message\":\"Bad Request\"}";
    } else {
        r.status = 500;
        body = "{\"message\":\"Internal Server Error\"}";
    }
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    r.body = body;
    return r;
}

} // namespace Gw::Runtime
