// Structural edits the designer offers, as plain functions on an ApiDocument.
#include "ui/models/documentedits.h"

#include "ui/models/nodelookup.h"

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
