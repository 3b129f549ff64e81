// CompiledApi: an immutable snapshot of one API, compiled from the document for serving (route
// tables, stages, gateway responses, precompiled integration responses). Shared read-only by
// every worker thread; an edit publishes a new snapshot, requests in flight keep theirs.
#pragma once

#include "model/apidocument.h"
#include "runtime/trace/trace.h"

#include <QHash>
#include <QRegularExpression>

#include <memory>
#include <vector>

namespace Gw::Runtime {

struct CompiledStage
{
    QString name;
    const Model::Stage *stage = nullptr; // null for none
    QMap<QString, QString> variables;
};

struct CompiledIntegrationResponse
{
    const Model::IntegrationResponse *response = nullptr;
    QRegularExpression pattern; // anchored: AWS requires the whole value to match
    bool isDefault = false;     // empty selectionPattern
    bool patternValid = true;
    HeaderList staticHeaders;   // method.response.header.X <- 'value'
    QStringList unsupportedParameters; // mappings this build does not evaluate yet
};

struct CompiledIntegration
{
    const Model::Integration *integration = nullptr;
    std::vector<CompiledIntegrationResponse> responses;

    // First response whose pattern matches `value` (whole match), else the default; null if none.
    const CompiledIntegrationResponse *selectResponse(const QString &value) const;
};

struct RestMethodEntry
{
    const Model::Method *method = nullptr;
    const CompiledIntegration *integration = nullptr;
};

// A node of the REST resource tree.
struct RestNode
{
    enum class Kind { Root, Literal, Parameter, Greedy };
    Kind kind = Kind::Root;
    const Model::Resource *resource = nullptr;
    QString pathPart;     // "pets", "{petId}", "{proxy+}"
    QString paramName;    // "petId", "proxy"
    QString resourcePath; // "/pets/{petId}"
    QHash<QString, RestMethodEntry> methods; // "GET", "ANY", …
    QHash<QString, int> literalChildren;
    std::vector<int> parameterChildren;
    int greedyChild = -1;
};

// An HTTP API route, parsed from its route key.
struct HttpRouteEntry
{
    const Model::Route *route = nullptr;
    const CompiledIntegration *integration = nullptr;
    QString method;      // upper-case, or ANY
    QString path;        // "/pets/{id}"
    struct Segment
    {
        QString text;    // literal text, or the parameter name
        bool parameter = false;
    };
    std::vector<Segment> segments; // without the greedy segment
    bool greedy = false;
    QString greedyName;
    int literalCount = 0;
};

class CompiledApi
{
public:
    // `stage` restricts which stage is served; empty serves every stage of the API. Returns null
    // (and sets *error) when the API does not exist.
    static std::shared_ptr<const CompiledApi> compile(std::shared_ptr<const Model::ApiDocument> doc,
                                                      const QString &apiId, const QString &stage = {},
                                                      QString *error = nullptr);

    const Model::ApiDocument &document() const { return *m_document; }
    const Model::Api &api() const { return *m_api; }
    Model::ApiType type() const { return m_api->type; }
    bool isRest() const { return m_api->type == Model::ApiType::Rest; }
    const QString &apiTypeName() const { return m_typeName; }

    const std::vector<CompiledStage> &stages() const { return m_stages; }
    const CompiledStage *findStage(const QString &name) const;
    const CompiledStage *defaultStage() const; // HTTP APIs: the "$default" stage if served

    const std::vector<RestNode> &restNodes() const { return m_restNodes; } // [0] is "/"
    const std::vector<HttpRouteEntry> &httpRoutes() const { return m_httpRoutes; }
    const HttpRouteEntry *defaultRoute() const { return m_defaultRoute.get(); }

    // Problems found while compiling (bad regexes, unparsable route keys): traced with requests.
    const QStringList &compileNotes() const { return m_notes; }

private:
    CompiledApi() = default;
    void compileRest();
    void compileHttp();
    const CompiledIntegration *compileIntegration(const Model::Integration &integration);

    std::shared_ptr<const Model::ApiDocument> m_document;
    const Model::Api *m_api = nullptr;
    QString m_typeName;
    std::vector<CompiledStage> m_stages;
    std::vector<RestNode> m_restNodes;
    std::vector<HttpRouteEntry> m_httpRoutes;
    std::unique_ptr<HttpRouteEntry> m_defaultRoute; // the "$default" route
    std::vector<std::unique_ptr<CompiledIntegration>> m_integrations;
    QStringList m_notes;
};

using CompiledApiPtr = std::shared_ptr<const CompiledApi>;

} // namespace Gw::Runtime
