// Structural edits the designer offers, as plain functions on an ApiDocument.
#include "ui/models/documentedits.h"

#include "ui/models/nodelookup.h"

#include <QRandomGenerator>

namespace Gw::Ui::Edits {

using namespace Gw::Model;
using Kind = NodeRef::Kind;

QStringList restMethods()
{
    return {QStringLiteral("GET"),    QStringLiteral("POST"),    QStringLiteral("PUT"),
            QStringLiteral("PATCH"),  QStringLiteral("DELETE"),  QStringLiteral("HEAD"),
            QStringLiteral("OPTIONS"), QStringLiteral("ANY")};
}

QString uniqueName(const QString &base, const QStringList &taken)
{
    if (!taken.contains(base))
        return base;
    for (int i = 2;; ++i) {
        const QString candidate = base + QString::number(i);
        if (!taken.contains(candidate))
            return candidate;
    }
}

Integration mockIntegration(const QString &body)
{
    Integration i;
    i.type = IntegrationType::Mock;
    // AWS's MOCK picks the integration response from the statusCode the request template yields.
    i.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}"));
    IntegrationResponse r;
    r.statusCode = QStringLiteral("200");
    r.responseTemplates.insert(QStringLiteral("application/json"), body);
    i.responses << r;
    return i;
}

NodeRef addApi(ApiDocument &doc, ApiType type, const QString &name)
{
    QStringList names;
    for (const Api &a : doc.apis)
        names << a.name;
    Api api;
    api.id = newId(QStringLiteral("api"));
    api.name = uniqueName(name, names);
    api.type = type;
    Stage stage;
    switch (type) {
    case ApiType::Rest: {
        Resource root;
        root.id = newId(QStringLiteral("res"));
        api.resources << root;
        stage.name = QStringLiteral("dev");
        break;
    }
    case ApiType::Http:
        stage.name = QStringLiteral("$default");
        break;
    case ApiType::WebSocket: {
        api.routeSelectionExpression = QStringLiteral("$request.body.action");
        for (const char *key : {"$connect", "$disconnect", "$default"}) {
            Route r;
            r.id = newId(QStringLiteral("rt"));
            r.routeKey = QLatin1String(key);
            r.integration = mockIntegration();
            api.routes << r;
        }
        stage.name = QStringLiteral("dev");
        break;
    }
    }
    api.stages << stage;
    doc.apis << api;
    return NodeRef::api(api.id);
}

NodeRef addResource(ApiDocument &doc, const QString &apiId, const QString &parentResourceId,
                    const QString &pathPart)
{
    Api *api = Lookup::api(doc, apiId);
    if (!api || api->type != ApiType::Rest || !Lookup::resource(*api, parentResourceId))
        return {};
    QStringList siblings;
    for (const Resource &r : api->resources)
        if (r.parentId == parentResourceId)
            siblings << r.pathPart;
    Resource r;
    r.id = newId(QStringLiteral("res"));
    r.parentId = parentResourceId;
    r.pathPart = uniqueName(pathPart, siblings);
    api->resources << r;
    return {Kind::Resource, apiId, r.id};
}

NodeRef addMethod(ApiDocument &doc, const QString &apiId, const QString &resourceId,
                  const QString &httpMethod)
{
    Api *api = Lookup::api(doc, apiId);
    if (!api)
        return {};
    Resource *res = Lookup::resource(*api, resourceId);
    if (!res)
        return {};
    const QString verb = httpMethod.toUpper();
    for (const Method &m : res->methods)
        if (m.httpMethod == verb)
            return {}; // AWS allows one method per verb on a resource
    Method m;
    m.id = newId(QStringLiteral("mth"));
    m.httpMethod = verb;
    m.integration = mockIntegration();
    m.methodResponses << MethodResponse{};
    res->methods << m;
    return {Kind::Method, apiId, m.id};
}

NodeRef addRoute(ApiDocument &doc, const QString &apiId, const QString &routeKey)
{
    Api *api = Lookup::api(doc, apiId);
    if (!api || api->type == ApiType::Rest)
        return {};
    QStringList keys;
    for (const Route &r : api->routes)
        keys << r.routeKey;
    Route r;
    r.id = newId(QStringLiteral("rt"));
    r.routeKey = uniqueName(routeKey, keys);
    if (api->type == ApiType::Http) {
        // HTTP APIs have no MOCK: start as an HTTP proxy the user points somewhere.
        r.integration.type = IntegrationType::HttpProxy;
        r.integration.httpMethod = QStringLiteral("ANY");
        r.integration.uri = QStringLiteral("https://example.com");
        r.integration.payloadFormatVersion = QStringLiteral("1.0");
    } else {
        r.integration = mockIntegration();
    }
    api->routes << r;
    return {Kind::Route, apiId, r.id};
}

