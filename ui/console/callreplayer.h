// Sends recorded calls again: a trace from the history ("Resend") or the entries of a HAR 1.2
// file (import and replay), over real HTTP to the running runtime, one after the other, so each
// new call is served, traced and shows up in the history like any other.
#pragma once

#include "runtime/runtimehost.h"
#include "runtime/trace/trace.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace Gw::Ui {

struct ReplayRequest
{
    QString method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

namespace Replay {

// Headers the HTTP client sets itself (host, length, connection, encoding): not copied.
bool isTransportHeader(const QByteArray &name);
// Where the runtime serves the call now: the endpoint of the trace's API (else the first).
QUrl urlFor(const Runtime::Trace &trace, const QList<Runtime::ApiEndpoint> &endpoints);
ReplayRequest fromTrace(const Runtime::Trace &trace, const QList<Runtime::ApiEndpoint> &endpoints);
// The requests of a HAR 1.2 log, oldest first; error text when it is not one.
QList<ReplayRequest> fromHar(const QJsonObject &har, QString *error);
// A URL recorded elsewhere, pointed at the running runtime: kept when its port is one of the
// endpoints', else moved to the first endpoint (path and query kept).
QUrl retarget(const QUrl &url, const QList<Runtime::ApiEndpoint> &endpoints);

} // namespace Replay

class CallReplayer : public QObject
{
    Q_OBJECT
public:
    explicit CallReplayer(QObject *parent = nullptr);
    ~CallReplayer() override;

    // Queues the requests; they go out one at a time in order.
    void replay(const QList<ReplayRequest> &requests);
    bool isBusy() const { return m_reply != nullptr || !m_queue.isEmpty(); }
    void cancel();

Q_SIGNALS:
    void replied(const QString &method, const QUrl &url, int status);
    // The queue ran dry: how many were answered (any status) and how many got no answer.
    void finished(int answered, int failed);

private:
    void next();

    QNetworkAccessManager *m_network;
    QList<ReplayRequest> m_queue;
    QPointer<QNetworkReply> m_reply;
    int m_answered = 0;
    int m_failed = 0;
};

} // namespace Gw::Ui
