// The *.apigw.json project file: deterministic writer, strict reader, atomic save.
//
// Keys mirror the model's field names (AWS camelCase). The writer leaves out every field equal to
// its default, so files stay small and diffs show only what the user set; a few identity fields
// (ids, names, types, status codes) are always written. The reader accepts exactly what the
// writer produces: unknown keys, wrong types and unknown enum spellings are errors located by
// JSON pointer.
#include "model/serialization/projectfile.h"

#include "model/serialization/jsonpointer.h"
#include "model/serialization/jsonreader.h"
#include "model/serialization/migrations.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

namespace Gw::Model {

namespace {

// ---- writing ------------------------------------------------------------------------------

QJsonValue toJsonValue(const QString &v) { return v; }
QJsonValue toJsonValue(bool v) { return v; }
QJsonValue toJsonValue(int v) { return v; }
QJsonValue toJsonValue(double v) { return v; }
QJsonValue toJsonValue(const QJsonObject &v) { return v; }
QJsonValue toJsonValue(const QStringList &v) { return QJsonArray::fromStringList(v); }

QJsonValue toJsonValue(const QMap<QString, QString> &v)
{
    QJsonObject o;
    for (auto it = v.constBegin(); it != v.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonValue toJsonValue(const QMap<QString, bool> &v)
{
    QJsonObject o;
    for (auto it = v.constBegin(); it != v.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// Writes `value` unless it equals the default.
template<typename T>
void put(QJsonObject &o, const QString &key, const T &value, const T &defaultValue)
{
    if (!(value == defaultValue))
        o.insert(key, toJsonValue(value));
}

template<typename T>
void putAlways(QJsonObject &o, const QString &key, const T &value)
{
    o.insert(key, toJsonValue(value));
}

template<typename T, typename F>
void putList(QJsonObject &o, const QString &key, const QList<T> &list, F toJson)
{
    if (list.isEmpty())
        return;
    QJsonArray array;
    for (const T &item : list)
        array.append(toJson(item));
    o.insert(key, array);
}

QJsonObject throttleToJson(const ThrottleSettings &t)
{
    const ThrottleSettings d;
    QJsonObject o;
    put(o, QStringLiteral("rateLimit"), t.rateLimit, d.rateLimit);
    put(o, QStringLiteral("burstLimit"), t.burstLimit, d.burstLimit);
    return o;
}

void putThrottle(QJsonObject &o, const QString &key, const ThrottleSettings &t)
{
    if (t.isSet())
        o.insert(key, throttleToJson(t));
}

QJsonObject integrationResponseToJson(const IntegrationResponse &r)
{
    const IntegrationResponse d;
    QJsonObject o;
    put(o, QStringLiteral("selectionPattern"), r.selectionPattern, d.selectionPattern);
    putAlways(o, QStringLiteral("statusCode"), r.statusCode);
    put(o, QStringLiteral("responseParameters"), r.responseParameters, d.responseParameters);
    put(o, QStringLiteral("responseTemplates"), r.responseTemplates, d.responseTemplates);
    put(o, QStringLiteral("contentHandling"), r.contentHandling, d.contentHandling);
    return o;
}

QJsonObject integrationToJson(const Integration &i)
{
    const Integration d;
    QJsonObject o;
    putAlways(o, QStringLiteral("type"), toString(i.type));
    put(o, QStringLiteral("httpMethod"), i.httpMethod, d.httpMethod);
    put(o, QStringLiteral("uri"), i.uri, d.uri);
    put(o, QStringLiteral("functionName"), i.functionName, d.functionName);
    put(o, QStringLiteral("payloadFormatVersion"), i.payloadFormatVersion, d.payloadFormatVersion);
    put(o, QStringLiteral("requestParameters"), i.requestParameters, d.requestParameters);
    put(o, QStringLiteral("requestTemplates"), i.requestTemplates, d.requestTemplates);
    if (i.passthroughBehavior != d.passthroughBehavior)
        o.insert(QStringLiteral("passthroughBehavior"), toString(i.passthroughBehavior));
    put(o, QStringLiteral("contentHandling"), i.contentHandling, d.contentHandling);
    put(o, QStringLiteral("timeoutInMillis"), i.timeoutInMillis, d.timeoutInMillis);
    put(o, QStringLiteral("credentials"), i.credentials, d.credentials);
    put(o, QStringLiteral("connectionType"), i.connectionType, d.connectionType);
    putList(o, QStringLiteral("integrationResponses"), i.responses, integrationResponseToJson);
    if (!i.responseParameters.isEmpty()) {
        QJsonObject byStatus;
        for (auto it = i.responseParameters.constBegin(); it != i.responseParameters.constEnd();
             ++it)
            byStatus.insert(it.key(), toJsonValue(it.value()));
        o.insert(QStringLiteral("responseParameters"), byStatus);
    }
    put(o, QStringLiteral("stubResponse"), i.stubResponse, d.stubResponse);
    return o;
}

QJsonObject methodResponseToJson(const MethodResponse &r)
{
    const MethodResponse d;
    QJsonObject o;
    putAlways(o, QStringLiteral("statusCode"), r.statusCode);
    put(o, QStringLiteral("responseParameters"), r.responseParameters, d.responseParameters);
    put(o, QStringLiteral("responseModels"), r.responseModels, d.responseModels);
    return o;
}

QJsonObject methodToJson(const Method &m)
{
    const Method d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), m.id);
    putAlways(o, QStringLiteral("httpMethod"), m.httpMethod);
    put(o, QStringLiteral("operationName"), m.operationName, d.operationName);
    if (m.authorizationType != d.authorizationType)
        o.insert(QStringLiteral("authorizationType"), toString(m.authorizationType));
    put(o, QStringLiteral("authorizerId"), m.authorizerId, d.authorizerId);
    put(o, QStringLiteral("authorizationScopes"), m.authorizationScopes, d.authorizationScopes);
    put(o, QStringLiteral("apiKeyRequired"), m.apiKeyRequired, d.apiKeyRequired);
    put(o, QStringLiteral("requestValidatorId"), m.requestValidatorId, d.requestValidatorId);
    put(o, QStringLiteral("requestParameters"), m.requestParameters, d.requestParameters);
    put(o, QStringLiteral("requestModels"), m.requestModels, d.requestModels);
    o.insert(QStringLiteral("integration"), integrationToJson(m.integration));
    putList(o, QStringLiteral("methodResponses"), m.methodResponses, methodResponseToJson);
    return o;
}

QJsonObject resourceToJson(const Resource &r)
{
    const Resource d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), r.id);
    put(o, QStringLiteral("parentId"), r.parentId, d.parentId);
    put(o, QStringLiteral("pathPart"), r.pathPart, d.pathPart);
    putList(o, QStringLiteral("methods"), r.methods, methodToJson);
    return o;
}

QJsonObject routeToJson(const Route &r)
{
    const Route d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), r.id);
    putAlways(o, QStringLiteral("routeKey"), r.routeKey);
    put(o, QStringLiteral("operationName"), r.operationName, d.operationName);
    if (r.authorizationType != d.authorizationType)
        o.insert(QStringLiteral("authorizationType"), toString(r.authorizationType));
    put(o, QStringLiteral("authorizerId"), r.authorizerId, d.authorizerId);
    put(o, QStringLiteral("authorizationScopes"), r.authorizationScopes, d.authorizationScopes);
    put(o, QStringLiteral("apiKeyRequired"), r.apiKeyRequired, d.apiKeyRequired);
    put(o, QStringLiteral("routeResponseSelectionExpression"), r.routeResponseSelectionExpression,
        d.routeResponseSelectionExpression);
    o.insert(QStringLiteral("integration"), integrationToJson(r.integration));
    putThrottle(o, QStringLiteral("throttle"), r.throttle);
    return o;
}