NodeRef addUsagePlan(ApiDocument &doc, const QString &name)
{
    QStringList taken;
    for (const UsagePlan &p : doc.usagePlans)
        taken << p.name;
    UsagePlan plan;
    plan.id = newId(QStringLiteral("plan"));
    plan.name = uniqueName(name, taken);
    doc.usagePlans << plan;
    return {Kind::UsagePlan, {}, plan.id};
}

NodeRef addApiKey(ApiDocument &doc, const QString &name)
{
    QStringList taken;
    for (const ApiKey &k : doc.apiKeys)
        taken << k.name;
    ApiKey key;
    key.id = newId(QStringLiteral("key"));
    key.name = uniqueName(name, taken);
    key.value = generateApiKeyValue();
    doc.apiKeys << key;
    return {Kind::ApiKey, {}, key.id};
}

QString generateApiKeyValue()
{
    static const QLatin1String alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString value;
    value.reserve(40);
    for (int i = 0; i < 40; ++i)
        value += QChar(alphabet.at(int(QRandomGenerator::system()->bounded(quint32(alphabet.size())))));
    return value;
}

void renameFunction(ApiDocument &doc, const QString &functionId, const QString &name)
{
    LocalFunction *f = Lookup::function(doc, functionId);
    if (!f)
        return;
    const QString old = f->name;
    f->name = name;
    for (Api &a : doc.apis) {
        for (Resource &r : a.resources)
            for (Method &m : r.methods)
                if (m.integration.functionName == old)
                    m.integration.functionName = name;
        for (Route &rt : a.routes)
            if (rt.integration.functionName == old)
                rt.integration.functionName = name;
        for (Authorizer &au : a.authorizers)
            if (au.functionName == old)
                au.functionName = name;
    }
}

bool canRemove(const ApiDocument &doc, const NodeRef &node)
{
    switch (node.kind) {
    case Kind::Api:
    case Kind::Method:
    case Kind::Route:
    case Kind::Authorizer:
    case Kind::Model:
    case Kind::Stage:
    case Kind::Function:
    case Kind::UsagePlan:
    case Kind::ApiKey:
        return Lookup::exists(doc, node);
    case Kind::Resource: {
        const Api *api = Lookup::api(doc, node.apiId);
        const Resource *r = api ? Lookup::resource(*api, node.id) : nullptr;
        return r && !r->parentId.isEmpty(); // the root "/" stays
    }
    default:
        return false;
    }
}

bool remove(ApiDocument &doc, const NodeRef &node)
{
    if (!canRemove(doc, node))
        return false;
    if (node.kind == Kind::Function)
        return doc.functions.removeIf([&](const LocalFunction &f) { return f.id == node.id; }) > 0;
    if (node.kind == Kind::UsagePlan)
        return doc.usagePlans.removeIf([&](const UsagePlan &p) { return p.id == node.id; }) > 0;
    if (node.kind == Kind::ApiKey) {
        // Plans name their keys: unbind the key in the same step.
        for (UsagePlan &p : doc.usagePlans)
            p.apiKeyIds.removeAll(node.id);
        return doc.apiKeys.removeIf([&](const ApiKey &k) { return k.id == node.id; }) > 0;
    }
    // Usage plans name API stages: drop the bindings of what goes, in the same step.
    if (node.kind == Kind::Api || node.kind == Kind::Stage)
        for (UsagePlan &p : doc.usagePlans)
            p.apiStages.removeIf([&](const ApiStageRef &r) {
                return r.apiId == node.apiId && (node.kind == Kind::Api || r.stage == node.id);
            });
    if (node.kind == Kind::Api)
        return doc.apis.removeIf([&](const Api &a) { return a.id == node.apiId; }) > 0;
    Api *api = Lookup::api(doc, node.apiId);
    switch (node.kind) {
    case Kind::Resource: {
        const QStringList subtree = Lookup::resourceSubtree(*api, node.id);
        return api->resources.removeIf([&](const Resource &r) { return subtree.contains(r.id); }) > 0;
    }
    case Kind::Method:
        for (Resource &r : api->resources)
            if (r.methods.removeIf([&](const Method &m) { return m.id == node.id; }) > 0)
                return true;
        return false;
    case Kind::Route:
        return api->routes.removeIf([&](const Route &r) { return r.id == node.id; }) > 0;
    case Kind::Authorizer:
        return api->authorizers.removeIf([&](const Authorizer &a) { return a.id == node.id; }) > 0;
    case Kind::Model:
        return api->models.removeIf([&](const ApiModel &m) { return m.id == node.id; }) > 0;
    case Kind::Stage:
        return api->stages.removeIf([&](const Stage &s) { return s.name == node.id; }) > 0;
    default:
        return false;
    }
}

} // namespace Gw::Ui::Edits
