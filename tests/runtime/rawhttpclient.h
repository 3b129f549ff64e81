// Test helper: a blocking HTTP/1.1 client over a raw QTcpSocket, so tests control exactly the
// bytes sent (pipelining, chunking, malformed input) and read answers one by one.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace GwTest {

struct RawResponse
{
    bool complete = false;
    int status = 0;
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

class RawHttpClient
{
public:
    bool connectTo(quint16 port, int timeoutMs = 5000)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return m_socket.waitForConnected(timeoutMs);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
        m_socket.waitForBytesWritten(5000);
    }
    // Reads one response (Content-Length framed; `head` = no body expected).
    RawResponse read(bool head = false, int timeoutMs = 10000)
    {
        RawResponse r;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                const QList<QByteArray> lines = m_buffer.left(end).split('\n');
                const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
                r.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines.at(i).trimmed();
                    const qsizetype colon = line.indexOf(':');
                    if (colon > 0)
                        r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                }
                const qsizetype length = head ? 0 : r.header("Content-Length").toLongLong();
                if (m_buffer.size() >= end + 4 + length) {
                    r.body = m_buffer.mid(end + 4, length);
                    m_buffer.remove(0, end + 4 + length);
                    r.complete = true;
                    return r;
                }
                r.headers.clear();
            }
            if (!m_socket.waitForReadyRead(100) && m_socket.state() != QAbstractSocket::ConnectedState
                && m_socket.bytesAvailable() == 0)
                break;
            m_buffer.append(m_socket.readAll());
        }
        return r;
    }
    RawResponse request(const QByteArray &bytes, bool head = false)
    {
        send(bytes);
        return read(head);
    }
    // True when the server closed the connection within timeoutMs.
    bool waitForClose(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                return true;
            m_socket.waitForReadyRead(50);
            m_buffer.append(m_socket.readAll());
        }
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    QByteArray pending() const { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace GwTest
