// Structural edits the designer offers, as plain functions on an ApiDocument.
#include "ui/models/documentedits.h"

#include "ui/models/nodelookup.h"

#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

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

NodeRef addModel(ApiDocument &doc, const QString &apiId, const QString &name)
{
    Api *api = Lookup::api(doc, apiId);
    if (!api || api->type == ApiType::Http)
        return {};
    QStringList taken{QStringLiteral("Empty"), QStringLiteral("Error")}; // every AWS API has these
    for (const ApiModel &m : api->models)
        taken << m.name;
    ApiModel m;
    m.id = newId(QStringLiteral("mdl"));
    m.name = uniqueName(name, taken);
    m.schema = QJsonObject{{QStringLiteral("$schema"), QStringLiteral("http://json-schema.org/draft-04/schema#")},
                           {QStringLiteral("title"), m.name},
                           {QStringLiteral("type"), QStringLiteral("object")}};
    api->models << m;
    return {Kind::Model, apiId, m.id};
}

NodeRef addAuthorizer(ApiDocument &doc, const QString &apiId, const QString &name)
{
    Api *api = Lookup::api(doc, apiId);
    if (!api)
        return {};
    QStringList taken;
    for (const Authorizer &a : api->authorizers)
        taken << a.name;
    Authorizer a;
    a.id = newId(QStringLiteral("auth"));
    a.name = uniqueName(name, taken);
    switch (api->type) {
    case ApiType::Rest:
        a.type = AuthorizerType::Token;
        a.identitySource = {QStringLiteral("method.request.header.Authorization")};
        break;
    case ApiType::Http:
        a.type = AuthorizerType::Jwt;
        a.identitySource = {QStringLiteral("$request.header.Authorization")};
        break;
    case ApiType::WebSocket:
        a.type = AuthorizerType::Request;
        a.identitySource = {QStringLiteral("route.request.header.Authorization")};
        break;
    }
    api->authorizers << a;
    return {Kind::Authorizer, apiId, a.id};
}

NodeRef addStage(ApiDocument &doc, const QString &apiId, const QString &name)
{
    Api *api = Lookup::api(doc, apiId);
    if (!api)
        return {};
    QStringList taken;
    for (const Stage &s : api->stages)
        taken << s.name;
    Stage s;
    s.name = uniqueName(name, taken);
    api->stages << s;
    return {Kind::Stage, apiId, s.name};
}

NodeRef addFunction(ApiDocument &doc, const QString &name)
{
    QStringList taken;
    for (const LocalFunction &f : doc.functions)
        taken << f.name;
    LocalFunction f;
    f.id = newId(QStringLiteral("fn"));
    f.name = uniqueName(name, taken);
    f.codeDirectory = QStringLiteral("functions/") + f.name;
    doc.functions << f;
    return {Kind::Function, {}, f.id};
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

QString pathParameterName(const QString &pathPart)
{
    if (pathPart.size() < 3 || !pathPart.startsWith(QLatin1Char('{')) || !pathPart.endsWith(QLatin1Char('}')))
        return {};
    QString name = pathPart.mid(1, pathPart.size() - 2);
    if (name.endsWith(QLatin1Char('+')))
        name.chop(1);
    return name;
}

namespace {

// Stage method settings keys for a REST method: "<path>/<VERB>", or AWS's escaped "~1path/VERB".
QString stageKey(const QString &path, const QString &verb, bool escaped)
{
    QString p = path;
    if (escaped)
        p.replace(QLatin1Char('/'), QLatin1String("~1"));
    return p + QLatin1Char('/') + verb;
}

// The path of every method in `resourceIds`, by method id.
QHash<QString, QString> methodPaths(const Api &api, const QStringList &resourceIds)
{
    QHash<QString, QString> paths;
    for (const Resource &r : api.resources)
        if (resourceIds.contains(r.id)) {
            const QString path = resourcePath(api, r.id);
            for (const Method &m : r.methods)
                paths.insert(m.id, path);
        }
    return paths;
}

// After paths changed: re-key the stage method settings that named the old paths.
void rekeyStageSettings(Api &api, const QHash<QString, QString> &oldPaths)
{
    for (const Resource &r : api.resources)
        for (const Method &m : r.methods) {
            const auto old = oldPaths.constFind(m.id);
            if (old == oldPaths.cend())
                continue;
            const QString now = resourcePath(api, r.id);
            if (now == *old)
                continue;
            for (Stage &s : api.stages)
                for (bool escaped : {false, true}) {
                    const QString oldKey = stageKey(*old, m.httpMethod, escaped);
                    if (s.methodThrottle.contains(oldKey))
                        s.methodThrottle.insert(stageKey(now, m.httpMethod, escaped), s.methodThrottle.take(oldKey));
                }
        }
}

QString renameParamInTemplate(QString text, const QString &oldName, const QString &newName)
{
    const QString o = QRegularExpression::escape(oldName);
    // $input.params('x') / ("x") and $input.params().path.get('x')
    static const QString quoted = QStringLiteral(R"((\$input\.params\(\)\.path\.get\(|\$input\.params\()(['"])%1\2\))");
    QRegularExpression call(quoted.arg(o));
    text.replace(call, QStringLiteral("\\1\\2") + newName + QStringLiteral("\\2)"));
    // $input.params().path.x (not followed by more identifier characters)
    QRegularExpression member(QStringLiteral(R"((\$input\.params\(\)\.path\.)%1(?![A-Za-z0-9_]))").arg(o));
    text.replace(member, QStringLiteral("\\1") + newName);
    return text;
}