QJsonObject authorizerToJson(const Authorizer &a)
{
    const Authorizer d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), a.id);
    putAlways(o, QStringLiteral("name"), a.name);
    putAlways(o, QStringLiteral("type"), toString(a.type));
    put(o, QStringLiteral("functionName"), a.functionName, d.functionName);
    put(o, QStringLiteral("identitySource"), a.identitySource, d.identitySource);
    put(o, QStringLiteral("identityValidationExpression"), a.identityValidationExpression,
        d.identityValidationExpression);
    put(o, QStringLiteral("resultTtlInSeconds"), a.resultTtlInSeconds, d.resultTtlInSeconds);
    put(o, QStringLiteral("payloadFormatVersion"), a.payloadFormatVersion, d.payloadFormatVersion);
    put(o, QStringLiteral("enableSimpleResponses"), a.enableSimpleResponses,
        d.enableSimpleResponses);
    put(o, QStringLiteral("jwtIssuer"), a.jwtIssuer, d.jwtIssuer);
    put(o, QStringLiteral("jwtAudiences"), a.jwtAudiences, d.jwtAudiences);
    put(o, QStringLiteral("providerArns"), a.providerArns, d.providerArns);
    return o;
}

QJsonObject validatorToJson(const RequestValidator &v)
{
    const RequestValidator d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), v.id);
    putAlways(o, QStringLiteral("name"), v.name);
    put(o, QStringLiteral("validateRequestBody"), v.validateRequestBody, d.validateRequestBody);
    put(o, QStringLiteral("validateRequestParameters"), v.validateRequestParameters,
        d.validateRequestParameters);
    return o;
}

