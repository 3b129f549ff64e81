// The Resources dock: the document tree (APIs, resources, methods, routes, authorizers, stages,
// functions, usage plans and API keys) with undoable add/remove actions; it reports the current node to the other docks.
#pragma once

#include "ui/models/noderef.h"

#include <QDockWidget>
#include <QSet>

class QAction;
class QMenu;
class QTreeView;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class ResourceTreeModel;

class ResourcesDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ResourcesDock(Model::DocumentSession *session, QWidget *parent = nullptr);

    ResourceTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    NodeRef currentNode() const;
    void selectNode(const NodeRef &node);

    QAction *addResourceAction() const { return m_addResource; }
    QAction *removeAction() const { return m_remove; }
    QMenu *addApiMenu() const { return m_addApiMenu; }
    QAction *addUsagePlanAction() const { return m_addUsagePlan; }
    QAction *addApiKeyAction() const { return m_addApiKey; }

    // Undoable structural edits (also behind the actions); each selects what it created.
    NodeRef addResource(const NodeRef &parentResource, const QString &pathPart = QStringLiteral("resource"));
    NodeRef addMethod(const NodeRef &resource, const QString &httpMethod);
    NodeRef addRoute(const NodeRef &api);
    NodeRef addApi(int apiType);
    NodeRef addUsagePlan();
    NodeRef addApiKey();
    bool removeNode(const NodeRef &node);

Q_SIGNALS:
    void currentNodeChanged(const Gw::Ui::NodeRef &node);

private:
    void updateActions();
    void saveViewState();
    void restoreViewState();
    void showContextMenu(const QPoint &pos);
    void populateMethodMenu();
    NodeRef resourceForAdd() const;

    Model::DocumentSession *m_session;
    ResourceTreeModel *m_model;
    QTreeView *m_view;
    QAction *m_addResource;
    QAction *m_addMethod;
    QAction *m_addRoute;
    QAction *m_remove;
    QAction *m_addUsagePlan;
    QAction *m_addApiKey;
    QMenu *m_methodMenu;
    QMenu *m_addApiMenu;
    QSet<NodeRef> m_expanded;
    NodeRef m_savedCurrent;
    QString m_lastFilePath;
    NodeRef m_lastReported;
};

} // namespace Gw::Ui
