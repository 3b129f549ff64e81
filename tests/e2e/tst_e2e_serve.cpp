// End to end: loads the PetStore REST sample, serves it with RuntimeHost on an ephemeral port and
// speaks real HTTP to it: MOCK routes answer their configured bodies, unknown paths get AWS's 403,
// every request leaves a trace in order, and an edit is served without a restart.
#include "model/serialization/projectfile.h"
#include "runtime/pipeline/pipeline.h"
#include "runtime/runtimehost.h"
#include "runtime/trace/tracering.h"

#include "tests/runtime/rawhttpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Gw::Runtime;
using GwTest::RawHttpClient;
using GwTest::RawResponse;

class tst_E2eServe : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<Gw::Model::ApiDocument> m_doc;
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_port = 0;

    // Traces from the spy whose path is `path` (a spy may also see traces of earlier requests:
    // emission is queued to the host's thread).
    static QList<TracePtr> tracesFor(const QSignalSpy &spy, const QString &path)
    {
        QList<TracePtr> out;
        for (const QList<QVariant> &args : spy) {
            const TracePtr t = args.first().value<TracePtr>();
            if (t->path == path)
                out.append(t);
        }
        return out;
    }

    static QStringList stepNames(const TracePtr &t)
    {
        QStringList names;
        for (const TraceStep &s : t->steps)
            names.append(s.name);
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = Gw::Model::ProjectFile::load(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json"));
        QVERIFY2(loaded.ok(), loaded.diagnostics().isEmpty() ? "load failed"
                                                             : qPrintable(loaded.diagnostics().first().message));
        m_doc = std::make_shared<Gw::Model::ApiDocument>(loaded.take());
        m_host = std::make_unique<RuntimeHost>();
        QSignalSpy running(m_host.get(), &RuntimeHost::runningChanged);
        RuntimeOptions options;
        options.port = 0;
        options.projectDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        QString error;
        QVERIFY2(m_host->start(m_doc, options, &error), qPrintable(error));
        QVERIFY(m_host->isRunning());
        QCOMPARE(running.size(), 1);
        const QList<ApiEndpoint> endpoints = m_host->endpoints();
        QCOMPARE(endpoints.size(), m_doc->apis.size());
        QCOMPARE(endpoints.first().apiName, m_doc->apis.first().name);
        QCOMPARE(endpoints.first().baseUrl.host(), QStringLiteral("127.0.0.1"));
        m_port = quint16(endpoints.first().baseUrl.port());
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase()
    {
        m_host->stop();
        QVERIFY(!m_host->isRunning());
    }

    void healthMock()
    {
        QSignalSpy traces(m_host.get(), &RuntimeHost::traceRecorded);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("GET /dev/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"status\":\"ok\"}"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        const QByteArray requestId = r.header("x-amzn-RequestId");
        QCOMPARE(requestId.size(), 36);
        QVERIFY(r.hasHeader("x-amz-apigw-id"));

        QTRY_COMPARE(tracesFor(traces, QStringLiteral("/dev/health")).size(), 1);
        const TracePtr t = tracesFor(traces, QStringLiteral("/dev/health")).first();
        QCOMPARE(t->requestId, QString::fromLatin1(requestId));
        QCOMPARE(stepNames(t), Pipeline::stageOrder());
        QCOMPARE(t->status, 200);
        QCOMPARE(t->routeKey, QStringLiteral("GET /health"));
        QCOMPARE(t->apiName, m_doc->apis.first().name);
        QCOMPARE(t->stage, QStringLiteral("dev"));
        QVERIFY(t->clientAddress.startsWith(QLatin1String("127.0.0.1:")));
        QCOMPARE(m_host->traces()->find(t->requestId), t);
    }

    void petsListWithStaticHeader()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("GET /dev/pets HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        const QJsonArray pets = QJsonDocument::fromJson(r.body).array();
        QCOMPARE(pets.size(), 3);
        QCOMPARE(pets.at(1).toObject().value("type").toString(), QStringLiteral("cat"));
    }

    void unknownPathIsMissingAuthenticationToken()
    {
        QSignalSpy traces(m_host.get(), &RuntimeHost::traceRecorded);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        for (const QByteArray &path : {QByteArray("/dev/nope"), QByteArray("/nostage"), QByteArray("/dev/pets/1/x")}) {
            const RawResponse r = c.request("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            QCOMPARE(r.status, 403);
            QCOMPARE(r.body, QByteArray("{\"message\":\"Missing Authentication Token\"}"));
            QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
            QVERIFY(r.hasHeader("x-amzn-RequestId"));
            // The sample's DEFAULT_4XX override adds CORS to every 4xx gateway response.
            QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        }
        QTRY_COMPARE(tracesFor(traces, QStringLiteral("/dev/nope")).size(), 1);
        const TracePtr t = tracesFor(traces, QStringLiteral("/dev/nope")).first();
        QTRY_COMPARE(tracesFor(traces, QStringLiteral("/nostage")).size(), 1);
        QCOMPARE(stepNames(t), QStringList({"receive", "route", "respond"}));
        QCOMPARE(t->errorType, QStringLiteral("MISSING_AUTHENTICATION_TOKEN"));
        QVERIFY(t->failed());
        QCOMPARE(t->failingStep()->name, QStringLiteral("route"));
    }

    void lambdaRouteRunsTheBundledPythonHandler()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        RawResponse r = c.request("GET /dev/pets/2 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value("type").toString(), QStringLiteral("cat"));
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        r = c.request("GET /dev/pets/999 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QCOMPARE(r.status, 404);
        QTRY_VERIFY(m_host->traces()->find(QString::fromLatin1(r.header("x-amzn-RequestId"))));
        const TracePtr t = m_host->traces()->find(QString::fromLatin1(r.header("x-amzn-RequestId")));
        QVERIFY(t->integrationLog.join('\n').contains(QLatin1String("REPORT RequestId:")));
    }

    void corsPreflightFromTheMock()
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("OPTIONS /dev/pets HTTP/1.1\r\nHost: localhost\r\n"
                                        "Origin: http://localhost:5173\r\n"
                                        "Access-Control-Request-Method: POST\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(r.header("Access-Control-Allow-Methods"), QByteArray("GET,OPTIONS,POST"));
        QVERIFY(r.header("Access-Control-Allow-Headers").contains("Authorization"));
        QVERIFY(r.body.isEmpty());
    }

    void rejectedRequestsAreTraced()
    {
        QSignalSpy traces(m_host.get(), &RuntimeHost::traceRecorded);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        const RawResponse r = c.request("POST /dev/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 20000000\r\n\r\n");
        QCOMPARE(r.status, 413);
        QVERIFY(c.waitForClose());
        QTRY_COMPARE(tracesFor(traces, QStringLiteral("/dev/upload")).size(), 1);
        const TracePtr t = tracesFor(traces, QStringLiteral("/dev/upload")).first();
        QCOMPARE(t->status, 413);
        QCOMPARE(t->errorType, QStringLiteral("REQUEST_TOO_LARGE"));
        QCOMPARE(t->apiName, m_doc->apis.first().name);
    }

    void hotSwap()
    {
        auto edited = std::make_shared<Gw::Model::ApiDocument>(*m_doc);
        bool changed = false;
        for (Gw::Model::Resource &res : edited->apis.first().resources) {
            if (res.pathPart == QLatin1String("health")) {
                res.methods.first().integration.responses.first().responseTemplates[QStringLiteral("application/json")] =
                    QStringLiteral("{\"status\":\"edited\"}");
                changed = true;
            }
        }
        QVERIFY(changed);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        QCOMPARE(c.request("GET /dev/health HTTP/1.1\r\nHost: x\r\n\r\n").body, QByteArray("{\"status\":\"ok\"}"));
        m_host->update(edited);
        // Same kept-alive connection, new snapshot.
        QCOMPARE(c.request("GET /dev/health HTTP/1.1\r\nHost: x\r\n\r\n").body, QByteArray("{\"status\":\"edited\"}"));
        m_host->update(m_doc);
    }

    void anApiAddedByAnEditGetsItsOwnListener()
    {
        auto edited = std::make_shared<Gw::Model::ApiDocument>(*m_doc);
        Gw::Model::Api added;
        added.id = QStringLiteral("api_added");
        added.name = QStringLiteral("Added");
        added.type = Gw::Model::ApiType::Http;
        Gw::Model::Stage def;
        def.name = QStringLiteral("$default");
        added.stages.append(def);
        edited->apis.append(added);
        QSignalSpy grown(m_host.get(), &RuntimeHost::endpointsChanged);
        const qsizetype before = m_host->endpoints().size();
        m_host->update(edited);
        QCOMPARE(grown.size(), 1);
        QCOMPARE(m_host->endpoints().size(), before + 1);
        const ApiEndpoint e = m_host->endpoints().constLast();
        QCOMPARE(e.apiId, QStringLiteral("api_added"));
        RawHttpClient c;
        QVERIFY(c.connectTo(quint16(e.baseUrl.port())));
        QCOMPARE(c.request("GET /anything HTTP/1.1\r\nHost: x\r\n\r\n").status, 404); // HTTP API: no route
        m_host->update(edited); // a second update adds nothing
        QCOMPARE(grown.size(), 1);
    }

    void portInUseNamesThePort()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        RuntimeHost other;
        RuntimeOptions options;
        options.port = blocker.serverPort();
        QString error;
        QVERIFY(!other.start(m_doc, options, &error));
        QVERIFY2(error.contains(QString::number(blocker.serverPort())), qPrintable(error));
        QVERIFY(!other.isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_E2eServe)
#include "tst_e2e_serve.moc"
