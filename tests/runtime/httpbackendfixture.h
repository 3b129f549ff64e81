// Test helper: a small HTTP/1.1 backend on its own thread (so tests may block on their client
// sockets) that records every request it sees and answers through a handler the test sets:
// echo the request as JSON, answer fixed bytes, stall (never answer) or close the connection.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <functional>
#include <future>

namespace GwTest {

struct BackendSeenRequest
{
    QByteArray method;
    QByteArray target; // path?query as on the request line
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

struct BackendReply
{
    enum class Kind { Answer, AnswerAndClose, Stall, Close };
    Kind kind = Kind::Answer;
    QByteArray bytes; // the whole answer for Kind::Answer

    static BackendReply answer(int status, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
        for (const auto &h : headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        return {Kind::Answer, out};
    }
    // The request as JSON: method, target, headers (lower-case names; repeats comma-joined), body.
    static BackendReply echo(const BackendSeenRequest &r, int status = 200,
                             const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QJsonObject h;
        for (const auto &p : r.headers) {
            const QString name = QString::fromLatin1(p.first.toLower());
            const QString prev = h.value(name).toString();
            h.insert(name, prev.isEmpty() ? QString::fromUtf8(p.second) : prev + QLatin1Char(',') + QString::fromUtf8(p.second));
        }
        const QJsonObject o{{"method", QString::fromLatin1(r.method)},
                            {"target", QString::fromUtf8(r.target)},
                            {"headers", h},
                            {"body", QString::fromUtf8(r.body)}};
        QList<QPair<QByteArray, QByteArray>> all = headers;
        all.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        return answer(status, QJsonDocument(o).toJson(QJsonDocument::Compact), all);
    }
    // Answers without saying "Connection: close", then closes: a kept-alive connection that dies.
    static BackendReply andClose(BackendReply reply)
    {
        reply.kind = Kind::AnswerAndClose;
        return reply;
    }
    static BackendReply stall() { return {Kind::Stall, {}}; }
    static BackendReply close() { return {Kind::Close, {}}; }
};

class HttpBackendFixture : public QThread
{
public:
    using Handler = std::function<BackendReply(const BackendSeenRequest &)>;

    explicit HttpBackendFixture(Handler handler = [](const BackendSeenRequest &r) { return BackendReply::echo(r); })
        : m_handler(std::move(handler))
    {
    }
    ~HttpBackendFixture() override { stop(); }

    // Starts listening on 127.0.0.1 (any port); returns the port, 0 on failure.
    quint16 start()
    {
        std::promise<quint16> listening;
        auto ready = listening.get_future();
        m_listening = &listening;
        QThread::start();
        m_port = ready.get();
        return m_port;
    }
    void stop()
    {
        if (isRunning()) {
            quit();
            wait();
        }
    }
    quint16 port() const { return m_port; }
    // Answers any bytes at all (even a TLS ClientHello) with a plain-text HTTP 400: a backend
    // that does not speak TLS behind an https:// URI.
    void setAnswerAnyBytes(bool on) { m_answerAnyBytes = on; }
    int connectionCount() const { return m_connections.load(); }
    QList<BackendSeenRequest> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    BackendSeenRequest lastRequest() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests.isEmpty() ? BackendSeenRequest() : m_requests.last();
    }
    int requestCount() const
    {
        QMutexLocker lock(&m_mutex);
        return int(m_requests.size());
    }

protected:
    void run() override
    {
        QTcpServer server;
        const bool ok = server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                ++m_connections;
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    buffer->append(s->readAll());
                    if (m_answerAnyBytes) {
                        s->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                        s->disconnectFromHost();
                        return;
                    }
                    serve(s, *buffer);
                });
            }
        });
        m_listening->set_value(ok ? server.serverPort() : quint16(0));
        exec();
    }

private:
    // Answers every complete request in `buffer` (keep-alive, in order).
    void serve(QTcpSocket *s, QByteArray &buffer)
    {
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            BackendSeenRequest r;
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            r.method = requestLine.value(0);
            r.target = requestLine.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                if (line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0)
                    length = line.mid(colon + 1).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            r.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            {
                QMutexLocker lock(&m_mutex);
                m_requests.append(r);
            }
            const BackendReply reply = m_handler(r);
            switch (reply.kind) {
            case BackendReply::Kind::Answer:
                s->write(reply.bytes);
                break;
            case BackendReply::Kind::AnswerAndClose:
                s->write(reply.bytes);
                s->disconnectFromHost(); // after the bytes are written
                return;
            case BackendReply::Kind::Stall:
                return; // never answers this connection again
            case BackendReply::Kind::Close:
                s->disconnectFromHost();
                return;
            }
        }
    }

    Handler m_handler;
    std::promise<quint16> *m_listening = nullptr;
    quint16 m_port = 0;
    std::atomic<bool> m_answerAnyBytes{false};
    std::atomic<int> m_connections{0};
    mutable QMutex m_mutex;
    QList<BackendSeenRequest> m_requests;
};

} // namespace GwTest
