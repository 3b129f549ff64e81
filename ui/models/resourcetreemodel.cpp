// The document as a tree for the resources dock.
//
// On every documentChanged the tree is rebuilt from the snapshot; when only texts changed (the
// common case: typing in a field) the nodes are kept and dataChanged is emitted, so views keep
// their selection, expansion and scroll position. Structural changes reset the model; views
// restore their state through the nodes' ids (NodeRefRole).
#include "ui/models/resourcetreemodel.h"

#include "model/documentsession.h"
#include "ui/icons.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"

#include <QColor>
#include <QMimeData>
#include <QIcon>

#include <functional>

namespace Gw::Ui {

using Kind = NodeRef::Kind;
using namespace Gw::Model;

struct ResourceTreeModel::Node
{
    NodeRef ref;
    QString name;
    QString editName;
    QString detail;
    QString toolTip;
    QIcon icon;
    bool editable = false;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

QString integrationLabel(const Integration &i, ApiType apiType)
{
    switch (i.type) {
    case IntegrationType::Mock:
        return QStringLiteral("Mock");
    case IntegrationType::AwsProxy:
        return i.functionName.isEmpty() ? QStringLiteral("Lambda proxy")
                                        : QString(QStringLiteral("λ ") + i.functionName);
    case IntegrationType::Aws:
        return i.functionName.isEmpty() ? QStringLiteral("AWS service")
                                        : QString(QStringLiteral("λ ") + i.functionName + QStringLiteral(" (custom)"));
    case IntegrationType::Http:
        return QStringLiteral("HTTP");
    case IntegrationType::HttpProxy:
        return apiType == ApiType::Http ? QStringLiteral("HTTP proxy") : QStringLiteral("HTTP proxy");
    }
    return {};
}

QString apiTypeLabel(ApiType t)
{
    switch (t) {
    case ApiType::Rest:
        return QStringLiteral("REST API");
    case ApiType::Http:
        return QStringLiteral("HTTP API");
    case ApiType::WebSocket:
        return QStringLiteral("WebSocket API");
    }
    return {};
}

bool sameShape(const auto &a, const auto &b)
{
    if (!(a.ref == b.ref) || a.children.size() != b.children.size())
        return false;
    for (size_t i = 0; i < a.children.size(); ++i)
        if (!sameShape(*a.children[i], *b.children[i]))
            return false;
    return true;
}

} // namespace

ResourceTreeModel::ResourceTreeModel(DocumentSession *session, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(session)
    , m_root(buildTree(session->document()))
{
    connect(m_session, &DocumentSession::documentChanged, this, &ResourceTreeModel::rebuild);
}

ResourceTreeModel::~ResourceTreeModel() = default;

std::unique_ptr<ResourceTreeModel::Node> ResourceTreeModel::buildTree(const ApiDocument &doc) const
{
    auto root = std::make_unique<Node>();
    auto makeNode = [](Kind kind, const QString &apiId, const QString &id, const QString &name) {
        auto n = std::make_unique<Node>();
        n->ref = NodeRef{kind, apiId, id};
        n->name = name;
        n->editName = name;
        return n;
    };

    for (const Api &api : doc.apis) {
        Node *apiNode = root->add(makeNode(Kind::Api, api.id, api.id, api.name));
        apiNode->detail = apiTypeLabel(api.type);
        apiNode->toolTip = api.description.isEmpty() ? apiNode->detail : api.description;
        apiNode->icon = Icons::forNode(Kind::Api, api.type);
        apiNode->editable = true;

        if (api.type == ApiType::Rest) {
            // Resources by parentId, methods first (as the AWS console lists them).
            std::function<void(Node *, const QString &)> addResources = [&](Node *parentNode,
                                                                          const QString &parentId) {
                for (const Resource &r : api.resources) {
                    if (r.parentId != parentId)
                        continue;
                    const bool isRoot = r.parentId.isEmpty();
                    const QString path = resourcePath(api, r.id);
                    Node *resNode = parentNode->add(makeNode(
                        Kind::Resource, api.id, r.id,
                        isRoot ? QStringLiteral("/") : QString(QLatin1Char('/') + r.pathPart)));
                    resNode->editName = r.pathPart;
                    resNode->editable = !isRoot;
                    resNode->toolTip = path;
                    resNode->icon = Icons::forNode(Kind::Resource);
                    for (const Method &m : r.methods) {
                        Node *mNode = resNode->add(makeNode(Kind::Method, api.id, m.id, m.httpMethod));
                        mNode->detail = integrationLabel(m.integration, api.type);
                        mNode->toolTip = m.httpMethod + QLatin1Char(' ') + path;
                        mNode->icon = Icons::httpMethod(m.httpMethod);
                    }
                    // Guard against parentId cycles in a damaged document.
                    if (r.id != parentId && !r.id.isEmpty())
                        addResources(resNode, r.id);
                }
            };
            addResources(apiNode, QString());
        } else {
            for (const Route &rt : api.routes) {
                Node *rNode = apiNode->add(makeNode(Kind::Route, api.id, rt.id, rt.routeKey));
                rNode->detail = integrationLabel(rt.integration, api.type);
                rNode->editable = true;
                rNode->toolTip = rt.routeKey;
                const QString verb = rt.routeKey.section(QLatin1Char(' '), 0, 0);
                rNode->icon = api.type == ApiType::Http && rt.routeKey.contains(QLatin1Char(' '))
                                  ? Icons::httpMethod(verb)
                                  : Icons::forNode(Kind::Route);
            }
        }

        Node *auths = apiNode->add(makeNode(Kind::AuthorizerGroup, api.id, {}, tr("Authorizers")));
        auths->icon = Icons::forNode(Kind::AuthorizerGroup);
        auths->detail = api.authorizers.isEmpty() ? QString() : QString::number(api.authorizers.size());
        for (const Authorizer &a : api.authorizers) {
            Node *n = auths->add(makeNode(Kind::Authorizer, api.id, a.id, a.name));
            n->detail = toString(a.type);
            n->editable = true;
            n->icon = Icons::forNode(Kind::Authorizer);
        }
        if (api.type != ApiType::Http) {
            Node *models = apiNode->add(makeNode(Kind::ModelGroup, api.id, {}, tr("Models")));
            models->icon = Icons::forNode(Kind::ModelGroup);
            models->detail = api.models.isEmpty() ? QString() : QString::number(api.models.size());
            for (const ApiModel &m : api.models) {
                Node *n = models->add(makeNode(Kind::Model, api.id, m.id, m.name));
                n->detail = m.contentType;
                n->icon = Icons::forNode(Kind::Model);
            }
        }
        Node *stages = apiNode->add(makeNode(Kind::StageGroup, api.id, {}, tr("Stages")));
        stages->icon = Icons::forNode(Kind::StageGroup);
        stages->detail = api.stages.isEmpty() ? QString() : QString::number(api.stages.size());
        for (const Stage &s : api.stages) {
            Node *n = stages->add(makeNode(Kind::Stage, api.id, s.name, s.name));
            n->detail = s.variables.isEmpty() ? QString()
                                              : tr("%n variable(s)", nullptr, int(s.variables.size()));
            n->toolTip = s.description;
            n->icon = Icons::forNode(Kind::Stage);
        }
    }

    Node *functions = root->add(makeNode(Kind::FunctionGroup, {}, {}, tr("Functions")));
    functions->icon = Icons::forNode(Kind::FunctionGroup);
    functions->detail = doc.functions.isEmpty() ? QString() : QString::number(doc.functions.size());
    for (const LocalFunction &f : doc.functions) {
        Node *n = functions->add(makeNode(Kind::Function, {}, f.id, f.name));
        n->detail = f.runtime;
        n->toolTip = f.handler;
        n->editable = true;
        n->icon = Icons::forNode(Kind::Function);
    }

    // Usage plans and keys are document-level in the model (a plan binds stages of any API).
    Node *plans = root->add(makeNode(Kind::UsagePlanGroup, {}, {}, tr("Usage Plans")));
    plans->icon = Icons::forNode(Kind::UsagePlanGroup);
    plans->detail = doc.usagePlans.isEmpty() ? QString() : QString::number(doc.usagePlans.size());
    for (const UsagePlan &p : doc.usagePlans) {
        Node *n = plans->add(makeNode(Kind::UsagePlan, {}, p.id, p.name));
        QStringList parts;
        if (p.throttle.rateLimit >= 0)
            parts << tr("%1 req/s").arg(p.throttle.rateLimit);
        if (p.quota)
            parts << tr("%1/%2").arg(p.quota->limit).arg(toString(p.quota->period).toLower());
        n->detail = parts.join(QLatin1String(", "));
        n->toolTip = tr("%n stage(s), ", nullptr, int(p.apiStages.size()))
                     + tr("%n key(s)", nullptr, int(p.apiKeyIds.size()));
        n->editable = true;
        n->icon = Icons::forNode(Kind::UsagePlan);
    }
    Node *keys = root->add(makeNode(Kind::ApiKeyGroup, {}, {}, tr("API Keys")));
    keys->icon = Icons::forNode(Kind::ApiKeyGroup);
    keys->detail = doc.apiKeys.isEmpty() ? QString() : QString::number(doc.apiKeys.size());
    for (const ApiKey &k : doc.apiKeys) {
        Node *n = keys->add(makeNode(Kind::ApiKey, {}, k.id, k.name));
        n->detail = k.enabled ? QString() : tr("disabled");
        n->editable = true;
        n->icon = Icons::forNode(Kind::ApiKey);
    }
    return root;
}

void ResourceTreeModel::rebuild()
{
    std::unique_ptr<Node> fresh = buildTree(m_session->document());
    if (!sameShape(*m_root, *fresh)) {
        beginResetModel();
        m_root = std::move(fresh);
        endResetModel();
        return;
    }
    // Same structure: keep the nodes (and so the views' state), refresh texts.
    std::function<void(Node *, Node *)> update = [&](Node *old, Node *now) {
        if (!old->children.empty()) {
            for (size_t i = 0; i < old->children.size(); ++i) {
                Node *o = old->children[i].get();
                Node *n = now->children[i].get();
                const bool changed = o->name != n->name || o->editName != n->editName
                                     || o->detail != n->detail || o->toolTip != n->toolTip
                                     || o->editable != n->editable;
                o->name = n->name;
                o->editName = n->editName;
                o->detail = n->detail;
                o->toolTip = n->toolTip;
                o->editable = n->editable;
                o->icon = n->icon;
                if (changed)
                    Q_EMIT dataChanged(indexFor(o, NameColumn), indexFor(o, DetailColumn));
                update(o, n);
            }
        }
    };
    update(m_root.get(), fresh.get());
}

ResourceTreeModel::Node *ResourceTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ResourceTreeModel::indexFor(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, node);
}

QModelIndex ResourceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != NameColumn)
        return {};
    Node *p = nodeFor(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex ResourceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeFor(child);
    return indexFor(n->parent, NameColumn);
}

int ResourceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != NameColumn)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int ResourceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ResourceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? n->name : n->detail;
    case Qt::EditRole:
        return index.column() == NameColumn ? n->editName : n->detail;
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(n->icon) : QVariant();
    case Qt::ToolTipRole:
        return n->toolTip.isEmpty() ? QVariant() : QVariant(n->toolTip);
    case Qt::ForegroundRole:
        if (index.column() == DetailColumn)
            return QVariant::fromValue(QColor(Qt::gray));
        return {};
    case NodeRefRole:
        return QVariant::fromValue(n->ref);
    case NodeKindRole:
        return int(n->ref.kind);
    default:
        return {};
    }
}

Qt::ItemFlags ResourceTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const Node *n = nodeFor(index);
    if (index.column() == NameColumn && n->editable)
        f |= Qt::ItemIsEditable;
    // REST resources (not the root) and methods can be dragged; resources, methods (meaning
    // their resource) and REST APIs (meaning the root) accept drops. Routes are flat: a route's
    // path is its key, edited in place.
    if (n->ref.kind == Kind::Method || (n->ref.kind == Kind::Resource && n->editable))
        f |= Qt::ItemIsDragEnabled;
    if (n->ref.kind == Kind::Resource || n->ref.kind == Kind::Method
        || (n->ref.kind == Kind::Api && isRestApi(n->ref.apiId)))
        f |= Qt::ItemIsDropEnabled;
    return f;
}

