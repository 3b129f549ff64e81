// Tests the SQLite trace history end to end: a runtime serving with traceDbPath gets a burst of
// requests over loopback (successes, gateway errors and proxied calls), stops, and the file read
// back with TraceStore::read holds one row per request, with its steps, ids and failures.
#include "runtime/runtimehost.h"
#include "runtime/trace/executionlog.h"
#include "runtime/trace/tracestore.h"

#include "tests/runtime/httpbackendfixture.h"
#include "tests/runtime/rawhttpclient.h"
#include "tests/runtime/testdocuments.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace Gw::Runtime;
using namespace Gw::Model;
using namespace GwTest;

class tst_TraceHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstLeavesOneRowPerRequest()
    {
        HttpBackendFixture backend;
        QVERIFY(backend.start());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dbPath = dir.filePath(QStringLiteral("history.sqlite"));

        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("ok"),
                    {mockMethod(QStringLiteral("GET"), QStringLiteral("{\"ok\":true}"))});
        Method proxy;
        proxy.id = QStringLiteral("mth_proxy");
        proxy.httpMethod = QStringLiteral("GET");
        proxy.integration.type = IntegrationType::HttpProxy;
        proxy.integration.uri = QStringLiteral("http://127.0.0.1:%1/b").arg(backend.port());
        addResource(api, QStringLiteral("res_root"), QStringLiteral("proxy"), {proxy});

        RuntimeHost host;
        RuntimeOptions options;
        options.traceDbPath = dbPath;
        QString error;
        QVERIFY2(host.start(documentWith(api), options, &error), qPrintable(error));
        QVERIFY(host.traceStore());
        const quint16 port = quint16(host.endpoints().first().baseUrl.port());

        // 300 requests from 3 keep-alive clients at once: 200 OK, 50 unrouted (403), 50 proxied.
        constexpr int clients = 3;
        constexpr int perClient = 100;
        // One list per client thread, each written by its thread only.
        std::vector<QStringList> ids(clients);
        std::vector<QStringList> failedIds(clients);
        std::vector<std::thread> threads;
        for (int c = 0; c < clients; ++c) {
            threads.emplace_back([&, c] {
                RawHttpClient client;
                if (!client.connectTo(port))
                    return;
                for (int i = 0; i < perClient; ++i) {
                    const int kind = (c * perClient + i) % 6; // 0..3 ok, 4 unrouted, 5 proxied
                    const QByteArray path = kind == 4 ? "/dev/missing" : kind == 5 ? "/dev/proxy" : "/dev/ok";
                    const RawResponse r = client.request("GET " + path + "?n=" + QByteArray::number(i)
                                                         + " HTTP/1.1\r\nHost: x\r\n\r\n");
                    if (!r.complete)
                        return;
                    const QString id = QString::fromLatin1(r.header("x-amzn-RequestId"));
                    ids[c].append(id);
                    if (r.status >= 400)
                        failedIds[c].append(id);
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QSet<QString> sent;
        QSet<QString> sentFailed;
        for (int c = 0; c < clients; ++c) {
            QCOMPARE(ids[c].size(), perClient);
            for (const QString &id : ids[c])
                sent.insert(id);
            for (const QString &id : failedIds[c])
                sentFailed.insert(id);
        }
        QCOMPARE(sent.size(), clients * perClient);
        QCOMPARE(sentFailed.size(), clients * perClient / 6);

        host.stop(); // flushes the writer: everything answered is in the file now

        TraceQuery all;
        all.limit = 10000;
        const QList<TracePtr> rows = TraceStore::read(dbPath, all, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), clients * perClient);
        QSet<QString> stored;
        for (const TracePtr &t : rows) {
            stored.insert(t->requestId);
            QVERIFY(t->steps.size() >= 3);
            QCOMPARE(t->steps.first().name, QStringLiteral("receive"));
            QCOMPARE(t->steps.last().name, QStringLiteral("respond"));
            QVERIFY(t->durationUs > 0);
            if (t->path == QLatin1String("/dev/ok")) {
                QCOMPARE(t->status, 200);
                QCOMPARE(t->steps.size(), 11); // every stage of the pipeline
                QCOMPARE(t->responseBody, QByteArray("{\"ok\":true}"));
            } else if (t->path == QLatin1String("/dev/proxy")) {
                QCOMPARE(t->status, 200);
                QCOMPARE(t->endpointUri, QStringLiteral("http://127.0.0.1:%1/b?%2").arg(backend.port()).arg(t->rawQuery));
                QCOMPARE(t->endpointStatus, 200);
                // The history keeps the integration exchange: the execution log shows it.
                const QString log = executionLog(*t);
                QVERIFY2(log.contains(QStringLiteral("Endpoint request URI: ") + t->endpointUri), qPrintable(log));
                QVERIFY(log.contains(QLatin1String("Received response. Status: 200")));
            } else {
                QCOMPARE(t->status, 403);
                QCOMPARE(t->errorType, QStringLiteral("MISSING_AUTHENTICATION_TOKEN"));
            }
        }
        QCOMPARE(stored, sent);

        TraceQuery failed;
        failed.failedOnly = true;
        failed.limit = 10000;
        const QList<TracePtr> failedRows = TraceStore::read(dbPath, failed, &error);
        QSet<QString> storedFailed;
        for (const TracePtr &t : failedRows)
            storedFailed.insert(t->requestId);
        QCOMPARE(storedFailed, sentFailed);
    }

    void retentionPrunesOldest()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dbPath = dir.filePath(QStringLiteral("small.sqlite"));
        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("ok"),
                    {mockMethod(QStringLiteral("GET"), QStringLiteral("{}"))});
        RuntimeHost host;
        RuntimeOptions options;
        options.traceDbPath = dbPath;
        options.traceRetention = 50;
        QString error;
        QVERIFY2(host.start(documentWith(api), options, &error), qPrintable(error));
        RawHttpClient client;
        QVERIFY(client.connectTo(quint16(host.endpoints().first().baseUrl.port())));
        QStringList ids;
        for (int i = 0; i < 120; ++i) {
            const RawResponse r = client.request("GET /dev/ok HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(r.status, 200);
            ids.append(QString::fromLatin1(r.header("x-amzn-RequestId")));
        }
        host.stop();
        TraceQuery all;
        all.limit = 1000;
        const QList<TracePtr> rows = TraceStore::read(dbPath, all, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 50);
        // Newest first: the last 50 requests, in reverse order.
        for (int i = 0; i < 50; ++i)
            QCOMPARE(rows.at(i)->requestId, ids.at(ids.size() - 1 - i));
    }
};

QTEST_GUILESS_MAIN(tst_TraceHistory)
#include "tst_tracehistory.moc"