QJsonObject modelToJson(const ApiModel &m)
{
    const ApiModel d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), m.id);
    putAlways(o, QStringLiteral("name"), m.name);
    put(o, QStringLiteral("contentType"), m.contentType, d.contentType);
    put(o, QStringLiteral("description"), m.description, d.description);
    put(o, QStringLiteral("schema"), m.schema, d.schema);
    return o;
}

QJsonObject corsToJson(const CorsConfiguration &c)
{
    const CorsConfiguration d;
    QJsonObject o;
    put(o, QStringLiteral("allowOrigins"), c.allowOrigins, d.allowOrigins);
    put(o, QStringLiteral("allowMethods"), c.allowMethods, d.allowMethods);
    put(o, QStringLiteral("allowHeaders"), c.allowHeaders, d.allowHeaders);
    put(o, QStringLiteral("exposeHeaders"), c.exposeHeaders, d.exposeHeaders);
    put(o, QStringLiteral("maxAge"), c.maxAge, d.maxAge);
    put(o, QStringLiteral("allowCredentials"), c.allowCredentials, d.allowCredentials);
    return o;
}

QJsonObject gatewayResponseToJson(const GatewayResponse &g)
{
    const GatewayResponse d;
    QJsonObject o;
    putAlways(o, QStringLiteral("responseType"), g.responseType);
    put(o, QStringLiteral("statusCode"), g.statusCode, d.statusCode);
    put(o, QStringLiteral("responseParameters"), g.responseParameters, d.responseParameters);
    put(o, QStringLiteral("responseTemplates"), g.responseTemplates, d.responseTemplates);
    return o;
}

QJsonObject stageToJson(const Stage &s)
{
    const Stage d;
    QJsonObject o;
    putAlways(o, QStringLiteral("name"), s.name);
    put(o, QStringLiteral("description"), s.description, d.description);
    put(o, QStringLiteral("variables"), s.variables, d.variables);
    putThrottle(o, QStringLiteral("throttle"), s.throttle);
    if (!s.methodThrottle.isEmpty()) {
        QJsonObject byMethod;
        for (auto it = s.methodThrottle.constBegin(); it != s.methodThrottle.constEnd(); ++it)
            byMethod.insert(it.key(), throttleToJson(it.value()));
        o.insert(QStringLiteral("methodThrottle"), byMethod);
    }
    if (s.canary) {
        const CanarySettings dc;
        QJsonObject c;
        put(c, QStringLiteral("percentTraffic"), s.canary->percentTraffic, dc.percentTraffic);
        put(c, QStringLiteral("stageVariableOverrides"), s.canary->stageVariableOverrides,
            dc.stageVariableOverrides);
        o.insert(QStringLiteral("canary"), c);
    }
    put(o, QStringLiteral("autoDeploy"), s.autoDeploy, d.autoDeploy);
    return o;
}

