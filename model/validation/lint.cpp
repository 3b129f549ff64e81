// Lint rules: each a small function with an id, checking what AWS would reject or what cannot
// run locally. Locations are JSON pointers into the project file.
#include "model/validation/lint.h"

#include "model/serialization/jsonpointer.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <functional>

namespace Gw::Model {

namespace {

struct Context
{
    const ApiDocument &doc;
    Diagnostics &out;
    QString ruleId;

    void report(Diagnostic::Severity s, const QString &location, const QString &message)
    {
        out.append(Diagnostic{s, location, message, ruleId});
    }
    void error(const QString &location, const QString &message)
    {
        report(Diagnostic::Severity::Error, location, message);
    }
    void warning(const QString &location, const QString &message)
    {
        report(Diagnostic::Severity::Warning, location, message);
    }
    void note(const QString &location, const QString &message)
    {
        report(Diagnostic::Severity::Note, location, message);
    }
};

// ---- pointers and helpers -----------------------------------------------------------------

QString p(const QString &base, const QString &token) { return jsonPointer(base, token); }
QString p(const QString &base, qsizetype index) { return jsonPointer(base, index); }
QString apiPtr(qsizetype a) { return p(QStringLiteral("/apis"), a); }
QString resourcePtr(qsizetype a, qsizetype r) { return p(p(apiPtr(a), QStringLiteral("resources")), r); }
QString methodPtr(qsizetype a, qsizetype r, qsizetype m)
{
    return p(p(resourcePtr(a, r), QStringLiteral("methods")), m);
}
QString routePtr(qsizetype a, qsizetype r) { return p(p(apiPtr(a), QStringLiteral("routes")), r); }

QString q(const QString &s) { return QLatin1Char('"') + s + QLatin1Char('"'); }

// Visits every REST method and every HTTP/WebSocket route with its pointer.
void forEachMethod(const ApiDocument &doc,
                   const std::function<void(const Api &, qsizetype, const Resource &, const Method &,
                                            const QString &)> &fn)
{
    for (qsizetype a = 0; a < doc.apis.size(); ++a) {
        const Api &api = doc.apis.at(a);
        if (api.type != ApiType::Rest)
            continue;
        for (qsizetype r = 0; r < api.resources.size(); ++r) {
            const Resource &res = api.resources.at(r);
            for (qsizetype m = 0; m < res.methods.size(); ++m)
                fn(api, a, res, res.methods.at(m), methodPtr(a, r, m));
        }
    }
}

void forEachRoute(const ApiDocument &doc,
                  const std::function<void(const Api &, qsizetype, const Route &, const QString &)> &fn)
{
    for (qsizetype a = 0; a < doc.apis.size(); ++a) {
        const Api &api = doc.apis.at(a);
        if (api.type == ApiType::Rest)
            continue;
        for (qsizetype r = 0; r < api.routes.size(); ++r)
            fn(api, a, api.routes.at(r), routePtr(a, r));
    }
}

// Every integration (REST method or route) with its pointer and owning API.
void forEachIntegration(const ApiDocument &doc,
                        const std::function<void(const Api &, const Integration &, const QString &)> &fn)
{
    forEachMethod(doc, [&](const Api &api, qsizetype, const Resource &, const Method &m,
                           const QString &ptr) {
        fn(api, m.integration, p(ptr, QStringLiteral("integration")));
    });
    forEachRoute(doc, [&](const Api &api, qsizetype, const Route &r, const QString &ptr) {
        fn(api, r.integration, p(ptr, QStringLiteral("integration")));
    });
}

const QStringList &httpMethods()
{
    static const QStringList methods{QStringLiteral("GET"),    QStringLiteral("POST"),
                                     QStringLiteral("PUT"),    QStringLiteral("PATCH"),
                                     QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                                     QStringLiteral("OPTIONS"), QStringLiteral("ANY")};
    return methods;
}

bool isGreedy(const QString &part)
{
    return part.startsWith(QLatin1Char('{')) && part.endsWith(QStringLiteral("+}"));
}

bool isVariable(const QString &part)
{
    return part.startsWith(QLatin1Char('{')) && part.endsWith(QLatin1Char('}'));
}

// AWS: "path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an
// optional plus sign before the closing brace".
bool isValidPathPart(const QString &part)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:[A-Za-z0-9._-]+|\\{[A-Za-z0-9._-]+\\+?\\})$"));
    return re.match(part).hasMatch();
}

