// What API Gateway makes of a Lambda proxy integration's result (reference §1.16, §1.17): the
// client response, or why the result is malformed (REST answers 502, HTTP APIs 500).
#pragma once

#include "runtime/server/httpmessage.h"

#include <QStringList>

namespace Gw::Runtime {

struct ProxyResponse
{
    bool ok = false;
    HttpResponse response;
    QString malformedReason; // for the trace when !ok
};

// REST: strict shape; base64 bodies are decoded only when Accept matches binaryMediaTypes.
ProxyResponse parseRestProxyResponse(const QByteArray &payload, const QStringList &binaryMediaTypes,
                                     const QByteArray &acceptHeader);
// HTTP API payload 1.0: the REST shape, extra keys tolerated, base64 always decoded.
ProxyResponse parseHttpProxyResponseV1(const QByteArray &payload);
// HTTP API payload 2.0: with statusCode the fields are honoured (cookies → Set-Cookie); without
// it, any valid JSON becomes a 200 application/json body.
ProxyResponse parseHttpProxyResponseV2(const QByteArray &payload);

} // namespace Gw::Runtime