QJsonObject apiToJson(const Api &a)
{
    const Api d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), a.id);
    putAlways(o, QStringLiteral("name"), a.name);
    put(o, QStringLiteral("description"), a.description, d.description);
    putAlways(o, QStringLiteral("type"), toString(a.type));
    putList(o, QStringLiteral("resources"), a.resources, resourceToJson);
    putList(o, QStringLiteral("routes"), a.routes, routeToJson);
    put(o, QStringLiteral("routeSelectionExpression"), a.routeSelectionExpression,
        d.routeSelectionExpression);
    put(o, QStringLiteral("apiKeySource"), a.apiKeySource, d.apiKeySource);
    put(o, QStringLiteral("binaryMediaTypes"), a.binaryMediaTypes, d.binaryMediaTypes);
    putList(o, QStringLiteral("authorizers"), a.authorizers, authorizerToJson);
    putList(o, QStringLiteral("models"), a.models, modelToJson);
    putList(o, QStringLiteral("requestValidators"), a.requestValidators, validatorToJson);
    putList(o, QStringLiteral("gatewayResponses"), a.gatewayResponses, gatewayResponseToJson);
    if (a.cors)
        o.insert(QStringLiteral("cors"), corsToJson(*a.cors));
    putList(o, QStringLiteral("stages"), a.stages, stageToJson);
    put(o, QStringLiteral("extensions"), a.extensions, d.extensions);
    return o;
}

QJsonObject usagePlanToJson(const UsagePlan &p)
{
    const UsagePlan d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), p.id);
    putAlways(o, QStringLiteral("name"), p.name);
    putList(o, QStringLiteral("apiStages"), p.apiStages, [](const ApiStageRef &r) {
        QJsonObject s;
        s.insert(QStringLiteral("apiId"), r.apiId);
        s.insert(QStringLiteral("stage"), r.stage);
        return s;
    });
    putThrottle(o, QStringLiteral("throttle"), p.throttle);
    if (p.quota) {
        const QuotaSettings dq;
        QJsonObject q;
        put(q, QStringLiteral("limit"), p.quota->limit, dq.limit);
        if (p.quota->period != dq.period)
            q.insert(QStringLiteral("period"), toString(p.quota->period));
        put(q, QStringLiteral("offset"), p.quota->offset, dq.offset);
        o.insert(QStringLiteral("quota"), q);
    }
    put(o, QStringLiteral("apiKeyIds"), p.apiKeyIds, d.apiKeyIds);
    return o;
}

QJsonObject apiKeyToJson(const ApiKey &k)
{
    const ApiKey d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), k.id);
    putAlways(o, QStringLiteral("name"), k.name);
    put(o, QStringLiteral("value"), k.value, d.value);
    put(o, QStringLiteral("enabled"), k.enabled, d.enabled);
    return o;
}

QJsonObject iamCredentialToJson(const IamCredential &c)
{
    const IamCredential d;
    QJsonObject o;
    putAlways(o, QStringLiteral("accessKeyId"), c.accessKeyId);
    putAlways(o, QStringLiteral("secretAccessKey"), c.secretAccessKey);
    put(o, QStringLiteral("sessionToken"), c.sessionToken, d.sessionToken);
    put(o, QStringLiteral("principalArn"), c.principalArn, d.principalArn);
    return o;
}

QJsonObject functionToJson(const LocalFunction &f)
{
    const LocalFunction d;
    QJsonObject o;
    putAlways(o, QStringLiteral("id"), f.id);
    putAlways(o, QStringLiteral("name"), f.name);
    put(o, QStringLiteral("runtime"), f.runtime, d.runtime);
    put(o, QStringLiteral("handler"), f.handler, d.handler);
    put(o, QStringLiteral("codeDirectory"), f.codeDirectory, d.codeDirectory);
    put(o, QStringLiteral("environment"), f.environment, d.environment);
    put(o, QStringLiteral("timeout"), f.timeout, d.timeout);
    put(o, QStringLiteral("memorySize"), f.memorySize, d.memorySize);
    put(o, QStringLiteral("concurrency"), f.concurrency, d.concurrency);
    return o;
}

// ---- reading ------------------------------------------------------------------------------

using R = JsonObjectReader;

constexpr const char integrationTypeNames[] = "MOCK, AWS_PROXY, AWS, HTTP, HTTP_PROXY";
constexpr const char authorizationTypeNames[] = "NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT";
constexpr const char authorizerTypeNames[] = "TOKEN, REQUEST, COGNITO_USER_POOLS, JWT";
constexpr const char passthroughNames[] = "WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER";
constexpr const char apiTypeNames[] = "REST, HTTP, WEBSOCKET";
constexpr const char quotaPeriodNames[] = "DAY, WEEK, MONTH";

