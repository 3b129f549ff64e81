// API keys, usage plans and throttling over loopback (reference §1.9, §1.10): x-api-key checked
// against enabled keys bound to this API stage (403 Forbidden otherwise), token buckets at the
// usage-plan, method and HTTP route levels (429 Too Many Requests), quotas (429 Limit Exceeded)
// that survive a restart, and the trace saying which limit decided and what quota remains.
#include "policytest.h"

#include "runtime/policies/quotastore.h"
#include "runtime/policies/throttlebuckets.h"
#include "runtime/policies/tokenbucket.h"
#include "tests/runtime/testdocuments.h"

#include <QTemporaryDir>

#include <atomic>
#include <thread>
#include <vector>

using namespace Gw::Runtime;
using GwTest::RawResponse;

namespace {

Gw::Model::ApiKey key(const QString &id, const QString &value, bool enabled = true)
{
    Gw::Model::ApiKey k;
    k.id = id;
    k.name = id.mid(4);
    k.value = value;
    k.enabled = enabled;
    return k;
}

Gw::Model::UsagePlan plan(const QString &id, const QStringList &keys, const QString &stage = QStringLiteral("dev"))
{
    Gw::Model::UsagePlan p;
    p.id = id;
    p.name = id.mid(5);
    p.apiStages = {{QStringLiteral("api_rest"), stage}};
    p.apiKeyIds = keys;
    return p;
}

} // namespace

