// Finding the document parts a NodeRef names (const and mutable), and mapping lint locations (JSON
// pointers) back to nodes.
#pragma once

#include "model/apidocument.h"
#include "ui/models/noderef.h"

#include <type_traits>

namespace Gw::Ui::Lookup {

template<typename T, typename Like>
using Constness = std::conditional_t<std::is_const_v<Like>, const T, T>;

template<typename Doc>
Constness<Model::Api, Doc> *api(Doc &doc, const QString &apiId)
{
    for (auto &a : doc.apis)
        if (a.id == apiId)
            return &a;
    return nullptr;
}

template<typename A>
Constness<Model::Resource, A> *resource(A &api, const QString &id)
{
    for (auto &r : api.resources)
        if (r.id == id)
            return &r;
    return nullptr;
}

template<typename A>
Constness<Model::Method, A> *method(A &api, const QString &id,
                                   Constness<Model::Resource, A> **owner = nullptr)
{
    for (auto &r : api.resources)
        for (auto &m : r.methods)
            if (m.id == id) {
                if (owner)
                    *owner = &r;
                return &m;
            }
    return nullptr;
}

template<typename A>
Constness<Model::Route, A> *route(A &api, const QString &id)
{
    for (auto &r : api.routes)
        if (r.id == id)
            return &r;
    return nullptr;
}

template<typename A>
Constness<Model::Authorizer, A> *authorizer(A &api, const QString &id)
{
    for (auto &a : api.authorizers)
        if (a.id == id)
            return &a;
    return nullptr;
}

template<typename A>
Constness<Model::ApiModel, A> *model(A &api, const QString &id)
{
    for (auto &m : api.models)
        if (m.id == id)
            return &m;
    return nullptr;
}

template<typename A>
Constness<Model::Stage, A> *stage(A &api, const QString &name)
{
    for (auto &s : api.stages)
        if (s.name == name)
            return &s;
    return nullptr;
}

template<typename Doc>
Constness<Model::LocalFunction, Doc> *function(Doc &doc, const QString &id)
{
    for (auto &f : doc.functions)
        if (f.id == id)
            return &f;
    return nullptr;
}

template<typename Doc>
Constness<Model::UsagePlan, Doc> *usagePlan(Doc &doc, const QString &id)
{
    for (auto &p : doc.usagePlans)
        if (p.id == id)
            return &p;
    return nullptr;
}

template<typename Doc>
Constness<Model::ApiKey, Doc> *apiKey(Doc &doc, const QString &id)
{
    for (auto &k : doc.apiKeys)
        if (k.id == id)
            return &k;
    return nullptr;
}

// The integration of a method or route node; null for other nodes.
template<typename Doc>
Constness<Model::Integration, Doc> *integration(Doc &doc, const NodeRef &node)
{
    auto *a = api(doc, node.apiId);
    if (!a)
        return nullptr;
    if (node.kind == NodeRef::Kind::Method) {
        if (auto *m = method(*a, node.id))
            return &m->integration;
    } else if (node.kind == NodeRef::Kind::Route) {
        if (auto *r = route(*a, node.id))
            return &r->integration;
    }
    return nullptr;
}

bool exists(const Model::ApiDocument &doc, const NodeRef &node);

// The resource a method belongs to (empty when not found).
QString resourceOfMethod(const Model::Api &api, const QString &methodId);

// All resource ids below (and including) a resource, for removing a subtree.
QStringList resourceSubtree(const Model::Api &api, const QString &resourceId);

// The deepest node a lint/read location ("/apis/0/resources/2/methods/1/…") points into.
NodeRef nodeForPointer(const Model::ApiDocument &doc, const QString &pointer);

// "GET /pets/{petId}" for a method node, the route key for a route; empty otherwise.
QString operationLabel(const Model::ApiDocument &doc, const NodeRef &node);

// The method or route a trace's route key names ("GET /pets/{petId}", "$default"); invalid if none.
NodeRef operationNode(const Model::ApiDocument &doc, const QString &apiId, const QString &routeKey);

} // namespace Gw::Ui::Lookup