void readThrottle(R &r, ThrottleSettings &t)
{
    r.read(QStringLiteral("rateLimit"), t.rateLimit);
    r.read(QStringLiteral("burstLimit"), t.burstLimit);
}

void readIntegrationResponse(R &r, IntegrationResponse &ir)
{
    r.read(QStringLiteral("selectionPattern"), ir.selectionPattern);
    r.read(QStringLiteral("statusCode"), ir.statusCode, R::Required);
    r.read(QStringLiteral("responseParameters"), ir.responseParameters);
    r.read(QStringLiteral("responseTemplates"), ir.responseTemplates);
    r.read(QStringLiteral("contentHandling"), ir.contentHandling);
}

void readIntegration(R &r, Integration &i)
{
    r.readEnum(QStringLiteral("type"), i.type, &integrationTypeFromString, "integration type",
               integrationTypeNames, R::Required);
    r.read(QStringLiteral("httpMethod"), i.httpMethod);
    r.read(QStringLiteral("uri"), i.uri);
    r.read(QStringLiteral("functionName"), i.functionName);
    r.read(QStringLiteral("payloadFormatVersion"), i.payloadFormatVersion);
    r.read(QStringLiteral("requestParameters"), i.requestParameters);
    r.read(QStringLiteral("requestTemplates"), i.requestTemplates);
    r.readEnum(QStringLiteral("passthroughBehavior"), i.passthroughBehavior,
               &passthroughBehaviorFromString, "passthrough behavior", passthroughNames);
    r.read(QStringLiteral("contentHandling"), i.contentHandling);
    r.read(QStringLiteral("timeoutInMillis"), i.timeoutInMillis);
    r.read(QStringLiteral("credentials"), i.credentials);
    r.read(QStringLiteral("connectionType"), i.connectionType);
    r.readArray(QStringLiteral("integrationResponses"), [&](R &item) {
        IntegrationResponse ir;
        readIntegrationResponse(item, ir);
        i.responses.append(ir);
    });
    // HTTP API: status code -> parameter map. Read each inner map through a child reader so
    // its errors point inside it.
    r.readObject(QStringLiteral("responseParameters"), [&](R &byStatus) {
        const QJsonObject o = byStatus.object();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            QMap<QString, QString> params;
            byStatus.read(it.key(), params);
            i.responseParameters.insert(it.key(), params);
        }
    });
    r.read(QStringLiteral("stubResponse"), i.stubResponse);
}

void readMethodResponse(R &r, MethodResponse &m)
{
    r.read(QStringLiteral("statusCode"), m.statusCode, R::Required);
    r.read(QStringLiteral("responseParameters"), m.responseParameters);
    r.read(QStringLiteral("responseModels"), m.responseModels);
}

void readMethod(R &r, Method &m)
{
    r.read(QStringLiteral("id"), m.id, R::Required);
    r.read(QStringLiteral("httpMethod"), m.httpMethod, R::Required);
    r.read(QStringLiteral("operationName"), m.operationName);
    r.readEnum(QStringLiteral("authorizationType"), m.authorizationType,
               &authorizationTypeFromString, "authorization type", authorizationTypeNames);
    r.read(QStringLiteral("authorizerId"), m.authorizerId);
    r.read(QStringLiteral("authorizationScopes"), m.authorizationScopes);
    r.read(QStringLiteral("apiKeyRequired"), m.apiKeyRequired);
    r.read(QStringLiteral("requestValidatorId"), m.requestValidatorId);
    r.read(QStringLiteral("requestParameters"), m.requestParameters);
    r.read(QStringLiteral("requestModels"), m.requestModels);
    r.readObject(QStringLiteral("integration"),
                 [&](R &item) { readIntegration(item, m.integration); });
    r.readArray(QStringLiteral("methodResponses"), [&](R &item) {
        MethodResponse mr;
        readMethodResponse(item, mr);
        m.methodResponses.append(mr);
    });
}

void readResource(R &r, Resource &res)
{
    r.read(QStringLiteral("id"), res.id, R::Required);
    r.read(QStringLiteral("parentId"), res.parentId);
    r.read(QStringLiteral("pathPart"), res.pathPart);
    r.readArray(QStringLiteral("methods"), [&](R &item) {
        Method m;
        readMethod(item, m);
        res.methods.append(m);
    });
}

