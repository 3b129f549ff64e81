// CompiledApi: an immutable snapshot of one API, compiled from the document for serving (route
// tables, stages, gateway responses, precompiled integration responses).
#include "runtime/compiledapi.h"

#include <QMultiHash>

namespace Gw::Runtime {

const CompiledIntegrationResponse *CompiledIntegration::selectResponse(const QString &value) const
{
    const CompiledIntegrationResponse *fallback = nullptr;
    for (const CompiledIntegrationResponse &r : responses) {
        if (r.isDefault) {
            if (!fallback)
                fallback = &r;
            continue;
        }
        if (r.patternValid && r.pattern.match(value).hasMatch())
            return &r;
    }
    return fallback;
}

std::shared_ptr<const CompiledApi> CompiledApi::compile(std::shared_ptr<const Model::ApiDocument> doc,
                                                        const QString &apiId, const QString &stage,
                                                        QString *error)
{
    if (!doc) {
        if (error)
            *error = QStringLiteral("no document");
        return nullptr;
    }
    const Model::Api *api = apiId.isEmpty() ? (doc->apis.isEmpty() ? nullptr : &doc->apis.first())
                                            : doc->findApi(apiId);
    if (!api) {
        // Accept the API's name too: users type names, documents store ids.
        for (const Model::Api &a : doc->apis) {
            if (a.name == apiId) {
                api = &a;
                break;
            }
        }
    }
    if (!api) {
        if (error)
            *error = apiId.isEmpty() ? QStringLiteral("the document has no API")
                                     : QStringLiteral("no API with id or name '%1'").arg(apiId);
        return nullptr;
    }
    std::shared_ptr<CompiledApi> c(new CompiledApi);
    c->m_document = std::move(doc);
    c->m_api = api;
    c->m_typeName = Model::toString(api->type);

    bool stageFound = false;
    for (const Model::Stage &s : api->stages) {
        if (!stage.isEmpty() && s.name == stage)
            stageFound = true;
    }
    if (!stage.isEmpty() && !stageFound) {
        c->m_notes.append(QStringLiteral("stage '%1' is not a stage of this API: serving all its stages")
                              .arg(stage));
    }
    for (const Model::Stage &s : api->stages) {
        if (stageFound && s.name != stage)
            continue;
        c->m_stages.push_back(CompiledStage{s.name, &s, s.variables});
    }

    if (api->type == Model::ApiType::Rest)
        c->compileRest();
    else if (api->type == Model::ApiType::Http)
        c->compileHttp();
    return c;
}

const CompiledIntegration *CompiledApi::compileIntegration(const Model::Integration &integration)
{
    auto ci = std::make_unique<CompiledIntegration>();
    ci->integration = &integration;
    for (const Model::IntegrationResponse &r : integration.responses) {
        CompiledIntegrationResponse cr;
        cr.response = &r;
        cr.isDefault = r.selectionPattern.isEmpty();
        if (!cr.isDefault) {
            // Java and PCRE regexes agree on everything integration responses use in practice.
            cr.pattern = QRegularExpression(QRegularExpression::anchoredPattern(r.selectionPattern),
                                            QRegularExpression::DotMatchesEverythingOption);
            cr.patternValid = cr.pattern.isValid();
            if (!cr.patternValid) {
                m_notes.append(QStringLiteral("integration response %1: invalid selectionPattern '%2': %3")
                                   .arg(r.statusCode, r.selectionPattern, cr.pattern.errorString()));
            }
        }
        static const QLatin1String prefix("method.response.header.");
        for (auto it = r.responseParameters.cbegin(); it != r.responseParameters.cend(); ++it) {
            const QString &source = it.value();
            if (it.key().startsWith(prefix) && source.size() >= 2 && source.startsWith(QLatin1Char('\''))
                && source.endsWith(QLatin1Char('\''))) {
                cr.staticHeaders.append({it.key().mid(prefix.size()).toUtf8(),
                                         source.mid(1, source.size() - 2).toUtf8()});
            } else {
                cr.unsupportedParameters.append(it.key() + QStringLiteral(" <- ") + source);
            }
        }
        ci->responses.push_back(std::move(cr));
    }
    m_integrations.push_back(std::move(ci));
    return m_integrations.back().get();
}

static RestNode::Kind kindOf(const QString &pathPart, QString *paramName)
{
    if (pathPart.size() > 2 && pathPart.startsWith(QLatin1Char('{')) && pathPart.endsWith(QLatin1Char('}'))) {
        if (pathPart.endsWith(QLatin1String("+}"))) {
            *paramName = pathPart.mid(1, pathPart.size() - 3);
            return RestNode::Kind::Greedy;
        }
        *paramName = pathPart.mid(1, pathPart.size() - 2);
        return RestNode::Kind::Parameter;
    }
    return RestNode::Kind::Literal;
}

void CompiledApi::compileRest()
{
    const Model::Api &api = *m_api;
    QMultiHash<QString, const Model::Resource *> children;
    const Model::Resource *root = nullptr;
    for (const Model::Resource &r : api.resources) {
        if (r.parentId.isEmpty()) {
            if (!root)
                root = &r;
        } else {
            children.insert(r.parentId, &r);
        }
    }
    m_restNodes.reserve(size_t(api.resources.size()) + 1);
    m_restNodes.push_back(RestNode());
    m_restNodes[0].resourcePath = QStringLiteral("/");
    if (!root) {
        m_notes.append(QStringLiteral("the API has no root resource"));
        return;
    }

    // Breadth-first so that parents exist before their children are linked.
    struct Pending { const Model::Resource *resource; int node; };
    std::vector<Pending> queue{{root, 0}};
    m_restNodes[0].resource = root;
    for (size_t qi = 0; qi < queue.size(); ++qi) {
        const Pending p = queue[qi];
        for (const Model::Method &m : p.resource->methods) {
            RestMethodEntry e;
            e.method = &m;
            e.integration = compileIntegration(m.integration);
            m_restNodes[size_t(p.node)].methods.insert(m.httpMethod.toUpper(), e);
        }
        QList<const Model::Resource *> kids = children.values(p.resource->id);
        std::reverse(kids.begin(), kids.end()); // QMultiHash returns the latest insert first
        for (const Model::Resource *child : kids) {
            RestNode node;
            node.resource = child;
            node.pathPart = child->pathPart;
            node.kind = kindOf(child->pathPart, &node.paramName);
            const QString &parentPath = m_restNodes[size_t(p.node)].resourcePath;
            node.resourcePath = (parentPath == QLatin1String("/") ? QString() : parentPath)
                                + QLatin1Char('/') + child->pathPart;
            const int index = int(m_restNodes.size());
            RestNode &parent = m_restNodes[size_t(p.node)];
            switch (node.kind) {
            case RestNode::Kind::Literal:
                if (parent.literalChildren.contains(child->pathPart))
                    m_notes.append(QStringLiteral("duplicate resource %1").arg(node.resourcePath));
                else
                    parent.literalChildren.insert(child->pathPart, index);
                break;
            case RestNode::Kind::Parameter:
                parent.parameterChildren.push_back(index);
                break;
            case RestNode::Kind::Greedy:
                if (parent.greedyChild >= 0)
                    m_notes.append(QStringLiteral("duplicate greedy resource %1").arg(node.resourcePath));
                else
                    parent.greedyChild = index;
                break;
            case RestNode::Kind::Root:
                break;
            }
            m_restNodes.push_back(std::move(node));
            queue.push_back({child, index});
        }
    }
}

void CompiledApi::compileHttp()
{
    for (const Model::Route &route : m_api->routes) {
        HttpRouteEntry e;
        e.route = &route;
        e.integration = compileIntegration(route.integration);
        const QString key = route.routeKey.trimmed();
        if (key == QLatin1String("$default")) {
            e.method = QStringLiteral("ANY");
            if (m_defaultRoute)
                m_notes.append(QStringLiteral("duplicate $default route"));
            else
                m_defaultRoute = std::make_unique<HttpRouteEntry>(std::move(e));
            continue;
        }
        const qsizetype space = key.indexOf(QLatin1Char(' '));
        if (space < 0 || !key.mid(space + 1).trimmed().startsWith(QLatin1Char('/'))) {
            m_notes.append(QStringLiteral("route key '%1' is not 'METHOD /path' nor $default: ignored")
                               .arg(route.routeKey));
            continue;
        }
        e.method = key.left(space).toUpper();
        e.path = key.mid(space + 1).trimmed();
        const QStringList parts = e.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString &part = parts.at(i);
            QString name;
            const RestNode::Kind kind = kindOf(part, &name);
            if (kind == RestNode::Kind::Greedy) {
                if (i != parts.size() - 1) {
                    m_notes.append(QStringLiteral("route '%1': a greedy path variable must be last")
                                       .arg(route.routeKey));
                }
                e.greedy = true;
                e.greedyName = name;
                break;
            }
            HttpRouteEntry::Segment seg;
            seg.parameter = kind == RestNode::Kind::Parameter;
            seg.text = seg.parameter ? name : part;
            if (!seg.parameter)
                ++e.literalCount;
            e.segments.push_back(seg);
        }
        m_httpRoutes.push_back(std::move(e));
    }
}

const CompiledStage *CompiledApi::findStage(const QString &name) const
{
    for (const CompiledStage &s : m_stages) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

const CompiledStage *CompiledApi::defaultStage() const
{
    return findStage(QStringLiteral("$default"));
}

} // namespace Gw::Runtime
