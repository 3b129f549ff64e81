// The HTTP client HTTP and HTTP_PROXY integrations reach their backends with: asynchronous on the
// calling worker thread's event loop, one per thread, keeping connections alive per origin.
#include "runtime/integrations/httpbackendclient.h"

#include "runtime/server/httpmessage.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <http_parser.h>

#include <memory>

namespace Gw::Runtime {

QString toString(BackendResponse::Outcome outcome)
{
    switch (outcome) {
    case BackendResponse::Outcome::Ok:
        return QStringLiteral("ok");
    case BackendResponse::Outcome::Timeout:
        return QStringLiteral("timeout");
    case BackendResponse::Outcome::ConnectionFailed:
        return QStringLiteral("connection failed");
    case BackendResponse::Outcome::TlsFailed:
        return QStringLiteral("TLS failed");
    case BackendResponse::Outcome::ProtocolError:
        return QStringLiteral("protocol error");
    }
    return {};
}

// One connection to one origin, running one exchange at a time (no pipelining to backends).
class BackendConnection : public QObject
{
public:
    BackendConnection(HttpBackendClient *client, QString origin, const BackendRequest &r)
        : QObject(client), m_client(client), m_origin(std::move(origin)), m_tls(r.tls), m_host(r.host),
          m_port(r.port)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early: AWS's limit is a limit
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            finish(BackendResponse::Outcome::Timeout,
                   QStringLiteral("no complete answer within %1 ms").arg(m_request.timeoutMs), false);
        });
        http_parser_settings_init(&m_settings);
        m_settings.on_header_field = &BackendConnection::onHeaderField;
        m_settings.on_header_value = &BackendConnection::onHeaderValue;
        m_settings.on_headers_complete = &BackendConnection::onHeadersComplete;
        m_settings.on_body = &BackendConnection::onBody;
        m_settings.on_message_complete = &BackendConnection::onMessageComplete;
    }

    const QString &origin() const { return m_origin; }
    bool isUsable() const
    {
        return !m_busy && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    }

    void start(const BackendRequest &request, HttpBackendClient::Done done)
    {
        m_request = request;
        m_done = std::move(done);
        m_busy = true;
        m_retried = false;
        m_sslErrors.clear();
        m_elapsed.start();
        m_timer.start(qMax(1, request.timeoutMs));
        if (isConnected()) {
            m_reused = true;
            writeRequest();
        } else {
            m_reused = false;
            openSocket();
        }
    }