bool ResourceTreeModel::isRestApi(const QString &apiId) const
{
    const Api *api = Lookup::api(m_session->document(), apiId);
    return api && api->type == ApiType::Rest;
}

Qt::DropActions ResourceTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions ResourceTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList ResourceTreeModel::mimeTypes() const
{
    return {QLatin1String(NodeMimeType)};
}

QMimeData *ResourceTreeModel::mimeData(const QModelIndexList &indexes) const
{
    // One line per dragged node: "<kind>\t<apiId>\t<id>".
    QStringList lines;
    QList<NodeRef> seen;
    for (const QModelIndex &index : indexes) {
        const NodeRef ref = nodeAt(index);
        if (!ref.isValid() || seen.contains(ref) || !(flags(index) & Qt::ItemIsDragEnabled))
            continue;
        seen << ref;
        lines << QString::number(int(ref.kind)) + QLatin1Char('\t') + ref.apiId + QLatin1Char('\t') + ref.id;
    }
    if (lines.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(NodeMimeType), lines.join(QLatin1Char('\n')).toUtf8());
    return mime;
}

QList<NodeRef> ResourceTreeModel::nodesFromMime(const QMimeData *data)
{
    QList<NodeRef> nodes;
    if (!data || !data->hasFormat(QLatin1String(NodeMimeType)))
        return nodes;
    const QStringList lines = QString::fromUtf8(data->data(QLatin1String(NodeMimeType))).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QStringList parts = line.split(QLatin1Char('\t'));
        if (parts.size() != 3)
            continue;
        nodes << NodeRef{Kind(parts.at(0).toInt()), parts.at(1), parts.at(2)};
    }
    return nodes;
}

