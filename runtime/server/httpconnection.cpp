// One client connection on a worker thread: incremental HTTP/1.1 parsing with http-parser,
// keep-alive, pipelined answers written strictly in request order, AWS's size limits, header-read
// and idle timeouts, and (on HTTPS listeners) the TLS handshake and the mTLS client certificate.
#include "runtime/server/httpconnection.h"

#include "runtime/tls/clientcertificate.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <limits>
#include <utility>

namespace Gw::Runtime {

namespace {

// Marks an interim answer (100 Continue) in the queue of answers owed: no request has it.
constexpr quint64 InterimSequence = std::numeric_limits<quint64>::max();

bool equalsIgnoringCase(const QByteArray &a, const char *b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

// http-parser calls plain C functions; these forward to the connection stored in parser->data.
// Returning non-zero stops the parser with an HPE_CB_* error; m_rejectStatus says why.
struct HttpConnectionCallbacks
{
    static HttpConnection *self(http_parser *p) { return static_cast<HttpConnection *>(p->data); }

    static int onMessageBegin(http_parser *p)
    {
        HttpConnection *c = self(p);
        c->resetMessage();
        c->m_inMessage = true;
        c->m_inBody = false;
        c->m_request.receivedAt = std::chrono::steady_clock::now();
        return 0;
    }
    static int onUrl(http_parser *p, const char *at, size_t len)
    {
        HttpConnection *c = self(p);
        c->m_url.append(at, qsizetype(len));
        if (c->m_url.size() > HttpConnection::MaxUrlBytes) {
            c->m_rejectStatus = 414;
            return -1;
        }
        return 0;
    }
    static int countHeaderBytes(HttpConnection *c, size_t len)
    {
        c->m_headerBytes += qint64(len);
        if (c->m_headerBytes > HttpConnection::MaxHeaderBytes) {
            c->m_rejectStatus = 431;
            return -1;
        }
        return 0;
    }
    static int onHeaderField(http_parser *p, const char *at, size_t len)
    {
        HttpConnection *c = self(p);
        if (c->m_inValue)
            c->commitHeader();
        if (c->m_field.isEmpty())
            c->m_headerBytes += 4; // ": " and CRLF
        c->m_field.append(at, qsizetype(len));
        return countHeaderBytes(c, len);
    }
    static int onHeaderValue(http_parser *p, const char *at, size_t len)
    {
        HttpConnection *c = self(p);
        c->m_value.append(at, qsizetype(len));
        c->m_inValue = true;
        return countHeaderBytes(c, len);
    }
    static int onHeadersComplete(http_parser *p)
    {
        HttpConnection *c = self(p);
        if (c->m_inValue || !c->m_field.isEmpty())
            c->commitHeader();
        c->m_inBody = true;
        HttpRequest &r = c->m_request;
        r.method = QByteArray(http_method_str(http_method(p->method)));
        r.httpMinor = p->http_minor;
        QByteArray url = c->m_url;
        // Absolute-form targets (proxies): keep only the path and query.
        if (url.startsWith("http://") || url.startsWith("https://")) {
            const qsizetype slash = url.indexOf('/', url.indexOf("//") + 2);
            url = slash < 0 ? QByteArray("/") : url.mid(slash);
        }
        const qsizetype hash = url.indexOf('#');
        if (hash >= 0)
            url.truncate(hash);
        const qsizetype q = url.indexOf('?');
        r.path = q < 0 ? url : url.left(q);
        r.rawQuery = q < 0 ? QByteArray() : url.mid(q + 1);
        if ((p->flags & F_CONTENTLENGTH) && p->content_length > quint64(HttpConnection::MaxBodyBytes)) {
            // Refused before the body is sent: no 100 Continue for it.
            c->m_rejectStatus = 413;
            http_parser_pause(p, 1);
            return 0;
        }
        // RFC 9110 10.1.1: a client that sent "Expect: 100-continue" may wait for this interim
        // answer before sending the body. HTTP/1.0 clients do not know it; without a body there
        // is nothing to wait for.
        const bool bodyFollows = (p->flags & F_CHUNKED)
                                 || ((p->flags & F_CONTENTLENGTH) && p->content_length > 0);
        if (bodyFollows && p->http_major == 1 && p->http_minor >= 1
            && equalsIgnoringCase(r.header("Expect"), "100-continue"))
            c->sendContinue();
        return 0;
    }
    static int onBody(http_parser *p, const char *at, size_t len)
    {
        HttpConnection *c = self(p);
        if (c->m_request.body.size() + qint64(len) > HttpConnection::MaxBodyBytes) {
            c->m_rejectStatus = 413;
            http_parser_pause(p, 1);
            return 0;
        }
        if (c->m_request.body.isEmpty() && (p->flags & F_CONTENTLENGTH) && p->content_length != ULLONG_MAX)
            c->m_request.body.reserve(qsizetype(p->content_length + len));
        c->m_request.body.append(at, qsizetype(len));
        return 0;
    }
    static int onMessageComplete(http_parser *p)
    {
        HttpConnection *c = self(p);
        c->m_inMessage = false;
        c->m_inBody = false;
        HttpRequest &r = c->m_request;
        r.keepAlive = http_should_keep_alive(p) != 0;
        r.clientAddress = c->m_peer;
        r.clientCert = c->m_clientCert;
        const quint64 sequence = c->m_nextSequence++;
        HttpConnection::Slot slot;
        slot.sequence = sequence;
        slot.close = !r.keepAlive;
        c->m_slots.push_back(std::move(slot));
        const bool head = r.isHead();
        if (!r.keepAlive) {
            // Nothing after this request is read; answer it and close.
            c->m_closing = true;
            http_parser_pause(p, 1);
        }
        HttpRequest request = std::move(r);
        r = HttpRequest();
        c->m_handler->handleRequest(std::move(request), HttpResponder(c, sequence, head));
        return 0;
    }

    static const http_parser_settings &settings()
    {
        static const http_parser_settings s = [] {
            http_parser_settings st;
            http_parser_settings_init(&st);
            st.on_message_begin = onMessageBegin;
            st.on_url = onUrl;
            st.on_header_field = onHeaderField;
            st.on_header_value = onHeaderValue;
            st.on_headers_complete = onHeadersComplete;
            st.on_body = onBody;
            st.on_message_complete = onMessageComplete;
            return st;
        }();
        return s;
    }
};

HttpResponder::HttpResponder(HttpConnection *connection, quint64 sequence, bool head)
    : m_connection(connection), m_sequence(sequence), m_head(head)
{
}

void HttpResponder::respond(const HttpResponse &response) const
{
    if (HttpConnection *c = m_connection.data())
        c->deliver(m_sequence, response, m_head);
}

HttpConnection::HttpConnection(qintptr socketDescriptor, HttpRequestHandler *handler,
                               std::shared_ptr<const HttpServerOptions> options, QObject *parent)
    : QObject(parent), m_handler(handler), m_options(std::move(options))
{
    if (!m_options)
        m_options = std::make_shared<const HttpServerOptions>();
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    QSslSocket *ssl = m_options->tls ? new QSslSocket(this) : nullptr;
    m_socket = ssl ? ssl : new QTcpSocket(this);
    if (!m_socket->setSocketDescriptor(socketDescriptor)) {
        m_finished = true;
        return;
    }
    // Small answers on a kept-alive connection must not wait for Nagle.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QString address = m_socket->peerAddress().toString();
    if (address.startsWith(QLatin1String("::ffff:")))
        address = address.mid(7);
    m_peer = address + QLatin1Char(':') + QString::number(m_socket->peerPort());
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    // From accept: the handshake and the first request's headers must arrive in time.
    arm(Wait::Headers, m_options->headerReadTimeoutMs);
    if (ssl) {
        connect(ssl, &QSslSocket::encrypted, this, &HttpConnection::onEncrypted);
        // A refused handshake (no client certificate, one from another CA, not TLS at all):
        // the connection ends without an HTTP answer, as AWS's TLS termination does.
        connect(ssl, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::SslHandshakeFailedError
                || error == QAbstractSocket::SslInvalidUserDataError)
                abort();
        });
        ssl->setSslConfiguration(*m_options->tls);
        ssl->startServerEncryption();
    }
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isValid() const
{
    return !m_finished;
}

void HttpConnection::onEncrypted()
{
    auto *ssl = static_cast<QSslSocket *>(m_socket);
    const QSslCertificate peer = ssl->peerCertificate();
    // Present only under mTLS (the server asks for it only then), and verified by the handshake.
    if (!peer.isNull())
        m_clientCert = awsClientCertificate(peer.toPem());
}

void HttpConnection::resetMessage()
{
    m_url.clear();
    m_field.clear();
    m_value.clear();
    m_headerBytes = 0;
    m_inValue = false;
}

void HttpConnection::commitHeader()
{
    m_request.headers.append({m_field, m_value.trimmed()});
    m_field.clear();
    m_value.clear();
    m_inValue = false;
}

void HttpConnection::sendContinue()
{
    static const QByteArray interim = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
    if (m_slots.empty()) {
        m_socket->write(interim);
        return;
    }
    // Earlier pipelined answers go first.
    Slot slot;
    slot.sequence = InterimSequence;
    slot.ready = true;
    slot.bytes = interim;
    m_slots.push_back(std::move(slot));
}

void HttpConnection::onReadyRead()
{
    if (m_closing) {
        m_socket->readAll(); // nothing more is served on this connection
        return;
    }
    const QByteArray data = m_socket->readAll();
    const size_t parsed = http_parser_execute(&m_parser, &HttpConnectionCallbacks::settings(),
                                              data.constData(), size_t(data.size()));
    const http_errno err = HTTP_PARSER_ERRNO(&m_parser);
    if (const int status = std::exchange(m_rejectStatus, 0)) {
        switch (status) {
        case 413:
            reject(413, QByteArrayLiteral("HTTP content length exceeded 10485760 bytes."),
                   QStringLiteral("request body larger than 10485760 bytes"));
            break;
        case 414:
            reject(414, QByteArrayLiteral("{\"message\":\"Request URI too long\"}"),
                   QStringLiteral("request URL longer than %1 bytes").arg(MaxUrlBytes));
            break;
        default:
            reject(431, QByteArrayLiteral("{\"message\":\"Request Header Fields Too Large\"}"),
                   QStringLiteral("request headers larger than %1 bytes").arg(MaxHeaderBytes));
            break;
        }
        return;
    }
    if (err == HPE_PAUSED) // Connection: close (or HTTP/1.0) request: the rest is ignored
        return;
    if (err != HPE_OK || (parsed != size_t(data.size()) && !m_parser.upgrade)) {
        reject(400, QByteArrayLiteral("{\"message\":\"Bad Request\"}"),
               QStringLiteral("malformed HTTP request: %1 (%2)")
                   .arg(QString::fromLatin1(http_errno_name(err)),
                        QString::fromLatin1(http_errno_description(err))));
        return;
    }
    updateTimer();
}

void HttpConnection::reject(int status, const QByteArray &body, const QString &reason)
{
    m_rejectStatus = 0;
    m_closing = true;
    HttpResponse response;
    response.status = status;
    response.headers.append({QByteArrayLiteral("Content-Type"),
                             status == 413 ? QByteArrayLiteral("text/plain; charset=utf-8")
                                           : QByteArrayLiteral("application/json")});
    response.body = body;
    if (m_request.path.isEmpty() && !m_url.isEmpty())
        m_request.path = m_url.left(1024); // a 414's URL is too long to keep whole in a trace
    m_request.clientAddress = m_peer;
    m_request.clientCert = m_clientCert;
    if (m_request.method.isEmpty() && m_parser.http_errno != HPE_INVALID_METHOD)
        m_request.method = QByteArray(http_method_str(http_method(m_parser.method)));
    m_handler->requestRejected(m_request, response, reason);
    Slot slot;
    slot.sequence = m_nextSequence++;
    slot.close = true;
    slot.ready = true;
    slot.bytes = serializeResponse(response, false, true);
    m_slots.push_back(std::move(slot));
    flushReady();
}

void HttpConnection::deliver(quint64 sequence, const HttpResponse &response, bool head)
{
    for (Slot &slot : m_slots) {
        if (slot.sequence == sequence) {
            if (slot.ready)
                return; // answered twice: the first answer stands
            slot.bytes = serializeResponse(response, head, slot.close);
            slot.ready = true;
            break;
        }
    }
    flushReady();
}

void HttpConnection::flushReady()
{
    if (m_finished)
        return;
    bool wrote = false;
    while (!m_slots.empty() && m_slots.front().ready) {
        Slot &slot = m_slots.front();
        m_socket->write(slot.bytes);
        wrote = true;
        const bool close = slot.close;
        m_slots.pop_front();
        if (close) {
            m_slots.clear();
            closeSocket(); // flushes what was written first
            return;
        }
    }
    if (m_shutdown && m_slots.empty()) {
        closeSocket();
        return;
    }
    if (wrote)
        updateTimer();
}

void HttpConnection::closeSocket()
{
    m_closing = true;
    if (m_finished)
        return;
    m_socket->disconnectFromHost();
    // A peer that never reads what is owed would keep the connection; it gets as long as an idle
    // connection would to drain it.
    if (!m_finished && m_socket->state() != QAbstractSocket::UnconnectedState && m_wait != Wait::Closing)
        arm(Wait::Closing, m_options->idleTimeoutMs > 0 ? m_options->idleTimeoutMs : 60000);
}

void HttpConnection::arm(Wait wait, int ms)
{
    m_wait = wait;
    if (ms > 0)
        m_timer.start(ms);
    else
        m_timer.stop();
}

void HttpConnection::updateTimer()
{
    if (m_finished)
        return;
    if (m_closing) {
        if (m_wait != Wait::Closing)
            arm(Wait::Nothing, 0); // the answers owed are being produced; closing follows them
        return;
    }
    if (m_inMessage && !m_inBody) {
        // Not restarted by each byte: the whole header must arrive in time.
        if (m_wait != Wait::Headers)
            arm(Wait::Headers, m_options->headerReadTimeoutMs);
        return;
    }
    if (m_inMessage) {
        arm(Wait::Body, m_options->idleTimeoutMs); // restarted while the body keeps moving
        return;
    }
    if (!m_slots.empty()) {
        arm(Wait::Nothing, 0); // the handler has the request; integration timeouts apply
        return;
    }
    if (m_wait != Wait::Idle)
        arm(Wait::Idle, m_options->idleTimeoutMs);
}

void HttpConnection::onTimeout()
{
    switch (m_wait) {
    case Wait::Headers:
        if (m_inMessage) {
            reject(408, QByteArrayLiteral("{\"message\":\"Request Timeout\"}"),
                   QStringLiteral("request headers not received within %1 ms")
                       .arg(m_options->headerReadTimeoutMs));
        } else {
            closeSocket(); // nothing was sent: close quietly, like an idle keep-alive connection
        }
        break;
    case Wait::Body:
        reject(408, QByteArrayLiteral("{\"message\":\"Request Timeout\"}"),
               QStringLiteral("request body stalled for %1 ms").arg(m_options->idleTimeoutMs));
        break;
    case Wait::Idle:
        closeSocket();
        break;
    case Wait::Closing:
        abort();
        break;
    case Wait::Nothing:
        break;
    }
}

void HttpConnection::closeWhenIdle()
{
    m_closing = true;
    m_shutdown = true;
    if (m_slots.empty()) {
        closeSocket();
        return;
    }
    // The last answer owed tells the client this connection ends with it.
    if (!m_slots.back().ready)
        m_slots.back().close = true;
}

void HttpConnection::abort()
{
    m_socket->abort();
    // abort() emits disconnected only from a connected state; a connection that failed earlier
    // (a refused TLS handshake) must still be counted as finished.
    onDisconnected();
}

void HttpConnection::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_slots.clear();
    Q_EMIT finished();
    deleteLater();
}

} // namespace Gw::Runtime
