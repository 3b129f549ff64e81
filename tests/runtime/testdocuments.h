// Test helper: small API documents built in code (REST with MOCK methods, HTTP API routes).
#pragma once

#include "model/apidocument.h"

#include <memory>

namespace GwTest {

inline Gw::Model::Method mockMethod(const QString &httpMethod, const QString &body, int status = 200,
                                    const QString &id = {})
{
    Gw::Model::Method m;
    m.id = id.isEmpty() ? QStringLiteral("mth_%1").arg(httpMethod.toLower()) : id;
    m.httpMethod = httpMethod;
    m.integration.type = Gw::Model::IntegrationType::Mock;
    m.integration.requestTemplates.insert(QStringLiteral("application/json"),
                                          QStringLiteral("{\"statusCode\": %1}").arg(status));
    Gw::Model::IntegrationResponse ir;
    ir.statusCode = QString::number(status);
    ir.responseTemplates.insert(QStringLiteral("application/json"), body);
    m.integration.responses.append(ir);
    return m;
}

// Adds a resource under `parentId` and returns its id.
inline QString addResource(Gw::Model::Api &api, const QString &parentId, const QString &pathPart,
                           const QList<Gw::Model::Method> &methods = {})
{
    Gw::Model::Resource r;
    r.id = QStringLiteral("res_%1").arg(api.resources.size());
    r.parentId = parentId;
    r.pathPart = pathPart;
    r.methods = methods;
    api.resources.append(r);
    return r.id;
}

inline Gw::Model::Api restApi(const QString &stage = QStringLiteral("dev"))
{
    Gw::Model::Api api;
    api.id = QStringLiteral("api_rest");
    api.name = QStringLiteral("Test REST");
    api.type = Gw::Model::ApiType::Rest;
    Gw::Model::Resource root;
    root.id = QStringLiteral("res_root");
    api.resources.append(root);
    if (!stage.isEmpty()) {
        Gw::Model::Stage s;
        s.name = stage;
        s.variables.insert(QStringLiteral("color"), QStringLiteral("blue"));
        api.stages.append(s);
    }
    return api;
}

inline Gw::Model::Route route(const QString &routeKey, const QString &id = {})
{
    Gw::Model::Route r;
    r.id = id.isEmpty() ? QStringLiteral("rt_") + QString(routeKey).replace(QLatin1Char(' '), QLatin1Char('_')) : id;
    r.routeKey = routeKey;
    r.integration.type = Gw::Model::IntegrationType::HttpProxy;
    r.integration.uri = QStringLiteral("http://127.0.0.1:9/");
    return r;
}

inline Gw::Model::Api httpApi(const QStringList &stages = {QStringLiteral("$default")})
{
    Gw::Model::Api api;
    api.id = QStringLiteral("api_http");
    api.name = QStringLiteral("Test HTTP");
    api.type = Gw::Model::ApiType::Http;
    for (const QString &name : stages) {
        Gw::Model::Stage s;
        s.name = name;
        api.stages.append(s);
    }
    return api;
}

inline std::shared_ptr<const Gw::Model::ApiDocument> documentWith(const Gw::Model::Api &api)
{
    auto doc = std::make_shared<Gw::Model::ApiDocument>();
    doc->name = QStringLiteral("test");
    doc->apis.append(api);
    return doc;
}

} // namespace GwTest
