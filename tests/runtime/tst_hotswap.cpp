// Tests hot swap under load: clients keep sending keep-alive requests (MOCK and HTTP_PROXY
// routes) while the API is replaced several times through RuntimeHost::update(); no request may
// fail, each client sees versions only move forward, and the last version answers at the end.
#include "runtime/runtimehost.h"

#include "tests/runtime/httpbackendfixture.h"
#include "tests/runtime/rawhttpclient.h"
#include "tests/runtime/testdocuments.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace Gw::Runtime;
using namespace Gw::Model;
using namespace GwTest;

namespace {

// Version `v` of the API: MOCK GET /v answers {"v":v}; GET /p proxies to the backend with the
// version in the URI, so a proxied answer also tells which snapshot served it.
std::shared_ptr<const ApiDocument> version(int v, quint16 backendPort)
{
    Api api = restApi();
    addResource(api, QStringLiteral("res_root"), QStringLiteral("v"),
                {mockMethod(QStringLiteral("GET"), QStringLiteral("{\"v\":%1}").arg(v))});
    Method proxy;
    proxy.id = QStringLiteral("mth_p");
    proxy.httpMethod = QStringLiteral("GET");
    proxy.integration.type = IntegrationType::HttpProxy;
    proxy.integration.httpMethod = QStringLiteral("GET");
    proxy.integration.uri = QStringLiteral("http://127.0.0.1:%1/version/%2").arg(backendPort).arg(v);
    addResource(api, QStringLiteral("res_root"), QStringLiteral("p"), {proxy});
    return documentWith(api);
}

struct ClientResult
{
    int ok = 0;
    QStringList failures;
    QList<int> versions; // in the order seen
};

} // namespace

class tst_HotSwap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void swapUnderLoad()
    {
        // The backend answers {"v":N} from the URI it was called with.
        HttpBackendFixture backend([](const BackendSeenRequest &r) {
            const QByteArray v = r.target.mid(r.target.lastIndexOf('/') + 1);
            return BackendReply::answer(200, "{\"v\":" + v + "}");
        });
        QVERIFY(backend.start());

        RuntimeHost host;
        RuntimeOptions options;
        options.workerThreads = 2;
        QString error;
        QVERIFY2(host.start(version(1, backend.port()), options, &error), qPrintable(error));
        const quint16 port = quint16(host.endpoints().first().baseUrl.port());

        constexpr int clients = 4;
        constexpr int requestsPerClient = 500;
        constexpr int lastVersion = 6;
        // Version v is published once every client sent window*(v-1) requests, while they keep
        // going; a client that reaches window*(v-1) + window/2 waits for it. Swaps thus always
        // land in the middle of the load, however the threads are scheduled.
        constexpr int window = 80;
        std::atomic<int> done{0};
        std::mutex publishedMutex;
        std::condition_variable publishedChanged;
        int published = 1;
        std::vector<ClientResult> results(clients);
        std::vector<std::thread> threads;
        for (int c = 0; c < clients; ++c) {
            threads.emplace_back([&, c] {
                ClientResult &result = results[size_t(c)];
                RawHttpClient client; // lives on this thread: its socket is used only here
                if (!client.connectTo(port)) {
                    result.failures.append(QStringLiteral("cannot connect"));
                    return;
                }
                for (int i = 0; i < requestsPerClient; ++i) {
                    if (i % window == window / 2) {
                        const int needed = qMin(lastVersion, 1 + i / window);
                        std::unique_lock lock(publishedMutex);
                        if (!publishedChanged.wait_for(lock, std::chrono::seconds(60),
                                                       [&] { return published >= needed; })) {
                            result.failures.append(QStringLiteral("version %1 was never published").arg(needed));
                            return;
                        }
                    }
                    const QByteArray path = (i % 2) ? "/dev/p" : "/dev/v";
                    const RawResponse r = client.request("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
                    ++done;
                    const int v = QJsonDocument::fromJson(r.body).object().value("v").toInt();
                    if (!r.complete || r.status != 200 || v < 1 || v > lastVersion) {
                        result.failures.append(QStringLiteral("request %1 %2: %3 %4")
                                                   .arg(i).arg(QString::fromLatin1(path)).arg(r.status)
                                                   .arg(QString::fromUtf8(r.body)));
                        if (!r.complete)
                            return; // the connection is unusable now
                        continue;
                    }
                    ++result.ok;
                    result.versions.append(v);
                }
            });
        }

        // Swap to versions 2..6 while the load runs.
        for (int v = 2; v <= lastVersion; ++v) {
            QTRY_VERIFY_WITH_TIMEOUT(done.load() >= clients * window * (v - 1), 60000);
            host.update(version(v, backend.port()));
            {
                std::lock_guard lock(publishedMutex);
                published = v;
            }
            publishedChanged.notify_all();
        }
        for (std::thread &t : threads)
            t.join();

        int seenLast = 0;
        QSet<int> seen;
        for (const ClientResult &r : results) {
            QVERIFY2(r.failures.isEmpty(), qPrintable(r.failures.mid(0, 5).join('\n')));
            QCOMPARE(r.ok, requestsPerClient);
            // Every request starts after the previous one finished: versions never go back.
            for (qsizetype i = 1; i < r.versions.size(); ++i)
                QVERIFY2(r.versions.at(i) >= r.versions.at(i - 1),
                         qPrintable(QStringLiteral("version %1 after %2").arg(r.versions.at(i)).arg(r.versions.at(i - 1))));
            for (int v : r.versions)
                seen.insert(v);
            seenLast += r.versions.count(lastVersion);
        }
        // Every version answered during the load, the last one included.
        QCOMPARE(seen.size(), lastVersion);
        QVERIFY(seenLast > 0);

        // After the load, a new connection gets the last version on both routes.
        RawHttpClient after;
        QVERIFY(after.connectTo(port));
        for (const QByteArray &path : {QByteArray("/dev/v"), QByteArray("/dev/p")}) {
            const RawResponse r = after.request("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(r.status, 200);
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value("v").toInt(), lastVersion);
        }
        host.stop();
    }

    void swapAddsAndRemovesRoutes()
    {
        HttpBackendFixture backend;
        QVERIFY(backend.start());
        RuntimeHost host;
        QString error;
        QVERIFY2(host.start(version(1, backend.port()), {}, &error), qPrintable(error));
        const quint16 port = quint16(host.endpoints().first().baseUrl.port());
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        QCOMPARE(client.request("GET /dev/extra HTTP/1.1\r\nHost: x\r\n\r\n").status, 403);

        // A new resource appears on the same kept-alive connection after the swap...
        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("extra"),
                    {mockMethod(QStringLiteral("GET"), QStringLiteral("{\"extra\":true}"))});
        host.update(documentWith(api));
        RawResponse r = client.request("GET /dev/extra HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"extra\":true}"));
        // ...and the old ones are gone.
        r = client.request("GET /dev/v HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(r.status, 403);
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
    }
};

QTEST_GUILESS_MAIN(tst_HotSwap)
#include "tst_hotswap.moc"
