// HTTP/1.1 request and response values shared by the server, the pipeline and in-process invocation.
#pragma once

#include "runtime/trace/trace.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <chrono>

namespace Gw::Runtime {

// Case-insensitive lookup over an ordered header list (repeats kept). Returns the first value.
QByteArray headerValue(const HeaderList &headers, const QByteArray &name,
                       const QByteArray &defaultValue = QByteArray());
QList<QByteArray> headerValues(const HeaderList &headers, const QByteArray &name);
bool hasHeader(const HeaderList &headers, const QByteArray &name);
// Replaces every header of that name by one value (appends when absent).
void setHeader(HeaderList &headers, const QByteArray &name, const QByteArray &value);
void removeHeader(HeaderList &headers, const QByteArray &name);

struct HttpRequest
{
    QByteArray method;   // upper-case as received: GET, POST, …
    QByteArray path;     // raw (percent-encoded) path, without the query
    QByteArray rawQuery; // exactly as received, without '?'
    HeaderList headers;
    QByteArray body;
    int httpMinor = 1;   // HTTP/1.x
    bool keepAlive = true;
    QString clientAddress; // "127.0.0.1:53422"
    // The client certificate verified by mutual TLS, in AWS's requestContext.identity.clientCert
    // shape (runtime/tls/clientcertificate.h); empty without mTLS.
    QJsonObject clientCert;
    // When the first byte of this request was parsed; the trace measures from here.
    std::chrono::steady_clock::time_point receivedAt = std::chrono::steady_clock::now();

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
    bool isHead() const { return method == "HEAD"; }

    // Builds a request from "METHOD" and "/path?query" (used by invoke and tests).
    static HttpRequest make(const QByteArray &method, const QByteArray &target,
                            const HeaderList &headers = {}, const QByteArray &body = {});
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers; // Content-Length, Date and Connection are added when serialized
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
    bool hasHeader(const QByteArray &name) const { return Runtime::hasHeader(headers, name); }
};

QByteArray reasonPhrase(int status);

// Serializes status line, headers, Date, Content-Length (and Connection: close when closing) and
// the body (omitted for HEAD) into one buffer so the server writes once.
QByteArray serializeResponse(const HttpResponse &response, bool headRequest, bool closeConnection);

} // namespace Gw::Runtime
