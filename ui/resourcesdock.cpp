// The Resources dock: the document tree with undoable add/remove actions.
#include "ui/resourcesdock.h"

#include "model/documentsession.h"
#include "ui/icons.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"
#include "ui/models/nodereferences.h"
#include "ui/models/resourcetreemodel.h"

#include <QAction>
#include <QHash>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;
using Kind = NodeRef::Kind;

ResourcesDock::ResourcesDock(DocumentSession *session, QWidget *parent)
    : QDockWidget(tr("Resources"), parent)
    , m_session(session)
    , m_model(new ResourceTreeModel(session, this))
    , m_view(new QTreeView)
{
    setObjectName(QStringLiteral("ResourcesDock"));

    m_view->setObjectName(QStringLiteral("resourceTree"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAnimated(true);
    m_view->setIndentation(14);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ResourceTreeModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ResourceTreeModel::DetailColumn, QHeaderView::ResizeToContents);
    // Drag a resource (with its subtree) or a method onto another resource: one undoable move.
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    connect(m_model, &ResourceTreeModel::nodesMoved, this, [this](const QList<NodeRef> &nodes) {
        if (!nodes.isEmpty())
            selectNode(nodes.first());
    });

    // Add ▸ menu: API kinds, resource, method (verb menu), route.
    m_addApiMenu = new QMenu(tr("Add API"), this);
    m_addApiMenu->setIcon(Icons::named(QStringLiteral("api")));
    const QList<QPair<QString, ApiType>> apiKinds{{tr("REST API"), ApiType::Rest},
                                                  {tr("HTTP API"), ApiType::Http},
                                                  {tr("WebSocket API"), ApiType::WebSocket}};
    for (const auto &kind : apiKinds) {
        QAction *a = m_addApiMenu->addAction(kind.first);
        const int type = int(kind.second);
        connect(a, &QAction::triggered, this, [this, type] { addApi(type); });
    }

    m_addResource = new QAction(Icons::forNode(Kind::Resource), tr("Add Resource"), this);
    m_addResource->setObjectName(QStringLiteral("addResourceAction"));
    m_addResource->setToolTip(tr("Add a child resource under the selected resource"));
    connect(m_addResource, &QAction::triggered, this, [this] {
        const NodeRef created = addResource(resourceForAdd());
        if (created.isValid())
            m_view->edit(m_model->indexOf(created));
    });

    m_methodMenu = new QMenu(tr("Add Method"), this);
    connect(m_methodMenu, &QMenu::aboutToShow, this, &ResourcesDock::populateMethodMenu);
    m_addMethod = m_methodMenu->menuAction();
    m_addMethod->setIcon(Icons::httpMethod(QStringLiteral("GET")));
    m_addMethod->setObjectName(QStringLiteral("addMethodAction"));
    populateMethodMenu(); // so the menu is usable (and testable) before it is first shown

    m_addRoute = new QAction(Icons::forNode(Kind::Route), tr("Add Route"), this);
    m_addRoute->setObjectName(QStringLiteral("addRouteAction"));
    connect(m_addRoute, &QAction::triggered, this, [this] {
        const NodeRef created = addRoute(NodeRef::api(currentNode().apiId));
        if (created.isValid())
            m_view->edit(m_model->indexOf(created));
    });

    m_addUsagePlan = new QAction(Icons::forNode(Kind::UsagePlan), tr("Add Usage Plan"), this);
    m_addUsagePlan->setObjectName(QStringLiteral("addUsagePlanAction"));
    connect(m_addUsagePlan, &QAction::triggered, this, [this] {
        const NodeRef created = addUsagePlan();
        if (created.isValid())
            m_view->edit(m_model->indexOf(created));
    });
    m_addApiKey = new QAction(Icons::forNode(Kind::ApiKey), tr("Add API Key"), this);
    m_addApiKey->setObjectName(QStringLiteral("addApiKeyAction"));
    connect(m_addApiKey, &QAction::triggered, this, [this] {
        const NodeRef created = addApiKey();
        if (created.isValid())
            m_view->edit(m_model->indexOf(created));
    });

    m_remove = new QAction(Icons::named(QStringLiteral("remove"), QStyle::SP_TrashIcon), tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeNodeAction"));
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_remove, &QAction::triggered, this, [this] { removeNode(currentNode()); });

    // Groups: models, authorizers and stages of the current API; functions of the document.
    auto groupAction = [this](Kind group, const QString &text, const QString &objectName, const QIcon &icon) {
        auto *a = new QAction(icon, text, this);
        a->setObjectName(objectName);
        connect(a, &QAction::triggered, this, [this, group] {
            const NodeRef created = addToGroup(group, currentNode().apiId);
            const QModelIndex index = m_model->indexOf(created);
            if (index.isValid() && (m_model->flags(index) & Qt::ItemIsEditable))
                m_view->edit(index);
        });
        return a;
    };
    m_addModel = groupAction(Kind::ModelGroup, tr("Add Model"), QStringLiteral("addModelAction"), Icons::forNode(Kind::Model));
    m_addAuthorizer = groupAction(Kind::AuthorizerGroup, tr("Add Authorizer"), QStringLiteral("addAuthorizerAction"),
                                  Icons::forNode(Kind::Authorizer));
    m_addStage = groupAction(Kind::StageGroup, tr("Add Stage"), QStringLiteral("addStageAction"), Icons::forNode(Kind::Stage));
    m_addFunction = groupAction(Kind::FunctionGroup, tr("Add Function"), QStringLiteral("addFunctionAction"),
                                Icons::forNode(Kind::Function));

    m_addChild = new QAction(Icons::named(QStringLiteral("add"), QStyle::SP_FileDialogNewFolder), tr("Add"), this);
    m_addChild->setObjectName(QStringLiteral("addChildAction"));
    m_addChild->setToolTip(tr("Add what fits the selection: a resource, a route, a usage plan or an API key"));
    m_addChild->setShortcut(QKeySequence(Qt::Key_Insert));
    connect(m_addChild, &QAction::triggered, this, &ResourcesDock::addChild);

    m_rename = new QAction(tr("Rename"), this);
    m_rename->setObjectName(QStringLiteral("renameNodeAction"));
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_rename, &QAction::triggered, this, [this] {
        const QModelIndex index = m_view->currentIndex().siblingAtColumn(ResourceTreeModel::NameColumn);
        if (index.isValid() && (m_model->flags(index) & Qt::ItemIsEditable))
            m_view->edit(index);
    });

    m_duplicate = new QAction(tr("Duplicate"), this);
    m_duplicate->setObjectName(QStringLiteral("duplicateNodeAction"));
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_duplicate, &QAction::triggered, this, [this] { duplicateNode(currentNode()); });

    m_findField = new QLineEdit;
    m_findField->setObjectName(QStringLiteral("resourceFind"));
    m_findField->setPlaceholderText(tr("Find (Enter: next, Esc: close)"));
    m_findField->setClearButtonEnabled(true);
    m_findField->hide();
    m_findField->installEventFilter(this);
    connect(m_findField, &QLineEdit::textEdited, this, [this](const QString &text) { findNext(text, true); });
    connect(m_findField, &QLineEdit::returnPressed, this, [this] { findNext(m_findField->text()); });
    m_find = new QAction(tr("Find in Tree"), this);
    m_find->setObjectName(QStringLiteral("findNodeAction"));
    m_find->setShortcut(QKeySequence::Find);
    m_find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_find, &QAction::triggered, this, [this] {
        m_findField->show();
        m_findField->setFocus();
        m_findField->selectAll();
    });

    auto *toolbar = new QToolBar;
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    auto *addApiButton = new QToolButton;
    addApiButton->setMenu(m_addApiMenu);
    addApiButton->setPopupMode(QToolButton::InstantPopup);
    addApiButton->setIcon(Icons::named(QStringLiteral("add"), QStyle::SP_FileDialogNewFolder));
    addApiButton->setToolTip(tr("Add API"));
    toolbar->addWidget(addApiButton);
    toolbar->addAction(m_addResource);
    auto *methodButton = new QToolButton;
    methodButton->setDefaultAction(m_addMethod);
    methodButton->setPopupMode(QToolButton::InstantPopup);
    toolbar->addWidget(methodButton);
    toolbar->addAction(m_addRoute);
    toolbar->addAction(m_addUsagePlan);
    toolbar->addAction(m_addApiKey);
    toolbar->addSeparator();
    toolbar->addAction(m_remove);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(m_findField);
    layout->addWidget(m_view);
    setWidget(content);
    // Delete, Insert, F2 and Ctrl+D act on the tree when it has the focus (not while typing in
    // the find field); Ctrl+F anywhere in the dock.
    for (QAction *a : {m_remove, m_addChild, m_rename, m_duplicate}) {
        a->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(a);
    }
    addAction(m_find);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        const NodeRef node = currentNode();
        if (!(node == m_lastReported)) {
            m_lastReported = node;
            Q_EMIT currentNodeChanged(node);
        }
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &ResourcesDock::saveViewState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResourcesDock::restoreViewState);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ResourcesDock::showContextMenu);
    connect(m_session, &DocumentSession::documentChanged, this, &ResourcesDock::updateActions);

    m_lastFilePath = m_session->filePath();
    restoreViewState();
}

