// The server's seam: what it hands each parsed request to, and the handle used to answer it.
#pragma once

#include "runtime/server/httpmessage.h"

#include <QPointer>

namespace Gw::Runtime {

class HttpConnection;

// Answers one request. Copyable; respond() must be called on the thread that received the request
// (the connection's worker thread), at most once. Answers are written in request order even when
// pipelined requests complete out of order. Responding after the client went away is harmless.
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection, quint64 sequence, bool head);

    void respond(const HttpResponse &response) const;
    bool isConnected() const { return !m_connection.isNull(); }

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_sequence = 0;
    bool m_head = false;
};

// Called on worker threads, concurrently: implementations must be thread-safe.
class HttpRequestHandler
{
public:
    virtual ~HttpRequestHandler() = default;
    virtual void handleRequest(HttpRequest request, HttpResponder responder) = 0;
    // The server answered by itself (malformed request → 400, body too large → 413); the handler
    // only records it. `request` holds what was parsed so far.
    virtual void requestRejected(const HttpRequest &request, const HttpResponse &response,
                                 const QString &reason)
    {
        Q_UNUSED(request) Q_UNUSED(response) Q_UNUSED(reason)
    }
};

} // namespace Gw::Runtime
