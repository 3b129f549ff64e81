// Compiled draft-4 validators for API models, shared by every worker thread.
#include "runtime/policies/modelschemacache.h"

#include <QJsonDocument>

namespace Gw::Runtime {

namespace {

// AWS model references: "https://apigateway.amazonaws.com/restapis/{api}/models/{Name}" or the
// "#/definitions/Name" style of OpenAPI imports: both end with the model name.
const Model::ApiModel *referencedModel(const Model::Api &api, const QString &uri)
{
    QString name = uri.section(QLatin1Char('/'), -1);
    name = name.section(QLatin1Char('#'), 0, 0);
    for (const Model::ApiModel &m : api.models) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

} // namespace

ModelSchemaCache::Compiled ModelSchemaCache::validatorFor(const Model::Api &api, const Model::ApiModel &model)
{
    const QByteArray key = api.id.toUtf8() + '\n' + QJsonDocument(model.schema).toJson(QJsonDocument::Compact);
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_compiled.constFind(key);
        if (it != m_compiled.cend())
            return *it;
    }
    // Compiled outside the lock: a slow schema must not stall other requests. A copy of the API's
    // models is captured so the fetcher never outlives what it reads.
    const QList<Model::ApiModel> models = api.models;
    Model::Api lookup;
    lookup.models = models;
    auto fetcher = [lookup](const QString &uri) -> std::optional<QJsonValue> {
        if (const Model::ApiModel *m = referencedModel(lookup, uri))
            return QJsonValue(m->schema);
        return std::nullopt;
    };
    Compiled c;
    auto result = Model::SchemaValidator::compile(QJsonValue(model.schema), fetcher);
    if (result.ok()) {
        c.validator = std::make_shared<const Model::SchemaValidator>(result.take());
    } else {
        QStringList messages;
        for (const Model::Diagnostic &d : result.diagnostics())
            messages.append(d.message);
        c.error = messages.join(QStringLiteral("; "));
    }
    QMutexLocker lock(&m_mutex);
    if (m_compiled.size() >= MaxEntries)
        m_compiled.clear();
    m_compiled.insert(key, c);
    return c;
}

} // namespace Gw::Runtime
