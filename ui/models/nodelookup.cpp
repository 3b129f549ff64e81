// Finding the document parts a NodeRef names, and mapping JSON pointers back to nodes.
#include "ui/models/nodelookup.h"

namespace Gw::Ui::Lookup {

using Kind = NodeRef::Kind;

bool exists(const Model::ApiDocument &doc, const NodeRef &node)
{
    if (node.kind == Kind::FunctionGroup || node.kind == Kind::UsagePlanGroup || node.kind == Kind::ApiKeyGroup)
        return true;
    if (node.kind == Kind::UsagePlan)
        return usagePlan(doc, node.id) != nullptr;
    if (node.kind == Kind::ApiKey)
        return apiKey(doc, node.id) != nullptr;
    if (node.kind == Kind::Function)
        return function(doc, node.id) != nullptr;
    const Model::Api *a = api(doc, node.apiId);
    if (!a)
        return false;
    switch (node.kind) {
    case Kind::None:
        return false;
    case Kind::Api:
    case Kind::AuthorizerGroup:
    case Kind::ModelGroup:
    case Kind::StageGroup:
        return true;
    case Kind::Resource:
        return resource(*a, node.id) != nullptr;
    case Kind::Method:
        return method(*a, node.id) != nullptr;
    case Kind::Route:
        return route(*a, node.id) != nullptr;
    case Kind::Authorizer:
        return authorizer(*a, node.id) != nullptr;
    case Kind::Model:
        return model(*a, node.id) != nullptr;
    case Kind::Stage:
        return stage(*a, node.id) != nullptr;
    case Kind::FunctionGroup:
    case Kind::Function:
    case Kind::UsagePlanGroup:
    case Kind::UsagePlan:
    case Kind::ApiKeyGroup:
    case Kind::ApiKey:
        break;
    }
    return false;
}

QString resourceOfMethod(const Model::Api &api, const QString &methodId)
{
    const Model::Resource *owner = nullptr;
    method(api, methodId, &owner);
    return owner ? owner->id : QString();
}

QStringList resourceSubtree(const Model::Api &api, const QString &resourceId)
{
    QStringList result{resourceId};
    // Breadth-first over parentId links; the list grows while we walk it.
    for (qsizetype i = 0; i < result.size(); ++i)
        for (const Model::Resource &r : api.resources)
            if (r.parentId == result.at(i) && !result.contains(r.id))
                result << r.id;
    return result;
}

NodeRef nodeForPointer(const Model::ApiDocument &doc, const QString &pointer)
{
    const QStringList parts = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    auto indexAt = [&](int i, qsizetype size) -> int {
        if (i >= parts.size())
            return -1;
        bool ok = false;
        const int n = parts.at(i).toInt(&ok);
        return ok && n >= 0 && n < size ? n : -1;
    };
    if (parts.isEmpty())
        return {};
    if (parts.at(0) == QLatin1String("functions")) {
        const int f = indexAt(1, doc.functions.size());
        if (f < 0)
            return {Kind::FunctionGroup, {}, {}};
        return {Kind::Function, {}, doc.functions.at(f).id};
    }
    if (parts.at(0) == QLatin1String("usagePlans")) {
        const int i = indexAt(1, doc.usagePlans.size());
        return i < 0 ? NodeRef{Kind::UsagePlanGroup, {}, {}} : NodeRef{Kind::UsagePlan, {}, doc.usagePlans.at(i).id};
    }
    if (parts.at(0) == QLatin1String("apiKeys")) {
        const int i = indexAt(1, doc.apiKeys.size());
        return i < 0 ? NodeRef{Kind::ApiKeyGroup, {}, {}} : NodeRef{Kind::ApiKey, {}, doc.apiKeys.at(i).id};
    }
    if (parts.at(0) != QLatin1String("apis"))
        return {};
    const int ai = indexAt(1, doc.apis.size());
    if (ai < 0)
        return {};
    const Model::Api &a = doc.apis.at(ai);
    const NodeRef apiNode = NodeRef::api(a.id);
    if (parts.size() < 3)
        return apiNode;
    const QString &section = parts.at(2);
    if (section == QLatin1String("resources")) {
        const int ri = indexAt(3, a.resources.size());
        if (ri < 0)
            return apiNode;
        const Model::Resource &r = a.resources.at(ri);
        if (parts.size() > 4 && parts.at(4) == QLatin1String("methods")) {
            const int mi = indexAt(5, r.methods.size());
            if (mi >= 0)
                return {Kind::Method, a.id, r.methods.at(mi).id};
        }
        return {Kind::Resource, a.id, r.id};
    }
    if (section == QLatin1String("routes")) {
        const int ri = indexAt(3, a.routes.size());
        return ri < 0 ? apiNode : NodeRef{Kind::Route, a.id, a.routes.at(ri).id};
    }
    if (section == QLatin1String("authorizers")) {
        const int i = indexAt(3, a.authorizers.size());
        return i < 0 ? NodeRef{Kind::AuthorizerGroup, a.id, {}}
                     : NodeRef{Kind::Authorizer, a.id, a.authorizers.at(i).id};
    }
    if (section == QLatin1String("models")) {
        const int i = indexAt(3, a.models.size());
        return i < 0 ? NodeRef{Kind::ModelGroup, a.id, {}}
                     : NodeRef{Kind::Model, a.id, a.models.at(i).id};
    }
    if (section == QLatin1String("stages")) {
        const int i = indexAt(3, a.stages.size());
        return i < 0 ? NodeRef{Kind::StageGroup, a.id, {}}
                     : NodeRef{Kind::Stage, a.id, a.stages.at(i).name};
    }
    return apiNode;
}

QString operationLabel(const Model::ApiDocument &doc, const NodeRef &node)
{
    const Model::Api *a = api(doc, node.apiId);
    if (!a)
        return {};
    if (node.kind == Kind::Method) {
        const Model::Resource *owner = nullptr;
        if (const Model::Method *m = method(*a, node.id, &owner))
            return m->httpMethod + QLatin1Char(' ') + Model::resourcePath(*a, owner->id);
    } else if (node.kind == Kind::Route) {
        if (const Model::Route *r = route(*a, node.id))
            return r->routeKey;
    }
    return {};
}

NodeRef operationNode(const Model::ApiDocument &doc, const QString &apiId, const QString &routeKey)
{
    const Model::Api *a = api(doc, apiId);
    if (!a || routeKey.isEmpty())
        return {};
    for (const Model::Resource &r : a->resources)
        for (const Model::Method &m : r.methods)
            if (m.httpMethod + QLatin1Char(' ') + Model::resourcePath(*a, r.id) == routeKey)
                return {Kind::Method, a->id, m.id};
    for (const Model::Route &r : a->routes)
        if (r.routeKey == routeKey)
            return {Kind::Route, a->id, r.id};
    return {};
}

} // namespace Gw::Ui::Lookup
