// Structural edits the designer offers (add an API, resource, method or route; remove a node),
// written as plain functions on an ApiDocument so DocumentSession::edit can run them as undo
// commands and tests can call them directly.
#pragma once

#include "model/apidocument.h"
#include "ui/models/noderef.h"

namespace Gw::Ui::Edits {

// The HTTP methods a REST resource can have, in the order menus list them.
QStringList restMethods();

// Each returns the node it created (invalid when the target does not exist).
NodeRef addApi(Model::ApiDocument &doc, Model::ApiType type, const QString &name);
NodeRef addResource(Model::ApiDocument &doc, const QString &apiId, const QString &parentResourceId,
                    const QString &pathPart);
NodeRef addMethod(Model::ApiDocument &doc, const QString &apiId, const QString &resourceId,
                  const QString &httpMethod);
NodeRef addRoute(Model::ApiDocument &doc, const QString &apiId, const QString &routeKey);
NodeRef addUsagePlan(Model::ApiDocument &doc, const QString &name);
NodeRef addApiKey(Model::ApiDocument &doc, const QString &name);

// A random API key value: 40 characters of [A-Za-z0-9] (AWS accepts 20–128).
QString generateApiKeyValue();

// A free name: "base", "base2", "base3", … not in `taken`.
QString uniqueName(const QString &base, const QStringList &taken);

// Renames a local function and every integration/authorizer that names it.
void renameFunction(Model::ApiDocument &doc, const QString &functionId, const QString &name);

// Removes the node (a resource with its subtree). False when nothing was removed.
bool remove(Model::ApiDocument &doc, const NodeRef &node);
bool canRemove(const Model::ApiDocument &doc, const NodeRef &node);

// A new MOCK integration answering 200 with `body` as application/json.
Model::Integration mockIntegration(const QString &body = QStringLiteral("{}"));

} // namespace Gw::Ui::Edits
