// SAM export. Routes, integrations, authorizers, models, validators, gateway responses and CORS
// go into each API's DefinitionBody (OpenAPI 3.0 with x-amazon-apigateway-*), because SAM's own
// properties cannot say non-proxy integrations, mapping templates or validators; stages, stage
// variables and throttling use SAM properties; WebSocket APIs, which SAM's Api/HttpApi cannot
// express, are written as AWS::ApiGatewayV2 resources.
#include "model/interop/samexporter.h"

#include "model/interop/lambdauri.h"
#include "model/interop/openapiexporter.h"
#include "model/serialization/jsonpointer.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Gw::Model::Interop {

namespace {

QJsonObject ref(const QString &logical)
{
    return QJsonObject{{QStringLiteral("Ref"), logical}};
}

QJsonObject sub(const QString &text)
{
    return QJsonObject{{QStringLiteral("Fn::Sub"), text}};
}

QString camel(const QString &s)
{
    QString out;
    bool upper = true;
    for (const QChar c : s) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            out += upper ? c.toUpper() : c;
            upper = false;
        } else {
            upper = true;
        }
    }
    if (out.isEmpty() || out.at(0).isDigit())
        out.prepend(QLatin1Char('X'));
    return out;
}

QJsonObject toObject(const QMap<QString, QString> &m)
{
    QJsonObject o;
    for (auto it = m.constBegin(); it != m.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

class Exporter
{
public:
    Exporter(const ApiDocument &doc, const SamExporter::Options &options) : m_doc(doc), m_options(options) {}
    Result<QJsonObject> run();

private:
    QString uniqueLogical(const QString &base)
    {
        QString id = base;
        for (int n = 2; m_used.contains(id); ++n)
            id = base + QString::number(n);
        m_used.insert(id);
        return id;
    }
    QString codeUri(const QString &codeDirectory) const
    {
        if (m_options.templateDir.isEmpty() && m_options.projectDir.isEmpty())
            return codeDirectory;
        const QString abs = QDir(m_options.projectDir.isEmpty() ? m_options.templateDir : m_options.projectDir).absoluteFilePath(codeDirectory);
        const QString rel = QDir(m_options.templateDir.isEmpty() ? m_options.projectDir : m_options.templateDir).relativeFilePath(abs);
        return rel.isEmpty() ? QStringLiteral(".") : rel;
    }
    QJsonValue lambdaUri(const QString &functionName, const QString &uri) const
    {
        if (m_functionLogical.contains(functionName))
            return sub(QStringLiteral("arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${")
                       + m_functionLogical.value(functionName) + QStringLiteral(".Arn}/invocations"));
        return uri.isEmpty() ? LambdaUri::invocationUri(functionName) : uri;
    }
    void addPermissions(const QString &apiLogical, const QSet<QString> &functions);
    void exportRestOrHttp(const Api &api);
    void exportWebSocket(const Api &api);

    const ApiDocument &m_doc;
    SamExporter::Options m_options;
    QJsonObject m_resources;
    QSet<QString> m_used;
    QHash<QString, QString> m_functionLogical; // function name -> logical id
    QHash<QString, QString> m_apiLogical;      // api id -> logical id
    QHash<QString, QHash<QString, QJsonValue>> m_stageRefs; // api id -> stage name -> stage name value
    Diagnostics m_warnings;
};

void Exporter::addPermissions(const QString &apiLogical, const QSet<QString> &functions)
{
    QStringList sorted(functions.begin(), functions.end());
    std::sort(sorted.begin(), sorted.end());
    for (const QString &fn : sorted) {
        if (!m_functionLogical.contains(fn))
            continue;
        const QString logical = uniqueLogical(apiLogical + m_functionLogical.value(fn) + QStringLiteral("Permission"));
        m_resources.insert(logical, QJsonObject{
            {QStringLiteral("Type"), QStringLiteral("AWS::Lambda::Permission")},
            {QStringLiteral("Properties"), QJsonObject{
                {QStringLiteral("Action"), QStringLiteral("lambda:InvokeFunction")},
                {QStringLiteral("FunctionName"), ref(m_functionLogical.value(fn))},
                {QStringLiteral("Principal"), QStringLiteral("apigateway.amazonaws.com")},
                {QStringLiteral("SourceArn"), sub(QStringLiteral("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${") + apiLogical + QStringLiteral("}/*"))}}}});
    }
}

void Exporter::exportRestOrHttp(const Api &api)
{
    const bool http = api.type == ApiType::Http;
    const QString logical = m_apiLogical.value(api.id);
    OpenApiExporter::Options o;
    o.version = OpenApiExporter::Version::Oas30;
    o.functionLogicalId = [this](const QString &fn) { return m_functionLogical.value(fn); };
    auto body = OpenApiExporter::exportApi(m_doc, api, o);
    if (!body) {
        m_warnings.append(body.diagnostics());
        return;
    }
    QJsonObject definition = body.value();
    definition.remove(QStringLiteral("servers")); // SAM sets the stage itself
    QJsonObject props{{QStringLiteral("Name"), api.name}, {QStringLiteral("DefinitionBody"), definition}};
    if (!api.description.isEmpty())
        props.insert(QStringLiteral("Description"), api.description);
    const Stage first = api.stages.isEmpty() ? Stage{http ? QStringLiteral("$default") : QStringLiteral("dev"), {}, {}, {}, {}, std::nullopt, true}
                                             : api.stages.first();
    props.insert(QStringLiteral("StageName"), first.name);
    m_stageRefs[api.id].insert(first.name, ref(logical + QStringLiteral(".Stage")));
    if (!first.variables.isEmpty())
        props.insert(http ? QStringLiteral("StageVariables") : QStringLiteral("Variables"), toObject(first.variables));
    auto throttleJson = [](const ThrottleSettings &t) {
        QJsonObject o;
        if (t.rateLimit >= 0)
            o.insert(QStringLiteral("ThrottlingRateLimit"), t.rateLimit);
        if (t.burstLimit >= 0)
            o.insert(QStringLiteral("ThrottlingBurstLimit"), t.burstLimit);
        return o;
    };
    if (http) {
        if (first.throttle.isSet())
            props.insert(QStringLiteral("DefaultRouteSettings"), throttleJson(first.throttle));
        QJsonObject routeSettings;
        for (auto it = first.methodThrottle.constBegin(); it != first.methodThrottle.constEnd(); ++it)
            routeSettings.insert(it.key(), throttleJson(it.value()));
        for (const Route &rt : api.routes) {
            if (rt.throttle.isSet())
                routeSettings.insert(rt.routeKey, throttleJson(rt.throttle));
        }
        if (!routeSettings.isEmpty())
            props.insert(QStringLiteral("RouteSettings"), routeSettings);
    } else {
        QJsonArray settings;
        auto methodSetting = [&](const QString &path, const QString &verb, const ThrottleSettings &t) {
            QJsonObject s = throttleJson(t);
            s.insert(QStringLiteral("ResourcePath"), path);
            s.insert(QStringLiteral("HttpMethod"), verb);
            settings.append(s);
        };
        if (first.throttle.isSet())
            methodSetting(QStringLiteral("/*"), QStringLiteral("*"), first.throttle);
        for (auto it = first.methodThrottle.constBegin(); it != first.methodThrottle.constEnd(); ++it) {
            const qsizetype slash = it.key().lastIndexOf(QLatin1Char('/'));
            methodSetting(slash > 0 ? it.key().left(slash) : QStringLiteral("/"), it.key().mid(slash + 1), it.value());
        }
        if (!settings.isEmpty())
            props.insert(QStringLiteral("MethodSettings"), settings);
        if (first.canary)
            m_warnings.append({Diagnostic::Severity::Warning, api.name, QStringLiteral("canary settings are not exported"), {}});
    }
    QJsonObject resource{{QStringLiteral("Type"), http ? QStringLiteral("AWS::Serverless::HttpApi") : QStringLiteral("AWS::Serverless::Api")},
                         {QStringLiteral("Properties"), props}};
    // What SAM has no property for, for a faithful re-import.
    QJsonObject meta;
    if (!first.description.isEmpty())
        meta.insert(QStringLiteral("StageDescription"), first.description);
    if (!first.autoDeploy)
        meta.insert(QStringLiteral("AutoDeploy"), false);
    if (!meta.isEmpty())
        resource.insert(QStringLiteral("Metadata"), QJsonObject{{QStringLiteral("ApigwStudio"), meta}});
    m_resources.insert(logical, resource);
    // Further stages: their own Stage resources on the deployment SAM creates.
    for (int i = 1; i < api.stages.size(); ++i) {
        const Stage &s = api.stages.at(i);
        const QString stageLogical = uniqueLogical(logical + camel(s.name) + QStringLiteral("Stage"));
        QJsonObject sp;
        if (http) {
            sp = {{QStringLiteral("ApiId"), ref(logical)}, {QStringLiteral("StageName"), s.name},
                  {QStringLiteral("AutoDeploy"), s.autoDeploy}};
            if (!s.variables.isEmpty())
                sp.insert(QStringLiteral("StageVariables"), toObject(s.variables));
            if (s.throttle.isSet())
                sp.insert(QStringLiteral("DefaultRouteSettings"), throttleJson(s.throttle));
        } else {
            sp = {{QStringLiteral("RestApiId"), ref(logical)}, {QStringLiteral("StageName"), s.name},
                  {QStringLiteral("DeploymentId"), ref(logical + QStringLiteral(".Deployment"))}};
            if (!s.variables.isEmpty())
                sp.insert(QStringLiteral("Variables"), toObject(s.variables));
            if (s.throttle.isSet()) {
                QJsonObject ms = throttleJson(s.throttle);
                ms.insert(QStringLiteral("ResourcePath"), QStringLiteral("/*"));
                ms.insert(QStringLiteral("HttpMethod"), QStringLiteral("*"));
                sp.insert(QStringLiteral("MethodSettings"), QJsonArray{ms});
            }
        }
        if (!s.description.isEmpty())
            sp.insert(QStringLiteral("Description"), s.description);
        m_resources.insert(stageLogical, QJsonObject{{QStringLiteral("Type"), http ? QStringLiteral("AWS::ApiGatewayV2::Stage") : QStringLiteral("AWS::ApiGateway::Stage")},
                                                     {QStringLiteral("Properties"), sp}});
        m_stageRefs[api.id].insert(s.name, ref(stageLogical));
    }
    QSet<QString> functions;
    for (const Resource &r : api.resources) {
        for (const Method &m : r.methods)
            functions.insert(m.integration.functionName);
    }
    for (const Route &rt : api.routes)
        functions.insert(rt.integration.functionName);
    for (const Authorizer &a : api.authorizers)
        functions.insert(a.functionName);
    functions.remove(QString());
    addPermissions(logical, functions);
}

void Exporter::exportWebSocket(const Api &api)
{
    const QString logical = m_apiLogical.value(api.id);
    QJsonObject props{{QStringLiteral("Name"), api.name}, {QStringLiteral("ProtocolType"), QStringLiteral("WEBSOCKET")},
                      {QStringLiteral("RouteSelectionExpression"),
                       api.routeSelectionExpression.isEmpty() ? QStringLiteral("$request.body.action") : api.routeSelectionExpression}};
    if (!api.description.isEmpty())
        props.insert(QStringLiteral("Description"), api.description);
    m_resources.insert(logical, QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGatewayV2::Api")}, {QStringLiteral("Properties"), props}});
    QHash<QString, QString> authLogical;
    QSet<QString> functions;
    for (const Authorizer &a : api.authorizers) {
        const QString al = uniqueLogical(logical + camel(a.name) + QStringLiteral("Authorizer"));
        authLogical.insert(a.id, al);
        QJsonObject ap{{QStringLiteral("ApiId"), ref(logical)}, {QStringLiteral("Name"), a.name},
                       {QStringLiteral("AuthorizerType"), QStringLiteral("REQUEST")},
                       {QStringLiteral("IdentitySource"), QJsonArray::fromStringList(a.identitySource)}};
        if (!a.functionName.isEmpty()) {
            ap.insert(QStringLiteral("AuthorizerUri"), lambdaUri(a.functionName, {}));
            functions.insert(a.functionName);
        }
        m_resources.insert(al, QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGatewayV2::Authorizer")}, {QStringLiteral("Properties"), ap}});
    }
    QJsonArray routeLogicals;
    for (const Route &rt : api.routes) {
        const QString base = logical + camel(rt.routeKey == QLatin1String("$default") ? QStringLiteral("default") : rt.routeKey);
        const QString routeLogical = uniqueLogical(base + QStringLiteral("Route"));
        const QString integLogical = uniqueLogical(base + QStringLiteral("Integration"));
        routeLogicals.append(routeLogical);
        const Integration &i = rt.integration;
        QJsonObject ip{{QStringLiteral("ApiId"), ref(logical)}, {QStringLiteral("IntegrationType"), toString(i.type)}};
        if (!i.functionName.isEmpty() && (i.type == IntegrationType::AwsProxy || i.type == IntegrationType::Aws)) {
            ip.insert(QStringLiteral("IntegrationUri"), lambdaUri(i.functionName, i.uri));
            functions.insert(i.functionName);
        } else if (!i.uri.isEmpty()) {
            ip.insert(QStringLiteral("IntegrationUri"), i.uri);
        }
        if (!i.httpMethod.isEmpty())
            ip.insert(QStringLiteral("IntegrationMethod"), i.httpMethod);
        if (!i.requestParameters.isEmpty())
            ip.insert(QStringLiteral("RequestParameters"), toObject(i.requestParameters));
        if (!i.requestTemplates.isEmpty())
            ip.insert(QStringLiteral("RequestTemplates"), toObject(i.requestTemplates));
        if (i.passthroughBehavior != PassthroughBehavior::WhenNoMatch)
            ip.insert(QStringLiteral("PassthroughBehavior"), toString(i.passthroughBehavior));
        if (!i.contentHandling.isEmpty())
            ip.insert(QStringLiteral("ContentHandlingStrategy"), i.contentHandling);
        if (i.timeoutInMillis != Integration().timeoutInMillis)
            ip.insert(QStringLiteral("TimeoutInMillis"), i.timeoutInMillis);
        if (!i.credentials.isEmpty())
            ip.insert(QStringLiteral("CredentialsArn"), i.credentials);
        if (!i.connectionType.isEmpty())
            ip.insert(QStringLiteral("ConnectionType"), i.connectionType);
        m_resources.insert(integLogical, QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGatewayV2::Integration")}, {QStringLiteral("Properties"), ip}});
        for (const IntegrationResponse &r : i.responses) {
            const QString rl = uniqueLogical(integLogical + QStringLiteral("Response"));
            QJsonObject rp{{QStringLiteral("ApiId"), ref(logical)}, {QStringLiteral("IntegrationId"), ref(integLogical)},
                           {QStringLiteral("IntegrationResponseKey"), r.selectionPattern.isEmpty() ? QStringLiteral("$default") : r.selectionPattern}};
            if (!r.responseTemplates.isEmpty())
                rp.insert(QStringLiteral("ResponseTemplates"), toObject(r.responseTemplates));
            if (!r.responseParameters.isEmpty())
                rp.insert(QStringLiteral("ResponseParameters"), toObject(r.responseParameters));
            m_resources.insert(rl, QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGatewayV2::IntegrationResponse")}, {QStringLiteral("Properties"), rp}});
        }
        QJsonObject rp{{QStringLiteral("ApiId"), ref(logical)}, {QStringLiteral("RouteKey"), rt.routeKey},
                       {QStringLiteral("Target"), sub(QStringLiteral("integrations/${") + integLogical + QLatin1Char('}'))}};
        if (rt.authorizationType != AuthorizationType::None)
            rp.insert(QStringLiteral("AuthorizationType"), toString(rt.authorizationType));
        if (authLogical.contains(rt.authorizerId))
            rp.insert(QStringLiteral("AuthorizerId"), ref(authLogical.value(rt.authorizerId)));
        if (rt.apiKeyRequired)
            rp.insert(QStringLiteral("ApiKeyRequired"), true);
        if (!rt.operationName.isEmpty())
            rp.insert(QStringLiteral("OperationName"), rt.operationName);
        if (!rt.routeResponseSelectionExpression.isEmpty()) {
            rp.insert(QStringLiteral("RouteResponseSelectionExpression"), rt.routeResponseSelectionExpression);
            m_resources.insert(uniqueLogical(routeLogical + QStringLiteral("Response")),
                               QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGatewayV2::RouteResponse")},
                                           {QStringLiteral("Properties"), QJsonObject{{QStringLiteral("ApiId"), ref(logical)},
                                                                                    {QStringLiteral("RouteId"), ref(routeLogical)},
                                                                                    {QStringLiteral("RouteResponseKey"), QStringLiteral("$default")}}}});
        }
        m_resources.insert(routeLogical, QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGatewayV2::Route")}, {QStringLiteral("Properties"), rp}});
    }
    QList<Stage> stages = api.stages;
    if (stages.isEmpty())
        stages.append(Stage{QStringLiteral("dev"), {}, {}, {}, {}, std::nullopt, true});
    for (const Stage &s : stages) {
        const QString sl = uniqueLogical(logical + camel(s.name) + QStringLiteral("Stage"));
        QJsonObject sp{{QStringLiteral("ApiId"), ref(logical)}, {QStringLiteral("StageName"), s.name}, {QStringLiteral("AutoDeploy"), true}};
        if (!s.description.isEmpty())
            sp.insert(QStringLiteral("Description"), s.description);
        if (!s.variables.isEmpty())
            sp.insert(QStringLiteral("StageVariables"), toObject(s.variables));
        if (s.throttle.isSet()) {
            QJsonObject t;
            if (s.throttle.rateLimit >= 0)
                t.insert(QStringLiteral("ThrottlingRateLimit"), s.throttle.rateLimit);
            if (s.throttle.burstLimit >= 0)
                t.insert(QStringLiteral("ThrottlingBurstLimit"), s.throttle.burstLimit);
            sp.insert(QStringLiteral("DefaultRouteSettings"), t);
        }
        // Stages with AutoDeploy need the routes to exist first.
        m_resources.insert(sl, QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGatewayV2::Stage")},
                                           {QStringLiteral("DependsOn"), routeLogicals},
                                           {QStringLiteral("Properties"), sp}});
        m_stageRefs[api.id].insert(s.name, ref(sl));
    }
    addPermissions(logical, functions);
}

Result<QJsonObject> Exporter::run()
{
    // Logical ids first: everything refers to them.
    for (const LocalFunction &f : m_doc.functions) {
        QString base = camel(f.name);
        if (!base.endsWith(QLatin1String("Function")))
            base += QStringLiteral("Function");
        m_functionLogical.insert(f.name, uniqueLogical(base));
    }
    for (const Api &api : m_doc.apis) {
        QString base = camel(api.name);
        const QString suffix = api.type == ApiType::WebSocket ? QStringLiteral("WebSocketApi")
                               : api.type == ApiType::Http    ? QStringLiteral("HttpApi")
                                                              : QStringLiteral("Api");
        if (!base.endsWith(suffix))
            base += suffix;
        m_apiLogical.insert(api.id, uniqueLogical(base));
    }
    for (const LocalFunction &f : m_doc.functions) {
        QJsonObject p{{QStringLiteral("FunctionName"), f.name}, {QStringLiteral("Runtime"), f.runtime},
                      {QStringLiteral("Handler"), f.handler}, {QStringLiteral("Timeout"), f.timeout},
                      {QStringLiteral("MemorySize"), f.memorySize}};
        if (!f.codeDirectory.isEmpty())
            p.insert(QStringLiteral("CodeUri"), codeUri(f.codeDirectory));
        else
            m_warnings.append({Diagnostic::Severity::Warning, f.name, QStringLiteral("function %1 has no code directory: CodeUri left out").arg(f.name), {}});
        if (!f.environment.isEmpty())
            p.insert(QStringLiteral("Environment"), QJsonObject{{QStringLiteral("Variables"), toObject(f.environment)}});
        QJsonObject res{{QStringLiteral("Type"), QStringLiteral("AWS::Serverless::Function")}, {QStringLiteral("Properties"), p}};
        if (f.concurrency != LocalFunction().concurrency)
            res.insert(QStringLiteral("Metadata"), QJsonObject{{QStringLiteral("ApigwStudio"), QJsonObject{{QStringLiteral("Concurrency"), f.concurrency}}}});
        m_resources.insert(m_functionLogical.value(f.name), res);
    }
    for (const Api &api : m_doc.apis) {
        if (api.type == ApiType::WebSocket)
            exportWebSocket(api);
        else
            exportRestOrHttp(api);
    }
    QHash<QString, QString> keyLogical;
    for (const ApiKey &k : m_doc.apiKeys) {
        const QString kl = uniqueLogical(camel(k.name) + QStringLiteral("ApiKey"));
        keyLogical.insert(k.id, kl);
        QJsonObject p{{QStringLiteral("Name"), k.name}, {QStringLiteral("Enabled"), k.enabled}};
        if (!k.value.isEmpty())
            p.insert(QStringLiteral("Value"), k.value);
        m_resources.insert(kl, QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGateway::ApiKey")}, {QStringLiteral("Properties"), p}});
    }
    for (const UsagePlan &plan : m_doc.usagePlans) {
        const QString pl = uniqueLogical(camel(plan.name) + QStringLiteral("UsagePlan"));
        QJsonObject p{{QStringLiteral("UsagePlanName"), plan.name}};
        QJsonArray stages;
        for (const ApiStageRef &s : plan.apiStages) {
            if (!m_apiLogical.contains(s.apiId)) {
                m_warnings.append({Diagnostic::Severity::Warning, plan.name, QStringLiteral("usage plan stage names an unknown API"), {}});
                continue;
            }
            stages.append(QJsonObject{{QStringLiteral("ApiId"), ref(m_apiLogical.value(s.apiId))},
                                      {QStringLiteral("Stage"), m_stageRefs.value(s.apiId).value(s.stage, s.stage)}});
        }
        if (!stages.isEmpty())
            p.insert(QStringLiteral("ApiStages"), stages);
        if (plan.throttle.isSet()) {
            QJsonObject t;
            if (plan.throttle.rateLimit >= 0)
                t.insert(QStringLiteral("RateLimit"), plan.throttle.rateLimit);
            if (plan.throttle.burstLimit >= 0)
                t.insert(QStringLiteral("BurstLimit"), plan.throttle.burstLimit);
            p.insert(QStringLiteral("Throttle"), t);
        }
        if (plan.quota)
            p.insert(QStringLiteral("Quota"), QJsonObject{{QStringLiteral("Limit"), plan.quota->limit},
                                                          {QStringLiteral("Period"), toString(plan.quota->period)},
                                                          {QStringLiteral("Offset"), plan.quota->offset}});
        m_resources.insert(pl, QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGateway::UsagePlan")}, {QStringLiteral("Properties"), p}});
        for (const QString &keyId : plan.apiKeyIds) {
            if (!keyLogical.contains(keyId))
                continue;
            m_resources.insert(uniqueLogical(pl + keyLogical.value(keyId)),
                               QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::ApiGateway::UsagePlanKey")},
                                           {QStringLiteral("Properties"), QJsonObject{{QStringLiteral("KeyId"), ref(keyLogical.value(keyId))},
                                                                                    {QStringLiteral("KeyType"), QStringLiteral("API_KEY")},
                                                                                    {QStringLiteral("UsagePlanId"), ref(pl)}}}});
        }
    }
    if (!m_doc.iamCredentials.isEmpty())
        m_warnings.append({Diagnostic::Severity::Warning, QString(), QStringLiteral("local IAM credentials are not exported"), {}});
    QJsonObject root{{QStringLiteral("AWSTemplateFormatVersion"), QStringLiteral("2010-09-09")},
                     {QStringLiteral("Transform"), QStringLiteral("AWS::Serverless-2016-10-31")},
                     {QStringLiteral("Resources"), m_resources}};
    if (!m_doc.name.isEmpty())
        root.insert(QStringLiteral("Description"), m_doc.name);
    Diagnostics dangling = SamExporter::checkReferences(root);
    if (hasErrors(dangling))
        return dangling;
    return Result<QJsonObject>(root, m_warnings);
}

void collectReferences(const QJsonValue &v, const QString &where, QList<std::pair<QString, QString>> &out)
{
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i)
            collectReferences(a.at(i), jsonPointer(where, i), out);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    if (o.size() == 1) {
        const QString k = o.constBegin().key();
        const QJsonValue arg = o.constBegin().value();
        if (k == QLatin1String("Ref") && arg.isString()) {
            out.append({arg.toString(), where});
            return;
        }
        if (k == QLatin1String("Fn::GetAtt")) {
            const QString target = arg.isArray() ? arg.toArray().at(0).toString() : arg.toString().section(QLatin1Char('.'), 0, 0);
            out.append({target, where});
            return;
        }
        if (k == QLatin1String("Fn::Sub")) {
            const QString text = arg.isString() ? arg.toString() : arg.toArray().at(0).toString();
            const QJsonObject vars = arg.isArray() ? arg.toArray().at(1).toObject() : QJsonObject();
            static const QRegularExpression re(QStringLiteral("\\$\\{([^!}][^}]*)\\}"));
            for (auto it = re.globalMatch(text); it.hasNext();) {
                const QString name = it.next().captured(1).trimmed();
                if (vars.contains(name))
                    continue;
                out.append({name.contains(QLatin1Char('.')) && !name.startsWith(QLatin1String("AWS::")) ? name.section(QLatin1Char('.'), 0, 0) : name, where});
            }
            if (arg.isArray())
                collectReferences(vars, jsonPointer(where, QStringLiteral("Fn::Sub")), out);
            return;
        }
    }
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        collectReferences(it.value(), jsonPointer(where, it.key()), out);
}

} // namespace

Result<QJsonObject> SamExporter::exportTemplate(const ApiDocument &doc, const Options &options)
{
    Exporter e(doc, options);
    return e.run();
}

Diagnostics SamExporter::checkReferences(const QJsonObject &templateJson)
{
    const QJsonObject resources = templateJson.value(QLatin1String("Resources")).toObject();
    const QJsonObject parameters = templateJson.value(QLatin1String("Parameters")).toObject();
    QSet<QString> known;
    for (auto it = resources.constBegin(); it != resources.constEnd(); ++it) {
        known.insert(it.key());
        const QString type = it.value().toObject().value(QLatin1String("Type")).toString();
        // Resources SAM generates and lets templates refer to.
        if (type == QLatin1String("AWS::Serverless::Api") || type == QLatin1String("AWS::Serverless::HttpApi")) {
            known.insert(it.key() + QStringLiteral(".Deployment"));
            known.insert(it.key() + QStringLiteral(".Stage"));
        }
        if (type == QLatin1String("AWS::Serverless::Function")) {
            known.insert(it.key() + QStringLiteral(".Alias"));
            known.insert(it.key() + QStringLiteral(".Version"));
            known.insert(it.key() + QStringLiteral("Role"));
            const QJsonObject events = it.value().toObject().value(QLatin1String("Properties")).toObject().value(QLatin1String("Events")).toObject();
            for (const QJsonValue &e : events) {
                const QJsonObject eo = e.toObject();
                const QJsonObject ep = eo.value(QLatin1String("Properties")).toObject();
                if (eo.value(QLatin1String("Type")).toString() == QLatin1String("Api") && !ep.contains(QLatin1String("RestApiId")))
                    known.unite({QStringLiteral("ServerlessRestApi"), QStringLiteral("ServerlessRestApi.Deployment"), QStringLiteral("ServerlessRestApi.Stage")});
                if (eo.value(QLatin1String("Type")).toString() == QLatin1String("HttpApi") && !ep.contains(QLatin1String("ApiId")))
                    known.unite({QStringLiteral("ServerlessHttpApi"), QStringLiteral("ServerlessHttpApi.Deployment"), QStringLiteral("ServerlessHttpApi.Stage")});
            }
        }
    }
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it)
        known.insert(it.key());
    QList<std::pair<QString, QString>> refs;
    collectReferences(resources, QStringLiteral("/Resources"), refs);
    collectReferences(templateJson.value(QLatin1String("Outputs")), QStringLiteral("/Outputs"), refs);
    Diagnostics out;
    for (const auto &[name, where] : refs) {
        if (name.startsWith(QLatin1String("AWS::")) || known.contains(name))
            continue;
        out.append({Diagnostic::Severity::Error, where, QStringLiteral("reference to %1, which the template does not define").arg(name),
                    QStringLiteral("dangling-ref")});
    }
    return out;
}

} // namespace Gw::Model::Interop