struct HttpRouteKey
{
    bool isDefault = false;
    QString method;
    QString path;
    QStringList segments; // path split on "/", without the leading empty one
};

// Parses "METHOD /path" or "$default"; nullopt when malformed.
std::optional<HttpRouteKey> parseHttpRouteKey(const QString &key)
{
    HttpRouteKey k;
    if (key == QLatin1String("$default")) {
        k.isDefault = true;
        return k;
    }
    const qsizetype space = key.indexOf(QLatin1Char(' '));
    if (space <= 0)
        return std::nullopt;
    k.method = key.left(space);
    k.path = key.mid(space + 1);
    if (!k.path.startsWith(QLatin1Char('/')) || k.path.contains(QLatin1Char(' ')))
        return std::nullopt;
    if (k.path != QLatin1String("/"))
        k.segments = k.path.mid(1).split(QLatin1Char('/'));
    return k;
}

// ---- rules --------------------------------------------------------------------------------

void greedyNotLast(Context &c)
{
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (api.type == ApiType::Rest) {
            for (qsizetype r = 0; r < api.resources.size(); ++r) {
                const Resource &res = api.resources.at(r);
                const Resource *parent = findResource(api, res.parentId);
                if (parent && isGreedy(parent->pathPart)) {
                    c.error(p(resourcePtr(a, r), QStringLiteral("pathPart")),
                            QStringLiteral("%1 is under the greedy path part %2, which must be "
                                           "the last part of a path")
                                .arg(q(res.pathPart), q(parent->pathPart)));
                }
            }
        } else if (api.type == ApiType::Http) {
            for (qsizetype r = 0; r < api.routes.size(); ++r) {
                const std::optional<HttpRouteKey> k = parseHttpRouteKey(api.routes.at(r).routeKey);
                if (!k)
                    continue;
                for (qsizetype s = 0; s + 1 < k->segments.size(); ++s) {
                    if (isGreedy(k->segments.at(s))) {
                        c.error(p(routePtr(a, r), QStringLiteral("routeKey")),
                                QStringLiteral("greedy path variable %1 must be the last part "
                                               "of the route path")
                                    .arg(q(k->segments.at(s))));
                        break;
                    }
                }
            }
        }
    }
}

void duplicateRouteKey(Context &c)
{
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (api.type == ApiType::Rest)
            continue;
        QHash<QString, qsizetype> seen;
        for (qsizetype r = 0; r < api.routes.size(); ++r) {
            const QString &key = api.routes.at(r).routeKey;
            if (seen.contains(key)) {
                c.error(p(routePtr(a, r), QStringLiteral("routeKey")),
                        QStringLiteral("route key %1 is already used by route %2")
                            .arg(q(key))
                            .arg(seen.value(key)));
            } else {
                seen.insert(key, r);
            }
        }
    }
}

void duplicateMethod(Context &c)
{
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (api.type != ApiType::Rest)
            continue;
        for (qsizetype r = 0; r < api.resources.size(); ++r) {
            const Resource &res = api.resources.at(r);
            QSet<QString> seen;
            for (qsizetype m = 0; m < res.methods.size(); ++m) {
                const QString method = res.methods.at(m).httpMethod.toUpper();
                if (seen.contains(method)) {
                    c.error(p(methodPtr(a, r, m), QStringLiteral("httpMethod")),
                            QStringLiteral("%1 is defined twice on %2")
                                .arg(method, resourcePath(api, res.id)));
                }
                seen.insert(method);
            }
        }
    }
}

void duplicatePathPart(Context &c)
{
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (api.type != ApiType::Rest)
            continue;
        QHash<QString, QSet<QString>> partsByParent;
        QHash<QString, QString> variableByParent;
        for (qsizetype r = 0; r < api.resources.size(); ++r) {
            const Resource &res = api.resources.at(r);
            if (res.parentId.isEmpty())
                continue;
            const QString ptr = p(resourcePtr(a, r), QStringLiteral("pathPart"));
            QSet<QString> &siblings = partsByParent[res.parentId];
            if (siblings.contains(res.pathPart)) {
                c.error(ptr, QStringLiteral("another resource under %1 already has the path part %2")
                                 .arg(resourcePath(api, res.parentId), q(res.pathPart)));
                continue;
            }
            siblings.insert(res.pathPart);
            if (isVariable(res.pathPart)) {
                // AWS: "A sibling ({id}) of this resource already has a variable path part --
                // only one is allowed".
                const QString other = variableByParent.value(res.parentId);
                if (!other.isEmpty()) {
                    c.error(ptr, QStringLiteral("sibling %1 already is a variable path part; "
                                                "only one is allowed under %2")
                                     .arg(q(other), resourcePath(api, res.parentId)));
                } else {
                    variableByParent.insert(res.parentId, res.pathPart);
                }
            }
        }
    }
}