NodeRef ResourcesDock::currentNode() const
{
    return m_model->nodeAt(m_view->currentIndex());
}

void ResourcesDock::selectNode(const NodeRef &node)
{
    const QModelIndex index = m_model->indexOf(node);
    if (!index.isValid())
        return;
    m_view->scrollTo(index);
    m_view->setCurrentIndex(index);
}

NodeRef ResourcesDock::resourceForAdd() const
{
    const NodeRef node = currentNode();
    const Api *api = Lookup::api(m_session->document(), node.apiId);
    if (!api || api->type != ApiType::Rest)
        return {};
    if (node.kind == Kind::Resource)
        return node;
    if (node.kind == Kind::Method)
        return {Kind::Resource, node.apiId, Lookup::resourceOfMethod(*api, node.id)};
    if (node.kind == Kind::Api && !api->resources.isEmpty()) {
        for (const Resource &r : api->resources)
            if (r.parentId.isEmpty())
                return {Kind::Resource, api->id, r.id};
    }
    return {};
}

void ResourcesDock::updateActions()
{
    const ApiDocument &doc = m_session->document();
    const NodeRef node = currentNode();
    const Api *api = Lookup::api(doc, node.apiId);
    const bool rest = api && api->type == ApiType::Rest;
    m_addResource->setEnabled(rest && resourceForAdd().isValid());
    m_addMethod->setEnabled(rest && resourceForAdd().isValid());
    m_addRoute->setEnabled(api && api->type != ApiType::Rest);
    m_remove->setEnabled(Edits::canRemove(doc, node));
    m_duplicate->setEnabled(Edits::canDuplicate(doc, node));
    const QModelIndex index = m_model->indexOf(node);
    m_rename->setEnabled(index.isValid() && (m_model->flags(index) & Qt::ItemIsEditable));
    m_addModel->setEnabled(api && api->type != ApiType::Http);
    m_addAuthorizer->setEnabled(api != nullptr);
    m_addStage->setEnabled(api != nullptr);
    m_addChild->setEnabled(m_addResource->isEnabled() || m_addRoute->isEnabled()
                           || node.kind == Kind::UsagePlanGroup || node.kind == Kind::UsagePlan
                           || node.kind == Kind::ApiKeyGroup || node.kind == Kind::ApiKey
                           || node.kind == Kind::FunctionGroup || node.kind == Kind::Function
                           || node.kind == Kind::ModelGroup || node.kind == Kind::Model
                           || node.kind == Kind::AuthorizerGroup || node.kind == Kind::Authorizer
                           || node.kind == Kind::StageGroup || node.kind == Kind::Stage);
}

