// The HTTP client HTTP and HTTP_PROXY integrations reach their backends with: asynchronous on the
// calling worker thread's event loop, one per thread, keeping connections alive per origin.
//
// Written on QTcpSocket/QSslSocket + http-parser rather than QNetworkAccessManager because a
// proxy must pass bytes as they are: QNAM merges repeated headers, adds Accept-Encoding and
// inflates bodies, keeps cookies, follows redirects and hops through its own thread per request.
#pragma once

#include "runtime/trace/trace.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Gw::Runtime {

class BackendConnection;

struct BackendRequest
{
    bool tls = false;
    QString host;
    quint16 port = 80;
    QByteArray method = "GET";
    QByteArray target = "/"; // path and query as sent on the request line
    HeaderList headers;      // Content-Length is added by the client, Host unless given here
    QByteArray body;
    int timeoutMs = 29000;
};

struct BackendResponse
{
    enum class Outcome {
        Ok,
        Timeout,           // no complete answer within timeoutMs
        ConnectionFailed,  // refused, unreachable, host not found, closed before answering
        TlsFailed,         // handshake or certificate verification failed
        ProtocolError      // the backend's answer is not HTTP/1.x
    };
    Outcome outcome = Outcome::Ok;
    QString error; // why, for the trace
    int status = 0;
    HeaderList headers;
    QByteArray body;
    qint64 latencyUs = 0;
    bool reusedConnection = false;
};

class HttpBackendClient : public QObject
{
public:
    using Done = std::function<void(const BackendResponse &)>;

    // The client of the calling thread (created on first use, destroyed with the thread's event
    // dispatcher). The thread must run an event loop.
    static HttpBackendClient *forCurrentThread();

    // Sends `request`; `done` is called exactly once, later, on this thread.
    void send(const BackendRequest &request, Done done);

    // Idle keep-alive connections kept per origin; beyond that, finished connections close.
    static constexpr int MaxIdlePerOrigin = 64;

private:
    friend class BackendConnection;
    explicit HttpBackendClient(QObject *parent) : QObject(parent) {}
    // An exchange ended: keep the connection idle for reuse, or close it.
    void connectionFinished(BackendConnection *connection, bool reusable);
    // An idle connection closed (or misbehaved): drop it.
    void forgetConnection(BackendConnection *connection);

    QHash<QString, QList<BackendConnection *>> m_idle; // "http://host:port" -> idle connections
};

QString toString(BackendResponse::Outcome outcome);

} // namespace Gw::Runtime