void invalidRouteKey(Context &c)
{
    forEachRoute(c.doc, [&](const Api &api, qsizetype, const Route &route, const QString &ptr) {
        const QString loc = p(ptr, QStringLiteral("routeKey"));
        if (api.type == ApiType::WebSocket) {
            static const QStringList predefined{QStringLiteral("$connect"),
                                                QStringLiteral("$disconnect"),
                                                QStringLiteral("$default")};
            if (route.routeKey.trimmed().isEmpty())
                c.error(loc, QStringLiteral("route key is empty"));
            else if (route.routeKey.startsWith(QLatin1Char('$'))
                     && !predefined.contains(route.routeKey))
                c.error(loc, QStringLiteral("%1: route keys starting with \"$\" are reserved "
                                            "($connect, $disconnect, $default)")
                                 .arg(q(route.routeKey)));
            return;
        }
        const std::optional<HttpRouteKey> k = parseHttpRouteKey(route.routeKey);
        if (!k) {
            c.error(loc, QStringLiteral("%1 is not a route key; expected \"METHOD /path\" or "
                                        "\"$default\"")
                             .arg(q(route.routeKey)));
            return;
        }
        if (k->isDefault)
            return;
        if (!httpMethods().contains(k->method)) {
            c.error(loc, QStringLiteral("unknown method %1 in route key (expected one of %2)")
                             .arg(q(k->method), httpMethods().join(QStringLiteral(", "))));
        }
    });
}

void invalidHttpMethod(Context &c)
{
    forEachMethod(c.doc, [&](const Api &, qsizetype, const Resource &, const Method &m,
                             const QString &ptr) {
        if (!httpMethods().contains(m.httpMethod)) {
            c.error(p(ptr, QStringLiteral("httpMethod")),
                    QStringLiteral("unknown HTTP method %1 (expected one of %2)")
                        .arg(q(m.httpMethod), httpMethods().join(QStringLiteral(", "))));
        }
    });
}

void invalidPathPart(Context &c)
{
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (api.type == ApiType::Rest) {
            for (qsizetype r = 0; r < api.resources.size(); ++r) {
                const Resource &res = api.resources.at(r);
                const QString ptr = p(resourcePtr(a, r), QStringLiteral("pathPart"));
                if (res.parentId.isEmpty()) {
                    if (!res.pathPart.isEmpty())
                        c.error(ptr, QStringLiteral("the root resource \"/\" must have an empty path part"));
                } else if (!isValidPathPart(res.pathPart)) {
                    c.error(ptr, QStringLiteral("invalid path part %1: only a-zA-Z0-9._- are "
                                                "allowed, or {name} / {name+}")
                                     .arg(q(res.pathPart)));
                }
            }
        } else if (api.type == ApiType::Http) {
            for (qsizetype r = 0; r < api.routes.size(); ++r) {
                const std::optional<HttpRouteKey> k = parseHttpRouteKey(api.routes.at(r).routeKey);
                if (!k)
                    continue;
                for (const QString &segment : k->segments) {
                    if (!isValidPathPart(segment)) {
                        c.error(p(routePtr(a, r), QStringLiteral("routeKey")),
                                QStringLiteral("invalid path segment %1 in %2")
                                    .arg(q(segment), q(k->path)));
                        break;
                    }
                }
            }
        }
    }
}