NodeRef ResourcesDock::addToGroup(Kind groupKind, const QString &apiId)
{
    NodeRef created;
    QString text;
    std::function<NodeRef(ApiDocument &)> add;
    switch (groupKind) {
    case Kind::ModelGroup:
        text = tr("Add model");
        add = [apiId](ApiDocument &d) { return Edits::addModel(d, apiId, QStringLiteral("NewModel")); };
        break;
    case Kind::AuthorizerGroup:
        text = tr("Add authorizer");
        add = [apiId](ApiDocument &d) { return Edits::addAuthorizer(d, apiId, QStringLiteral("authorizer")); };
        break;
    case Kind::StageGroup:
        text = tr("Add stage");
        add = [apiId](ApiDocument &d) { return Edits::addStage(d, apiId, QStringLiteral("stage")); };
        break;
    case Kind::FunctionGroup:
        text = tr("Add function");
        add = [](ApiDocument &d) { return Edits::addFunction(d, QStringLiteral("function")); };
        break;
    case Kind::UsagePlanGroup:
        return addUsagePlan();
    case Kind::ApiKeyGroup:
        return addApiKey();
    default:
        return {};
    }
    // Probe on a copy first: a refused add would otherwise leave an empty undo step.
    ApiDocument probe = m_session->document();
    if (!add(probe).isValid())
        return {};
    m_session->edit(text, [&](ApiDocument &doc) { created = add(doc); });
    const NodeRef group{groupKind, groupKind == Kind::FunctionGroup ? QString() : apiId, {}};
    m_view->expand(m_model->indexOf(group));
    selectNode(created);
    return created;
}

