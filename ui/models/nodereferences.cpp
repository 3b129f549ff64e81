// What in a document still refers to a node.
#include "ui/models/nodereferences.h"

#include "ui/models/nodelookup.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Gw::Ui {

using namespace Gw::Model;
using Kind = NodeRef::Kind;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gw::Ui::NodeReferences", text);
}

// Stage method settings name REST methods "<path>/<VERB>" (or AWS's "~1path/VERB") and HTTP
// routes by their route key.
bool stageKeyNames(const QString &key, const QString &path, const QString &verb)
{
    const QString plain = path + QLatin1Char('/') + verb;
    QString escaped = path;
    escaped.replace(QLatin1Char('/'), QLatin1String("~1"));
    escaped += QLatin1Char('/') + verb;
    return key == plain || key == escaped;
}

void addStageSettings(QList<NodeReference> &out, const Api &api, const QString &path, const QString &verb)
{
    for (const Stage &s : api.stages)
        for (auto it = s.methodThrottle.cbegin(); it != s.methodThrottle.cend(); ++it)
            if (verb.isEmpty() ? it.key() == path : stageKeyNames(it.key(), path, verb))
                out << NodeReference{NodeRef{Kind::Stage, api.id, s.name},
                                     tr("stage %1 (method throttling %2)").arg(s.name, it.key())};
}

} // namespace

QList<NodeReference> referencesTo(const ApiDocument &doc, const NodeRef &node)
{
    QList<NodeReference> out;
    const Api *api = Lookup::api(doc, node.apiId);
    auto methodLabel = [&](const Api &a, const Method &m) {
        return Lookup::operationLabel(doc, NodeRef{Kind::Method, a.id, m.id});
    };

    switch (node.kind) {
    case Kind::Api:
        for (const UsagePlan &p : doc.usagePlans)
            for (const ApiStageRef &s : p.apiStages)
                if (s.apiId == node.apiId)
                    out << NodeReference{NodeRef{Kind::UsagePlan, {}, p.id},
                                         tr("usage plan %1 (stage %2)").arg(p.name, s.stage)};
        break;
    case Kind::Stage:
        for (const UsagePlan &p : doc.usagePlans)
            for (const ApiStageRef &s : p.apiStages)
                if (s.apiId == node.apiId && s.stage == node.id)
                    out << NodeReference{NodeRef{Kind::UsagePlan, {}, p.id}, tr("usage plan %1").arg(p.name)};
        break;
    case Kind::ApiKey:
        for (const UsagePlan &p : doc.usagePlans)
            if (p.apiKeyIds.contains(node.id))
                out << NodeReference{NodeRef{Kind::UsagePlan, {}, p.id}, tr("usage plan %1").arg(p.name)};
        break;
    case Kind::Authorizer:
        if (!api)
            break;
        for (const Resource &r : api->resources)
            for (const Method &m : r.methods)
                if (m.authorizerId == node.id)
                    out << NodeReference{NodeRef{Kind::Method, api->id, m.id}, tr("method %1").arg(methodLabel(*api, m))};
        for (const Route &rt : api->routes)
            if (rt.authorizerId == node.id)
                out << NodeReference{NodeRef{Kind::Route, api->id, rt.id}, tr("route %1").arg(rt.routeKey)};
        break;
    case Kind::Model: {
        const ApiModel *model = api ? Lookup::model(*api, node.id) : nullptr;
        if (!model)
            break;
        for (const Resource &r : api->resources)
            for (const Method &m : r.methods) {
                bool used = false;
                for (const QString &name : m.requestModels)
                    used = used || name == model->name;
                for (const MethodResponse &mr : m.methodResponses)
                    for (const QString &name : mr.responseModels)
                        used = used || name == model->name;
                if (used)
                    out << NodeReference{NodeRef{Kind::Method, api->id, m.id}, tr("method %1").arg(methodLabel(*api, m))};
            }
        // Schemas referencing another model: {"$ref": ".../models/<name>"}.
        for (const ApiModel &other : api->models) {
            if (other.id == model->id)
                continue;
            const QByteArray text = QJsonDocument(other.schema).toJson(QJsonDocument::Compact);
            const QByteArray needle = QByteArray("/models/") + model->name.toUtf8() + QByteArray("\"");
            if (text.contains(needle))
                out << NodeReference{NodeRef{Kind::Model, api->id, other.id}, tr("model %1 ($ref)").arg(other.name)};
        }
        break;
    }
    case Kind::Function: {
        const LocalFunction *f = Lookup::function(doc, node.id);
        if (!f)
            break;
        for (const Api &a : doc.apis) {
            for (const Resource &r : a.resources)
                for (const Method &m : r.methods)
                    if (m.integration.functionName == f->name)
                        out << NodeReference{NodeRef{Kind::Method, a.id, m.id}, tr("method %1").arg(methodLabel(a, m))};
            for (const Route &rt : a.routes)
                if (rt.integration.functionName == f->name)
                    out << NodeReference{NodeRef{Kind::Route, a.id, rt.id}, tr("route %1").arg(rt.routeKey)};
            for (const Authorizer &au : a.authorizers)
                if (au.functionName == f->name)
                    out << NodeReference{NodeRef{Kind::Authorizer, a.id, au.id}, tr("authorizer %1").arg(au.name)};
        }
        break;
    }
    case Kind::Resource: {
        if (!api)
            break;
        // Only stage settings point into a resource tree from outside it.
        for (const QString &id : Lookup::resourceSubtree(*api, node.id))
            if (const Resource *r = Lookup::resource(*api, id))
                for (const Method &m : r->methods)
                    addStageSettings(out, *api, resourcePath(*api, r->id), m.httpMethod);
        break;
    }
    case Kind::Method: {
        const Resource *owner = nullptr;
        const Method *m = api ? Lookup::method(*api, node.id, &owner) : nullptr;
        if (m && owner)
            addStageSettings(out, *api, resourcePath(*api, owner->id), m->httpMethod);
        break;
    }
    case Kind::Route:
        if (const Route *rt = api ? Lookup::route(*api, node.id) : nullptr)
            addStageSettings(out, *api, rt->routeKey, {});
        break;
    default:
        break;
    }
    return out;
}

QString describeReferences(const QList<NodeReference> &refs, int max)
{
    QStringList lines;
    for (qsizetype i = 0; i < refs.size() && i < max; ++i)
        lines << QStringLiteral("• ") + refs.at(i).description;
    if (refs.size() > max)
        lines << tr("… and %1 more").arg(refs.size() - max);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Gw::Ui
