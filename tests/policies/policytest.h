// Test helper for the policy stages: one request over loopback to a RuntimeHost and the trace it
// left, so tests check both what the client saw and why the gateway decided it.
#pragma once

#include "runtime/runtimehost.h"
#include "runtime/trace/trace.h"
#include "runtime/trace/tracering.h"

#include "tests/runtime/rawhttpclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace GwTest {

inline RawResponse request(quint16 port, const QByteArray &method, const QByteArray &target,
                           const QList<QPair<QByteArray, QByteArray>> &headers = {},
                           const QByteArray &body = {}, int timeoutMs = 15000)
{
    RawHttpClient client;
    if (!client.connectTo(port))
        return {};
    QByteArray bytes = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &h : headers)
        bytes += h.first + ": " + h.second + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "\r\n" + body;
    client.send(bytes);
    return client.read(method == "HEAD", timeoutMs);
}

inline QString messageOf(const RawResponse &r)
{
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    return o.contains(QLatin1String("message")) ? o.value(QLatin1String("message")).toString()
                                                : o.value(QLatin1String("Message")).toString();
}

// The trace of a response, waiting for the host to record it (the server answers before it hands
// the trace over). REST responses name it by x-amzn-RequestId; HTTP APIs by apigw-requestid, which
// the trace keeps among its response headers.
inline Gw::Runtime::TracePtr traceOf(Gw::Runtime::RuntimeHost &host, const RawResponse &r)
{
    const QByteArray restId = r.header("x-amzn-RequestId");
    const QByteArray httpId = r.header("apigw-requestid");
    Gw::Runtime::TracePtr found;
    auto look = [&] {
        if (!restId.isEmpty()) {
            found = host.traces()->find(QString::fromLatin1(restId));
        } else {
            for (const Gw::Runtime::TracePtr &t : host.traces()->latest(50)) {
                for (const auto &h : t->responseHeaders) {
                    if (h.first.compare("apigw-requestid", Qt::CaseInsensitive) == 0 && h.second == httpId)
                        found = t;
                }
                if (found)
                    break;
            }
        }
        return bool(found);
    };
    for (int i = 0; i < 200 && !look(); ++i)
        QTest::qWait(10);
    return found;
}

// All notes of one step, joined by newlines ("" when the step did not run).
inline QString notesOf(const Gw::Runtime::TracePtr &trace, const QString &step)
{
    if (!trace)
        return {};
    for (const Gw::Runtime::TraceStep &s : trace->steps) {
        if (s.name == step)
            return s.notes.join(QLatin1Char('\n'));
    }
    return {};
}

} // namespace GwTest