void renamePathParameterRefs(Method &m, const QString &oldName, const QString &newName)
{
    const QString oldParam = QStringLiteral("method.request.path.") + oldName;
    const QString newParam = QStringLiteral("method.request.path.") + newName;
    if (m.requestParameters.contains(oldParam))
        m.requestParameters.insert(newParam, m.requestParameters.take(oldParam));
    // Sources only: the keys (integration.request.path.x) name the integration URI's placeholders.
    for (auto it = m.integration.requestParameters.begin(); it != m.integration.requestParameters.end(); ++it)
        if (it.value() == oldParam)
            it.value() = newParam;
    for (auto it = m.integration.requestTemplates.begin(); it != m.integration.requestTemplates.end(); ++it)
        it.value() = renameParamInTemplate(it.value(), oldName, newName);
    for (IntegrationResponse &r : m.integration.responses)
        for (auto it = r.responseTemplates.begin(); it != r.responseTemplates.end(); ++it)
            it.value() = renameParamInTemplate(it.value(), oldName, newName);
}

} // namespace

bool renamePathParameterReferences(ApiDocument &doc, const QString &apiId, const QString &resourceId,
                                   const QString &oldName, const QString &newName)
{
    Api *api = Lookup::api(doc, apiId);
    if (!api || !Lookup::resource(*api, resourceId) || oldName.isEmpty() || newName.isEmpty() || oldName == newName)
        return false;
    const QString path = resourcePath(*api, resourceId);
    if (path.contains(QLatin1Char('{') + oldName + QLatin1Char('}')) || path.contains(QLatin1Char('{') + oldName + QLatin1String("+}")))
        return false;
    const QStringList subtree = Lookup::resourceSubtree(*api, resourceId);
    for (Resource &r : api->resources)
        if (subtree.contains(r.id))
            for (Method &m : r.methods)
                renamePathParameterRefs(m, oldName, newName);
    return true;
}

bool renameResource(ApiDocument &doc, const QString &apiId, const QString &resourceId, const QString &pathPart)
{
    Api *api = Lookup::api(doc, apiId);
    Resource *res = api ? Lookup::resource(*api, resourceId) : nullptr;
    if (!res || res->parentId.isEmpty() || res->pathPart == pathPart)
        return false;
    const QStringList subtree = Lookup::resourceSubtree(*api, resourceId);
    const QHash<QString, QString> oldPaths = methodPaths(*api, subtree);
    const QString oldName = pathParameterName(res->pathPart);
    const QString newName = pathParameterName(pathPart);
    res->pathPart = pathPart;
    renamePathParameterReferences(doc, apiId, resourceId, oldName, newName);
    rekeyStageSettings(*api, oldPaths);
    return true;
}

bool canMoveResource(const ApiDocument &doc, const QString &apiId, const QString &resourceId,
                     const QString &newParentId)
{
    const Api *api = Lookup::api(doc, apiId);
    const Resource *res = api ? Lookup::resource(*api, resourceId) : nullptr;
    if (!res || res->parentId.isEmpty() || res->parentId == newParentId || !Lookup::resource(*api, newParentId))
        return false;
    if (Lookup::resourceSubtree(*api, resourceId).contains(newParentId))
        return false;
    for (const Resource &r : api->resources)
        if (r.parentId == newParentId && r.pathPart == res->pathPart)
            return false;
    return true;
}

