// OpenAPI/Swagger export. What the model keeps in Api::extensions (AWS extensions it does not
// interpret, unknown x-* keys, fields it has no slot for) is written back where it came from.
#include "model/interop/openapiexporter.h"

#include "model/interop/lambdauri.h"
#include "model/interop/modelschemas.h"
#include "model/interop/openapiimporter.h"

#include <QJsonArray>
#include <QSet>

namespace Gw::Model::Interop {

namespace {

QString xa(const char *suffix)
{
    return QStringLiteral("x-amazon-apigateway-") + QLatin1String(suffix);
}

QJsonObject toObject(const QMap<QString, QString> &m)
{
    QJsonObject o;
    for (auto it = m.constBegin(); it != m.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

void merge(QJsonObject &into, const QJsonObject &from)
{
    for (auto it = from.constBegin(); it != from.constEnd(); ++it)
        into.insert(it.key(), it.value());
}

class Exporter
{
public:
    Exporter(const ApiDocument &doc, const Api &api, const OpenApiExporter::Options &options)
        : m_doc(doc), m_api(api), m_options(options)
    {
        m_oas3 = options.version == OpenApiExporter::Version::Oas30;
        m_http = api.type == ApiType::Http;
        m_kept = api.extensions.value(OpenApiImporter::keptKey()).toObject();
    }

    Result<QJsonObject> run();

private:
    QJsonValue lambdaUri(const QString &functionName) const;
    QJsonObject integrationJson(const Integration &i, const QString &keptName) const;
    QJsonObject operationJson(const QString &verb, const QString &path, const QString &operationName,
                              AuthorizationType authType, const QString &authorizerId,
                              const QStringList &scopes, bool apiKeyRequired,
                              const Integration &integration, const Method *method);
    QJsonObject securitySchemes();
    QString modelRef(const QString &name)
    {
        m_usedModels.insert(name);
        return (m_oas3 ? QStringLiteral("#/components/schemas/") : QStringLiteral("#/definitions/")) + name;
    }

    const ApiDocument &m_doc;
    const Api &m_api;
    OpenApiExporter::Options m_options;
    bool m_oas3 = true;
    bool m_http = false;
    QJsonObject m_kept;
    QSet<QString> m_usedModels;
    bool m_usesIam = false;
    bool m_usesApiKey = false;
    Diagnostics m_warnings;
};

QJsonValue Exporter::lambdaUri(const QString &functionName) const
{
    if (m_options.functionLogicalId) {
        const QString logical = m_options.functionLogicalId(functionName);
        if (!logical.isEmpty())
            return QJsonObject{{QStringLiteral("Fn::Sub"),
                                QString(QStringLiteral("arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${")
                                        + logical + QStringLiteral(".Arn}/invocations"))}};
    }
    return LambdaUri::invocationUri(functionName);
}

QJsonObject Exporter::integrationJson(const Integration &i, const QString &keptName) const
{
    QJsonObject o;
    const bool lambda = !i.functionName.isEmpty()
                        && (i.type == IntegrationType::AwsProxy || i.type == IntegrationType::Aws);
    QString type = toString(i.type).toLower();
    if (m_http && i.type == IntegrationType::Aws)
        type = QStringLiteral("aws_proxy"); // HTTP API service integrations: aws_proxy + subtype
    o.insert(QStringLiteral("type"), type);
    QString method = i.httpMethod;
    if (method.isEmpty() && lambda)
        method = QStringLiteral("POST"); // Lambda is always invoked with POST
    if (!method.isEmpty())
        o.insert(QStringLiteral("httpMethod"), method);
    if (lambda && (i.uri.isEmpty() || LambdaUri::functionName(i.uri) == i.functionName))
        o.insert(QStringLiteral("uri"), i.uri.isEmpty() || m_options.functionLogicalId ? lambdaUri(i.functionName) : QJsonValue(i.uri));
    else if (!i.uri.isEmpty())
        o.insert(QStringLiteral("uri"), i.uri);
    if (!i.requestParameters.isEmpty())
        o.insert(QStringLiteral("requestParameters"), toObject(i.requestParameters));
    if (!i.requestTemplates.isEmpty())
        o.insert(QStringLiteral("requestTemplates"), toObject(i.requestTemplates));
    if (!m_http)
        o.insert(QStringLiteral("passthroughBehavior"), toString(i.passthroughBehavior).toLower());
    if (!i.contentHandling.isEmpty())
        o.insert(QStringLiteral("contentHandling"), i.contentHandling);
    o.insert(QStringLiteral("timeoutInMillis"), i.timeoutInMillis);
    if (!i.credentials.isEmpty())
        o.insert(QStringLiteral("credentials"), i.credentials);
    if (!i.connectionType.isEmpty())
        o.insert(QStringLiteral("connectionType"), i.connectionType);
    if (m_http)
        o.insert(QStringLiteral("payloadFormatVersion"), i.payloadFormatVersion);
    if (!i.responses.isEmpty()) {
        QJsonObject responses;
        for (const IntegrationResponse &r : i.responses) {
            QJsonObject ro;
            ro.insert(QStringLiteral("statusCode"), r.statusCode);
            if (!r.responseParameters.isEmpty())
                ro.insert(QStringLiteral("responseParameters"), toObject(r.responseParameters));
            if (!r.responseTemplates.isEmpty())
                ro.insert(QStringLiteral("responseTemplates"), toObject(r.responseTemplates));
            if (!r.contentHandling.isEmpty())
                ro.insert(QStringLiteral("contentHandling"), r.contentHandling);
            responses.insert(r.selectionPattern.isEmpty() ? QStringLiteral("default") : r.selectionPattern, ro);
        }
        o.insert(QStringLiteral("responses"), responses);
    }
    if (!i.responseParameters.isEmpty()) {
        QJsonObject rp;
        for (auto it = i.responseParameters.constBegin(); it != i.responseParameters.constEnd(); ++it)
            rp.insert(it.key(), toObject(it.value()));
        o.insert(QStringLiteral("responseParameters"), rp);
    }
    merge(o, m_kept.value(keptName).toObject().value(QLatin1String("integration")).toObject());
    return o;
}

QJsonObject Exporter::operationJson(const QString &verb, const QString &path, const QString &operationName,
                                    AuthorizationType authType, const QString &authorizerId,
                                    const QStringList &scopes, bool apiKeyRequired,
                                    const Integration &integration, const Method *method)
{
    QJsonObject op;
    const QString keptName = verb + QLatin1Char(' ') + path;
    if (!operationName.isEmpty())
        op.insert(QStringLiteral("operationId"), operationName);

    QJsonObject responses;
    if (method) {
        QJsonArray parameters;
        for (auto it = method->requestParameters.constBegin(); it != method->requestParameters.constEnd(); ++it) {
            const QString key = it.key();
            QString in, name;
            for (const auto &[prefix, where] : {std::pair{QStringLiteral("method.request.path."), QStringLiteral("path")},
                                                std::pair{QStringLiteral("method.request.querystring."), QStringLiteral("query")},
                                                std::pair{QStringLiteral("method.request.header."), QStringLiteral("header")}}) {
                if (key.startsWith(prefix)) {
                    in = where;
                    name = key.mid(prefix.size());
                }
            }
            if (in.isEmpty())
                continue;
            QJsonObject p{{QStringLiteral("name"), name}, {QStringLiteral("in"), in},
                          {QStringLiteral("required"), in == QLatin1String("path") ? true : it.value()}};
            if (m_oas3)
                p.insert(QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
            else
                p.insert(QStringLiteral("type"), QStringLiteral("string"));
            parameters.append(p);
        }
        if (!method->requestModels.isEmpty()) {
            if (m_oas3) {
                QJsonObject content;
                for (auto it = method->requestModels.constBegin(); it != method->requestModels.constEnd(); ++it)
                    content.insert(it.key(), QJsonObject{{QStringLiteral("schema"),
                                                          QJsonObject{{QStringLiteral("$ref"), modelRef(it.value())}}}});
                op.insert(QStringLiteral("requestBody"), QJsonObject{{QStringLiteral("content"), content}});
            } else {
                const QString model = method->requestModels.first();
                QJsonArray consumes;
                for (auto it = method->requestModels.constBegin(); it != method->requestModels.constEnd(); ++it) {
                    if (it.value() == model)
                        consumes.append(it.key());
                    else
                        m_warnings.append({Diagnostic::Severity::Warning, keptName,
                                           QStringLiteral("Swagger 2.0 has one body schema per operation: model %1 for %2 left out").arg(it.value(), it.key()), {}});
                }
                op.insert(QStringLiteral("consumes"), consumes);
                parameters.append(QJsonObject{{QStringLiteral("in"), QStringLiteral("body")},
                                              {QStringLiteral("name"), model},
                                              {QStringLiteral("required"), true},
                                              {QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), modelRef(model)}}}});
            }
        }
        if (!parameters.isEmpty())
            op.insert(QStringLiteral("parameters"), parameters);
        QJsonArray produces;
        for (const MethodResponse &mr : method->methodResponses) {
            QJsonObject r{{QStringLiteral("description"), QString(mr.statusCode + QStringLiteral(" response"))}};
            QJsonObject headers;
            for (auto it = mr.responseParameters.constBegin(); it != mr.responseParameters.constEnd(); ++it) {
                const QString prefix = QStringLiteral("method.response.header.");
                if (!it.key().startsWith(prefix))
                    continue;
                QJsonObject h = m_oas3 ? QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}
                                       : QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}};
                if (it.value())
                    h.insert(m_oas3 ? QStringLiteral("required") : QStringLiteral("x-apigw-studio-required"), true);
                headers.insert(it.key().mid(prefix.size()), h);
            }
            if (!headers.isEmpty())
                r.insert(QStringLiteral("headers"), headers);
            if (!mr.responseModels.isEmpty()) {
                if (m_oas3) {
                    QJsonObject content;
                    for (auto it = mr.responseModels.constBegin(); it != mr.responseModels.constEnd(); ++it)
                        content.insert(it.key(), QJsonObject{{QStringLiteral("schema"),
                                                              QJsonObject{{QStringLiteral("$ref"), modelRef(it.value())}}}});
                    r.insert(QStringLiteral("content"), content);
                } else {
                    r.insert(QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), modelRef(mr.responseModels.first())}});
                    for (auto it = mr.responseModels.constBegin(); it != mr.responseModels.constEnd(); ++it) {
                        if (!produces.contains(it.key()))
                            produces.append(it.key());
                    }
                }
            }
            responses.insert(mr.statusCode, r);
        }
        if (!produces.isEmpty())
            op.insert(QStringLiteral("produces"), produces);
        if (!method->requestValidatorId.isEmpty()) {
            for (const RequestValidator &v : m_api.requestValidators) {
                if (v.id == method->requestValidatorId)
                    op.insert(xa("request-validator"), v.name);
            }
        }
    }
    if (responses.isEmpty()) // OpenAPI needs one response; "default" is not imported back
        responses.insert(QStringLiteral("default"),
                         QJsonObject{{QStringLiteral("description"),
                                      QString(QStringLiteral("Default response for ") + keptName)}});
    op.insert(QStringLiteral("responses"), responses);

    QJsonObject requirement;
    if (authType == AuthorizationType::AwsIam) {
        requirement.insert(QStringLiteral("sigv4"), QJsonArray());
        m_usesIam = true;
    } else if (authType != AuthorizationType::None) {
        for (const Authorizer &a : m_api.authorizers) {
            if (a.id == authorizerId)
                requirement.insert(a.name, QJsonArray::fromStringList(scopes));
        }
    }
    if (apiKeyRequired) {
        requirement.insert(QStringLiteral("api_key"), QJsonArray());
        m_usesApiKey = true;
    }
    if (!requirement.isEmpty())
        op.insert(QStringLiteral("security"), QJsonArray{requirement});

    op.insert(xa("integration"), integrationJson(integration, keptName));
    const bool lambda = integration.type == IntegrationType::AwsProxy || integration.type == IntegrationType::Aws;
    if (!integration.functionName.isEmpty()
        && (!lambda || (!integration.uri.isEmpty() && LambdaUri::functionName(integration.uri) != integration.functionName)))
        op.insert(QStringLiteral("x-apigw-studio-function"), integration.functionName);
    if (!integration.stubResponse.isEmpty())
        op.insert(QStringLiteral("x-apigw-studio-stub-response"), integration.stubResponse);
    merge(op, m_kept.value(keptName).toObject().value(QLatin1String("operation")).toObject());
    return op;
}

