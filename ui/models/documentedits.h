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
// A draft-4 object schema titled with the (free) name; REST and WebSocket APIs only.
NodeRef addModel(Model::ApiDocument &doc, const QString &apiId, const QString &name);
// REST: a Lambda TOKEN authorizer; HTTP: a JWT authorizer; WebSocket: a Lambda REQUEST one.
NodeRef addAuthorizer(Model::ApiDocument &doc, const QString &apiId, const QString &name);
NodeRef addStage(Model::ApiDocument &doc, const QString &apiId, const QString &name);
// A Python function with its code in functions/<name>.
NodeRef addFunction(Model::ApiDocument &doc, const QString &name);

// A random API key value: 40 characters of [A-Za-z0-9] (AWS accepts 20–128).
QString generateApiKeyValue();

// A free name: "base", "base2", "base3", … not in `taken`.
QString uniqueName(const QString &base, const QStringList &taken);

// Renames a local function and every integration/authorizer that names it.
void renameFunction(Model::ApiDocument &doc, const QString &functionId, const QString &name);

// Renames a REST resource's path part. When a path parameter is renamed ("{petId}" -> "{id}",
// "{proxy+}" -> "{rest+}") the methods below it follow: method.request.path.<old> request
// parameters, integration request parameter sources naming it, and the straightforward forms in
// their templates ($input.params('old'), $input.params().path.old / .get('old')). Stage method
// settings keyed by the paths below the resource are re-keyed. False when nothing changed.
bool renameResource(Model::ApiDocument &doc, const QString &apiId, const QString &resourceId,
                    const QString &pathPart);

// The references part of renameResource: in the methods below the resource, what names path
// parameter `oldName` is renamed to `newName`. Refused (false) when the resource's path still
// declares `oldName` (an ancestor's parameter of that name is not this one).
bool renamePathParameterReferences(Model::ApiDocument &doc, const QString &apiId, const QString &resourceId,
                                   const QString &oldName, const QString &newName);

// The path parameter a path part declares ("{petId}" -> "petId", "{proxy+}" -> "proxy"), or "".
QString pathParameterName(const QString &pathPart);

// Moves a REST resource (with its subtree) under another resource of the same API; the moved
// resources go last among their new siblings. Refused (false) for the root, a target inside the
// subtree, the current parent, or a target that already has a child with the same path part.
bool canMoveResource(const Model::ApiDocument &doc, const QString &apiId, const QString &resourceId,
                     const QString &newParentId);
bool moveResource(Model::ApiDocument &doc, const QString &apiId, const QString &resourceId,
                  const QString &newParentId);
// Moves a REST method to another resource of the same API (refused when that verb exists there).
bool canMoveMethod(const Model::ApiDocument &doc, const QString &apiId, const QString &methodId,
                   const QString &resourceId);
bool moveMethod(Model::ApiDocument &doc, const QString &apiId, const QString &methodId,
                const QString &resourceId);

// A copy of the node next to it with fresh ids and a free name ("pets2", "GET /new2", "Pet2",
// "dev2", …); an API is copied whole. Invalid when the node cannot be duplicated (a method, the
// root resource, groups).
bool canDuplicate(const Model::ApiDocument &doc, const NodeRef &node);
NodeRef duplicate(Model::ApiDocument &doc, const NodeRef &node);

// Removes the node (a resource with its subtree). False when nothing was removed.
bool remove(Model::ApiDocument &doc, const NodeRef &node);
bool canRemove(const Model::ApiDocument &doc, const NodeRef &node);

// A new MOCK integration answering 200 with `body` as application/json.
Model::Integration mockIntegration(const QString &body = QStringLiteral("{}"));

} // namespace Gw::Ui::Edits
