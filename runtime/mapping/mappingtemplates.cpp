#include "runtime/mapping/mappingtemplates.h"

#include "runtime/integrations/parametermapping.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/vtl/apigatewayroots.h"

#include <QDateTime>
#include <QHash>
#include <QReadWriteLock>
#include <QUrl>

namespace Gw::Runtime {

namespace {

struct TemplateCache
{
    QReadWriteLock lock;
    QHash<QString, std::shared_ptr<const Vtl::Template>> templates;
    QHash<QString, QString> errors;
};

TemplateCache &cache()
{
    static TemplateCache c;
    return c;
}

// Bounded so a user typing in the template editor does not grow it forever.
constexpr int maxCachedTemplates = 512;

Vtl::Value stringMap(const QList<QPair<QString, QString>> &pairs)
{
    Vtl::Value map = Vtl::Value::newMap();
    for (const auto &p : pairs)
        map.map()->insert(p.first, p.second);
    return map;
}

// $input.params().querystring: the raw query's pairs, decoded ('+' as space) for templates.
Vtl::NameValueList queryPairs(const QByteArray &rawQuery)
{
    Vtl::NameValueList out;
    for (auto [name, value] : splitQuery(rawQuery)) {
        name.replace('+', ' ');
        value.replace('+', ' ');
        out.append({QUrl::fromPercentEncoding(name), QUrl::fromPercentEncoding(value)});
    }
    return out;
}

// $context as reference §1.5 lists it, for what a local request knows.
Vtl::Value contextMap(const RequestContext &ctx)
{
    const HttpRequest &r = ctx.request;
    Vtl::Value c = Vtl::Value::newMap();
    Vtl::ValueMap &m = *c.map();
    // Scalar values come from the one $context table the parameter mappings use too.
    QString value;
    for (const char *name : {"accountId", "apiId", "domainName", "domainPrefix", "extendedRequestId",
                             "httpMethod", "path", "protocol", "requestId", "requestTime", "resourceId",
                             "resourcePath", "routeKey", "stage"}) {
        if (contextVariable(ctx, QLatin1String(name), &value))
            m.insert(QLatin1String(name), value);
    }
    m.insert(QStringLiteral("awsEndpointRequestId"), ctx.requestId);
    m.insert(QStringLiteral("requestTimeEpoch"), ctx.trace().startedAt.toMSecsSinceEpoch());

    Vtl::Value identity = Vtl::Value::newMap();
    for (const char *name : {"sourceIp", "userAgent"}) {
        if (contextVariable(ctx, QStringLiteral("identity.") + QLatin1String(name), &value))
            identity.map()->insert(QLatin1String(name), value);
    }
    const QByteArray apiKey = r.header("x-api-key");
    identity.map()->insert(QStringLiteral("apiKey"), apiKey.isEmpty() ? Vtl::Value() : Vtl::Value(QString::fromUtf8(apiKey)));
    for (const char *name : {"accountId", "apiKeyId", "caller", "cognitoAuthenticationProvider",
                             "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
                             "principalOrgId", "user", "userArn"})
        identity.map()->insert(QLatin1String(name), Vtl::Value());
    // What the policy stages established: the accepted API key and an IAM caller.
    if (!ctx.apiKeyId.isEmpty()) {
        identity.map()->insert(QStringLiteral("apiKey"), ctx.apiKey);
        identity.map()->insert(QStringLiteral("apiKeyId"), ctx.apiKeyId);
    }
    const QJsonObject caller = ctx.authorizer.identityFields();
    for (auto it = caller.begin(); it != caller.end(); ++it)
        identity.map()->insert(it.key(), it.value().toString());
    m.insert(QStringLiteral("identity"), identity);

    Vtl::Value error = Vtl::Value::newMap();
    error.map()->insert(QStringLiteral("message"), QString());
    error.map()->insert(QStringLiteral("messageString"), QStringLiteral("\"\""));
    error.map()->insert(QStringLiteral("responseType"), QString());
    error.map()->insert(QStringLiteral("validationErrorString"), QString());
    m.insert(QStringLiteral("error"), error);

    // Writable by templates; read back after a response template ran.
    for (const char *name : {"requestOverride", "responseOverride"}) {
        Vtl::Value override = Vtl::Value::newMap();
        override.map()->insert(QStringLiteral("header"), Vtl::Value::newMap());
        if (qstrcmp(name, "requestOverride") == 0) {
            override.map()->insert(QStringLiteral("path"), Vtl::Value::newMap());
            override.map()->insert(QStringLiteral("querystring"), Vtl::Value::newMap());
        }
        m.insert(QLatin1String(name), override);
    }
    // What the authorize step decided: principalId and context keys, or claims (Cognito).
    m.insert(QStringLiteral("authorizer"), ctx.authorizer.kind == AuthorizerResult::Kind::None
                                               ? Vtl::Value::newMap()
                                               : Vtl::Value::fromVariant(ctx.authorizer.eventValue(false).toVariantMap()));
    return c;
}

} // namespace

std::shared_ptr<const Vtl::Template> MappingTemplates::parsed(const QString &source, QString *error)
{
    TemplateCache &c = cache();
    {
        QReadLocker locker(&c.lock);
        if (auto t = c.templates.value(source))
            return t;
        if (c.errors.contains(source)) {
            *error = c.errors.value(source);
            return nullptr;
        }
    }
    const Vtl::ParseResult result = Vtl::Template::parse(source);
    QWriteLocker locker(&c.lock);
    if (c.templates.size() + c.errors.size() >= maxCachedTemplates) {
        c.templates.clear();
        c.errors.clear();
    }
    if (!result.ok()) {
        *error = result.errors.isEmpty() ? QStringLiteral("the template does not parse")
                                         : result.errors.constFirst().toString();
        c.errors.insert(source, *error);
        return nullptr;
    }
    c.templates.insert(source, result.templ);
    return result.templ;
}

TemplateRender MappingTemplates::render(const QString &source, const RequestContext &ctx,
                                        const QByteArray &body)
{
    TemplateRender out;
    // Without '$' or '#' Velocity prints the text as it is: skip building $context and friends
    // (MOCK request templates such as {"statusCode": 200} run on every call).
    if (!source.contains(QLatin1Char('$')) && !source.contains(QLatin1Char('#'))) {
        out.ok = true;
        out.output = source.toUtf8();
        return out;
    }
    const std::shared_ptr<const Vtl::Template> templ = parsed(source, &out.error);
    if (!templ)
        return out;

    Vtl::ApiGatewayRoots roots;
    roots.body = body;
    for (const auto &p : ctx.route.pathParameters)
        roots.params.path.append(p);
    roots.params.querystring = queryPairs(ctx.request.rawQuery);
    for (const auto &h : ctx.request.headers)
        roots.params.header.append({QString::fromLatin1(h.first), QString::fromUtf8(h.second)});
    roots.context = contextMap(ctx);
    QList<QPair<QString, QString>> variables;
    const QMap<QString, QString> &stageVariables = ctx.stageVariables();
    for (auto it = stageVariables.begin(); it != stageVariables.end(); ++it)
        variables.append({it.key(), it.value()});
    roots.stageVariables = stringMap(variables);

    Vtl::Context context;
    Vtl::installApiGatewayRoots(context, roots);
    const Vtl::RenderResult result = templ->render(context);
    for (const Vtl::Error &w : result.warnings)
        out.warnings.append(w.toString());
    if (!result.ok()) {
        out.error = result.errors.constFirst().toString();
        return out;
    }
    out.ok = true;
    out.output = result.output.toUtf8();

    const Vtl::Value requestOverrides = roots.context.map()->value(QStringLiteral("requestOverride"));
    if (requestOverrides.isMap()) {
        const auto entries = [&](const char *key) {
            QList<QPair<QString, QString>> out;
            const Vtl::Value m = requestOverrides.map()->value(QLatin1String(key));
            if (m.isMap()) {
                for (const QString &name : m.map()->keys())
                    out.append({name, m.map()->value(name).toJavaString()});
            }
            return out;
        };
        for (const auto &h : entries("header"))
            out.requestHeaderOverrides.append({h.first.toLatin1(), h.second.toUtf8()});
        out.requestQueryOverrides = entries("querystring");
        for (const auto &p : entries("path"))
            out.requestPathOverrides.insert(p.first, p.second);
    }

    // $context.responseOverride: AWS ignores a status that is not an int within 100–599.
    const Vtl::Value overrides = roots.context.map()->value(QStringLiteral("responseOverride"));
    if (overrides.isMap()) {
        const Vtl::Value status = overrides.map()->value(QStringLiteral("status"));
        const qint64 code = status.isNumber() ? status.intValue()
                            : status.isString() ? status.string().toLongLong() : 0;
        if (code >= 100 && code <= 599)
            out.statusOverride = int(code);
        const Vtl::Value headers = overrides.map()->value(QStringLiteral("header"));
        if (headers.isMap()) {
            for (const QString &name : headers.map()->keys()) {
                const Vtl::Value v = headers.map()->value(name);
                out.headerOverrides.append({name.toLatin1(), v.toJavaString().toUtf8()});
            }
        }
    }
    return out;
}

QMap<QString, QString>::const_iterator MappingTemplates::find(const QMap<QString, QString> &templates,
                                                              const QByteArray &contentType)
{
    QByteArray type = contentType;
    const qsizetype semi = type.indexOf(';');
    if (semi >= 0)
        type.truncate(semi);
    type = type.trimmed().toLower();
    for (auto it = templates.cbegin(); it != templates.cend(); ++it) {
        if (it.key().compare(QLatin1String(type), Qt::CaseInsensitive) == 0)
            return it;
    }
    return templates.cend();
}

} // namespace Gw::Runtime

namespace Gw::Runtime {

QString convertContent(const QString &contentHandling, bool payloadIsBinary, QByteArray *payload)
{
    if (contentHandling == QLatin1String("CONVERT_TO_TEXT") && payloadIsBinary) {
        *payload = payload->toBase64();
        return QStringLiteral("contentHandling CONVERT_TO_TEXT: the binary payload became base64 text");
    }
    if (contentHandling == QLatin1String("CONVERT_TO_BINARY") && !payloadIsBinary) {
        const auto decoded = QByteArray::fromBase64Encoding(payload->trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return QStringLiteral("contentHandling CONVERT_TO_BINARY: the payload is not base64; passed as it is");
        *payload = *decoded;
        return QStringLiteral("contentHandling CONVERT_TO_BINARY: the base64 payload became binary");
    }
    return QString();
}

} // namespace Gw::Runtime
