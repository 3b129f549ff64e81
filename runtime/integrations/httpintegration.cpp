// HTTP and HTTP_PROXY integrations: the request forwarded to the backend URI (stage variables,
// path variables, query, headers, body, parameter mapping), AWS's timeouts and failure answers
// (reference §1.18, §3.6).
#include "runtime/integrations/httpintegration.h"

#include "runtime/gatewayresponses.h"
#include "runtime/integrations/parametermapping.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/stagevariables.h"

#include <QUrl>

namespace Gw::Runtime {

namespace {

constexpr int restDefaultTimeoutMs = 29000;
constexpr int httpApiMaxTimeoutMs = 30000;

// Hop-by-hop headers (RFC 9110 7.6.1) and the ones the client framing owns: never forwarded.
bool isHopByHop(const QByteArray &name)
{
    static const QList<QByteArray> names = {"connection", "keep-alive", "proxy-connection",
                                            "transfer-encoding", "te", "trailer", "upgrade",
                                            "content-length", "host", "expect"};
    return names.contains(name.toLower());
}

HeaderList forwardedRequestHeaders(const HeaderList &in)
{
    // Headers the client lists in Connection are hop-by-hop too.
    QList<QByteArray> listed;
    for (const QByteArray &v : headerValues(in, "Connection")) {
        for (const QByteArray &name : v.split(','))
            listed.append(name.trimmed().toLower());
    }
    HeaderList out;
    out.reserve(in.size() + 2);
    for (const auto &h : in) {
        if (!isHopByHop(h.first) && !listed.contains(h.first.toLower()))
            out.append(h);
    }
    return out;
}

QString sourceIp(const RequestContext &ctx)
{
    QString ip;
    contextVariable(ctx, QStringLiteral("identity.sourceIp"), &ip);
    return ip;
}

// The request path after the stage prefix, still percent-encoded.
QByteArray rawStagePath(const RequestContext &ctx)
{
    QByteArray path = ctx.request.path;
    const QString stage = ctx.stageName();
    if (!stage.isEmpty() && stage != QLatin1String("$default")) {
        const qsizetype next = path.indexOf('/', 1);
        const QByteArray first = path.mid(1, next < 0 ? -1 : next - 1);
        if (QUrl::fromPercentEncoding(first) == stage)
            path = next < 0 ? QByteArray("/") : path.mid(next);
    }
    return path.isEmpty() ? QByteArray("/") : path;
}

struct ParsedUri
{
    bool tls = false;
    QString host;
    quint16 port = 80;
    QByteArray path = "/";
    QByteArray query;
};

QString parseUri(const QString &uri, ParsedUri *out)
{
    const qsizetype schemeEnd = uri.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return QStringLiteral("'%1' is not an http(s) URL").arg(uri);
    const QString scheme = uri.left(schemeEnd).toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("'%1': only http and https endpoints can be called").arg(uri);
    out->tls = scheme == QLatin1String("https");
    const qsizetype authorityStart = schemeEnd + 3;
    qsizetype authorityEnd = authorityStart;
    while (authorityEnd < uri.size() && uri.at(authorityEnd) != QLatin1Char('/')
           && uri.at(authorityEnd) != QLatin1Char('?'))
        ++authorityEnd;
    const QUrl authority(scheme + QLatin1String("://") + uri.mid(authorityStart, authorityEnd - authorityStart));
    if (!authority.isValid() || authority.host().isEmpty())
        return QStringLiteral("'%1' has no valid host").arg(uri);
    out->host = authority.host();
    out->port = quint16(authority.port(out->tls ? 443 : 80));
    const QString rest = uri.mid(authorityEnd);
    const qsizetype q = rest.indexOf(QLatin1Char('?'));
    // Keep the URI's own encoding; only characters that cannot be on a request line get encoded.
    const QByteArray path = QUrl::toPercentEncoding(q < 0 ? rest : rest.left(q), "/%:@!$&'()*+,;={}");
    out->path = path.isEmpty() ? QByteArray("/") : path;
    out->query = q < 0 ? QByteArray() : QUrl::toPercentEncoding(rest.mid(q + 1), "/%:@!$&'()*+,;=?");
    return {};
}

// Replaces {name} and {name+} in a URI path with path parameter values (greedy ones keep '/').
QByteArray substitutePathVariables(const QByteArray &path, const QMap<QString, QString> &values,
                                   const QString &greedyName, QStringList *notes)
{
    QByteArray out;
    qsizetype i = 0;
    while (i < path.size()) {
        const qsizetype open = path.indexOf('{', i);
        if (open < 0) {
            out += path.mid(i);
            break;
        }
        const qsizetype close = path.indexOf('}', open);
        if (close < 0) {
            out += path.mid(i);
            break;
        }
        out += path.mid(i, open - i);
        QString name = QString::fromUtf8(path.mid(open + 1, close - open - 1));
        if (name.endsWith(QLatin1Char('+')))
            name.chop(1);
        const auto it = values.constFind(name);
        if (it == values.cend()) {
            notes->append(QStringLiteral("path variable {%1} in the integration URI has no value").arg(name));
        } else {
            out += QUrl::toPercentEncoding(*it, name == greedyName ? QByteArray("/") : QByteArray());
        }
        i = close + 1;
    }
    return out;
}

QString greedyParameter(const RequestContext &ctx)
{
    if (ctx.route.node && ctx.route.node->kind == RestNode::Kind::Greedy)
        return ctx.route.node->paramName;
    if (ctx.route.route && ctx.route.route->greedy)
        return ctx.route.route->greedyName;
    return {};
}

// Failure answers: REST 500 "Internal server error" with InternalServerErrorException (endpoint
// errors, reference §3.6) through the INTEGRATION_FAILURE gateway response's headers and template,
// keeping the status the API customised, if any. HTTP APIs: 500 "Internal Server Error".
void answerIntegrationFailure(RequestContext &ctx)
{
    ctx.setGatewayResponse(QStringLiteral("INTEGRATION_FAILURE"));
    if (!ctx.api->isRest())
        return;
    if (!GatewayResponses::hasCustomStatus(ctx.api->api(), QStringLiteral("INTEGRATION_FAILURE")))
        ctx.response.status = 500;
    setHeader(ctx.response.headers, "x-amzn-ErrorType", "InternalServerErrorException");
}

} // namespace

int HttpIntegration::timeoutMs(const RequestContext &ctx)
{
    const int configured = ctx.route.integration->integration->timeoutInMillis;
    if (ctx.api->isRest())
        return configured > 0 ? configured : restDefaultTimeoutMs;
    return configured > 0 ? qMin(configured, httpApiMaxTimeoutMs) : httpApiMaxTimeoutMs;
}

QString HttpIntegration::buildRequest(const RequestContext &ctx, bool proxy, BackendRequest *out,
                                      QStringList *notes)
{
    const Model::Integration &in = *ctx.route.integration->integration;
    const bool rest = ctx.api->isRest();

    QStringList missing;
    const QString uri = substituteStageVariables(in.uri, ctx.stageVariables(), &missing);
    for (const QString &name : missing)
        notes->append(QStringLiteral("stage variable %1 is not set on stage %2").arg(name, ctx.stageName()));
    ParsedUri parsed;
    if (const QString error = parseUri(uri, &parsed); !error.isEmpty())
        return error;

    MappedRequest m;
    if (proxy || !rest) {
        m.headers = forwardedRequestHeaders(ctx.request.headers);
        m.rawQuery = ctx.request.rawQuery;
    }
    if (rest)
        RestRequestParameters::apply(in.requestParameters, ctx, m, *notes);

    // Path variables: the method's own, overridden by integration.request.path.X mappings.
    QMap<QString, QString> pathValues;
    for (const auto &p : ctx.route.pathParameters)
        pathValues.insert(p.first, p.second);
    for (auto it = m.pathParameters.cbegin(); it != m.pathParameters.cend(); ++it)
        pathValues.insert(it.key(), it.value());
    for (auto it = ctx.requestOverridePath.cbegin(); it != ctx.requestOverridePath.cend(); ++it)
        pathValues.insert(it.key(), it.value()); // $context.requestOverride.path wins
    QByteArray path = substitutePathVariables(parsed.path, pathValues, greedyParameter(ctx), notes);
    // An HTTP API's $default route sends the whole request path (reference §1.2).
    if (!rest && ctx.route.route && ctx.route.route == ctx.api->defaultRoute()) {
        if (path.endsWith('/'))
            path.chop(1);
        path += rawStagePath(ctx);
    }
    m.path = path.isEmpty() ? QByteArray("/") : path;
    if (!parsed.query.isEmpty())
        m.rawQuery = m.rawQuery.isEmpty() ? parsed.query : parsed.query + '&' + m.rawQuery;

    if (!rest)
        HttpApiParameterMapping::applyRequest(in.requestParameters, ctx, m, *notes);
    applyRequestOverrides(ctx, m);

    // What API Gateway adds for the backend: its API id (REST), its own User-Agent when the
    // client's is not forwarded (REST non-proxy), the client's address.
    if (rest) {
        const QByteArray apiId = ctx.api->api().id.toUtf8();
        setHeader(m.headers, "x-amzn-apigateway-api-id", apiId);
        if (!proxy && !hasHeader(m.headers, "User-Agent"))
            m.headers.append({QByteArrayLiteral("User-Agent"), QByteArray("AmazonAPIGateway_" + apiId)});
    }
    const QByteArray ip = sourceIp(ctx).toUtf8();
    const QByteArray forwardedFor = headerValue(m.headers, "X-Forwarded-For");
    setHeader(m.headers, "X-Forwarded-For", forwardedFor.isEmpty() ? ip : forwardedFor + ", " + ip);
    if (!hasHeader(m.headers, "X-Forwarded-Proto"))
        setHeader(m.headers, "X-Forwarded-Proto", "http");
    if (!rest && !hasHeader(m.headers, "Forwarded")) {
        const QByteArray forwarded = "by=127.0.0.1;for=" + ip + ";host=" + ctx.request.header("Host") + ";proto=http";
        m.headers.append({QByteArrayLiteral("Forwarded"), forwarded});
    }

    out->tls = parsed.tls;
    out->host = parsed.host;
    out->port = parsed.port;
    const QString method = in.httpMethod.trimmed().toUpper();
    out->method = method.isEmpty() || method == QLatin1String("ANY") ? ctx.request.method : method.toLatin1();
    out->target = m.rawQuery.isEmpty() ? m.path : m.path + '?' + m.rawQuery;
    out->body = proxy || !rest ? ctx.request.body : ctx.integrationRequestBody;
    if (!out->body.isEmpty() && !hasHeader(m.headers, "Content-Type"))
        m.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    out->headers = std::move(m.headers);
    out->timeoutMs = timeoutMs(ctx);
    return {};
}

HttpResponse HttpIntegration::proxyResponse(const BackendResponse &backend, bool rest)
{
    HttpResponse r;
    r.status = backend.status;
    r.body = backend.body;
    r.headers.reserve(backend.headers.size());
    for (const auto &h : backend.headers) {
        const QByteArray lower = h.first.toLower();
        if (lower == "transfer-encoding" || lower == "keep-alive" || lower == "proxy-connection"
            || lower == "trailer" || lower == "upgrade")
            continue;
        // REST keeps the backend's own values of headers it sets itself under x-amzn-Remapped-*.
        if (lower == "date" || lower == "content-length" || lower == "connection" || lower == "server"
            || lower == "authorization" || lower == "www-authenticate") {
            if (rest)
                r.headers.append({QByteArray("x-amzn-Remapped-" + h.first), h.second});
            else if (lower == "server" || lower == "www-authenticate" || lower == "authorization")
                r.headers.append(h);
            continue;
        }
        r.headers.append(h);
    }
    return r;
}

StageResult HttpIntegration::invoke(RequestContext &ctx)
{
    Trace &trace = ctx.trace();
    BackendRequest request;
    QStringList notes;
    const QString error = buildRequest(ctx, m_proxy, &request, &notes);
    for (const QString &n : notes)
        ctx.note(n);
    if (!error.isEmpty()) {
        ctx.note(QStringLiteral("invalid integration endpoint: ") + error);
        trace.executionFailure = QStringLiteral("Execution failed due to configuration error: Invalid endpoint address");
        ctx.setGatewayResponse(QStringLiteral("API_CONFIGURATION_ERROR"));
        return StageResult::respond();
    }

    const QString scheme = request.tls ? QStringLiteral("https") : QStringLiteral("http");
    const QString hostPort = request.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + request.host + QLatin1Char(']')
                                                                    : request.host;
    trace.endpointUri = QStringLiteral("%1://%2:%3%4").arg(scheme, hostPort).arg(request.port)
                            .arg(QString::fromUtf8(request.target));
    // The headers as the backend gets them, Host included (the client adds it when unmapped).
    trace.endpointRequestHeaders = request.headers;
    if (!hasHeader(request.headers, "Host")) {
        const bool defaultPort = request.port == (request.tls ? 443 : 80);
        trace.endpointRequestHeaders.prepend({QByteArrayLiteral("Host"),
                                              defaultPort ? hostPort.toUtf8()
                                                          : QByteArray(hostPort.toUtf8() + ':' + QByteArray::number(request.port))});
    }
    trace.endpointRequestBody = request.body;
    ctx.integrationRequestHeaders = request.headers;
    ctx.integrationRequestBody = request.body;
    ctx.note(QStringLiteral("%1 %2 (timeout %3 ms)").arg(QString::fromLatin1(request.method), trace.endpointUri)
                 .arg(request.timeoutMs));

    RequestContextPtr self = ctx.shared_from_this();
    const bool proxy = m_proxy;
    HttpBackendClient::forCurrentThread()->send(request, [self, proxy](const BackendResponse &r) {
        RequestContext &c = *self;
        Trace &t = c.trace();
        const bool rest = c.api->isRest();
        t.integrationLatencyUs = r.latencyUs;
        switch (r.outcome) {
        case BackendResponse::Outcome::Ok: {
            t.endpointStatus = r.status;
            t.endpointResponseHeaders = r.headers;
            t.endpointResponseBody = r.body;
            c.integrationStatus = r.status;
            c.integrationResponseHeaders = r.headers;
            c.integrationResponseBody = r.body;
            c.note(QStringLiteral("backend answered %1 with %2 body byte(s) in %3 ms%4")
                       .arg(r.status).arg(r.body.size())
                       .arg(QString::number(double(r.latencyUs) / 1000.0, 'f', 2))
                       .arg(r.reusedConnection ? QStringLiteral(" (kept-alive connection)") : QString()));
            if (!proxy) {
                c.resume(StageResult::next()); // the map response stage selects the integration response
                return;
            }
            c.response = proxyResponse(r, rest);
            if (!rest) {
                QStringList notes;
                MappedResponseSource source{r.status, &r.headers, &r.body};
                HttpApiParameterMapping::applyResponse(c.route.integration->integration->responseParameters, c,
                                                       source, c.response, notes);
                for (const QString &n : notes)
                    c.note(n);
            }
            break;
        }
        case BackendResponse::Outcome::Timeout:
            c.note(QStringLiteral("the backend did not answer in time: ") + r.error);
            t.executionFailure = QStringLiteral("Execution failed due to a timeout error");
            c.setGatewayResponse(QStringLiteral("INTEGRATION_TIMEOUT"));
            break;
        case BackendResponse::Outcome::ConnectionFailed:
        case BackendResponse::Outcome::TlsFailed:
        case BackendResponse::Outcome::ProtocolError:
            c.note(QStringLiteral("the backend could not be reached (%1): %2").arg(toString(r.outcome), r.error));
            t.executionFailure = QStringLiteral("Execution failed due to configuration error: %1").arg(r.error);
            answerIntegrationFailure(c);
            break;
        }
        c.resume(StageResult::respond());
    });
    return StageResult::pending();
}

} // namespace Gw::Runtime
