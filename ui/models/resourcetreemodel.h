// The document as a tree for the resources dock: APIs, their REST resource tree (methods under
// resources) or HTTP/WebSocket routes, authorizers, models and stages; the local functions, usage
// plans and API keys.
// Names are editable in place; every edit is an undo command through the DocumentSession.
#pragma once

#include "ui/models/noderef.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace Gw::Model {
class DocumentSession;
struct ApiDocument;
} // namespace Gw::Model

namespace Gw::Ui {

class ResourceTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DetailColumn, ColumnCount };
    enum Role {
        NodeRefRole = Qt::UserRole + 1, // QVariant<NodeRef>
        NodeKindRole,                   // int(NodeRef::Kind)
    };

    explicit ResourceTreeModel(Model::DocumentSession *session, QObject *parent = nullptr);
    ~ResourceTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Drag and drop moves REST resources (with their subtree) and methods, as one undo step.
    static constexpr const char *NodeMimeType = "application/x-apigw-studio-nodes";
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    static QList<NodeRef> nodesFromMime(const QMimeData *data);

    NodeRef nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(const NodeRef &node, int column = NameColumn) const;

Q_SIGNALS:
    void nodesMoved(const QList<Gw::Ui::NodeRef> &nodes); // after a drop's undo command ran

private:
    struct Node;
    bool isRestApi(const QString &apiId) const;
    QString dropTargetResource(const QModelIndex &parent) const; // resource id, or ""
    void rebuild();
    std::unique_ptr<Node> buildTree(const Model::ApiDocument &doc) const;
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(Node *node, int column) const;

    Model::DocumentSession *m_session;
    std::unique_ptr<Node> m_root;
};

} // namespace Gw::Ui