void readRoute(R &r, Route &rt)
{
    r.read(QStringLiteral("id"), rt.id, R::Required);
    r.read(QStringLiteral("routeKey"), rt.routeKey, R::Required);
    r.read(QStringLiteral("operationName"), rt.operationName);
    r.readEnum(QStringLiteral("authorizationType"), rt.authorizationType,
               &authorizationTypeFromString, "authorization type", authorizationTypeNames);
    r.read(QStringLiteral("authorizerId"), rt.authorizerId);
    r.read(QStringLiteral("authorizationScopes"), rt.authorizationScopes);
    r.read(QStringLiteral("apiKeyRequired"), rt.apiKeyRequired);
    r.read(QStringLiteral("routeResponseSelectionExpression"),
           rt.routeResponseSelectionExpression);
    r.readObject(QStringLiteral("integration"),
                 [&](R &item) { readIntegration(item, rt.integration); });
    r.readObject(QStringLiteral("throttle"), [&](R &item) { readThrottle(item, rt.throttle); });
}

void readAuthorizer(R &r, Authorizer &a)
{
    r.read(QStringLiteral("id"), a.id, R::Required);
    r.read(QStringLiteral("name"), a.name, R::Required);
    r.readEnum(QStringLiteral("type"), a.type, &authorizerTypeFromString, "authorizer type",
               authorizerTypeNames, R::Required);
    r.read(QStringLiteral("functionName"), a.functionName);
    r.read(QStringLiteral("identitySource"), a.identitySource);
    r.read(QStringLiteral("identityValidationExpression"), a.identityValidationExpression);
    r.read(QStringLiteral("resultTtlInSeconds"), a.resultTtlInSeconds);
    r.read(QStringLiteral("payloadFormatVersion"), a.payloadFormatVersion);
    r.read(QStringLiteral("enableSimpleResponses"), a.enableSimpleResponses);
    r.read(QStringLiteral("jwtIssuer"), a.jwtIssuer);
    r.read(QStringLiteral("jwtAudiences"), a.jwtAudiences);
    r.read(QStringLiteral("providerArns"), a.providerArns);
}

void readStage(R &r, Stage &s)
{
    r.read(QStringLiteral("name"), s.name, R::Required);
    r.read(QStringLiteral("description"), s.description);
    r.read(QStringLiteral("variables"), s.variables);
    r.readObject(QStringLiteral("throttle"), [&](R &item) { readThrottle(item, s.throttle); });
    r.readObjectMap(QStringLiteral("methodThrottle"), [&](const QString &key, R &item) {
        ThrottleSettings t;
        readThrottle(item, t);
        s.methodThrottle.insert(key, t);
    });
    r.readObject(QStringLiteral("canary"), [&](R &item) {
        CanarySettings c;
        item.read(QStringLiteral("percentTraffic"), c.percentTraffic);
        item.read(QStringLiteral("stageVariableOverrides"), c.stageVariableOverrides);
        s.canary = c;
    });
    r.read(QStringLiteral("autoDeploy"), s.autoDeploy);
}