bool moveResource(ApiDocument &doc, const QString &apiId, const QString &resourceId, const QString &newParentId)
{
    if (!canMoveResource(doc, apiId, resourceId, newParentId))
        return false;
    Api *api = Lookup::api(doc, apiId);
    const QStringList subtree = Lookup::resourceSubtree(*api, resourceId);
    const QHash<QString, QString> oldPaths = methodPaths(*api, subtree);
    // The subtree goes last (parents still before their children), so it ends up as the new
    // parent's last child.
    QList<Resource> moved;
    for (const Resource &r : api->resources)
        if (subtree.contains(r.id))
            moved << r;
    api->resources.removeIf([&](const Resource &r) { return subtree.contains(r.id); });
    moved.first().parentId = newParentId;
    api->resources << moved;
    rekeyStageSettings(*api, oldPaths);
    return true;
}

bool canMoveMethod(const ApiDocument &doc, const QString &apiId, const QString &methodId, const QString &resourceId)
{
    const Api *api = Lookup::api(doc, apiId);
    const Resource *owner = nullptr;
    const Method *m = api ? Lookup::method(*api, methodId, &owner) : nullptr;
    const Resource *target = api ? Lookup::resource(*api, resourceId) : nullptr;
    if (!m || !target || owner->id == resourceId)
        return false;
    for (const Method &other : target->methods)
        if (other.httpMethod == m->httpMethod)
            return false;
    return true;
}

bool moveMethod(ApiDocument &doc, const QString &apiId, const QString &methodId, const QString &resourceId)
{
    if (!canMoveMethod(doc, apiId, methodId, resourceId))
        return false;
    Api *api = Lookup::api(doc, apiId);
    Resource *owner = nullptr;
    Method *m = Lookup::method(*api, methodId, &owner);
    const QHash<QString, QString> oldPaths{{methodId, resourcePath(*api, owner->id)}};
    const Method copy = *m;
    owner->methods.removeIf([&](const Method &x) { return x.id == methodId; });
    Lookup::resource(*api, resourceId)->methods << copy;
    rekeyStageSettings(*api, oldPaths);
    return true;
}

bool canDuplicate(const ApiDocument &doc, const NodeRef &node)
{
    switch (node.kind) {
    case Kind::Api:
    case Kind::Route:
    case Kind::Authorizer:
    case Kind::Model:
    case Kind::Stage:
    case Kind::Function:
    case Kind::UsagePlan:
    case Kind::ApiKey:
        return Lookup::exists(doc, node);
    case Kind::Resource:
        return canRemove(doc, node); // not the root
    default:
        return false;
    }
}

namespace {

// Copies resources `ids` (a subtree, parents first) with fresh resource and method ids.
QList<Resource> copyResources(const Api &api, const QStringList &ids, QHash<QString, QString> &idMap)
{
    QList<Resource> out;
    for (const Resource &r : api.resources)
        if (ids.contains(r.id))
            idMap.insert(r.id, newId(QStringLiteral("res")));
    for (const Resource &r : api.resources) {
        if (!ids.contains(r.id))
            continue;
        Resource c = r;
        c.id = idMap.value(r.id);
        c.parentId = idMap.value(r.parentId, r.parentId);
        for (Method &m : c.methods)
            m.id = newId(QStringLiteral("mth"));
        out << c;
    }
    return out;
}

} // namespace

namespace {
// Appends a copy of `original` to `list` with a name (or route key) no sibling has and, for
// nodes with ids, a fresh id; returns the copy.
template<typename Node>
Node &appendCopy(QList<Node> &list, const Node &original, QString Node::*name, const QString &idPrefix)
{
    QStringList names;
    for (const Node &n : list)
        names << n.*name;
    Node copy = original;
    if constexpr (requires { copy.id; })
        copy.id = newId(idPrefix);
    copy.*name = uniqueName(copy.*name, names);
    list << copy;
    return list.last();
}
} // namespace

