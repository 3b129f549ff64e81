// Resend and HAR replay. HAR entries carry absolute URLs of wherever they were recorded; they are
// moved to the running runtime's endpoint, keeping path and query.
#include "ui/console/callreplayer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Gw::Ui {

namespace Replay {

bool isTransportHeader(const QByteArray &name)
{
    static const QList<QByteArray> names{"host", "content-length", "connection", "transfer-encoding", "keep-alive",
                                         "upgrade", "accept-encoding", "te", "proxy-connection"};
    for (const QByteArray &n : names)
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QUrl urlFor(const Runtime::Trace &trace, const QList<Runtime::ApiEndpoint> &endpoints)
{
    QUrl base;
    for (const Runtime::ApiEndpoint &e : endpoints)
        if (e.apiId == trace.apiId) {
            base = e.baseUrl;
            break;
        }
    if (base.isEmpty() && !endpoints.isEmpty())
        base = endpoints.first().baseUrl;
    if (base.isEmpty())
        base = QUrl(QStringLiteral("http://127.0.0.1:3000"));
    QUrl url;
    url.setScheme(base.scheme());
    url.setHost(base.host());
    url.setPort(base.port());
    url.setPath(trace.path, QUrl::TolerantMode);
    if (!trace.rawQuery.isEmpty())
        url.setQuery(trace.rawQuery, QUrl::TolerantMode);
    return url;
}

ReplayRequest fromTrace(const Runtime::Trace &trace, const QList<Runtime::ApiEndpoint> &endpoints)
{
    ReplayRequest r;
    r.method = trace.method;
    r.url = urlFor(trace, endpoints);
    for (const auto &h : trace.requestHeaders)
        if (!isTransportHeader(h.first))
            r.headers.append(h);
    r.body = trace.requestBody;
    return r;
}

QList<ReplayRequest> fromHar(const QJsonObject &har, QString *error)
{
    QList<ReplayRequest> out;
    const QJsonObject log = har.value(QLatin1String("log")).toObject();
    if (log.isEmpty() || !log.value(QLatin1String("entries")).isArray()) {
        if (error)
            *error = QStringLiteral("not a HAR file: no log.entries");
        return out;
    }
    const QJsonArray entries = log.value(QLatin1String("entries")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject request = entries.at(i).toObject().value(QLatin1String("request")).toObject();
        ReplayRequest r;
        r.method = request.value(QLatin1String("method")).toString();
        r.url = QUrl(request.value(QLatin1String("url")).toString());
        if (r.method.isEmpty() || !r.url.isValid() || r.url.host().isEmpty()) {
            if (error)
                *error = QStringLiteral("HAR entry %1 has no method or absolute URL").arg(i + 1);
            return {};
        }
        for (const QJsonValue &h : request.value(QLatin1String("headers")).toArray()) {
            const QByteArray name = h.toObject().value(QLatin1String("name")).toString().toLatin1();
            if (!name.isEmpty() && !name.startsWith(':') && !isTransportHeader(name))
                r.headers.append({name, h.toObject().value(QLatin1String("value")).toString().toUtf8()});
        }
        const QJsonObject post = request.value(QLatin1String("postData")).toObject();
        r.body = post.value(QLatin1String("text")).toString().toUtf8();
        if (post.value(QLatin1String("encoding")).toString() == QLatin1String("base64"))
            r.body = QByteArray::fromBase64(r.body);
        out.append(r);
    }
    return out; // in the file's order (HAR 1.2: the order they happened)
}

QUrl retarget(const QUrl &url, const QList<Runtime::ApiEndpoint> &endpoints)
{
    for (const Runtime::ApiEndpoint &e : endpoints)
        if (e.baseUrl.port() == url.port() && (url.host() == e.baseUrl.host() || url.host() == QLatin1String("localhost")))
            return url;
    if (endpoints.isEmpty())
        return url;
    QUrl moved = url;
    const QUrl base = endpoints.first().baseUrl;
    moved.setScheme(base.scheme());
    moved.setHost(base.host());
    moved.setPort(base.port());
    return moved;
}

} // namespace Replay

CallReplayer::CallReplayer(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy); // the local gateway, never through a proxy
}

CallReplayer::~CallReplayer()
{
    cancel();
}

void CallReplayer::replay(const QList<ReplayRequest> &requests)
{
    const bool idle = !isBusy();
    if (idle) {
        m_answered = 0;
        m_failed = 0;
    }
    m_queue += requests;
    if (idle)
        next();
}

void CallReplayer::cancel()
{
    m_queue.clear();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void CallReplayer::next()
{
    if (m_queue.isEmpty()) {
        Q_EMIT finished(m_answered, m_failed);
        return;
    }
    const ReplayRequest r = m_queue.takeFirst();
    QNetworkRequest request(r.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &h : r.headers)
        request.setRawHeader(h.first, h.second);
    m_reply = m_network->sendCustomRequest(request, r.method.toLatin1(), r.body);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, method = r.method, url = r.url] {
        if (reply != m_reply)
            return;
        m_reply = nullptr;
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            ++m_failed;
        else
            ++m_answered;
        Q_EMIT replied(method, url, status);
        next();
    });
}

} // namespace Gw::Ui