void ResourcesDock::addChild()
{
    const NodeRef node = currentNode();
    static const QHash<Kind, QAction *ResourcesDock::*> groups{
        {Kind::UsagePlanGroup, &ResourcesDock::m_addUsagePlan}, {Kind::UsagePlan, &ResourcesDock::m_addUsagePlan},
        {Kind::ApiKeyGroup, &ResourcesDock::m_addApiKey},       {Kind::ApiKey, &ResourcesDock::m_addApiKey},
        {Kind::ModelGroup, &ResourcesDock::m_addModel},         {Kind::Model, &ResourcesDock::m_addModel},
        {Kind::AuthorizerGroup, &ResourcesDock::m_addAuthorizer}, {Kind::Authorizer, &ResourcesDock::m_addAuthorizer},
        {Kind::StageGroup, &ResourcesDock::m_addStage},         {Kind::Stage, &ResourcesDock::m_addStage},
        {Kind::FunctionGroup, &ResourcesDock::m_addFunction},   {Kind::Function, &ResourcesDock::m_addFunction}};
    if (const auto it = groups.constFind(node.kind); it != groups.cend())
        (this->*(*it))->trigger();
    else if (m_addResource->isEnabled())
        m_addResource->trigger();
    else if (m_addRoute->isEnabled())
        m_addRoute->trigger();
}

NodeRef ResourcesDock::duplicateNode(const NodeRef &node)
{
    if (!Edits::canDuplicate(m_session->document(), node))
        return {};
    NodeRef created;
    m_session->edit(tr("Duplicate %1").arg(m_model->data(m_model->indexOf(node)).toString()),
                    [&](ApiDocument &doc) { created = Edits::duplicate(doc, node); });
    selectNode(created);
    return created;
}

bool ResourcesDock::moveNode(const NodeRef &node, const NodeRef &targetResource)
{
    const ApiDocument &doc = m_session->document();
    if (targetResource.kind != Kind::Resource || node.apiId != targetResource.apiId)
        return false;
    if (node.kind == Kind::Resource && Edits::canMoveResource(doc, node.apiId, node.id, targetResource.id)) {
        m_session->edit(tr("Move resource"), [&](ApiDocument &d) {
            Edits::moveResource(d, node.apiId, node.id, targetResource.id);
        });
    } else if (node.kind == Kind::Method && Edits::canMoveMethod(doc, node.apiId, node.id, targetResource.id)) {
        m_session->edit(tr("Move method"), [&](ApiDocument &d) {
            Edits::moveMethod(d, node.apiId, node.id, targetResource.id);
        });
    } else {
        return false;
    }
    m_view->expand(m_model->indexOf(targetResource));
    selectNode(node);
    return true;
}

bool ResourcesDock::findNext(const QString &text, bool fromStart)
{
    if (text.isEmpty())
        return false;
    // Depth-first order of every node; start after the current one (or at the top).
    QList<QModelIndex> order;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            order << index;
            walk(index);
        }
    };
    walk({});
    const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
    const qsizetype start = fromStart ? 0 : order.indexOf(current) + 1;
    for (qsizetype i = 0; i < order.size(); ++i) {
        const QModelIndex index = order.at((start + i) % order.size());
        if (index.data().toString().contains(text, Qt::CaseInsensitive)
            || index.data(Qt::ToolTipRole).toString().contains(text, Qt::CaseInsensitive)) {
            selectNode(m_model->nodeAt(index));
            return true;
        }
    }
    return false;
}

bool ResourcesDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findField && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        m_findField->hide();
        m_view->setFocus();
        return true;
    }
    return QDockWidget::eventFilter(watched, event);
}

