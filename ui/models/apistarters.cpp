// Starter APIs, written as code rather than sample files so ids are fresh and names never clash
// with what the document already holds.
#include "ui/models/apistarters.h"

#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"

namespace Gw::Ui::Starters {

using namespace Gw::Model;

QList<Starter> startersFor(ApiType type)
{
    switch (type) {
    case ApiType::Rest:
        return {Starter::Blank, Starter::LambdaProxyCrud, Starter::HttpProxy, Starter::Mock};
    case ApiType::Http:
        return {Starter::Blank, Starter::LambdaProxyCrud, Starter::HttpProxy, Starter::JwtHttpApi};
    case ApiType::WebSocket:
        return {Starter::Blank, Starter::WebSocketChat};
    }
    return {Starter::Blank};
}

QString title(Starter s)
{
    switch (s) {
    case Starter::Blank:
        return QObject::tr("Blank");
    case Starter::LambdaProxyCrud:
        return QObject::tr("Lambda proxy CRUD");
    case Starter::HttpProxy:
        return QObject::tr("HTTP proxy");
    case Starter::Mock:
        return QObject::tr("Mock");
    case Starter::JwtHttpApi:
        return QObject::tr("JWT-protected HTTP API");
    case Starter::WebSocketChat:
        return QObject::tr("WebSocket chat");
    }
    return {};
}

QString description(Starter s)
{
    switch (s) {
    case Starter::Blank:
        return QObject::tr("An empty API with one stage.");
    case Starter::LambdaProxyCrud:
        return QObject::tr("/items and /items/{id} with GET, POST, PUT and DELETE, all served by one local "
                           "Lambda function through a proxy integration.");
    case Starter::HttpProxy:
        return QObject::tr("Every path forwarded to an HTTP backend ({proxy+} to a URL).");
    case Starter::Mock:
        return QObject::tr("GET /hello answered by a MOCK integration with a JSON body.");
    case Starter::JwtHttpApi:
        return QObject::tr("Routes behind a JWT authorizer (issuer and audience to fill in), one public.");
    case Starter::WebSocketChat:
        return QObject::tr("$connect, $disconnect and sendmessage routes served by one local Lambda function.");
    }
    return {};
}

namespace {

QString addFunction(ApiDocument &doc, const QString &base)
{
    QStringList taken;
    for (const LocalFunction &f : doc.functions)
        taken << f.name;
    LocalFunction f;
    f.id = newId(QStringLiteral("fn"));
    f.name = Edits::uniqueName(base, taken);
    f.codeDirectory = QStringLiteral("functions/") + f.name;
    doc.functions << f;
    return f.name;
}

Integration lambdaProxy(const QString &function, ApiType type)
{
    Integration i;
    i.type = IntegrationType::AwsProxy;
    i.httpMethod = QStringLiteral("POST");
    i.functionName = function;
    i.payloadFormatVersion = type == ApiType::Http ? QStringLiteral("2.0") : QStringLiteral("1.0");
    return i;
}

Integration httpProxy(const QString &uri, const QString &method = QStringLiteral("ANY"))
{
    Integration i;
    i.type = IntegrationType::HttpProxy;
    i.httpMethod = method;
    i.uri = uri;
    return i;
}

Resource *addPath(Api &api, const QString &parentId, const QString &part)
{
    Resource r;
    r.id = newId(QStringLiteral("res"));
    r.parentId = parentId;
    r.pathPart = part;
    api.resources << r;
    return &api.resources.last();
}

void addMethod(Resource &r, const QString &verb, const Integration &integration, const QString &pathParam = {})
{
    Method m;
    m.id = newId(QStringLiteral("mth"));
    m.httpMethod = verb;
    if (!pathParam.isEmpty())
        m.requestParameters.insert(QStringLiteral("method.request.path.") + pathParam, true);
    m.integration = integration;
    if (integration.type == IntegrationType::Mock)
        m.methodResponses << MethodResponse{};
    r.methods << m;
}

void addRoute(Api &api, const QString &key, const Integration &integration)
{
    Route r;
    r.id = newId(QStringLiteral("rt"));
    r.routeKey = key;
    r.integration = integration;
    api.routes << r;
}

} // namespace

NodeRef add(ApiDocument &doc, ApiType type, Starter starter, const QString &name)
{
    const NodeRef node = Edits::addApi(doc, type, name);
    if (starter == Starter::Blank || !startersFor(type).contains(starter))
        return node;
    // Functions first: adding to doc.functions never moves doc.apis, but keep the pointer fresh anyway.
    QString function;
    if (starter == Starter::LambdaProxyCrud)
        function = addFunction(doc, QStringLiteral("items-handler"));
    else if (starter == Starter::WebSocketChat)
        function = addFunction(doc, QStringLiteral("chat-handler"));
    Api *api = Lookup::api(doc, node.apiId);
    if (!api)
        return {};
    api->description = description(starter);

    if (type == ApiType::Rest) {
        const QString rootId = api->resources.first().id;
        switch (starter) {
        case Starter::LambdaProxyCrud: {
            Resource *items = addPath(*api, rootId, QStringLiteral("items"));
            const QString itemsId = items->id;
            addMethod(*items, QStringLiteral("GET"), lambdaProxy(function, type));
            addMethod(*items, QStringLiteral("POST"), lambdaProxy(function, type));
            Resource *item = addPath(*api, itemsId, QStringLiteral("{id}"));
            for (const char *verb : {"GET", "PUT", "DELETE"})
                addMethod(*item, QLatin1String(verb), lambdaProxy(function, type), QStringLiteral("id"));
            break;
        }
        case Starter::HttpProxy: {
            Resource *proxy = addPath(*api, rootId, QStringLiteral("{proxy+}"));
            Integration i = httpProxy(QStringLiteral("https://httpbin.org/{proxy}"));
            i.requestParameters.insert(QStringLiteral("integration.request.path.proxy"),
                                       QStringLiteral("method.request.path.proxy"));
            addMethod(*proxy, QStringLiteral("ANY"), i, QStringLiteral("proxy"));
            break;
        }
        case Starter::Mock: {
            Resource *hello = addPath(*api, rootId, QStringLiteral("hello"));
            addMethod(*hello, QStringLiteral("GET"), Edits::mockIntegration(QStringLiteral("{\"message\": \"Hello from a mock\"}")));
            break;
        }
        default:
            break;
        }
    } else if (type == ApiType::Http) {
        switch (starter) {
        case Starter::LambdaProxyCrud:
            for (const char *key : {"GET /items", "POST /items", "GET /items/{id}", "PUT /items/{id}", "DELETE /items/{id}"})
                addRoute(*api, QLatin1String(key), lambdaProxy(function, type));
            break;
        case Starter::HttpProxy:
            addRoute(*api, QStringLiteral("ANY /{proxy+}"), httpProxy(QStringLiteral("https://httpbin.org/{proxy}")));
            break;
        case Starter::JwtHttpApi: {
            Authorizer a;
            a.id = newId(QStringLiteral("auth"));
            a.name = QStringLiteral("jwt");
            a.type = AuthorizerType::Jwt;
            a.identitySource = {QStringLiteral("$request.header.Authorization")};
            a.jwtIssuer = QStringLiteral("https://issuer.example.com");
            a.jwtAudiences = {QStringLiteral("my-app")};
            api->authorizers << a;
            addRoute(*api, QStringLiteral("GET /public"), httpProxy(QStringLiteral("https://httpbin.org/get"), QStringLiteral("GET")));
            for (const char *key : {"GET /items", "POST /items"}) {
                addRoute(*api, QLatin1String(key), httpProxy(QStringLiteral("https://httpbin.org/anything"), QStringLiteral("ANY")));
                Route &r = api->routes.last();
                r.authorizationType = AuthorizationType::Jwt;
                r.authorizerId = a.id;
            }
            break;
        }
        default:
            break;
        }
    } else if (starter == Starter::WebSocketChat) {
        api->routes.clear(); // the blank WebSocket API's mock routes
        for (const char *key : {"$connect", "$disconnect", "sendmessage", "$default"})
            addRoute(*api, QLatin1String(key), lambdaProxy(function, type));
    }
    return node;
}

} // namespace Gw::Ui::Starters