class tst_UsagePlans : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_port = 0;

    RawResponse get(const QByteArray &path, const QByteArray &apiKey = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!apiKey.isEmpty())
            headers.append({"x-api-key", apiKey});
        return GwTest::request(m_port, "GET", "/dev" + path, headers);
    }

    static std::shared_ptr<Gw::Model::ApiDocument> document()
    {
        Gw::Model::Api api = GwTest::restApi();
        Gw::Model::Method keyed = GwTest::mockMethod(QStringLiteral("GET"), QStringLiteral("keyed $context.identity.apiKeyId"), 200,
                                                     QStringLiteral("mth_keyed"));
        keyed.apiKeyRequired = true;
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("keyed"), {keyed});
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("open"),
                            {GwTest::mockMethod(QStringLiteral("GET"), QStringLiteral("open"), 200, QStringLiteral("mth_open"))});
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("limited"),
                            {GwTest::mockMethod(QStringLiteral("GET"), QStringLiteral("limited"), 200, QStringLiteral("mth_limited"))});
        Gw::Model::ThrottleSettings slow;
        slow.rateLimit = 0.01; // one token per 100 s: nothing refills during the test
        slow.burstLimit = 2;
        api.stages[0].methodThrottle.insert(QStringLiteral("/limited/GET"), slow);

        auto doc = std::make_shared<Gw::Model::ApiDocument>();
        doc->apis.append(api);
        doc->apiKeys = {key(QStringLiteral("key_gold"), QStringLiteral("gold-key-0123456789abcdef")),
                        key(QStringLiteral("key_off"), QStringLiteral("disabled-key-0123456789ab"), false),
                        key(QStringLiteral("key_orphan"), QStringLiteral("orphan-key-0123456789abcd")),
                        key(QStringLiteral("key_prod"), QStringLiteral("prod-only-key-0123456789a")),
                        key(QStringLiteral("key_burst"), QStringLiteral("burst-key-0123456789abcde")),
                        key(QStringLiteral("key_quota"), QStringLiteral("quota-key-0123456789abcde")),
                        key(QStringLiteral("key_quota2"), QStringLiteral("quota2-key-0123456789abcd"))};
        Gw::Model::UsagePlan gold = plan(QStringLiteral("plan_gold"), {QStringLiteral("key_gold"), QStringLiteral("key_off")});
        Gw::Model::UsagePlan prod = plan(QStringLiteral("plan_prod"), {QStringLiteral("key_prod")}, QStringLiteral("prod"));
        Gw::Model::UsagePlan burst = plan(QStringLiteral("plan_burst"), {QStringLiteral("key_burst")});
        burst.throttle.rateLimit = 0.01;
        burst.throttle.burstLimit = 3;
        Gw::Model::UsagePlan quota = plan(QStringLiteral("plan_quota"), {QStringLiteral("key_quota"), QStringLiteral("key_quota2")});
        quota.quota = Gw::Model::QuotaSettings{3, Gw::Model::QuotaPeriod::Day, 0};
        doc->usagePlans = {gold, prod, burst, quota};
        return doc;
    }

    void startHost()
    {
        m_host = std::make_unique<RuntimeHost>();
        QString error;
        QVERIFY2(m_host->start(document(), RuntimeOptions(), &error), qPrintable(error));
        m_port = quint16(m_host->endpoints().constFirst().baseUrl.port());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("APIGW_STUDIO_QUOTA_FILE", m_dir.filePath(QStringLiteral("quotas.json")).toLocal8Bit());
        startHost();
    }

    void cleanupTestCase() { m_host.reset(); }

    void methodWithoutKeyRequirementIsOpen()
    {
        QCOMPARE(get("/open").status, 200);
    }

    void refusedKeys_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << QByteArray() << QStringLiteral("no API key in the request");
        QTest::newRow("unknown") << QByteArray("not-a-key-0123456789abcdef") << QStringLiteral("matches no key");
        QTest::newRow("disabled") << QByteArray("disabled-key-0123456789ab") << QStringLiteral("is disabled");
        QTest::newRow("in no plan") << QByteArray("orphan-key-0123456789abcd") << QStringLiteral("belongs to no usage plan");
        QTest::newRow("other stage") << QByteArray("prod-only-key-0123456789a") << QStringLiteral("belongs to no usage plan");
    }

    void refusedKeys()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, reason);
        const RawResponse r = get("/keyed", value);
        QCOMPARE(r.status, 403);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Forbidden"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("ForbiddenException"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("apiKey"));
        QVERIFY2(notes.contains(reason), qPrintable(notes));
    }

    void acceptedKeyNamesItsPlan()
    {
        const RawResponse r = get("/keyed", "gold-key-0123456789abcdef");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("keyed key_gold"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("apiKey"));
        QVERIFY2(notes.contains(QLatin1String("usage plan 'gold'")), qPrintable(notes));
    }

    void methodThrottleBurst()
    {
        QCOMPARE(get("/limited").status, 200);
        QCOMPARE(get("/limited").status, 200);
        const RawResponse r = get("/limited");
        QCOMPARE(r.status, 429);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Too Many Requests"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("TooManyRequestsException"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("throttle"));
        QVERIFY2(notes.contains(QLatin1String("method setting /limited/GET")), qPrintable(notes));
        // Another method has its own bucket.
        QCOMPARE(get("/open").status, 200);
    }

    void usagePlanThrottlePerKey()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get("/keyed", "burst-key-0123456789abcde").status, 200);
        const RawResponse r = get("/keyed", "burst-key-0123456789abcde");
        QCOMPARE(r.status, 429);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Too Many Requests"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("throttle"));
        QVERIFY2(notes.contains(QLatin1String("usage plan 'burst'")), qPrintable(notes));
        // Other keys are not affected by this key's bucket.
        QCOMPARE(get("/keyed", "gold-key-0123456789abcdef").status, 200);
    }

    void quotaExceededAndPersistedAcrossRestart()
    {
        for (int i = 0; i < 3; ++i) {
            const RawResponse ok = get("/keyed", "quota-key-0123456789abcde");
            QCOMPARE(ok.status, 200);
            const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, ok), QStringLiteral("throttle"));
            QVERIFY2(notes.contains(QStringLiteral("remaining quota %1").arg(2 - i)), qPrintable(notes));
        }
        RawResponse r = get("/keyed", "quota-key-0123456789abcde");
        QCOMPARE(r.status, 429);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Limit Exceeded"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("LimitExceededException"));
        QVERIFY(GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("throttle")).contains(QLatin1String("Limit Exceeded")));

        // A restart (a new gateway reading the same quota file) does not reset the count.
        m_host.reset();
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("quotas.json"))));
        startHost();
        QCOMPARE(get("/keyed", "quota-key-0123456789abcde").status, 429);
        // Quotas are per key.
        QCOMPARE(get("/keyed", "quota2-key-0123456789abcd").status, 200);
    }

    void httpApiRouteThrottle()
    {
        Gw::Model::Api api = GwTest::httpApi();
        Gw::Model::Route limited = GwTest::route(QStringLiteral("GET /limited"));
        limited.integration.type = Gw::Model::IntegrationType::Mock;
        limited.throttle.rateLimit = 0.01;
        limited.throttle.burstLimit = 1;
        Gw::Model::Route open = GwTest::route(QStringLiteral("GET /open"));
        open.integration.type = Gw::Model::IntegrationType::Mock;
        api.routes = {limited, open};
        RuntimeHost host;
        QString error;
        QVERIFY2(host.start(GwTest::documentWith(api), RuntimeOptions(), &error), qPrintable(error));
        const quint16 port = quint16(host.endpoints().constFirst().baseUrl.port());
        QCOMPARE(GwTest::request(port, "GET", "/limited").status, 200);
        const RawResponse r = GwTest::request(port, "GET", "/limited");
        QCOMPARE(r.status, 429);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("Too Many Requests"));
        QCOMPARE(GwTest::request(port, "GET", "/open").status, 200);
    }

    void tokenBucketRefills()
    {
        TokenBucket bucket;
        const auto t0 = TokenBucket::Clock::now();
        QVERIFY(bucket.tryTake(2, 2, t0));
        QVERIFY(bucket.tryTake(2, 2, t0));
        QVERIFY(!bucket.tryTake(2, 2, t0));
        QVERIFY(!bucket.tryTake(2, 2, t0 + std::chrono::milliseconds(400))); // 0.8 token
        QVERIFY(bucket.tryTake(2, 2, t0 + std::chrono::milliseconds(600)));  // 1.2 tokens
        // Never more than the burst, however long it waited.
        const auto later = t0 + std::chrono::seconds(60);
        QVERIFY(bucket.tryTake(2, 2, later));
        QVERIFY(bucket.tryTake(2, 2, later));
        QVERIFY(!bucket.tryTake(2, 2, later));
        TokenBucket closed;
        QVERIFY(!closed.tryTake(100, 0, t0)); // burst 0 lets nothing through
    }

    void bucketsAreSharedAcrossThreads()
    {
        // Worker threads share one bucket per limit: a burst of 100 lets exactly 100 through,
        // however many threads race for it.
        ThrottleBuckets buckets;
        const ThrottleBucketKey key{ThrottleBucketKey::Level::Method, QStringLiteral("api"), QStringLiteral("dev"),
                                    QStringLiteral("/pets"), QStringLiteral("GET")};
        std::atomic<int> passed{0};
        const auto now = TokenBucket::Clock::now();
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 1000; ++i) {
                    if (buckets.bucket(key).tryTake(0, 100, now))
                        ++passed;
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(passed.load(), 100);
        QCOMPARE(buckets.size(), 1);
    }

    void quotaPeriods()
    {
        const QDateTime wednesday(QDate(2026, 11, 25), QTime(15, 0), Qt::UTC);
        Gw::Model::QuotaSettings week{10, Gw::Model::QuotaPeriod::Week, 0};
        QCOMPARE(QuotaStore::period(week, wednesday).first.date(), QDate(2026, 11, 22)); // Sunday
        week.offset = 1;
        QCOMPARE(QuotaStore::period(week, wednesday).first.date(), QDate(2026, 11, 23)); // Monday
        Gw::Model::QuotaSettings month{10, Gw::Model::QuotaPeriod::Month, 0};
        QCOMPARE(QuotaStore::period(month, wednesday).first.date(), QDate(2026, 11, 1));
        QCOMPARE(QuotaStore::period(month, wednesday).second.date(), QDate(2026, 12, 1));
        Gw::Model::QuotaSettings day{10, Gw::Model::QuotaPeriod::Day, 0};
        QCOMPARE(QuotaStore::period(day, wednesday).first, QDateTime(QDate(2026, 11, 25), QTime(0, 0), Qt::UTC));
    }
};

QTEST_GUILESS_MAIN(tst_UsagePlans)
#include "tst_usageplans.moc"
