// Parameter mapping for HTTP integrations: HTTP API request/response parameter mapping
// (`overwrite:header.x` ← `$request.header.y`, reference §1.15) with AWS's reserved headers, and
// REST integration request parameters (`integration.request.header.x` ← `method.request.…`,
// `'static'`, `stageVariables.x`, `context.x`, reference §1.4).
#pragma once

#include "runtime/server/httpmessage.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace Gw::Runtime {

class RequestContext;

// The parts of the backend request that mappings change.
struct MappedRequest
{
    QByteArray path;     // raw (percent-encoded) path sent to the backend
    QByteArray rawQuery; // without '?'
    HeaderList headers;
    QMap<QString, QString> pathParameters; // REST integration.request.path.X (decoded)
};

// What response mapping values may read ($response.header.x, $response.body.x).
struct MappedResponseSource
{
    int status = 0;
    const HeaderList *headers = nullptr;
    const QByteArray *body = nullptr;
};

// $context.x as AWS names it: requestId, apiId, stage, httpMethod, path, domainName,
// identity.sourceIp, … `name` is without the "context." prefix. Returns false when unknown.
bool contextVariable(const RequestContext &ctx, const QString &name, QString *value);

// Raw query helpers: pairs stay percent-encoded; names compare decoded.
QList<QPair<QByteArray, QByteArray>> splitQuery(const QByteArray &rawQuery);
QByteArray joinQuery(const QList<QPair<QByteArray, QByteArray>> &pairs);
// Every value of `name` in a raw query, decoded ('+' as space).
QStringList queryValues(const QByteArray &rawQuery, const QString &name);

// $context.requestOverride headers and query parameters (from the request template) replace
// what mappings produced, as AWS applies them last.
void applyRequestOverrides(const RequestContext &ctx, MappedRequest &out);

class HttpApiParameterMapping
{
public:
    // Headers AWS refuses to map (DG http-api-parameter-mapping "Reserved headers").
    static bool isReservedHeader(const QByteArray &name);

    // Evaluates a mapping value: static text with `$source` / `${source}` references
    // (request.header.x, request.querystring.x, request.body[.path], request.path[.x],
    // response.header.x, response.body[.path], context.x, stageVariables.x).
    // *missing collects references that resolved to nothing.
    static QString evaluate(const QString &value, const RequestContext &ctx,
                            const MappedResponseSource *response, QStringList *missing = nullptr);

    // Applies an integration's requestParameters to `out`; every decision becomes a note.
    static void applyRequest(const QMap<QString, QString> &parameters, const RequestContext &ctx,
                             MappedRequest &out, QStringList &notes);

    // Applies the response parameters keyed by the integration's status code to `response`.
    static void applyResponse(const QMap<QString, QMap<QString, QString>> &parameters,
                              const RequestContext &ctx, const MappedResponseSource &source,
                              HttpResponse &response, QStringList &notes);
};

class RestRequestParameters
{
public:
    // Resolves a REST mapping source: 'static', method.request.{header|multivalueheader|
    // querystring|multivaluequerystring|path}.X, method.request.body[.path], stageVariables.X,
    // context.X. Returns false (and leaves *value empty) when the source has no value.
    static bool resolve(const QString &source, const RequestContext &ctx, QString *value);

    // Applies integration.request.{header|querystring|multivaluequerystring|path}.X mappings.
    // A mapped query string parameter replaces the client's of that name.
    static void apply(const QMap<QString, QString> &parameters, const RequestContext &ctx,
                      MappedRequest &out, QStringList &notes);
};

} // namespace Gw::Runtime