void readApi(R &r, Api &a)
{
    r.read(QStringLiteral("id"), a.id, R::Required);
    r.read(QStringLiteral("name"), a.name, R::Required);
    r.read(QStringLiteral("description"), a.description);
    r.readEnum(QStringLiteral("type"), a.type, &apiTypeFromString, "API type", apiTypeNames,
               R::Required);
    r.readArray(QStringLiteral("resources"), [&](R &item) {
        Resource res;
        readResource(item, res);
        a.resources.append(res);
    });
    r.readArray(QStringLiteral("routes"), [&](R &item) {
        Route rt;
        readRoute(item, rt);
        a.routes.append(rt);
    });
    r.read(QStringLiteral("routeSelectionExpression"), a.routeSelectionExpression);
    r.read(QStringLiteral("apiKeySource"), a.apiKeySource);
    r.read(QStringLiteral("binaryMediaTypes"), a.binaryMediaTypes);
    r.readArray(QStringLiteral("authorizers"), [&](R &item) {
        Authorizer au;
        readAuthorizer(item, au);
        a.authorizers.append(au);
    });
    r.readArray(QStringLiteral("models"), [&](R &item) {
        ApiModel m;
        item.read(QStringLiteral("id"), m.id, R::Required);
        item.read(QStringLiteral("name"), m.name, R::Required);
        item.read(QStringLiteral("contentType"), m.contentType);
        item.read(QStringLiteral("description"), m.description);
        item.read(QStringLiteral("schema"), m.schema);
        a.models.append(m);
    });
    r.readArray(QStringLiteral("requestValidators"), [&](R &item) {
        RequestValidator v;
        item.read(QStringLiteral("id"), v.id, R::Required);
        item.read(QStringLiteral("name"), v.name, R::Required);
        item.read(QStringLiteral("validateRequestBody"), v.validateRequestBody);
        item.read(QStringLiteral("validateRequestParameters"), v.validateRequestParameters);
        a.requestValidators.append(v);
    });
    r.readArray(QStringLiteral("gatewayResponses"), [&](R &item) {
        GatewayResponse g;
        item.read(QStringLiteral("responseType"), g.responseType, R::Required);
        item.read(QStringLiteral("statusCode"), g.statusCode);
        item.read(QStringLiteral("responseParameters"), g.responseParameters);
        item.read(QStringLiteral("responseTemplates"), g.responseTemplates);
        a.gatewayResponses.append(g);
    });
    r.readObject(QStringLiteral("cors"), [&](R &item) {
        CorsConfiguration c;
        item.read(QStringLiteral("allowOrigins"), c.allowOrigins);
        item.read(QStringLiteral("allowMethods"), c.allowMethods);
        item.read(QStringLiteral("allowHeaders"), c.allowHeaders);
        item.read(QStringLiteral("exposeHeaders"), c.exposeHeaders);
        item.read(QStringLiteral("maxAge"), c.maxAge);
        item.read(QStringLiteral("allowCredentials"), c.allowCredentials);
        a.cors = c;
    });
    r.readArray(QStringLiteral("stages"), [&](R &item) {
        Stage s;
        readStage(item, s);
        a.stages.append(s);
    });
    r.read(QStringLiteral("extensions"), a.extensions);
}

void readUsagePlan(R &r, UsagePlan &p)
{
    r.read(QStringLiteral("id"), p.id, R::Required);
    r.read(QStringLiteral("name"), p.name, R::Required);
    r.readArray(QStringLiteral("apiStages"), [&](R &item) {
        ApiStageRef ref;
        item.read(QStringLiteral("apiId"), ref.apiId, R::Required);
        item.read(QStringLiteral("stage"), ref.stage, R::Required);
        p.apiStages.append(ref);
    });
    r.readObject(QStringLiteral("throttle"), [&](R &item) { readThrottle(item, p.throttle); });
    r.readObject(QStringLiteral("quota"), [&](R &item) {
        QuotaSettings q;
        item.read(QStringLiteral("limit"), q.limit);
        item.readEnum(QStringLiteral("period"), q.period, &quotaPeriodFromString, "quota period",
                      quotaPeriodNames);
        item.read(QStringLiteral("offset"), q.offset);
        p.quota = q;
    });
    r.read(QStringLiteral("apiKeyIds"), p.apiKeyIds);
}

void readFunction(R &r, LocalFunction &f)
{
    r.read(QStringLiteral("id"), f.id, R::Required);
    r.read(QStringLiteral("name"), f.name, R::Required);
    r.read(QStringLiteral("runtime"), f.runtime);
    r.read(QStringLiteral("handler"), f.handler);
    r.read(QStringLiteral("codeDirectory"), f.codeDirectory);
    r.read(QStringLiteral("environment"), f.environment);
    r.read(QStringLiteral("timeout"), f.timeout);
    r.read(QStringLiteral("memorySize"), f.memorySize);
    r.read(QStringLiteral("concurrency"), f.concurrency);
}

Diagnostic readError(const QString &location, const QString &message)
{
    return Diagnostic{Diagnostic::Severity::Error, location, message, {}};
}

} // namespace

QJsonObject ProjectFile::toJson(const ApiDocument &doc)
{
    const ApiDocument d;
    QJsonObject root;
    root.insert(QStringLiteral("formatVersion"), CurrentFormatVersion);
    put(root, QStringLiteral("name"), doc.name, d.name);
    putList(root, QStringLiteral("apis"), doc.apis, apiToJson);
    putList(root, QStringLiteral("functions"), doc.functions, functionToJson);
    putList(root, QStringLiteral("usagePlans"), doc.usagePlans, usagePlanToJson);
    putList(root, QStringLiteral("apiKeys"), doc.apiKeys, apiKeyToJson);
    putList(root, QStringLiteral("iamCredentials"), doc.iamCredentials, iamCredentialToJson);
    return root;
}