QJsonObject Exporter::securitySchemes()
{
    QJsonObject schemes;
    for (const Authorizer &a : m_api.authorizers) {
        const QJsonObject kept = m_kept.value(QStringLiteral("authorizer ") + a.name).toObject();
        QJsonObject az;
        QJsonObject s;
        const QString joinedSource = a.identitySource.join(QStringLiteral(", "));
        switch (a.type) {
        case AuthorizerType::Token:
        case AuthorizerType::Request: {
            const bool token = a.type == AuthorizerType::Token;
            QString header = QStringLiteral("Unused");
            if (token || m_http)
                header = QStringLiteral("Authorization");
            if (token && a.identitySource.size() == 1
                && a.identitySource.first().startsWith(QLatin1String("method.request.header.")))
                header = a.identitySource.first().mid(int(qstrlen("method.request.header.")));
            s = {{QStringLiteral("type"), QStringLiteral("apiKey")},
                 {QStringLiteral("name"), header},
                 {QStringLiteral("in"), QStringLiteral("header")}};
            if (!m_http)
                s.insert(xa("authtype"), QStringLiteral("custom"));
            az.insert(QStringLiteral("type"), token ? QStringLiteral("token") : QStringLiteral("request"));
            if (!a.functionName.isEmpty())
                az.insert(QStringLiteral("authorizerUri"), lambdaUri(a.functionName));
            if (!a.identitySource.isEmpty())
                az.insert(QStringLiteral("identitySource"), joinedSource);
            if (!a.identityValidationExpression.isEmpty())
                az.insert(QStringLiteral("identityValidationExpression"), a.identityValidationExpression);
            az.insert(QStringLiteral("authorizerResultTtlInSeconds"), a.resultTtlInSeconds);
            if (m_http) {
                az.insert(QStringLiteral("authorizerPayloadFormatVersion"), a.payloadFormatVersion);
                if (a.enableSimpleResponses)
                    az.insert(QStringLiteral("enableSimpleResponses"), true);
            }
            break;
        }
        case AuthorizerType::CognitoUserPools:
            s = {{QStringLiteral("type"), QStringLiteral("apiKey")},
                 {QStringLiteral("name"), QStringLiteral("Authorization")},
                 {QStringLiteral("in"), QStringLiteral("header")},
                 {xa("authtype"), QStringLiteral("cognito_user_pools")}};
            az.insert(QStringLiteral("type"), QStringLiteral("cognito_user_pools"));
            az.insert(QStringLiteral("providerARNs"), QJsonArray::fromStringList(a.providerArns));
            if (!a.identitySource.isEmpty())
                az.insert(QStringLiteral("identitySource"), joinedSource);
            break;
        case AuthorizerType::Jwt:
            if (m_oas3)
                s = {{QStringLiteral("type"), QStringLiteral("oauth2")}, {QStringLiteral("flows"), QJsonObject()}};
            else
                s = {{QStringLiteral("type"), QStringLiteral("oauth2")},
                     {QStringLiteral("flow"), QStringLiteral("implicit")},
                     {QStringLiteral("authorizationUrl"), a.jwtIssuer},
                     {QStringLiteral("scopes"), QJsonObject()}};
            az.insert(QStringLiteral("type"), QStringLiteral("jwt"));
            if (!a.identitySource.isEmpty())
                az.insert(QStringLiteral("identitySource"), joinedSource);
            az.insert(QStringLiteral("jwtConfiguration"),
                      QJsonObject{{QStringLiteral("issuer"), a.jwtIssuer},
                                  {QStringLiteral("audience"), QJsonArray::fromStringList(a.jwtAudiences)}});
            break;
        }
        if (kept.contains(QLatin1String("authtype")))
            s.insert(xa("authtype"), kept.value(QLatin1String("authtype")));
        merge(s, kept.value(QLatin1String("scheme")).toObject());
        merge(az, kept.value(QLatin1String("authorizer")).toObject());
        s.insert(xa("authorizer"), az);
        schemes.insert(a.name, s);
    }
    if (m_usesIam)
        schemes.insert(QStringLiteral("sigv4"), QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                                                            {QStringLiteral("name"), QStringLiteral("Authorization")},
                                                            {QStringLiteral("in"), QStringLiteral("header")},
                                                            {xa("authtype"), QStringLiteral("awsSigv4")}});
    if (m_usesApiKey)
        schemes.insert(QStringLiteral("api_key"), QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                                                              {QStringLiteral("name"), QStringLiteral("x-api-key")},
                                                              {QStringLiteral("in"), QStringLiteral("header")}});
    return schemes;
}