void resourceTree(Context &c)
{
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (api.type != ApiType::Rest)
            continue;
        qsizetype roots = 0;
        for (qsizetype r = 0; r < api.resources.size(); ++r) {
            const Resource &res = api.resources.at(r);
            if (res.parentId.isEmpty()) {
                if (++roots > 1)
                    c.error(resourcePtr(a, r), QStringLiteral("a second root resource; a REST API "
                                                              "has exactly one \"/\""));
                continue;
            }
            if (!findResource(api, res.parentId)) {
                c.error(p(resourcePtr(a, r), QStringLiteral("parentId")),
                        QStringLiteral("parent resource %1 does not exist").arg(q(res.parentId)));
                continue;
            }
            // Walk up: a cycle never reaches the root.
            QSet<QString> seen{res.id};
            const Resource *up = findResource(api, res.parentId);
            while (up && !up->parentId.isEmpty() && !seen.contains(up->id)) {
                seen.insert(up->id);
                up = findResource(api, up->parentId);
            }
            if (up && seen.contains(up->id)) {
                c.error(p(resourcePtr(a, r), QStringLiteral("parentId")),
                        QStringLiteral("resource %1 is part of a parent cycle").arg(q(res.id)));
            }
        }
        if (roots == 0)
            c.error(apiPtr(a), QStringLiteral("REST API %1 has no root resource \"/\"").arg(q(api.name)));
    }
}

void checkAuthorizer(Context &c, const Api &api, AuthorizationType type, const QString &authorizerId,
                     const QString &ptr)
{
    const Authorizer *found = nullptr;
    for (const Authorizer &au : api.authorizers) {
        if (au.id == authorizerId)
            found = &au;
    }
    const bool needsAuthorizer = type == AuthorizationType::Custom || type == AuthorizationType::Jwt
                                 || type == AuthorizationType::CognitoUserPools;
    if (!authorizerId.isEmpty() && !found) {
        c.error(p(ptr, QStringLiteral("authorizerId")),
                QStringLiteral("authorizer %1 does not exist in API %2").arg(q(authorizerId), q(api.name)));
        return;
    }
    if (needsAuthorizer && authorizerId.isEmpty()) {
        c.error(p(ptr, QStringLiteral("authorizationType")),
                QStringLiteral("authorization type %1 needs an authorizer").arg(toString(type)));
        return;
    }
    if (!found)
        return;
    if (!needsAuthorizer) {
        c.warning(p(ptr, QStringLiteral("authorizerId")),
                  QStringLiteral("authorizer %1 is ignored: authorization type is %2")
                      .arg(q(found->name), toString(type)));
        return;
    }
    const bool matches = (type == AuthorizationType::Custom
                          && (found->type == AuthorizerType::Token
                              || found->type == AuthorizerType::Request))
                         || (type == AuthorizationType::Jwt && found->type == AuthorizerType::Jwt)
                         || (type == AuthorizationType::CognitoUserPools
                             && found->type == AuthorizerType::CognitoUserPools);
    if (!matches) {
        c.error(p(ptr, QStringLiteral("authorizerId")),
                QStringLiteral("authorizer %1 is a %2 authorizer, which authorization type %3 "
                               "cannot use")
                    .arg(q(found->name), toString(found->type), toString(type)));
    }
}

void missingAuthorizer(Context &c)
{
    forEachMethod(c.doc, [&](const Api &api, qsizetype, const Resource &, const Method &m,
                             const QString &ptr) {
        checkAuthorizer(c, api, m.authorizationType, m.authorizerId, ptr);
    });
    forEachRoute(c.doc, [&](const Api &api, qsizetype, const Route &r, const QString &ptr) {
        checkAuthorizer(c, api, r.authorizationType, r.authorizerId, ptr);
    });
}

void missingModel(Context &c)
{
    forEachMethod(c.doc, [&](const Api &api, qsizetype, const Resource &, const Method &m,
                             const QString &ptr) {
        // "Empty" and "Error" exist in every REST API without being declared.
        QSet<QString> known{QStringLiteral("Empty"), QStringLiteral("Error")};
        for (const ApiModel &model : api.models)
            known.insert(model.name);
        const auto check = [&](const QMap<QString, QString> &models, const QString &base) {
            for (auto it = models.constBegin(); it != models.constEnd(); ++it) {
                if (!known.contains(it.value())) {
                    c.error(p(base, it.key()), QStringLiteral("model %1 does not exist in API %2")
                                                   .arg(q(it.value()), q(api.name)));
                }
            }
        };
        check(m.requestModels, p(ptr, QStringLiteral("requestModels")));
        for (qsizetype i = 0; i < m.methodResponses.size(); ++i) {
            check(m.methodResponses.at(i).responseModels,
                  p(p(p(ptr, QStringLiteral("methodResponses")), i), QStringLiteral("responseModels")));
        }
    });
}