private:
    bool isConnected() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }

    // A fresh socket; the old one (if any) is dropped without its signals reaching us.
    void openSocket()
    {
        dropSocket();
        m_socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
        // Requests go out in one write each; no reason to let Nagle hold any back.
        QObject::connect(m_socket, &QTcpSocket::connected, this,
                         [this] { m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
        if (m_tls) {
            auto *ssl = static_cast<QSslSocket *>(m_socket);
            QObject::connect(ssl, &QSslSocket::encrypted, this, [this] { writeRequest(); });
            QObject::connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
                for (const QSslError &e : errors)
                    m_sslErrors.append(e.errorString());
            });
        } else {
            QObject::connect(m_socket, &QTcpSocket::connected, this, [this] { writeRequest(); });
        }
        QObject::connect(m_socket, &QTcpSocket::readyRead, this, [this] { readAvailable(); });
        QObject::connect(m_socket, &QTcpSocket::disconnected, this, [this] { peerClosed(); });
        QObject::connect(m_socket, &QTcpSocket::errorOccurred, this,
                         [this](QAbstractSocket::SocketError e) { socketError(e); });
        if (m_tls)
            static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_host, m_port);
        else
            m_socket->connectToHost(m_host, m_port);
    }

    void dropSocket()
    {
        if (!m_socket)
            return;
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }

    void writeRequest()
    {
        if (!m_busy)
            return;
        http_parser_init(&m_parser, HTTP_RESPONSE);
        m_parser.data = this;
        m_response = BackendResponse();
        m_field.clear();
        m_value.clear();
        m_inValue = false;
        m_complete = false;
        m_receivedAny = false;

        const BackendRequest &r = m_request;
        QByteArray out;
        out.reserve(256 + r.body.size());
        out += r.method + ' ' + (r.target.isEmpty() ? QByteArray("/") : r.target) + " HTTP/1.1\r\n";
        if (!hasHeader(r.headers, "Host")) {
            const QByteArray host = r.host.toUtf8();
            out += "Host: ";
            out += host.contains(':') ? '[' + host + ']' : host; // IPv6 literals are bracketed
            if (r.port != (r.tls ? 443 : 80))
                out += ':' + QByteArray::number(r.port);
            out += "\r\n";
        }
        for (const auto &h : r.headers) {
            // Mapped values come from requests and bodies: a line break would smuggle headers.
            if (h.first.isEmpty() || h.first.contains('\r') || h.first.contains('\n') || h.first.contains(':')
                || h.second.contains('\r') || h.second.contains('\n'))
                continue;
            out += h.first + ": " + h.second + "\r\n";
        }
        if (!r.body.isEmpty() || r.method == "POST" || r.method == "PUT" || r.method == "PATCH")
            out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
        out += "\r\n";
        out += r.body;
        m_socket->write(out);
    }

    void readAvailable()
    {
        const QByteArray data = m_socket->readAll();
        if (!m_busy) {
            // Bytes on an idle connection: the backend is confused; never reuse it.
            dropSocket();
            m_client->forgetConnection(this);
            return;
        }
        m_receivedAny = m_receivedAny || !data.isEmpty();
        http_parser_execute(&m_parser, &m_settings, data.constData(), size_t(data.size()));
        const http_errno err = HTTP_PARSER_ERRNO(&m_parser);
        if (m_complete) {
            finish(BackendResponse::Outcome::Ok, {}, http_should_keep_alive(&m_parser) != 0);
        } else if (err != HPE_OK && err != HPE_PAUSED) {
            finish(BackendResponse::Outcome::ProtocolError,
                   QStringLiteral("the backend's answer is not valid HTTP/1.1: %1")
                       .arg(QString::fromLatin1(http_errno_description(err))),
                   false);
        }
    }

    void peerClosed()
    {
        if (!m_busy) {
            dropSocket();
            m_client->forgetConnection(this);
            return;
        }
        if (m_receivedAny) {
            // A body framed by the end of the connection ends here.
            http_parser_execute(&m_parser, &m_settings, nullptr, 0);
            if (m_complete) {
                finish(BackendResponse::Outcome::Ok, {}, false);
                return;
            }
        }
        if (m_reused && !m_receivedAny && !m_retried) {
            // The backend closed the kept-alive connection as we reused it: once more, fresh.
            m_retried = true;
            m_reused = false;
            openSocket();
            return;
        }
        finish(BackendResponse::Outcome::ConnectionFailed,
               m_receivedAny ? QStringLiteral("the backend closed the connection in the middle of its answer")
                             : QStringLiteral("the backend closed the connection without answering"),
               false);
    }

    void socketError(QAbstractSocket::SocketError error)
    {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return; // disconnected() follows and decides
        if (!m_busy) {
            dropSocket();
            m_client->forgetConnection(this);
            return;
        }
        const bool tls = error == QAbstractSocket::SslHandshakeFailedError
                         || error == QAbstractSocket::SslInternalError
                         || error == QAbstractSocket::SslInvalidUserDataError;
        QString reason = m_socket->errorString();
        if (tls && !m_sslErrors.isEmpty())
            reason = m_sslErrors.join(QStringLiteral("; "));
        if (m_reused && !m_receivedAny && !m_retried && !tls) {
            m_retried = true;
            m_reused = false;
            openSocket();
            return;
        }
        finish(tls ? BackendResponse::Outcome::TlsFailed : BackendResponse::Outcome::ConnectionFailed,
               reason, false);
    }

    void finish(BackendResponse::Outcome outcome, const QString &error, bool reusable)
    {
        if (!m_busy)
            return;
        m_busy = false;
        m_timer.stop();
        BackendResponse response = std::move(m_response);
        m_response = BackendResponse();
        response.outcome = outcome;
        response.error = error;
        response.latencyUs = m_elapsed.nsecsElapsed() / 1000;
        response.reusedConnection = m_reused;
        if (outcome != BackendResponse::Outcome::Ok) {
            response.status = 0;
            response.headers.clear();
            response.body.clear();
        }
        HttpBackendClient::Done done = std::move(m_done);
        m_done = nullptr;
        if (!reusable)
            dropSocket();
        m_client->connectionFinished(this, reusable);
        // Last: the callback may send the next request, which may pick this connection again.
        if (done)
            done(response);
    }

    // http-parser callbacks.
    static BackendConnection *self(http_parser *p) { return static_cast<BackendConnection *>(p->data); }
    static int onHeaderField(http_parser *p, const char *at, size_t length)
    {
        BackendConnection *c = self(p);
        if (c->m_inValue) {
            c->m_response.headers.append({c->m_field, c->m_value});
            c->m_field.clear();
            c->m_value.clear();
            c->m_inValue = false;
        }
        c->m_field.append(at, qsizetype(length));
        return 0;
    }
    static int onHeaderValue(http_parser *p, const char *at, size_t length)
    {
        BackendConnection *c = self(p);
        c->m_inValue = true;
        c->m_value.append(at, qsizetype(length));
        return 0;
    }
    static int onHeadersComplete(http_parser *p)
    {
        BackendConnection *c = self(p);
        if (!c->m_field.isEmpty())
            c->m_response.headers.append({c->m_field, c->m_value});
        c->m_field.clear();
        c->m_value.clear();
        c->m_inValue = false;
        c->m_response.status = int(p->status_code);
        return c->m_request.method == "HEAD" ? 1 : 0; // 1: no body follows
    }
    static int onBody(http_parser *p, const char *at, size_t length)
    {
        self(p)->m_response.body.append(at, qsizetype(length));
        return 0;
    }
    static int onMessageComplete(http_parser *p)
    {
        self(p)->m_complete = true;
        http_parser_pause(p, 1); // anything after the answer is not ours to read
        return 0;
    }

    HttpBackendClient *m_client;
    QString m_origin;
    bool m_tls;
    QString m_host;
    quint16 m_port;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    BackendRequest m_request;
    HttpBackendClient::Done m_done;
    BackendResponse m_response;
    http_parser m_parser{};
    http_parser_settings m_settings{};
    QByteArray m_field;
    QByteArray m_value;
    QStringList m_sslErrors;
    bool m_inValue = false;
    bool m_complete = false;
    bool m_receivedAny = false;
    bool m_busy = false;
    bool m_reused = false;
    bool m_retried = false;
};