void ResourcesDock::populateMethodMenu()
{
    m_methodMenu->clear();
    const NodeRef resource = resourceForAdd();
    QStringList existing;
    if (const Api *api = Lookup::api(m_session->document(), resource.apiId))
        if (const Resource *r = Lookup::resource(*api, resource.id))
            for (const Method &m : r->methods)
                existing << m.httpMethod;
    for (const QString &verb : Edits::restMethods()) {
        QAction *a = m_methodMenu->addAction(Icons::httpMethod(verb), verb);
        a->setObjectName(QStringLiteral("addMethod_") + verb);
        a->setEnabled(!existing.contains(verb));
        connect(a, &QAction::triggered, this, [this, verb] { addMethod(resourceForAdd(), verb); });
    }
}

NodeRef ResourcesDock::addResource(const NodeRef &parentResource, const QString &pathPart)
{
    if (parentResource.kind != Kind::Resource)
        return {};
    NodeRef created;
    m_session->edit(tr("Add resource"), [&](ApiDocument &doc) {
        created = Edits::addResource(doc, parentResource.apiId, parentResource.id, pathPart);
    });
    selectNode(created);
    return created;
}

NodeRef ResourcesDock::addMethod(const NodeRef &resource, const QString &httpMethod)
{
    if (resource.kind != Kind::Resource)
        return {};
    const Api *api = Lookup::api(m_session->document(), resource.apiId);
    if (const Resource *r = api ? Lookup::resource(*api, resource.id) : nullptr) {
        for (const Method &m : r->methods)
            if (m.httpMethod == httpMethod.toUpper())
                return {}; // would be a no-op undo step
    } else {
        return {};
    }
    NodeRef created;
    m_session->edit(tr("Add %1 method").arg(httpMethod.toUpper()), [&](ApiDocument &doc) {
        created = Edits::addMethod(doc, resource.apiId, resource.id, httpMethod);
    });
    selectNode(created);
    return created;
}

NodeRef ResourcesDock::addRoute(const NodeRef &apiNode)
{
    const Api *api = Lookup::api(m_session->document(), apiNode.apiId);
    if (!api || api->type == ApiType::Rest)
        return {};
    const QString key = api->type == ApiType::Http ? QStringLiteral("GET /new") : QStringLiteral("newaction");
    NodeRef created;
    m_session->edit(tr("Add route"), [&](ApiDocument &doc) { created = Edits::addRoute(doc, apiNode.apiId, key); });
    selectNode(created);
    return created;
}

NodeRef ResourcesDock::addApi(int apiType)
{
    const auto type = ApiType(apiType);
    const QString name = type == ApiType::Rest   ? QStringLiteral("NewRestApi")
                         : type == ApiType::Http ? QStringLiteral("NewHttpApi")
                                                 : QStringLiteral("NewWebSocketApi");
    NodeRef created;
    m_session->edit(tr("Add API"), [&](ApiDocument &doc) { created = Edits::addApi(doc, type, name); });
    m_view->expand(m_model->indexOf(created));
    selectNode(created);
    return created;
}

NodeRef ResourcesDock::addUsagePlan()
{
    NodeRef created;
    m_session->edit(tr("Add usage plan"), [&](ApiDocument &doc) { created = Edits::addUsagePlan(doc, QStringLiteral("UsagePlan")); });
    m_view->expand(m_model->indexOf({Kind::UsagePlanGroup, {}, {}}));
    selectNode(created);
    return created;
}

NodeRef ResourcesDock::addApiKey()
{
    NodeRef created;
    m_session->edit(tr("Add API key"), [&](ApiDocument &doc) { created = Edits::addApiKey(doc, QStringLiteral("ApiKey")); });
    m_view->expand(m_model->indexOf({Kind::ApiKeyGroup, {}, {}}));
    selectNode(created);
    return created;
}

