// Tests the HTTP/1.1 server over real loopback sockets: keep-alive, pipelining answered in order,
// chunked bodies, HEAD, malformed input (400 + close) while other connections go on, 413,
// repeated headers, raw query strings, Connection: close and port-in-use errors; Expect:
// 100-continue, 414/431 limits, header-read/body/idle timeouts (slowloris) and graceful stop.
#include "runtime/server/httpserver.h"
#include "runtime/server/httprequesthandler.h"
#include "runtime/server/workerpool.h"

#include "tests/runtime/rawhttpclient.h"

#include <QMutex>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace Gw::Runtime;
using GwTest::RawHttpClient;
using GwTest::RawResponse;

namespace {

class EchoHandler : public HttpRequestHandler
{
public:
    void handleRequest(HttpRequest request, HttpResponder responder) override
    {
        HttpResponse response;
        response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
        QByteArray body = "method=" + request.method + "\npath=" + request.path + "\nquery="
                          + request.rawQuery + "\nbody=" + request.body + "\n";
        for (const auto &h : request.headers)
            body += "header:" + h.first + "=" + h.second + "\n";
        body += "x-a=" + request.header("x-a") + "\n";
        response.body = body;
        {
            QMutexLocker lock(&mutex);
            threads.insert(QThread::currentThread());
        }
        ++received;
        if (request.path == "/slow") {
            // Answered later, from the worker's event loop: pipelined answers must still come in order.
            QTimer::singleShot(150, [responder, response] { responder.respond(response); });
            return;
        }
        responder.respond(response);
    }
    void requestRejected(const HttpRequest &request, const HttpResponse &response, const QString &reason) override
    {
        QMutexLocker lock(&mutex);
        rejected.append(QStringLiteral("%1 %2: %3").arg(response.status).arg(QString::fromLatin1(request.path), reason));
    }

    QMutex mutex;
    QStringList rejected;
    QSet<QThread *> threads;
    std::atomic<int> received{0};
};

// Answers after `delayMs`, from the worker's event loop: a request still in flight when the
// server is asked to stop.
class SlowHandler : public HttpRequestHandler
{
public:
    explicit SlowHandler(int delayMs) : m_delayMs(delayMs) {}
    void handleRequest(HttpRequest request, HttpResponder responder) override
    {
        ++started;
        HttpResponse response;
        response.body = QByteArray(64 * 1024, 'z') + request.path; // big enough to need flushing
        QTimer::singleShot(m_delayMs, [responder, response] { responder.respond(response); });
    }
    std::atomic<int> started{0};

private:
    int m_delayMs;
};

// Sends `lines` one at a time, one every `everyMs`, until the server answers or `maxMs` passes;
// returns what the server answered before closing.
QByteArray trickle(RawHttpClient &c, const QList<QByteArray> &lines, int everyMs, int maxMs)
{
    QElapsedTimer timer;
    timer.start();
    qsizetype next = 0;
    while (timer.elapsed() < maxMs && c.socket().state() == QAbstractSocket::ConnectedState) {
        if (next < lines.size())
            c.socket().write(lines.at(next++));
        c.socket().flush();
        // Paces the client; stops writing as soon as the server answers, so no write races the
        // server's close (a reset could discard the answer).
        if (c.socket().waitForReadyRead(everyMs) || c.socket().bytesAvailable() > 0)
            break;
    }
    c.waitForClose(1000);
    return c.pending();
}

} // namespace

class tst_HttpServer : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<WorkerPool> m_pool;
    EchoHandler m_handler;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;

