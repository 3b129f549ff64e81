// One client connection on a worker thread: incremental HTTP/1.1 parsing with http-parser,
// keep-alive, pipelined answers written strictly in request order, AWS's size limits, header-read
// and idle timeouts, and (on HTTPS listeners) the TLS handshake and the mTLS client certificate.
#pragma once

#include "runtime/server/httprequesthandler.h"
#include "runtime/server/httpserveroptions.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>

#include <http_parser.h>

class QTcpSocket;

namespace Gw::Runtime {

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // AWS refuses bodies over 10 MB (reference §1.18).
    static constexpr qint64 MaxBodyBytes = 10 * 1024 * 1024;
    // AWS's header quota: 10 240 bytes of headers in total (reference §1.18).
    static constexpr qint64 MaxHeaderBytes = 10240;
    // AWS caps the URL at 8192 bytes on edge-optimized endpoints (10 240 on regional ones); the
    // stricter limit means a URL that works locally works on every endpoint type.
    static constexpr qint64 MaxUrlBytes = 8192;

    HttpConnection(qintptr socketDescriptor, HttpRequestHandler *handler,
                   std::shared_ptr<const HttpServerOptions> options, QObject *parent = nullptr);
    ~HttpConnection() override;

    bool isValid() const;
    // Graceful shutdown: close now when idle, else once every answer owed has been written.
    void closeWhenIdle();
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class HttpResponder;
    friend struct HttpConnectionCallbacks;

    struct Slot
    {
        quint64 sequence = 0;
        bool ready = false;
        bool close = false;
        QByteArray bytes;
    };
    // What the connection's one timer is measuring.
    enum class Wait { Nothing, Headers, Body, Idle, Closing };

    void onReadyRead();
    void onDisconnected();
    void onEncrypted();
    void deliver(quint64 sequence, const HttpResponse &response, bool head);
    void flushReady();
    void reject(int status, const QByteArray &body, const QString &reason);
    void resetMessage();
    void commitHeader();
    void sendContinue();
    void updateTimer();
    void arm(Wait wait, int ms);
    void onTimeout();
    void closeSocket();

    QTcpSocket *m_socket = nullptr;
    HttpRequestHandler *m_handler = nullptr;
    std::shared_ptr<const HttpServerOptions> m_options;
    http_parser m_parser;
    QString m_peer;
    QJsonObject m_clientCert; // mTLS: the verified peer certificate, AWS's shape

    // The message being parsed.
    HttpRequest m_request;
    QByteArray m_url;
    QByteArray m_field;
    QByteArray m_value;
    qint64 m_headerBytes = 0;
    bool m_inValue = false;
    bool m_inMessage = false;  // a request has begun and is not complete
    bool m_inBody = false;     // … and its headers are complete
    int m_rejectStatus = 0;    // set by a parser callback: 413, 414 or 431

    std::deque<Slot> m_slots; // answers owed, in request order
    quint64 m_nextSequence = 0;
    bool m_closing = false;   // no more requests are read
    bool m_shutdown = false;  // close once every answer owed is written
    bool m_finished = false;

    QTimer m_timer;
    Wait m_wait = Wait::Nothing;
};

} // namespace Gw::Runtime