NodeRef duplicate(ApiDocument &doc, const NodeRef &node)
{
    if (!canDuplicate(doc, node))
        return {};
    switch (node.kind) {
    case Kind::Api: {
        Api copy = *Lookup::api(doc, node.apiId);
        QStringList names;
        for (const Api &a : doc.apis)
            names << a.name;
        copy.id = newId(QStringLiteral("api"));
        copy.name = uniqueName(copy.name, names);
        QHash<QString, QString> resIds;
        QStringList all;
        for (const Resource &r : copy.resources)
            all << r.id;
        copy.resources = copyResources(copy, all, resIds);
        QHash<QString, QString> authIds, validatorIds;
        for (Authorizer &a : copy.authorizers) {
            const QString fresh = newId(QStringLiteral("auth"));
            authIds.insert(a.id, fresh);
            a.id = fresh;
        }
        for (RequestValidator &v : copy.requestValidators) {
            const QString fresh = newId(QStringLiteral("val"));
            validatorIds.insert(v.id, fresh);
            v.id = fresh;
        }
        for (ApiModel &m : copy.models)
            m.id = newId(QStringLiteral("mdl"));
        for (Resource &r : copy.resources)
            for (Method &m : r.methods) {
                m.authorizerId = authIds.value(m.authorizerId, m.authorizerId);
                m.requestValidatorId = validatorIds.value(m.requestValidatorId, m.requestValidatorId);
            }
        for (Route &rt : copy.routes) {
            rt.id = newId(QStringLiteral("rt"));
            rt.authorizerId = authIds.value(rt.authorizerId, rt.authorizerId);
        }
        doc.apis << copy;
        return NodeRef::api(copy.id);
    }
    case Kind::Resource: {
        Api *api = Lookup::api(doc, node.apiId);
        const Resource *res = Lookup::resource(*api, node.id);
        QStringList siblings;
        for (const Resource &r : api->resources)
            if (r.parentId == res->parentId)
                siblings << r.pathPart;
        QHash<QString, QString> ids;
        QList<Resource> copies = copyResources(*api, Lookup::resourceSubtree(*api, node.id), ids);
        Resource &top = copies.first();
        const QString param = pathParameterName(top.pathPart);
        if (param.isEmpty()) {
            top.pathPart = uniqueName(top.pathPart, siblings);
        } else {
            // "{petId}" -> "{petId2}" (a path part is a parameter or not as a whole).
            QStringList names;
            for (const QString &s : siblings)
                names << pathParameterName(s);
            const QString fresh = uniqueName(param, names);
            top.pathPart = QLatin1Char('{') + fresh + (top.pathPart.endsWith(QLatin1String("+}")) ? QStringLiteral("+}") : QStringLiteral("}"));
            for (Resource &r : copies)
                for (Method &m : r.methods)
                    renamePathParameterRefs(m, param, fresh);
        }
        const QString topId = top.id;
        api->resources << copies;
        return {Kind::Resource, node.apiId, topId};
    }
    case Kind::Route: {
        Api *api = Lookup::api(doc, node.apiId);
        const Route original = *Lookup::route(*api, node.id);
        return {Kind::Route, node.apiId,
                appendCopy(api->routes, original, &Route::routeKey, QStringLiteral("rt")).id};
    }
    case Kind::Authorizer: {
        Api *api = Lookup::api(doc, node.apiId);
        const Authorizer original = *Lookup::authorizer(*api, node.id);
        return {Kind::Authorizer, node.apiId,
                appendCopy(api->authorizers, original, &Authorizer::name, QStringLiteral("auth")).id};
    }
    case Kind::Model: {
        Api *api = Lookup::api(doc, node.apiId);
        const ApiModel original = *Lookup::model(*api, node.id);
        ApiModel &copy = appendCopy(api->models, original, &ApiModel::name, QStringLiteral("mdl"));
        if (copy.schema.value(QLatin1String("title")).toString() == original.name)
            copy.schema.insert(QStringLiteral("title"), copy.name);
        return {Kind::Model, node.apiId, copy.id};
    }
    case Kind::Stage: {
        Api *api = Lookup::api(doc, node.apiId);
        const Stage original = *Lookup::stage(*api, node.id);
        // Stages are known by name, not by an id.
        return {Kind::Stage, node.apiId, appendCopy(api->stages, original, &Stage::name, {}).name};
    }
    case Kind::Function: {
        const LocalFunction original = *Lookup::function(doc, node.id);
        return {Kind::Function, {}, appendCopy(doc.functions, original, &LocalFunction::name, QStringLiteral("fn")).id};
    }
    case Kind::UsagePlan: {
        const UsagePlan original = *Lookup::usagePlan(doc, node.id);
        return {Kind::UsagePlan, {}, appendCopy(doc.usagePlans, original, &UsagePlan::name, QStringLiteral("plan")).id};
    }
    case Kind::ApiKey: {
        const ApiKey original = *Lookup::apiKey(doc, node.id);
        ApiKey &copy = appendCopy(doc.apiKeys, original, &ApiKey::name, QStringLiteral("key"));
        copy.value = generateApiKeyValue(); // key values are unique in AWS
        return {Kind::ApiKey, {}, copy.id};
    }
    default:
        return {};
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
