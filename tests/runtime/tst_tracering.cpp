// Tests the bounded trace ring: eviction, lookup by request id, newest-first listing, capacity
// changes and concurrent writers.
#include "runtime/trace/tracering.h"

#include <QTest>
#include <QThread>

using namespace Gw::Runtime;

static TracePtr makeTrace(int i)
{
    auto t = std::make_shared<Trace>();
    t->requestId = QStringLiteral("req-%1").arg(i);
    t->status = 200;
    return t;
}

class tst_TraceRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evictsOldest()
    {
        TraceRing ring(3);
        QCOMPARE(ring.capacity(), 3);
        for (int i = 0; i < 5; ++i)
            ring.add(makeTrace(i));
        QCOMPARE(ring.size(), 3);
        QVERIFY(!ring.find(QStringLiteral("req-1")));
        QVERIFY(ring.find(QStringLiteral("req-2")));
        QCOMPARE(ring.find(QStringLiteral("req-4"))->requestId, QStringLiteral("req-4"));
        const QList<TracePtr> latest = ring.latest(10);
        QCOMPARE(latest.size(), 3);
        QCOMPARE(latest.at(0)->requestId, QStringLiteral("req-4"));
        QCOMPARE(latest.at(2)->requestId, QStringLiteral("req-2"));
        QCOMPARE(ring.latest(1).size(), 1);
    }

    void defaultCapacity()
    {
        TraceRing ring;
        QCOMPARE(ring.capacity(), 1000);
    }

    void capacityChangeKeepsNewest()
    {
        TraceRing ring(5);
        for (int i = 0; i < 5; ++i)
            ring.add(makeTrace(i));
        ring.setCapacity(2);
        QCOMPARE(ring.size(), 2);
        QCOMPARE(ring.latest(5).first()->requestId, QStringLiteral("req-4"));
        QVERIFY(!ring.find(QStringLiteral("req-2")));
        ring.add(makeTrace(9));
        QCOMPARE(ring.latest(5).first()->requestId, QStringLiteral("req-9"));
        QVERIFY(!ring.find(QStringLiteral("req-3")));
        ring.clear();
        QCOMPARE(ring.size(), 0);
        QVERIFY(ring.latest(3).isEmpty());
    }

    void concurrentWriters()
    {
        TraceRing ring(100);
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&ring, t] {
                for (int i = 0; i < 2000; ++i)
                    ring.add(makeTrace(t * 10000 + i));
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(ring.size(), 100);
        for (const TracePtr &t : ring.latest(100))
            QCOMPARE(ring.find(t->requestId), t);
    }
};

QTEST_GUILESS_MAIN(tst_TraceRing)
#include "tst_tracering.moc"