QString ResourceTreeModel::dropTargetResource(const QModelIndex &parent) const
{
    const NodeRef target = nodeAt(parent);
    const Api *api = Lookup::api(m_session->document(), target.apiId);
    if (!api || api->type != ApiType::Rest)
        return {};
    switch (target.kind) {
    case Kind::Resource:
        return target.id;
    case Kind::Method:
        return Lookup::resourceOfMethod(*api, target.id);
    case Kind::Api:
        for (const Resource &r : api->resources)
            if (r.parentId.isEmpty())
                return r.id;
        return {};
    default:
        return {};
    }
}

bool ResourceTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                        const QModelIndex &parent) const
{
    if (action != Qt::MoveAction)
        return false;
    const QList<NodeRef> nodes = nodesFromMime(data);
    const QString target = dropTargetResource(parent);
    if (nodes.isEmpty() || target.isEmpty())
        return false;
    const ApiDocument &doc = m_session->document();
    for (const NodeRef &n : nodes) {
        if (n.apiId != nodeAt(parent).apiId)
            return false;
        const bool ok = n.kind == Kind::Resource ? Edits::canMoveResource(doc, n.apiId, n.id, target)
                        : n.kind == Kind::Method ? Edits::canMoveMethod(doc, n.apiId, n.id, target)
                                                 : false;
        if (!ok)
            return false;
    }
    return true;
}

