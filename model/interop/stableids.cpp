// Stable ids: derived from names and paths so that import → export → import compares equal.
#include "model/interop/stableids.h"

#include "model/interop/lambdauri.h"

#include <QCryptographicHash>
#include <QHash>

#include <algorithm>

namespace Gw::Model::Interop {

QString StableIds::make(const QString &prefix, const QString &key)
{
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1);
    return prefix + QLatin1Char('_') + QString::fromLatin1(hash.toHex().left(10));
}

namespace {

template<typename T, typename K>
void sortBy(QList<T> &list, K key)
{
    std::stable_sort(list.begin(), list.end(),
                     [&key](const T &a, const T &b) { return key(a) < key(b); });
}

} // namespace

ApiDocument StableIds::canonicalized(const ApiDocument &in)
{
    ApiDocument doc = in;
    QHash<QString, QString> apiIds;
    QSet<QString> usedApiKeys;
    for (Api &api : doc.apis) {
        QString key = toString(api.type) + QLatin1Char(':') + api.name;
        for (int n = 2; usedApiKeys.contains(key); ++n)
            key = toString(api.type) + QLatin1Char(':') + api.name + QLatin1Char('#')
                  + QString::number(n);
        usedApiKeys.insert(key);
        const QString newApiId = make(QStringLiteral("api"), key);
        apiIds.insert(api.id, newApiId);

        QHash<QString, QString> authIds, valIds, resIds;
        for (Authorizer &a : api.authorizers) {
            const QString id = make(QStringLiteral("auth"), key + QLatin1Char('|') + a.name);
            authIds.insert(a.id, id);
            a.id = id;
        }
        for (RequestValidator &v : api.requestValidators) {
            const QString id = make(QStringLiteral("val"), key + QLatin1Char('|') + v.name);
            valIds.insert(v.id, id);
            v.id = id;
        }
        for (ApiModel &m : api.models)
            m.id = make(QStringLiteral("mdl"), key + QLatin1Char('|') + m.name);

        // Resource ids come from their full path, computed on the original tree.
        QHash<QString, QString> paths;
        for (const Resource &r : api.resources)
            paths.insert(r.id, resourcePath(api, r.id));
        for (Resource &r : api.resources)
            resIds.insert(r.id, make(QStringLiteral("res"), key + QLatin1Char('|') + paths.value(r.id)));
        for (Resource &r : api.resources) {
            const QString path = paths.value(r.id);
            r.id = resIds.value(r.id);
            if (!r.parentId.isEmpty())
                r.parentId = resIds.value(r.parentId, r.parentId);
            for (Method &m : r.methods) {
                m.id = make(QStringLiteral("mth"), key + QLatin1Char('|') + path + QLatin1Char(' ')
                                                       + m.httpMethod);
                m.authorizerId = authIds.value(m.authorizerId, m.authorizerId);
                m.requestValidatorId = valIds.value(m.requestValidatorId, m.requestValidatorId);
                sortBy(m.methodResponses, [](const MethodResponse &x) -> QString { return x.statusCode; });
                sortBy(m.integration.responses,
                       [](const IntegrationResponse &x) { return x.selectionPattern; });
            }
            sortBy(r.methods, [](const Method &x) -> QString { return x.httpMethod; });
        }
        // Root first, then by path: the model wants resources[0] to be "/".
        QHash<QString, QString> pathOfNewId;
        for (auto it = resIds.constBegin(); it != resIds.constEnd(); ++it)
            pathOfNewId.insert(it.value(), paths.value(it.key()));
        sortBy(api.resources, [&pathOfNewId](const Resource &r) -> QString { return pathOfNewId.value(r.id); });
        for (Route &rt : api.routes) {
            rt.id = make(QStringLiteral("rt"), key + QLatin1Char('|') + rt.routeKey);
            rt.authorizerId = authIds.value(rt.authorizerId, rt.authorizerId);
            sortBy(rt.integration.responses,
                   [](const IntegrationResponse &x) { return x.selectionPattern; });
        }
        sortBy(api.routes, [](const Route &x) -> QString { return x.routeKey; });
        sortBy(api.authorizers, [](const Authorizer &x) -> QString { return x.name; });
        sortBy(api.requestValidators, [](const RequestValidator &x) -> QString { return x.name; });
        sortBy(api.models, [](const ApiModel &x) -> QString { return x.name; });
        sortBy(api.gatewayResponses, [](const GatewayResponse &x) -> QString { return x.responseType; });
        sortBy(api.stages, [](const Stage &x) -> QString { return x.name; });
        api.id = newApiId;
    }
    sortBy(doc.apis, [](const Api &a) -> QString { return toString(a.type) + QLatin1Char(':') + a.name; });

    for (LocalFunction &f : doc.functions)
        f.id = make(QStringLiteral("fn"), f.name);
    sortBy(doc.functions, [](const LocalFunction &x) -> QString { return x.name; });

    QHash<QString, QString> keyIds;
    for (ApiKey &k : doc.apiKeys) {
        const QString id = make(QStringLiteral("key"), k.name);
        keyIds.insert(k.id, id);
        k.id = id;
    }
    sortBy(doc.apiKeys, [](const ApiKey &x) -> QString { return x.name; });
    for (UsagePlan &p : doc.usagePlans) {
        p.id = make(QStringLiteral("plan"), p.name);
        for (ApiStageRef &s : p.apiStages)
            s.apiId = apiIds.value(s.apiId, s.apiId);
        for (QString &k : p.apiKeyIds)
            k = keyIds.value(k, k);
        sortBy(p.apiStages, [](const ApiStageRef &s) -> QString { return s.apiId + QLatin1Char('|') + s.stage; });
        std::sort(p.apiKeyIds.begin(), p.apiKeyIds.end());
    }
    sortBy(doc.usagePlans, [](const UsagePlan &x) -> QString { return x.name; });
    return doc;
}

namespace {

void normalizeIntegration(Integration &i)
{
    if (!i.functionName.isEmpty()) {
        if (LambdaUri::functionName(i.uri) == i.functionName)
            i.uri.clear();
        if (i.httpMethod.isEmpty())
            i.httpMethod = QStringLiteral("POST");
    }
}

} // namespace

ApiDocument StableIds::normalizedForComparison(const ApiDocument &in)
{
    ApiDocument doc = canonicalized(in);
    for (Api &api : doc.apis) {
        for (Resource &r : api.resources) {
            for (Method &m : r.methods)
                normalizeIntegration(m.integration);
        }
        for (Route &rt : api.routes)
            normalizeIntegration(rt.integration);
    }
    return doc;
}

} // namespace Gw::Model::Interop