private Q_SLOTS:
    void initTestCase()
    {
        m_pool = std::make_shared<WorkerPool>(2);
        m_server = std::make_unique<HttpServer>(m_pool, &m_handler);
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        m_port = m_server->port();
        QVERIFY(m_port != 0);
    }
    void cleanupTestCase()
    {
        m_server.reset();
        m_pool->shutdown();
    }

    void keepAlive()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        for (int i = 0; i < 3; ++i) {
            const RawResponse r = c.request("GET /a/" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY(r.complete);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body.contains(QByteArray("path=/a/" + QByteArray::number(i) + "\n")));
            QVERIFY(!r.hasHeader("Connection"));
            QVERIFY(r.hasHeader("Date"));
        }
        QCOMPARE(c.socket().state(), QAbstractSocket::ConnectedState);
        // Requests were served off the caller's thread.
        QMutexLocker lock(&m_handler.mutex);
        QVERIFY(!m_handler.threads.contains(QThread::currentThread()));
    }

    void pipeliningInOrder()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        // The first answer is delayed; the later ones are ready at once but must wait their turn.
        c.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
               "GET /fast1 HTTP/1.1\r\nHost: x\r\n\r\n"
               "POST /fast2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
        const RawResponse a = c.read();
        const RawResponse b = c.read();
        const RawResponse d = c.read();
        QVERIFY(a.complete && b.complete && d.complete);
        QVERIFY(a.body.contains("path=/slow\n"));
        QVERIFY(b.body.contains("path=/fast1\n"));
        QVERIFY(d.body.contains("path=/fast2\n"));
        QVERIFY(d.body.contains("body=abc\n"));
    }

    void chunkedBody()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("POST /chunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
               "5\r\nhello\r\n");
        QTest::qWait(30); // the body arrives in pieces
        c.send("6\r\n world\r\n0\r\n\r\n");
        const RawResponse r = c.read();
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("body=hello world\n"), r.body.constData());
        // The connection is still usable.
        QVERIFY(c.request("GET /after HTTP/1.1\r\nHost: x\r\n\r\n").body.contains("path=/after"));
    }

    void headHasNoBody()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse head = c.request("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n", true);
        QVERIFY(head.complete);
        QCOMPARE(head.status, 200);
        const int announced = head.header("Content-Length").toInt();
        QVERIFY(announced > 0); // the length a GET would have
        // No body bytes were sent: the next response starts right away.
        const RawResponse next = c.request("GET /h HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(next.complete);
        QCOMPARE(next.status, 200);
        QVERIFY(next.body.startsWith("method=GET\n"));
        QVERIFY(c.pending().isEmpty());
    }

    void malformedClosesOnlyThatConnection()
    {
        RawHttpClient good;
        QVERIFY(good.connectTo(m_port));
        QVERIFY(good.request("GET /before HTTP/1.1\r\nHost: x\r\n\r\n").complete);

        RawHttpClient bad;
        QVERIFY(bad.connectTo(m_port));
        const RawResponse r = bad.request("GET /x HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n");
        QVERIFY(r.complete);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QVERIFY(bad.waitForClose());

        RawHttpClient garbage;
        QVERIFY(garbage.connectTo(m_port));
        const RawResponse g = garbage.request("\x01\x02 not http at all\r\n\r\n");
        QCOMPARE(g.status, 400);
        QVERIFY(garbage.waitForClose());

        // The other connection keeps working, and new ones are accepted.
        const RawResponse after = good.request("GET /still HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(after.complete);
        QVERIFY(after.body.contains("path=/still"));
        RawHttpClient fresh;
        QVERIFY(fresh.connectTo(m_port));
        QCOMPARE(fresh.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);

        QMutexLocker lock(&m_handler.mutex);
        QVERIFY(std::any_of(m_handler.rejected.cbegin(), m_handler.rejected.cend(),
                            [](const QString &s) { return s.startsWith(QLatin1String("400")); }));
    }

    void bodyTooLargeDeclared()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 10485761\r\n\r\n");
        QVERIFY(r.complete);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.body, QByteArray("HTTP content length exceeded 10485760 bytes."));
        QVERIFY(c.waitForClose());
        QMutexLocker lock(&m_handler.mutex);
        QVERIFY(m_handler.rejected.contains(QStringLiteral("413 /big: request body larger than 10485760 bytes")));
    }

    void bodyTooLargeChunked()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("POST /bigchunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk(1024 * 1024, 'a');
        const QByteArray framed = QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        for (int i = 0; i < 11 && c.socket().state() == QAbstractSocket::ConnectedState; ++i)
            c.send(framed);
        const RawResponse r = c.read();
        QCOMPARE(r.status, 413);
        QCOMPARE(r.body, QByteArray("HTTP content length exceeded 10485760 bytes."));
    }

    void exactlyTenMegabytesIsAccepted()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const QByteArray body(10 * 1024 * 1024, 'b');
        c.send("POST /limit HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
        c.send(body);
        const RawResponse r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.size() > body.size());
    }

    void repeatedHeadersAndRawQuery()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("GET /q?b=2&a=%20+x&&c HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n"
                                        "X-B: 2\r\nx-a:  3  \r\n\r\n");
        QVERIFY(r.complete);
        QVERIFY(r.body.contains("query=b=2&a=%20+x&&c\n"));
        QVERIFY(r.body.contains("header:Host=x\nheader:X-A=1\nheader:X-B=2\nheader:x-a=3\n"));
        QVERIFY(r.body.contains("x-a=1\n")); // case-insensitive lookup returns the first
    }

    void connectionClose()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QVERIFY(c.waitForClose());

        RawHttpClient old;
        QVERIFY(old.connectTo(m_port));
        const RawResponse r10 = old.request("GET /old HTTP/1.0\r\n\r\n");
        QCOMPARE(r10.status, 200);
        QVERIFY(old.waitForClose());
    }

    void portInUse()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        HttpServer second(m_pool, &m_handler);
        QString error;
        QVERIFY(!second.listen(QHostAddress::LocalHost, blocker.serverPort(), &error));
        QVERIFY2(error.contains(QString::number(blocker.serverPort())), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("in use")), qPrintable(error));
        QVERIFY(!second.isListening());
    }

    void manyConnectionsSpreadOverWorkers()
    {
        {
            QMutexLocker lock(&m_handler.mutex);
            m_handler.threads.clear();
        }
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < 6; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>());
            QVERIFY(clients.back()->connectTo(m_port));
            QCOMPARE(clients.back()->request("GET /n HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        }
        QMutexLocker lock(&m_handler.mutex);
        QCOMPARE(m_handler.threads.size(), 2);
    }

    void expectContinue()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        // The client waits for the interim answer before sending the body.
        c.send("POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        const RawResponse interim = c.read(false, 5000);
        QVERIFY(interim.complete);
        QCOMPARE(interim.status, 100);
        c.send("hello");
        const RawResponse r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("body=hello\n"), r.body.constData());
    }

    void expectContinueWithoutBodyGetsOnlyTheAnswer()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("POST /empty HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                                        "Content-Length: 0\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(c.request("GET /next HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
    }

    void expectContinueWaitsForEarlierPipelinedAnswers()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        // The 100 belongs to the second request: it must not overtake the first one's answer.
        c.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
               "POST /second HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        const RawResponse first = c.read();
        QCOMPARE(first.status, 200);
        QVERIFY(first.body.contains("path=/slow\n"));
        const RawResponse interim = c.read();
        QCOMPARE(interim.status, 100);
        c.send("abc");
        const RawResponse second = c.read();
        QCOMPARE(second.status, 200);
        QVERIFY(second.body.contains("body=abc\n"));
    }

    void expectContinueRefusedWhenTooLarge()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("POST /huge HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10485761\r\n\r\n");
        const RawResponse r = c.read();
        QCOMPARE(r.status, 413); // and no 100 before it
        QCOMPARE(r.body, QByteArray("HTTP content length exceeded 10485760 bytes."));
        QVERIFY(c.waitForClose());
    }

    void urlTooLong()
    {
        RawHttpClient ok;
        QVERIFY(ok.connectTo(m_port));
        const QByteArray atLimit = "/" + QByteArray(8191, 'a'); // 8192 bytes
        QCOMPARE(ok.request("GET " + atLimit + " HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);

        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("GET /" + QByteArray(8192, 'a') + "?q=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(r.status, 414);
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QVERIFY(c.waitForClose());
        // The kept-alive neighbour is still served.
        QCOMPARE(ok.request("GET /after414 HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        QMutexLocker lock(&m_handler.mutex);
        QVERIFY(std::any_of(m_handler.rejected.cbegin(), m_handler.rejected.cend(),
                            [](const QString &s) { return s.startsWith(QLatin1String("414")); }));
    }

    void headersTooLarge()
    {
        // 9 headers of ~1 KB fit under AWS's 10 240 bytes…
        QByteArray fits;
        for (int i = 0; i < 9; ++i)
            fits += "X-Big-" + QByteArray::number(i) + ": " + QByteArray(1000, 'h') + "\r\n";
        RawHttpClient ok;
        QVERIFY(ok.connectTo(m_port));
        QCOMPARE(ok.request("GET /fits HTTP/1.1\r\nHost: x\r\n" + fits + "\r\n").status, 200);

        // …11 do not.
        QByteArray tooMany = fits;
        for (int i = 9; i < 11; ++i)
            tooMany += "X-Big-" + QByteArray::number(i) + ": " + QByteArray(1000, 'h') + "\r\n";
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("GET /big-headers HTTP/1.1\r\nHost: x\r\n" + tooMany + "\r\n");
        QCOMPARE(r.status, 431);
        QVERIFY(c.waitForClose());
        QCOMPARE(ok.request("GET /after431 HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
    }

    void slowlorisIsCutOffWhileOthersAreServed()
    {
        HttpServerOptions options;
        options.headerReadTimeoutMs = 300;
        options.idleTimeoutMs = 300;
        HttpServer server(m_pool, &m_handler, options);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));

        // Both workers get one slow client each, so a served neighbour proves no worker is held.
        RawHttpClient slow1, slow2;
        QVERIFY(slow1.connectTo(server.port()));
        QVERIFY(slow2.connectTo(server.port()));
        QElapsedTimer timer;
        timer.start();
        slow1.send("GET /slowloris HTTP/1.1\r\n");
        slow2.send("GET /slowloris HTTP/1.1\r\n");
        {
            // Served while both slow clients hold half-sent requests.
            RawHttpClient meanwhile;
            QVERIFY(meanwhile.connectTo(server.port()));
            QCOMPARE(meanwhile.request("GET /meanwhile HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        }
        QList<QByteArray> lines;
        for (int i = 0; i < 100; ++i)
            lines.append("X-Drip-" + QByteArray::number(i) + ": a\r\n");
        // One header line every 100 ms: well within any per-read timeout, never complete.
        const QByteArray answer = trickle(slow1, lines, 100, 5000);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(answer.startsWith("HTTP/1.1 408 "), answer.constData());
        QCOMPARE(slow1.socket().state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
        QVERIFY(slow2.waitForClose(2000));

        RawHttpClient after;
        QVERIFY(after.connectTo(server.port()));
        QCOMPARE(after.request("GET /after HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        QMutexLocker lock(&m_handler.mutex);
        QVERIFY(std::any_of(m_handler.rejected.cbegin(), m_handler.rejected.cend(),
                            [](const QString &s) { return s.startsWith(QLatin1String("408 /slowloris")); }));
    }

    void silentConnectionIsClosed()
    {
        HttpServerOptions options;
        options.headerReadTimeoutMs = 300;
        HttpServer server(m_pool, &m_handler, options);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        RawHttpClient c;
        QVERIFY(c.connectTo(server.port()));
        QVERIFY(c.waitForClose(3000)); // never sent a byte: closed without an answer
        QVERIFY(c.pending().isEmpty());
    }

    void stalledBodyTimesOut()
    {
        HttpServerOptions options;
        options.idleTimeoutMs = 300;
        HttpServer server(m_pool, &m_handler, options);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        RawHttpClient c;
        QVERIFY(c.connectTo(server.port()));
        const RawResponse r = c.request("POST /stalled HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
        QCOMPARE(r.status, 408);
        QVERIFY(c.waitForClose());
    }

    void idleKeepAliveIsClosed()
    {
        HttpServerOptions options;
        options.idleTimeoutMs = 300;
        HttpServer server(m_pool, &m_handler, options);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        RawHttpClient c;
        QVERIFY(c.connectTo(server.port()));
        QCOMPARE(c.request("GET /once HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        // A kept-alive connection that is used again in time stays open…
        QCOMPARE(c.request("GET /twice HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        // …and one left idle is closed quietly.
        QVERIFY(c.waitForClose(3000));
        QVERIFY(c.pending().isEmpty());
    }

    void gracefulStopFinishesRequestsInFlight()
    {
        auto pool = std::make_shared<WorkerPool>(2);
        SlowHandler handler(300);
        HttpServer server(pool, &handler);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const quint16 port = server.port();

        RawHttpClient idle;
        QVERIFY(idle.connectTo(port));
        QCOMPARE(idle.request("GET /warm HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);

        RawHttpClient busy;
        QVERIFY(busy.connectTo(port));
        busy.send("GET /in-flight HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(handler.started.load(), 2); // the handler has it: it is in flight

        server.close();
        pool->shutdown(5000); // blocks until the answer owed is written

        const RawResponse r = busy.read();
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.endsWith("/in-flight"));
        QCOMPARE(r.body.size(), 64 * 1024 + 10);
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QVERIFY(busy.waitForClose());
        QVERIFY(idle.waitForClose());

        RawHttpClient late;
        QVERIFY(!late.connectTo(port, 2000)); // nothing listens any more
    }
};

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