bool ResourceTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                     const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QList<NodeRef> nodes = nodesFromMime(data);
    const QString target = dropTargetResource(parent);
    const QString text = nodes.size() == 1 && nodes.first().kind == Kind::Method ? tr("Move method")
                                                                                 : tr("Move resource");
    // One undo step for the whole drop.
    m_session->edit(text, [nodes, target](ApiDocument &doc) {
        for (const NodeRef &n : nodes) {
            if (n.kind == Kind::Resource)
                Edits::moveResource(doc, n.apiId, n.id, target);
            else if (n.kind == Kind::Method)
                Edits::moveMethod(doc, n.apiId, n.id, target);
        }
    });
    Q_EMIT nodesMoved(nodes);
    return true;
}

QVariant ResourceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : section == DetailColumn ? tr("Details") : QVariant();
}

bool ResourceTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.column() != NameColumn)
        return false;
    const Node *n = nodeFor(index);
    if (!n->editable)
        return false;
    QString text = value.toString().trimmed();
    if (n->ref.kind == Kind::Resource)
        while (text.startsWith(QLatin1Char('/')))
            text.remove(0, 1);
    if (text.isEmpty())
        return false;
    if (text == n->editName)
        return true;

    const NodeRef ref = n->ref;
    const QString mergeKey = ref.key() + QLatin1String("/name");
    switch (ref.kind) {
    case Kind::Api:
        m_session->edit(tr("Rename API"), [ref, text](ApiDocument &doc) {
            if (Api *a = Lookup::api(doc, ref.apiId))
                a->name = text;
        }, mergeKey);
        return true;
    case Kind::Resource:
        // Renaming a path parameter renames what refers to it, in the same undo step.
        m_session->edit(tr("Rename resource"), [ref, text](ApiDocument &doc) {
            Edits::renameResource(doc, ref.apiId, ref.id, text);
        }, mergeKey);
        return true;
    case Kind::Route:
        m_session->edit(tr("Change route key"), [ref, text](ApiDocument &doc) {
            if (Api *a = Lookup::api(doc, ref.apiId))
                if (Route *r = Lookup::route(*a, ref.id))
                    r->routeKey = text;
        }, mergeKey);
        return true;
    case Kind::Authorizer:
        m_session->edit(tr("Rename authorizer"), [ref, text](ApiDocument &doc) {
            if (Api *a = Lookup::api(doc, ref.apiId))
                if (Authorizer *au = Lookup::authorizer(*a, ref.id))
                    au->name = text;
        }, mergeKey);
        return true;
    case Kind::Function:
        // Integrations and authorizers name functions: rename the references in the same step.
        m_session->edit(tr("Rename function"), [ref, text](ApiDocument &doc) {
            Edits::renameFunction(doc, ref.id, text);
        }, mergeKey);
        return true;
    case Kind::UsagePlan:
        m_session->edit(tr("Rename usage plan"), [ref, text](ApiDocument &doc) {
            if (UsagePlan *p = Lookup::usagePlan(doc, ref.id))
                p->name = text;
        }, mergeKey);
        return true;
    case Kind::ApiKey:
        m_session->edit(tr("Rename API key"), [ref, text](ApiDocument &doc) {
            if (ApiKey *k = Lookup::apiKey(doc, ref.id))
                k->name = text;
        }, mergeKey);
        return true;
    default:
        return false;
    }
}

NodeRef ResourceTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? nodeFor(index)->ref : NodeRef();
}

QModelIndex ResourceTreeModel::indexOf(const NodeRef &node, int column) const
{
    if (!node.isValid())
        return {};
    std::function<Node *(Node *)> find = [&](Node *n) -> Node * {
        for (auto &c : n->children) {
            if (c->ref == node)
                return c.get();
            if (Node *hit = find(c.get()))
                return hit;
        }
        return nullptr;
    };
    return indexFor(find(m_root.get()), column);
}

} // namespace Gw::Ui