Result<QJsonObject> Exporter::run()
{
    if (m_api.type == ApiType::WebSocket) {
        return Diagnostics{{Diagnostic::Severity::Error, QString(),
                            QStringLiteral("API %1 is a WebSocket API: OpenAPI cannot describe it; export SAM instead").arg(m_api.name), {}}};
    }
    if (m_http && !m_oas3) {
        return Diagnostics{{Diagnostic::Severity::Error, QString(),
                            QStringLiteral("HTTP APIs export to OpenAPI 3.0 only"), {}}};
    }
    QJsonObject root;
    QJsonObject info{{QStringLiteral("title"), m_api.name}, {QStringLiteral("version"), QStringLiteral("1.0")}};
    if (!m_api.description.isEmpty())
        info.insert(QStringLiteral("description"), m_api.description);
    if (m_oas3)
        root.insert(QStringLiteral("openapi"), QStringLiteral("3.0.1"));
    else
        root.insert(QStringLiteral("swagger"), QStringLiteral("2.0"));
    root.insert(QStringLiteral("info"), info);

    if (!m_api.stages.isEmpty()) {
        const Stage &stage = m_api.stages.first();
        const QString basePath = stage.name == QLatin1String("$default") ? QString() : QStringLiteral("/") + stage.name;
        if (m_oas3) {
            root.insert(QStringLiteral("servers"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("url"), QStringLiteral("https://{apiId}.execute-api.{region}.amazonaws.com/{basePath}")},
                            {QStringLiteral("variables"),
                             QJsonObject{{QStringLiteral("apiId"), QJsonObject{{QStringLiteral("default"), m_api.id}}},
                                         {QStringLiteral("region"), QJsonObject{{QStringLiteral("default"), LambdaUri::region()}}},
                                         {QStringLiteral("basePath"), QJsonObject{{QStringLiteral("default"), basePath}}}}}}});
        } else {
            root.insert(QStringLiteral("host"), QString(m_api.id + QStringLiteral(".execute-api.") + LambdaUri::region()
                                                            + QStringLiteral(".amazonaws.com")));
            root.insert(QStringLiteral("basePath"), basePath.isEmpty() ? QStringLiteral("/") : basePath);
            root.insert(QStringLiteral("schemes"), QJsonArray{QStringLiteral("https")});
        }
        if (m_api.stages.size() > 1)
            m_warnings.append({Diagnostic::Severity::Warning, QString(),
                               QStringLiteral("OpenAPI names one stage: %1 exported, %2 more left out").arg(stage.name).arg(m_api.stages.size() - 1), {}});
        if (!stage.variables.isEmpty())
            m_warnings.append({Diagnostic::Severity::Warning, QString(),
                               QStringLiteral("stage variables are not part of an OpenAPI export"), {}});
    }

    QJsonObject paths;
    auto addOperation = [&paths](const QString &path, const QString &verb, const QJsonObject &op) {
        QJsonObject item = paths.value(path).toObject();
        item.insert(verb == QLatin1String("ANY") ? xa("any-method") : verb.toLower(), op);
        paths.insert(path, item);
    };
    if (m_http) {
        for (const Route &rt : m_api.routes) {
            QString verb, path;
            if (rt.routeKey == QLatin1String("$default")) {
                verb = QStringLiteral("ANY");
                path = QStringLiteral("$default");
            } else {
                verb = rt.routeKey.section(QLatin1Char(' '), 0, 0);
                path = rt.routeKey.section(QLatin1Char(' '), 1);
            }
            if (rt.throttle.isSet())
                m_warnings.append({Diagnostic::Severity::Warning, rt.routeKey,
                                   QStringLiteral("route throttling is not part of an OpenAPI export"), {}});
            addOperation(path, verb, operationJson(verb, path, rt.operationName, rt.authorizationType, rt.authorizerId,
                                                   rt.authorizationScopes, false, rt.integration, nullptr));
        }
    } else {
        for (const Resource &r : m_api.resources) {
            const QString path = resourcePath(m_api, r.id);
            for (const Method &m : r.methods)
                addOperation(path, m.httpMethod, operationJson(m.httpMethod, path, m.operationName, m.authorizationType,
                                                               m.authorizerId, m.authorizationScopes, m.apiKeyRequired,
                                                               m.integration, &m));
        }
    }
    // Path-level extensions kept from an import.
    for (auto it = m_kept.constBegin(); it != m_kept.constEnd(); ++it) {
        if (it.key().startsWith(QLatin1String("path ")) && paths.contains(it.key().mid(5))) {
            QJsonObject item = paths.value(it.key().mid(5)).toObject();
            merge(item, it.value().toObject());
            paths.insert(it.key().mid(5), item);
        }
    }
    root.insert(QStringLiteral("paths"), paths);

    QJsonObject schemas;
    for (const ApiModel &m : m_api.models)
    {
        QJsonObject schema = ModelSchemas::fromDraft4(m.schema, m_oas3);
        if (!m.description.isEmpty() && !schema.contains(QLatin1String("description")))
            schema.insert(QStringLiteral("description"), m.description);
        schemas.insert(m.name, schema);
    }
    for (const QString &name : std::as_const(m_usedModels)) {
        if (!schemas.contains(name)) {
            const QJsonObject builtIn = ModelSchemas::builtInModel(name);
            if (!builtIn.isEmpty())
                schemas.insert(name, builtIn);
            else
                m_warnings.append({Diagnostic::Severity::Warning, QString(),
                                   QStringLiteral("model %1 is referenced but not defined").arg(name), {}});
        }
    }
    const QJsonObject schemes = securitySchemes();
    if (m_oas3) {
        QJsonObject components;
        if (!schemas.isEmpty())
            components.insert(QStringLiteral("schemas"), schemas);
        if (!schemes.isEmpty())
            components.insert(QStringLiteral("securitySchemes"), schemes);
        if (!components.isEmpty())
            root.insert(QStringLiteral("components"), components);
    } else {
        if (!schemas.isEmpty())
            root.insert(QStringLiteral("definitions"), schemas);
        if (!schemes.isEmpty())
            root.insert(QStringLiteral("securityDefinitions"), schemes);
    }

    if (!m_api.requestValidators.isEmpty()) {
        QJsonObject vs;
        for (const RequestValidator &v : m_api.requestValidators)
            vs.insert(v.name, QJsonObject{{QStringLiteral("validateRequestBody"), v.validateRequestBody},
                                          {QStringLiteral("validateRequestParameters"), v.validateRequestParameters}});
        root.insert(xa("request-validators"), vs);
    }
    if (!m_api.gatewayResponses.isEmpty()) {
        QJsonObject gr;
        for (const GatewayResponse &r : m_api.gatewayResponses) {
            QJsonObject o;
            if (!r.statusCode.isEmpty())
                o.insert(QStringLiteral("statusCode"), r.statusCode);
            if (!r.responseParameters.isEmpty())
                o.insert(QStringLiteral("responseParameters"), toObject(r.responseParameters));
            if (!r.responseTemplates.isEmpty())
                o.insert(QStringLiteral("responseTemplates"), toObject(r.responseTemplates));
            gr.insert(r.responseType, o);
        }
        root.insert(xa("gateway-responses"), gr);
    }
    if (!m_api.binaryMediaTypes.isEmpty())
        root.insert(xa("binary-media-types"), QJsonArray::fromStringList(m_api.binaryMediaTypes));
    if (!m_http && m_api.apiKeySource != QLatin1String("HEADER"))
        root.insert(xa("api-key-source"), m_api.apiKeySource);
    if (m_http && m_api.cors) {
        const CorsConfiguration &c = *m_api.cors;
        QJsonObject o;
        if (!c.allowOrigins.isEmpty())
            o.insert(QStringLiteral("allowOrigins"), QJsonArray::fromStringList(c.allowOrigins));
        if (!c.allowMethods.isEmpty())
            o.insert(QStringLiteral("allowMethods"), QJsonArray::fromStringList(c.allowMethods));
        if (!c.allowHeaders.isEmpty())
            o.insert(QStringLiteral("allowHeaders"), QJsonArray::fromStringList(c.allowHeaders));
        if (!c.exposeHeaders.isEmpty())
            o.insert(QStringLiteral("exposeHeaders"), QJsonArray::fromStringList(c.exposeHeaders));
        if (c.maxAge >= 0)
            o.insert(QStringLiteral("maxAge"), c.maxAge);
        o.insert(QStringLiteral("allowCredentials"), c.allowCredentials);
        root.insert(xa("cors"), o);
    }
    // Extensions kept verbatim from an import (or set by the user) go back where they were.
    for (auto it = m_api.extensions.constBegin(); it != m_api.extensions.constEnd(); ++it) {
        if (it.key() == OpenApiImporter::keptKey())
            continue;
        if (it.key().startsWith(QLatin1String("paths:"))) {
            paths.insert(it.key().mid(6), it.value());
            root.insert(QStringLiteral("paths"), paths);
            continue;
        }
        if (it.key() == xa("cors") && m_http && m_api.cors)
            continue;
        root.insert(it.key(), it.value());
    }
    return Result<QJsonObject>(root, m_warnings);
}

} // namespace

Result<QJsonObject> OpenApiExporter::exportApi(const ApiDocument &doc, const Api &api, const Options &options)
{
    Exporter e(doc, api, options);
    return e.run();
}

} // namespace Gw::Model::Interop