void missingFunction(Context &c)
{
    forEachIntegration(c.doc, [&](const Api &, const Integration &in, const QString &ptr) {
        if (in.type != IntegrationType::AwsProxy && in.type != IntegrationType::Aws)
            return;
        if (!in.functionName.isEmpty()) {
            if (!c.doc.findFunction(in.functionName)) {
                c.error(p(ptr, QStringLiteral("functionName")),
                        QStringLiteral("function %1 is not a local function of this project")
                            .arg(q(in.functionName)));
            }
            return;
        }
        if (in.type == IntegrationType::Aws)
            return; // an AWS service integration, answered by its stub locally
        if (!in.uri.isEmpty()) {
            c.warning(p(ptr, QStringLiteral("uri")),
                      QStringLiteral("Lambda integration names only a function ARN, no local "
                                     "function: it can't run locally"));
        } else {
            c.error(ptr, QStringLiteral("Lambda proxy integration has no function"));
        }
    });
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        for (qsizetype i = 0; i < api.authorizers.size(); ++i) {
            const Authorizer &au = api.authorizers.at(i);
            if (au.type != AuthorizerType::Token && au.type != AuthorizerType::Request)
                continue;
            const QString ptr = p(p(apiPtr(a), QStringLiteral("authorizers")), i);
            if (au.functionName.isEmpty()) {
                c.error(ptr, QStringLiteral("Lambda authorizer %1 has no function").arg(q(au.name)));
            } else if (!c.doc.findFunction(au.functionName)) {
                c.error(p(ptr, QStringLiteral("functionName")),
                        QStringLiteral("function %1 is not a local function of this project")
                            .arg(q(au.functionName)));
            }
        }
    }
}

void missingValidator(Context &c)
{
    forEachMethod(c.doc, [&](const Api &api, qsizetype, const Resource &, const Method &m,
                             const QString &ptr) {
        if (m.requestValidatorId.isEmpty())
            return;
        for (const RequestValidator &v : api.requestValidators) {
            if (v.id == m.requestValidatorId)
                return;
        }
        c.error(p(ptr, QStringLiteral("requestValidatorId")),
                QStringLiteral("request validator %1 does not exist in API %2")
                    .arg(q(m.requestValidatorId), q(api.name)));
    });
}

void corsCredentialsWildcard(Context &c)
{
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (!api.cors || !api.cors->allowCredentials)
            continue;
        const qsizetype i = api.cors->allowOrigins.indexOf(QStringLiteral("*"));
        if (i >= 0) {
            c.error(p(p(p(apiPtr(a), QStringLiteral("cors")), QStringLiteral("allowOrigins")), i),
                    QStringLiteral("allow-credentials is not supported if 'allow-origin' is *"));
        }
    }
}

void limitRoutes(Context &c)
{
    constexpr int maxRoutes = 300;
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (api.type == ApiType::Rest) {
            qsizetype methods = 0;
            for (const Resource &r : api.resources)
                methods += r.methods.size();
            if (api.resources.size() > maxRoutes || methods > maxRoutes) {
                c.warning(p(apiPtr(a), QStringLiteral("resources")),
                          QStringLiteral("%1 resources and %2 methods: more than AWS's default "
                                         "quota of %3 per API")
                              .arg(api.resources.size())
                              .arg(methods)
                              .arg(maxRoutes));
            }
        } else if (api.routes.size() > maxRoutes) {
            c.warning(p(apiPtr(a), QStringLiteral("routes")),
                      QStringLiteral("%1 routes: more than AWS's default quota of %2 per API")
                          .arg(api.routes.size())
                          .arg(maxRoutes));
        }
    }
}

void limitStages(Context &c)
{
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (api.stages.size() > 10) {
            c.warning(p(apiPtr(a), QStringLiteral("stages")),
                      QStringLiteral("%1 stages: more than AWS's default quota of 10 per API")
                          .arg(api.stages.size()));
        }
    }
}

void limitAuthorizers(Context &c)
{
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        if (api.authorizers.size() > 10) {
            c.warning(p(apiPtr(a), QStringLiteral("authorizers")),
                      QStringLiteral("%1 authorizers: more than AWS's quota of 10 per API")
                          .arg(api.authorizers.size()));
        }
    }
}

