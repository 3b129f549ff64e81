// The Resources dock: the document tree (APIs, resources, methods, routes, authorizers, stages,
// functions, usage plans and API keys) with undoable add/remove actions; it reports the current node to the other docks.
#pragma once

#include "ui/models/noderef.h"

#include <QDockWidget>
#include <QSet>

#include <functional>

class QAction;
class QLineEdit;
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

    // Asks a yes/no question (title, text) before deleting a node something refers to; a
    // QMessageBox by default, replaceable so tests answer without a modal dialog.
    using ConfirmFunction = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmFunction(ConfirmFunction f) { m_confirm = std::move(f); }

    ResourceTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    NodeRef currentNode() const;
    void selectNode(const NodeRef &node);

    QAction *addResourceAction() const { return m_addResource; }
    QAction *removeAction() const { return m_remove; }
    QMenu *addApiMenu() const { return m_addApiMenu; }
    QAction *addUsagePlanAction() const { return m_addUsagePlan; }
    QAction *addApiKeyAction() const { return m_addApiKey; }
    QAction *addModelAction() const { return m_addModel; }
    QAction *addAuthorizerAction() const { return m_addAuthorizer; }
    QAction *addStageAction() const { return m_addStage; }
    QAction *addFunctionAction() const { return m_addFunction; }
    QAction *addChildAction() const { return m_addChild; }   // Insert: what fits the selection
    QAction *renameAction() const { return m_rename; }       // F2
    QAction *duplicateAction() const { return m_duplicate; } // Ctrl+D
    QAction *findAction() const { return m_find; }           // Ctrl+F
    QLineEdit *findField() const { return m_findField; }

    // Undoable structural edits (also behind the actions); each selects what it created.
    NodeRef addResource(const NodeRef &parentResource, const QString &pathPart = QStringLiteral("resource"));
    NodeRef addMethod(const NodeRef &resource, const QString &httpMethod);
    NodeRef addRoute(const NodeRef &api);
    NodeRef addApi(int apiType);
    NodeRef addUsagePlan();
    NodeRef addApiKey();
    // Adds to a group (models, authorizers, stages, functions, usage plans, API keys) of the
    // node's API: what the Insert key does on a group or one of its members.
    NodeRef addToGroup(NodeRef::Kind groupKind, const QString &apiId = {});
    // Asks first (ConfirmFunction) when something still refers to the node; false when declined.
    bool removeNode(const NodeRef &node);
    NodeRef duplicateNode(const NodeRef &node);
    // Moves a resource (with its subtree) or a method under another resource: one undo step.
    bool moveNode(const NodeRef &node, const NodeRef &targetResource);
    // Selects the next node (after the current one, wrapping) whose name or path contains text.
    bool findNext(const QString &text, bool fromStart = false);

Q_SIGNALS:
    void currentNodeChanged(const Gw::Ui::NodeRef &node);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateActions();
    void saveViewState();
    void restoreViewState();
    void showContextMenu(const QPoint &pos);
    void populateMethodMenu();
    NodeRef resourceForAdd() const;
    void addChild();

    Model::DocumentSession *m_session;
    ResourceTreeModel *m_model;
    QTreeView *m_view;
    QAction *m_addResource;
    QAction *m_addMethod;
    QAction *m_addRoute;
    QAction *m_remove;
    QAction *m_addUsagePlan;
    QAction *m_addApiKey;
    QAction *m_addChild;
    QAction *m_addModel;
    QAction *m_addAuthorizer;
    QAction *m_addStage;
    QAction *m_addFunction;
    QAction *m_rename;
    QAction *m_duplicate;
    QAction *m_find;
    QLineEdit *m_findField;
    ConfirmFunction m_confirm;
    QMenu *m_methodMenu;
    QMenu *m_addApiMenu;
    QSet<NodeRef> m_expanded;
    NodeRef m_savedCurrent;
    QString m_lastFilePath;
    NodeRef m_lastReported;
};

} // namespace Gw::Ui
