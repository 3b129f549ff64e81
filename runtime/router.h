// AWS's request matching: stage selection, then REST resources (literal > {param} > {proxy+},
// method exact > ANY) or HTTP API routes (exact route > greedy > $default).
//
// Stage rules: a REST URL must start with /{stage}/ for a stage served by the snapshot; an API
// without stages serves nothing (AWS cannot invoke an undeployed API) and every request answers
// the "no route" gateway response, with a trace note saying why. An HTTP API URL selects a stage
// when its first segment names a served stage other than $default, else the $default stage
// serves the full path at the root, else nothing matches (404).
#pragma once

#include "runtime/compiledapi.h"

#include <QList>
#include <QPair>

namespace Gw::Runtime {

struct RouteMatch
{
    enum class Status { Matched, NoStage, NoRoute };
    Status status = Status::NoRoute;
    const CompiledStage *stage = nullptr;
    QString stagePath; // path after the stage prefix, "/pets/1" (decoded segments re-joined)

    // REST
    const RestNode *node = nullptr;
    const Model::Method *method = nullptr;
    // HTTP API
    const HttpRouteEntry *route = nullptr;

    const CompiledIntegration *integration = nullptr;
    QString resourcePath; // REST "/pets/{petId}", HTTP "/pets/{id}" ("$default" for the default route)
    QString routeKey;     // "GET /pets/{petId}" (REST: method as declared + resource path)
    QList<QPair<QString, QString>> pathParameters; // URL-decoded
    QString reason;       // why nothing matched (for the trace)

    bool matched() const { return status == Status::Matched; }
    QString pathParameter(const QString &name) const;
};

class Router
{
public:
    static RouteMatch match(const CompiledApi &api, const QByteArray &method, const QByteArray &rawPath);

    // Path segments of a raw path, percent-decoded ('+' kept), empty segments dropped.
    static QStringList segments(const QByteArray &rawPath);

private:
    static void matchRest(const CompiledApi &api, const QString &method, const QStringList &segs,
                          RouteMatch &m);
    static void matchHttp(const CompiledApi &api, const QString &method, const QStringList &segs,
                          RouteMatch &m);
};

} // namespace Gw::Runtime
