// The HTTP API / WebSocket route editor: route key, authorization (JWT with scopes, Lambda
// authorizer, IAM), the integration (Lambda proxy with payload version, HTTP proxy, AWS service),
// parameter mapping (HTTP APIs' append/overwrite/remove) and route throttling.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;
class MapTableModel;

class RouteEditor : public QWidget
{
    Q_OBJECT
public:
    RouteEditor(Model::DocumentSession *session, const NodeRef &route, QWidget *parent = nullptr);

    MapTableModel *parameterMappingModel() const { return m_mappings; }

    // What AWS accepts as a route key of the API type; "" when fine.
    static QString checkRouteKey(bool webSocket, const QString &key);

private:
    FieldBinder *m_binder;
    MapTableModel *m_mappings;
};

} // namespace Gw::Ui