bool ResourcesDock::removeNode(const NodeRef &node)
{
    if (!Edits::canRemove(m_session->document(), node))
        return false;
    // Ask when something still refers to the node (methods using an authorizer, plans binding a
    // stage, …), naming what does.
    const QList<NodeReference> refs = referencesTo(m_session->document(), node);
    if (!refs.isEmpty()) {
        const QString name = m_model->data(m_model->indexOf(node)).toString();
        const QString text = tr("“%1” is still referred to by:\n%2\n\nRemove it anyway? What refers to it "
                                "will be left pointing at nothing (the Problems panel lists it), "
                                "except usage plan bindings, which are removed with it.")
                                 .arg(name, describeReferences(refs));
        const bool yes = m_confirm ? m_confirm(tr("Remove %1").arg(name), text)
                                   : QMessageBox::question(this, tr("Remove %1").arg(name), text,
                                                           QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                                         == QMessageBox::Yes;
        if (!yes)
            return false;
    }
    // Select a neighbour so the properties panel does not go blank after a delete.
    const QModelIndex index = m_model->indexOf(node);
    const QModelIndex parentIndex = index.parent();
    NodeRef next = m_model->nodeAt(index.siblingAtRow(index.row() + 1));
    if (!next.isValid())
        next = m_model->nodeAt(index.siblingAtRow(index.row() - 1));
    if (!next.isValid())
        next = m_model->nodeAt(parentIndex);
    m_session->edit(tr("Remove %1").arg(m_model->data(index).toString()),
                    [node](ApiDocument &doc) { Edits::remove(doc, node); });
    selectNode(next);
    return true;
}

void ResourcesDock::saveViewState()
{
    m_expanded.clear();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (m_view->isExpanded(index)) {
                m_expanded.insert(m_model->nodeAt(index));
                walk(index);
            }
        }
    };
    walk({});
    m_savedCurrent = currentNode();
}

void ResourcesDock::restoreViewState()
{
    bool anyKnown = false;
    for (const NodeRef &node : std::as_const(m_expanded))
        anyKnown = anyKnown || m_model->indexOf(node).isValid();
    // A fresh document (or one whose nodes we never saw) opens with APIs and resources unfolded.
    const bool newDocument = m_session->filePath() != m_lastFilePath || !anyKnown;
    m_lastFilePath = m_session->filePath();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            const NodeRef node = m_model->nodeAt(index);
            const bool expand = newDocument
                                    ? (node.kind == Kind::Api || node.kind == Kind::Resource)
                                    : m_expanded.contains(node);
            if (expand) {
                m_view->expand(index);
                walk(index);
            }
        }
    };
    walk({});
    if (m_savedCurrent.isValid() && m_model->indexOf(m_savedCurrent).isValid()) {
        selectNode(m_savedCurrent);
    } else if (m_savedCurrent.isValid()) {
        // The node went away (undo of an add, remove): fall back to its API.
        selectNode(NodeRef::api(m_savedCurrent.apiId));
    }
    updateActions();
    // A reset clears the current index without currentChanged: tell the others what is current.
    const NodeRef node = currentNode();
    if (!(node == m_lastReported)) {
        m_lastReported = node;
        Q_EMIT currentNodeChanged(node);
    }
}

void ResourcesDock::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    QMenu menu;
    if (m_addResource->isEnabled())
        menu.addAction(m_addResource);
    if (m_addMethod->isEnabled())
        menu.addMenu(m_methodMenu);
    if (m_addRoute->isEnabled())
        menu.addAction(m_addRoute);
    if (m_rename->isEnabled())
        menu.addAction(m_rename);
    if (m_duplicate->isEnabled())
        menu.addAction(m_duplicate);
    const NodeRef node = m_model->nodeAt(index);
    if (node.kind == Kind::ModelGroup || node.kind == Kind::Model)
        menu.addAction(m_addModel);
    if (node.kind == Kind::AuthorizerGroup || node.kind == Kind::Authorizer)
        menu.addAction(m_addAuthorizer);
    if (node.kind == Kind::StageGroup || node.kind == Kind::Stage)
        menu.addAction(m_addStage);
    if (node.kind == Kind::FunctionGroup || node.kind == Kind::Function)
        menu.addAction(m_addFunction);
    if (node.kind == Kind::UsagePlanGroup || node.kind == Kind::UsagePlan)
        menu.addAction(m_addUsagePlan);
    if (node.kind == Kind::ApiKeyGroup || node.kind == Kind::ApiKey)
        menu.addAction(m_addApiKey);
    menu.addSeparator();
    menu.addMenu(m_addApiMenu);
    if (m_remove->isEnabled()) {
        menu.addSeparator();
        menu.addAction(m_remove);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace Gw::Ui