QByteArray ProjectFile::serialize(const ApiDocument &doc)
{
    return QJsonDocument(toJson(doc)).toJson(QJsonDocument::Indented);
}

Result<ApiDocument> ProjectFile::fromJson(const QJsonObject &root)
{
    Result<QJsonObject> migrated = migrateProject(root, CurrentFormatVersion);
    if (!migrated)
        return migrated.diagnostics();

    Diagnostics diagnostics;
    ApiDocument doc;
    R r(migrated.value(), QString(), &diagnostics);
    int formatVersion = 0;
    r.read(QStringLiteral("formatVersion"), formatVersion, R::Required);
    r.read(QStringLiteral("name"), doc.name);
    r.readArray(QStringLiteral("apis"), [&](R &item) {
        Api a;
        readApi(item, a);
        doc.apis.append(a);
    });
    r.readArray(QStringLiteral("functions"), [&](R &item) {
        LocalFunction f;
        readFunction(item, f);
        doc.functions.append(f);
    });
    r.readArray(QStringLiteral("usagePlans"), [&](R &item) {
        UsagePlan p;
        readUsagePlan(item, p);
        doc.usagePlans.append(p);
    });
    r.readArray(QStringLiteral("apiKeys"), [&](R &item) {
        ApiKey k;
        item.read(QStringLiteral("id"), k.id, R::Required);
        item.read(QStringLiteral("name"), k.name, R::Required);
        item.read(QStringLiteral("value"), k.value);
        item.read(QStringLiteral("enabled"), k.enabled);
        doc.apiKeys.append(k);
    });
    r.readArray(QStringLiteral("iamCredentials"), [&](R &item) {
        IamCredential c;
        item.read(QStringLiteral("accessKeyId"), c.accessKeyId, R::Required);
        item.read(QStringLiteral("secretAccessKey"), c.secretAccessKey, R::Required);
        item.read(QStringLiteral("sessionToken"), c.sessionToken);
        item.read(QStringLiteral("principalArn"), c.principalArn);
        doc.iamCredentials.append(c);
    });
    r.reportUnknownKeys();

    if (hasErrors(diagnostics))
        return diagnostics;
    return Result<ApiDocument>(std::move(doc), std::move(diagnostics));
}

Result<ApiDocument> ProjectFile::parse(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        // QJsonParseError gives a byte offset just past the offending token; people and editors
        // want the line:column of the token itself.
        const int offset = int(qBound(qsizetype(0), qsizetype(error.offset) - 1, bytes.size()));
        const QByteArray before = bytes.left(offset);
        const int line = int(before.count('\n')) + 1;
        const int lineStart = int(before.lastIndexOf('\n')) + 1;
        const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
        return Diagnostics{readError(QStringLiteral("%1:%2").arg(line).arg(column),
                                     QStringLiteral("invalid JSON: %1").arg(error.errorString()))};
    }
    if (!json.isObject())
        return Diagnostics{readError(QString(), QStringLiteral("expected a JSON object at the top "
                                                               "level of a project file"))};
    return fromJson(json.object());
}

Result<ApiDocument> ProjectFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Diagnostics{readError(QString(), QStringLiteral("cannot open %1: %2")
                                                    .arg(path, file.errorString()))};
    }
    return parse(file.readAll());
}

QString ProjectFile::write(const ApiDocument &doc, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    const QByteArray bytes = serialize(doc);
    if (file.write(bytes) != bytes.size()) {
        const QString message = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return message;
    }
    if (!file.commit())
        return QStringLiteral("cannot save %1: %2").arg(path, file.errorString());
    return {};
}

QString ProjectFile::save(const ApiDocument &doc, const QString &path)
{
    if (QFileInfo::exists(path) && !load(path).ok()) {
        return QStringLiteral("%1 exists and is not a project file this version can read; not "
                              "overwriting")
            .arg(path);
    }
    return write(doc, path);
}

} // namespace Gw::Model
