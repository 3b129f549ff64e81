// HTTP API CorsConfiguration (reference §1.11): which origins match (exact, "*", "https://*"),
// the automatic preflight answer, and the CORS headers the gateway puts on every response to an
// allowed Origin — gateway errors included — in place of any the backend sent.
#pragma once

#include "model/apidocument.h"
#include "runtime/server/httpmessage.h"

namespace Gw::Runtime {

class RequestContext;

class CorsPolicy
{
public:
    // A preflight carries Origin and Access-Control-Request-Method on an OPTIONS request.
    static bool isPreflight(const HttpRequest &request);
    // The allowOrigins entry an origin matches; null when none does.
    static QString matchingOrigin(const Model::CorsConfiguration &cors, const QString &origin);

    // The gateway's own answer to a preflight (204; no CORS headers for an unlisted origin or method).
    static HttpResponse preflightResponse(const Model::CorsConfiguration &cors, const HttpRequest &request,
                                          QString *why);
    // Drops the backend's Access-Control-* headers and adds the configured ones for an allowed origin.
    static void applyToResponse(const Model::CorsConfiguration &cors, const HttpRequest &request,
                                HttpResponse &response, QString *why);

    // Whether the gateway answers this request's preflight itself: HTTP API with CORS, a
    // preflight, and no explicit OPTIONS route or $default route taking it (AWS: $default captures
    // OPTIONS too, authorizer included).
    static bool gatewayAnswersPreflight(const RequestContext &ctx);

    // Called by the respond step: answers a preflight no route matched, then applies CORS headers
    // to whatever the response is. HTTP APIs with a CorsConfiguration only.
    static void finishResponse(RequestContext &ctx);
};

} // namespace Gw::Runtime
