// Tests the SQLite trace history: writes off the caller's thread, queries, pruning, JSON round trip.
#include "runtime/trace/har.h"
#include "runtime/trace/tracejson.h"
#include "runtime/trace/tracestore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Gw::Runtime;

class TestTraceStore : public QObject
{
    Q_OBJECT

private:
    static TracePtr makeTrace(int i, int status, const QByteArray &body = "{}")
    {
        Trace t;
        t.requestId = QStringLiteral("req-%1").arg(i);
        t.startedAt = QDateTime::currentDateTimeUtc();
        t.durationUs = 1000 + i;
        t.apiName = QStringLiteral("PetStore");
        t.stage = QStringLiteral("dev");
        t.routeKey = QStringLiteral("GET /pets");
        t.method = QStringLiteral("GET");
        t.path = QStringLiteral("/dev/pets/%1").arg(i);
        t.rawQuery = QStringLiteral("a=1&a=2");
        t.requestHeaders = {{"Host", "127.0.0.1"}, {"X-Dup", "1"}, {"X-Dup", "2"}};
        t.requestBody = body;
        t.status = status;
        t.responseHeaders = {{"Content-Type", "application/json"}};
        t.responseBody = "{\"ok\":true}";
        TraceStep route;
        route.name = QStringLiteral("route");
        route.notes << QStringLiteral("matched GET /pets");
        t.steps << route;
        if (status >= 400) {
            TraceStep fail;
            fail.name = QStringLiteral("integrate");
            fail.outcome = TraceStep::Outcome::Fail;
            fail.notes << QStringLiteral("backend unreachable");
            t.steps << fail;
        }
        return std::make_shared<const Trace>(t);
    }

private Q_SLOTS:
    void jsonRoundTripKeepsEverything()
    {
        const TracePtr t = makeTrace(1, 500, QByteArray("\xff\xfe binary", 9));
        const Trace back = traceFromJson(traceToJson(*t));
        QCOMPARE(back.requestId, t->requestId);
        QCOMPARE(back.requestHeaders, t->requestHeaders);
        QCOMPARE(back.requestBody, t->requestBody); // not UTF-8: must survive as base64
        QCOMPARE(back.steps, t->steps);
        QCOMPARE(back.status, 500);
        QCOMPARE(back.startedAt.toMSecsSinceEpoch(), t->startedAt.toMSecsSinceEpoch());
    }

    void burstFromManyThreadsLandsInSqlite()
    {
        QTemporaryDir dir;
        // A queue that holds the whole in-memory burst: this test is about threads and queries;
        // dropping under overload has its own test below.
        TraceStore store(dir.filePath(QStringLiteral("traces.sqlite")), 100000, 1000);
        QCOMPARE(store.open(), QString());
        std::vector<std::thread> writers;
        for (int w = 0; w < 4; ++w) {
            writers.emplace_back([&store, w] {
                for (int i = 0; i < 250; ++i)
                    store.append(makeTrace(w * 1000 + i, i % 10 == 0 ? 502 : 200));
            });
        }
        for (auto &t : writers)
            t.join();
        store.flush();
        QCOMPARE(store.count(), qint64(1000));

        TraceQuery failed;
        failed.failedOnly = true;
        failed.limit = 0;
        const auto failures = store.query(failed);
        QCOMPARE(failures.size(), 100);
        for (const auto &t : failures) {
            QCOMPARE(t->status, 502);
            QVERIFY(t->failingStep());
            QCOMPARE(t->failingStep()->name, QStringLiteral("integrate"));
        }

        TraceQuery search;
        search.text = QStringLiteral("/dev/pets/3007");
        QCOMPARE(store.query(search).size(), 1);
        QVERIFY(store.find(QStringLiteral("req-2042")));
        QVERIFY(!store.find(QStringLiteral("nope")));
    }

    void prunesToRetainedCount()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sqlite"));
        {
            TraceStore store(path, 50);
            QCOMPARE(store.open(), QString());
            for (int i = 0; i < 180; ++i)
                store.append(makeTrace(i, 200));
        } // destructor drains the queue
        QString error;
        TraceQuery all;
        all.limit = 0;
        const auto kept = TraceStore::read(path, all, &error);
        QCOMPARE(error, QString());
        QCOMPARE(kept.size(), 50);
        QCOMPARE(kept.constFirst()->requestId, QStringLiteral("req-179")); // newest first
    }

    void aWriterFallingBehindDropsInsteadOfGrowing()
    {
        // A load test can outrun SQLite; the queue must stay bounded and count what it dropped.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sqlite"));
        const int total = 5000;
        qint64 dropped = 0;
        {
            TraceStore store(path, 100000, 8);
            QCOMPARE(store.open(), QString());
            for (int i = 0; i < total; ++i)
                store.append(makeTrace(i, 200));
            store.flush();
            dropped = store.droppedCount();
            QCOMPARE(store.count() + dropped, qint64(total));
        }
        QVERIFY2(dropped > 0, "an in-memory loop should outrun the writer with a queue of 8");
    }

    void readRefusesSomethingElse()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database at all, just text");
        f.close();
        QString error;
        const auto none = TraceStore::read(path, {}, &error);
        QVERIFY(none.isEmpty());
        QVERIFY2(!error.isEmpty(), "a file that is not a trace store must be reported");
    }

    void harHasTheShapeOf12()
    {
        const QJsonObject har = tracesToHar({makeTrace(1, 200, "{\"name\":\"rex\"}")});
        const QJsonObject log = har.value(QStringLiteral("log")).toObject();
        QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
        const QJsonObject e = log.value(QStringLiteral("entries")).toArray().at(0).toObject();
        const QJsonObject req = e.value(QStringLiteral("request")).toObject();
        QCOMPARE(req.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(req.value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://127.0.0.1/dev/pets/1?a=1&a=2"));
        QCOMPARE(req.value(QStringLiteral("queryString")).toArray().size(), 2);
        QCOMPARE(req.value(QStringLiteral("headers")).toArray().size(), 3);
        QCOMPARE(e.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 200);
        for (const char *key : {"startedDateTime", "time", "cache", "timings"})
            QVERIFY2(e.contains(QLatin1String(key)), key);
    }
};

QTEST_GUILESS_MAIN(TestTraceStore)
#include "tst_tracestore.moc"
