// What in a document still refers to a node: the methods and routes using an authorizer, the
// methods naming a model, the integrations and authorizers running a function, the usage plans
// binding an API, a stage or a key, the stage method settings keyed by a method's path.
// The designer asks before deleting a node that something still refers to.
#pragma once

#include "model/apidocument.h"
#include "ui/models/noderef.h"

#include <QList>

namespace Gw::Ui {

struct NodeReference
{
    NodeRef from;        // the referring node (a method, route, authorizer, usage plan, stage)
    QString description; // "GET /pets/{petId} (authorizer)", "usage plan Basic (stage dev)"

    bool operator==(const NodeReference &) const = default;
};

// References to `node` from outside it: for a resource, references from inside its own subtree
// do not count (they go with it). Empty when nothing refers to the node.
QList<NodeReference> referencesTo(const Model::ApiDocument &doc, const NodeRef &node);

// One line per reference, at most `max` lines and "… and N more" after that.
QString describeReferences(const QList<NodeReference> &refs, int max = 8);

} // namespace Gw::Ui