void httpIntegrationUri(Context &c)
{
    forEachIntegration(c.doc, [&](const Api &, const Integration &in, const QString &ptr) {
        if (in.type != IntegrationType::Http && in.type != IntegrationType::HttpProxy)
            return;
        if (in.connectionType == QLatin1String("VPC_LINK"))
            return; // the uri is a load balancer / Cloud Map ARN then
        // Stage variables and {path} placeholders are filled in per request; give them a
        // harmless stand-in before judging the URL.
        static const QRegularExpression placeholders(
            QStringLiteral("\\$\\{stageVariables\\.[A-Za-z0-9_]+\\}|\\{[A-Za-z0-9._-]+\\+?\\}"));
        QString uri = in.uri;
        uri.replace(placeholders, QStringLiteral("x"));
        const QUrl url(uri, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (in.uri.isEmpty() || !url.isValid() || url.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            c.error(p(ptr, QStringLiteral("uri")),
                    in.uri.isEmpty()
                        ? QStringLiteral("%1 integration needs an http(s) URI").arg(toString(in.type))
                        : QStringLiteral("%1 is not a valid http(s) URI").arg(q(in.uri)));
        }
    });
}

void mockOnHttpApi(Context &c)
{
    forEachRoute(c.doc, [&](const Api &api, qsizetype, const Route &r, const QString &ptr) {
        if (api.type == ApiType::Http && r.integration.type == IntegrationType::Mock) {
            c.error(p(p(ptr, QStringLiteral("integration")), QStringLiteral("type")),
                    QStringLiteral("MOCK integrations are not available in HTTP APIs"));
        }
    });
}

// AWS service integrations (SQS, DynamoDB, …) cannot reach AWS from a laptop: the runtime
// renders the request AWS would send into the trace and answers with a stub. Say so up front.
void awsServiceStub(Context &c)
{
    forEachIntegration(c.doc, [&](const Api &, const Integration &in, const QString &ptr) {
        if (in.type != IntegrationType::Aws || !in.functionName.isEmpty()
            || in.uri.contains(QLatin1String(":lambda:path/")))
            return;
        c.note(p(ptr, QStringLiteral("uri")),
               QStringLiteral("AWS service integration %1 is not called locally: the trace shows the "
                              "request AWS would send and %2 answers")
                   .arg(q(in.uri), in.stubResponse.isEmpty() ? QStringLiteral("a default success body")
                                                             : QStringLiteral("the integration's stubResponse")));
    });
}

void integrationTimeout(Context &c)
{
    forEachIntegration(c.doc, [&](const Api &api, const Integration &in, const QString &ptr) {
        const int max = api.type == ApiType::Http ? 30000 : 29000;
        if (in.timeoutInMillis < 50 || in.timeoutInMillis > max) {
            c.error(p(ptr, QStringLiteral("timeoutInMillis")),
                    QStringLiteral("integration timeout %1 ms is outside 50–%2 ms")
                        .arg(in.timeoutInMillis)
                        .arg(max));
        }
    });
}

void apiKeyLength(Context &c)
{
    for (qsizetype k = 0; k < c.doc.apiKeys.size(); ++k) {
        const ApiKey &key = c.doc.apiKeys.at(k);
        if (key.value.size() < 20 || key.value.size() > 128) {
            c.error(p(p(QStringLiteral("/apiKeys"), k), QStringLiteral("value")),
                    QStringLiteral("API key %1 is %2 characters long; AWS requires 20 to 128")
                        .arg(q(key.name))
                        .arg(key.value.size()));
        }
    }
}

void stageVariableLimits(Context &c)
{
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9_]{1,64}$"));
    for (qsizetype a = 0; a < c.doc.apis.size(); ++a) {
        const Api &api = c.doc.apis.at(a);
        for (qsizetype s = 0; s < api.stages.size(); ++s) {
            const Stage &stage = api.stages.at(s);
            const QString varsPtr = p(p(p(apiPtr(a), QStringLiteral("stages")), s),
                                      QStringLiteral("variables"));
            if (stage.variables.size() > 100) {
                c.error(varsPtr, QStringLiteral("%1 stage variables; AWS allows 100")
                                     .arg(stage.variables.size()));
            }
            for (auto it = stage.variables.constBegin(); it != stage.variables.constEnd(); ++it) {
                if (!nameRe.match(it.key()).hasMatch()) {
                    c.error(p(varsPtr, it.key()),
                            QStringLiteral("stage variable name %1 must be 1–64 characters of "
                                           "A-Za-z0-9_")
                                .arg(q(it.key())));
                }
                if (it.value().size() > 512) {
                    c.error(p(varsPtr, it.key()),
                            QStringLiteral("stage variable %1 is %2 characters long; AWS allows 512")
                                .arg(q(it.key()))
                                .arg(it.value().size()));
                }
            }
        }
    }
}

