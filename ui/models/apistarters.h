// Starter APIs for the New API wizard: blank or a small working design (Lambda proxy CRUD, HTTP
// proxy, mock, JWT-protected HTTP API, WebSocket chat), built in code and lint-clean.
#pragma once

#include "model/apidocument.h"
#include "ui/models/noderef.h"

namespace Gw::Ui::Starters {

enum class Starter { Blank, LambdaProxyCrud, HttpProxy, Mock, JwtHttpApi, WebSocketChat };

// The starters offered for an API type, blank first.
QList<Starter> startersFor(Model::ApiType type);
QString title(Starter s);
QString description(Starter s);

// Adds the API (and the local functions it calls) to the document; returns the API node.
NodeRef add(Model::ApiDocument &doc, Model::ApiType type, Starter starter, const QString &name);

} // namespace Gw::Ui::Starters
