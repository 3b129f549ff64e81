// Per-listener settings of the HTTP server: timeouts that keep slow clients from holding a worker,
// and the TLS configuration when the listener speaks HTTPS.
#pragma once

#include <QSslConfiguration>

#include <optional>

namespace Gw::Runtime {

struct HttpServerOptions
{
    // From accept (or from the first byte of a kept-alive connection's next request) until the
    // request's headers are complete; also bounds the TLS handshake. Slowloris clients that
    // trickle header bytes are answered 408 and closed when it expires. 0 disables it.
    int headerReadTimeoutMs = 10000;
    // A kept-alive connection with nothing in flight is closed after this long; a request body
    // that stops moving for this long is answered 408. 0 disables it.
    int idleTimeoutMs = 60000;
    // Set: the listener speaks HTTPS with this configuration (certificate, key, and for mTLS
    // peerVerifyMode VerifyPeer with the truststore as CA certificates).
    std::optional<QSslConfiguration> tls;
};

} // namespace Gw::Runtime