void functionTimeout(Context &c)
{
    for (qsizetype f = 0; f < c.doc.functions.size(); ++f) {
        const LocalFunction &fn = c.doc.functions.at(f);
        if (fn.timeout < 1 || fn.timeout > 900) {
            c.error(p(p(QStringLiteral("/functions"), f), QStringLiteral("timeout")),
                    QStringLiteral("function %1 timeout %2 s is outside 1–900 s")
                        .arg(q(fn.name))
                        .arg(fn.timeout));
        }
    }
}

struct RuleDef
{
    const char *id;
    const char *description;
    void (*check)(Context &);
};

constexpr RuleDef rules[] = {
    {"greedy-not-last", "A greedy path variable {name+} must be the last part of a path.",
     &greedyNotLast},
    {"duplicate-route-key", "Two routes of an HTTP or WebSocket API share a route key.",
     &duplicateRouteKey},
    {"duplicate-method", "A REST resource defines the same HTTP method twice.", &duplicateMethod},
    {"duplicate-path-part",
     "Sibling REST resources share a path part, or more than one sibling is a variable.",
     &duplicatePathPart},
    {"invalid-route-key",
     "HTTP route keys are \"METHOD /path\" (GET POST PUT PATCH DELETE HEAD OPTIONS ANY) or "
     "\"$default\"; WebSocket route keys are non-empty and only $connect/$disconnect/$default "
     "start with \"$\".",
     &invalidRouteKey},
    {"invalid-http-method", "A REST method's HTTP method is not one API Gateway knows.",
     &invalidHttpMethod},
    {"invalid-path-part", "Path parts use only a-zA-Z0-9._- or are {name} / {name+}.",
     &invalidPathPart},
    {"resource-tree",
     "A REST API has one root resource and every other resource has an existing parent, "
     "without cycles.",
     &resourceTree},
    {"missing-authorizer",
     "A method or route names an authorizer that does not exist, needs one and has none, or "
     "uses one of the wrong kind.",
     &missingAuthorizer},
    {"missing-model", "A method's request or response models name a model the API lacks.",
     &missingModel},
    {"missing-function",
     "A Lambda integration or authorizer names no local function or one that does not exist.",
     &missingFunction},
    {"missing-validator", "A method names a request validator the API lacks.", &missingValidator},
    {"cors-credentials-wildcard", "CORS allowCredentials cannot be combined with origin \"*\".",
     &corsCredentialsWildcard},
    {"limit-routes", "More than 300 routes (or resources / methods) in one API.", &limitRoutes},
    {"limit-stages", "More than 10 stages in one API.", &limitStages},
    {"limit-authorizers", "More than 10 authorizers in one API.", &limitAuthorizers},
    {"http-integration-uri", "HTTP and HTTP_PROXY integrations need a valid http(s) URI.",
     &httpIntegrationUri},
    {"mock-on-http-api", "MOCK integrations do not exist in HTTP APIs.", &mockOnHttpApi},
    {"integration-timeout",
     "Integration timeouts are 50–29000 ms (REST, WebSocket) or 50–30000 ms (HTTP).",
     &integrationTimeout},
    {"api-key-length", "API key values are 20 to 128 characters.", &apiKeyLength},
    {"stage-variable-limits",
     "Stage variable names are 1–64 characters of A-Za-z0-9_, values at most 512, 100 per "
     "stage.",
     &stageVariableLimits},
    {"function-timeout", "A local function's timeout is 1–900 seconds.", &functionTimeout},
    {"aws-service-stub",
     "An AWS service integration (not Lambda) is answered by a stub locally; the note says which.",
     &awsServiceStub},
};

} // namespace

QList<LintRule> lintRules()
{
    QList<LintRule> list;
    for (const RuleDef &r : rules)
        list.append(LintRule{QString::fromLatin1(r.id), QString::fromUtf8(r.description)});
    return list;
}

Diagnostics lint(const ApiDocument &doc)
{
    Diagnostics out;
    for (const RuleDef &r : rules) {
        Context c{doc, out, QString::fromLatin1(r.id)};
        r.check(c);
    }
    return out;
}

} // namespace Gw::Model