HttpBackendClient *HttpBackendClient::forCurrentThread()
{
    // Owned by the thread's event dispatcher so that it (and its sockets) die on this thread.
    static thread_local QPointer<HttpBackendClient> client;
    if (!client) {
        QThread *thread = QThread::currentThread();
        if (!QAbstractEventDispatcher::instance(thread))
            QEventLoop ensureDispatcher; // a loop's construction gives the thread its dispatcher
        client = new HttpBackendClient(QAbstractEventDispatcher::instance(thread));
        // A worker thread that ends closes its backend connections while it still runs.
        QPointer<HttpBackendClient> guard = client;
        QObject::connect(thread, &QThread::finished, client, [guard] { delete guard.data(); },
                         Qt::DirectConnection);
    }
    return client;
}

static QString originOf(const BackendRequest &r)
{
    return QStringLiteral("%1://%2:%3").arg(r.tls ? QStringLiteral("https") : QStringLiteral("http"), r.host)
        .arg(r.port);
}

void HttpBackendClient::send(const BackendRequest &request, Done done)
{
    const QString origin = originOf(request);
    auto it = m_idle.find(origin);
    if (it != m_idle.end()) {
        while (!it->isEmpty()) {
            BackendConnection *c = it->takeLast();
            if (c->isUsable()) {
                c->start(request, std::move(done));
                return;
            }
            c->deleteLater();
        }
    }
    auto *c = new BackendConnection(this, origin, request);
    c->start(request, std::move(done));
}

void HttpBackendClient::connectionFinished(BackendConnection *connection, bool reusable)
{
    QList<BackendConnection *> &idle = m_idle[connection->origin()];
    if (reusable && idle.size() < MaxIdlePerOrigin)
        idle.append(connection);
    else
        connection->deleteLater();
}

void HttpBackendClient::forgetConnection(BackendConnection *connection)
{
    auto it = m_idle.find(connection->origin());
    if (it != m_idle.end())
        it->removeOne(connection);
    connection->deleteLater();
}

} // namespace Gw::Runtime
