// The history view over a real gateway's traces: the SQLite store (queries off the GUI thread)
// and the in-memory ring, live updates, filters, the selected call's response and trace, HAR 1.2
// export of the selection and its re-import (replayed against the runtime), resend and open in
// composer, retention, and paging over a store of 100,000 calls.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "runtime/trace/tracestore.h"
#include "ui/console/historymodel.h"
#include "ui/console/historyview.h"
#include "runtime/trace/tracejson.h"
#include "ui/console/consoledock.h"
#include "ui/console/requestconsole.h"
#include "ui/console/tracepane.h"
#include "ui/runtimecontroller.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw;

class TestConsoleHistory : public QObject
{
    Q_OBJECT

    Model::DocumentSession m_session;
    QTemporaryDir m_dir;

    static int call(const QString &method, const QString &url, const QByteArray &body = {})
    {
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request{QUrl(url)};
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = network.sendCustomRequest(request, method.toLatin1(), body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(15000))
            return -1;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }

    static bool refreshed(Ui::HistoryView &view, const std::function<void()> &change)
    {
        QSignalSpy spy(&view, &Ui::HistoryView::refreshed);
        change();
        return spy.count() > 0 || spy.wait(10000);
    }

    static QStringList statuses(const Ui::HistoryModel *model)
    {
        QStringList out;
        for (int r = 0; r < model->rowCount(); ++r)
            out << model->index(r, Ui::HistoryModel::StatusColumn).data().toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!Model::hasErrors(m_session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json"))));
    }

    void storeHistory()
    {
        Runtime::RuntimeHost host;
        Runtime::RuntimeOptions options;
        options.projectDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        options.traceDbPath = m_dir.filePath(QStringLiteral("history.sqlite"));
        QString error;
        QVERIFY2(host.start(m_session.snapshot(), options, &error), qPrintable(error));
        QVERIFY(host.traceStore());
        const QString base = host.endpoints().first().baseUrl.toString();

        // A call stored before the view exists is found by its first query.
        QCOMPARE(call(QStringLiteral("GET"), base + QStringLiteral("/dev/pets")), 200);
        host.traceStore()->flush();

        Ui::HistoryView view(&host);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(900, 600);
        view.show();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 10000);

        // Live: new calls appear at the top without a refresh.
        QCOMPARE(call(QStringLiteral("DELETE"), base + QStringLiteral("/dev/nothing/here")), 403);
        QCOMPARE(call(QStringLiteral("GET"), base + QStringLiteral("/dev/health")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 3, 10000);
        QCOMPARE(statuses(view.model()), (QStringList{"200", "403", "200"}));
        QCOMPARE(view.model()->index(1, Ui::HistoryModel::PathColumn).data().toString(), QStringLiteral("/dev/nothing/here"));
        host.traceStore()->flush();

        // The store query is asynchronous: refresh() returns before the results arrive.
        {
            QSignalSpy spy(&view, &Ui::HistoryView::refreshed);
            view.setFailedOnly(true);
            QCOMPARE(spy.count(), 0);
            QVERIFY(spy.wait(10000));
        }
        QCOMPARE(statuses(view.model()), QStringList{"403"});
        // While filtered, a successful call does not show up; a failed one does.
        QCOMPARE(call(QStringLiteral("GET"), base + QStringLiteral("/dev/pets")), 200);
        QCOMPARE(call(QStringLiteral("GET"), base + QStringLiteral("/dev/missing")), 403);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 2, 10000);
        QTest::qWait(100);
        QCOMPARE(statuses(view.model()), (QStringList{"403", "403"}));
        host.traceStore()->flush();

        QVERIFY(refreshed(view, [&] { view.setFailedOnly(false); }));
        QCOMPARE(view.model()->rowCount(), 5);
        QVERIFY(refreshed(view, [&] { view.setStatusClass(2); }));
        QCOMPARE(statuses(view.model()), (QStringList{"200", "200", "200"}));
        QVERIFY(refreshed(view, [&] { view.setStatusClass(0); view.setSearchText(QStringLiteral("nothing/here")); }));
        QCOMPARE(view.model()->rowCount(), 1);
        QVERIFY(refreshed(view, [&] { view.setSearchText(QString()); }));
        QCOMPARE(view.model()->rowCount(), 5);
        // By route (the combo learns the routes it sees) and by time range.
        QVERIFY(view.findChild<QComboBox *>(QStringLiteral("historyRoute"))->findData(QStringLiteral("GET /pets")) > 0);
        QVERIFY(refreshed(view, [&] { view.setRouteFilter(QStringLiteral("GET /pets")); }));
        QCOMPARE(view.model()->rowCount(), 2);
        QVERIFY(refreshed(view, [&] { view.setRouteFilter(QString()); view.setTimeRange(Ui::HistoryView::Last5Minutes); }));
        QCOMPARE(view.model()->rowCount(), 5);
        QVERIFY(refreshed(view, [&] { view.setTimeRange(Ui::HistoryView::AnyTime); }));
        // Text search reaches request headers and bodies too.
        QCOMPARE(call(QStringLiteral("POST"), base + QStringLiteral("/dev/pets"), "{\"type\":\"needle-in-body\",\"price\":5}"), 400);
        host.traceStore()->flush();
        QVERIFY(refreshed(view, [&] { view.setSearchText(QStringLiteral("needle-in-body")); }));
        QCOMPARE(view.model()->rowCount(), 1);
        QVERIFY(refreshed(view, [&] { view.setSearchText(QStringLiteral("application/json")); }));
        QCOMPARE(view.model()->rowCount(), 1); // the only call with a Content-Type header
        QVERIFY(refreshed(view, [&] { view.setSearchText(QString()); }));
        QCOMPARE(view.model()->rowCount(), 6);
        QVERIFY(refreshed(view, [&] { view.setRouteFilter(QStringLiteral("POST /pets")); }));
        QCOMPARE(view.model()->rowCount(), 1);
        QVERIFY(refreshed(view, [&] { view.setRouteFilter(QString()); }));
        QCOMPARE(view.model()->rowCount(), 6);
        // (the POST is row 0 now; the rows below are as before, one further down)
        QCOMPARE(view.model()->index(0, Ui::HistoryModel::MethodColumn).data().toString(), QStringLiteral("POST"));

        // Selecting one shows its response, trace and execution log.
        QSignalSpy selected(&view, &Ui::HistoryView::traceSelected);
        view.selectRows({4}); // the DELETE
        QCOMPARE(selected.count(), 1);
        auto *response = view.findChild<QPlainTextEdit *>(QStringLiteral("historyResponse"));
        QVERIFY2(response->toPlainText().startsWith(QStringLiteral("HTTP 403")), qPrintable(response->toPlainText()));
        QVERIFY(response->toPlainText().contains(QStringLiteral("Missing Authentication Token")));
        auto *steps = view.findChild<QTableWidget *>(QStringLiteral("historyTraceSteps"));
        QVERIFY(steps->rowCount() > 0);
        QCOMPARE(steps->item(0, 0)->text(), QStringLiteral("receive"));
        auto *log = view.findChild<QPlainTextEdit *>(QStringLiteral("historyExecutionLog"));
        QVERIFY(log->toPlainText().contains(QStringLiteral("Starting execution for request")));

        // HAR export of the selection: HAR 1.2's shape, oldest entry first.
        view.selectRows({2, 4});
        QCOMPARE(view.selectedTraces().size(), 2);
        const QString harPath = m_dir.filePath(QStringLiteral("calls.har"));
        QVERIFY2(view.exportHar(harPath, &error), qPrintable(error));
        QFile file(harPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject har = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject harLog = har[QLatin1String("log")].toObject();
        QCOMPARE(harLog[QLatin1String("version")].toString(), QStringLiteral("1.2"));
        QVERIFY(!harLog[QLatin1String("creator")].toObject()[QLatin1String("name")].toString().isEmpty());
        const QJsonArray entries = harLog[QLatin1String("entries")].toArray();
        QCOMPARE(entries.size(), 2);
        for (const QJsonValue &e : entries) {
            const QJsonObject entry = e.toObject();
            for (const char *key : {"startedDateTime", "time", "request", "response", "cache", "timings"})
                QVERIFY2(entry.contains(QLatin1String(key)), key);
            const QJsonObject request = entry[QLatin1String("request")].toObject();
            for (const char *key : {"method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize"})
                QVERIFY2(request.contains(QLatin1String(key)), key);
            const QJsonObject responseJson = entry[QLatin1String("response")].toObject();
            for (const char *key : {"status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize", "bodySize"})
                QVERIFY2(responseJson.contains(QLatin1String(key)), key);
        }
        QCOMPARE(entries.at(0)[QLatin1String("request")][QLatin1String("method")].toString(), QStringLiteral("DELETE"));
        QCOMPARE(entries.at(0)[QLatin1String("response")][QLatin1String("status")].toInt(), 403);
        QVERIFY(entries.at(1)[QLatin1String("request")][QLatin1String("url")].toString().endsWith(QStringLiteral("/dev/pets")));
        host.stop();
    }

    void resendAndOpenInComposer()
    {
        Runtime::RuntimeHost host;
        Runtime::RuntimeOptions options;
        options.projectDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        options.traceDbPath = m_dir.filePath(QStringLiteral("resend.sqlite"));
        QString error;
        QVERIFY2(host.start(m_session.snapshot(), options, &error), qPrintable(error));
        Ui::RuntimeController controller(&m_session, &host, nullptr);
        Ui::ConsoleDock dock(&controller);
        Ui::HistoryView &view = *dock.history();
        const QString base = host.endpoints().first().baseUrl.toString();
        QCOMPARE(call(QStringLiteral("POST"), base + QStringLiteral("/dev/pets?source=test"), "{\"type\":\"dog\",\"price\":12}"), 201);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 10000);

        // Resend: the same request again; the new call shows up in the history.
        view.selectRows({0});
        QSignalSpy replayed(&view, &Ui::HistoryView::replayFinished);
        QCOMPARE(view.resendSelected(), 1);
        QVERIFY(replayed.wait(15000));
        QCOMPARE(replayed.first().at(0).toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 2, 10000);
        const Runtime::TracePtr again = view.model()->traceAt(0);
        const Runtime::TracePtr first = view.model()->traceAt(1);
        QVERIFY(again->requestId != first->requestId);
        QCOMPARE(again->method, QStringLiteral("POST"));
        QCOMPARE(again->path, QStringLiteral("/dev/pets"));
        QCOMPARE(again->rawQuery, QStringLiteral("source=test"));
        QCOMPARE(again->requestBody, first->requestBody);
        QCOMPARE(again->status, 201);

        // Open in composer: method, URL, headers and body through the console's setters.
        view.selectRows({1});
        QVERIFY(view.openSelectedInComposer());
        Ui::RequestConsole *console = dock.console();
        QCOMPARE(console->method(), QStringLiteral("POST"));
        QCOMPARE(console->url(), base + QStringLiteral("/dev/pets?source=test"));
        QVERIFY2(console->curlCommand().contains(QStringLiteral("{\"type\":\"dog\",\"price\":12}")), qPrintable(console->curlCommand()));
        QSignalSpy responses(console, &Ui::RequestConsole::responseReceived);
        console->send();
        QVERIFY(responses.wait(15000));
        QCOMPARE(console->lastStatus(), 201);
        QVERIFY(console->lastRequestHeaders().contains({QByteArray("Content-Type"), QByteArray("application/json")}));
        QTRY_VERIFY_WITH_TIMEOUT(console->lastTrace(), 5000);
        QCOMPARE(console->lastTrace()->requestBody, QByteArray("{\"type\":\"dog\",\"price\":12}"));
        QCOMPARE(console->lastTrace()->rawQuery, QStringLiteral("source=test"));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 3, 10000);
        host.stop();
    }

    void harExportValidatesAndReimports()
    {
        Runtime::RuntimeHost host;
        Runtime::RuntimeOptions options;
        options.projectDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        options.traceDbPath = m_dir.filePath(QStringLiteral("har.sqlite"));
        QString error;
        QVERIFY2(host.start(m_session.snapshot(), options, &error), qPrintable(error));
        const QString base = host.endpoints().first().baseUrl.toString();
        QCOMPARE(call(QStringLiteral("GET"), base + QStringLiteral("/dev/pets?limit=2")), 200);
        QCOMPARE(call(QStringLiteral("POST"), base + QStringLiteral("/dev/pets"), "{\"type\":\"parrot\",\"price\":-5}"), 400);
        QCOMPARE(call(QStringLiteral("DELETE"), base + QStringLiteral("/dev/nothing")), 403);
        host.traceStore()->flush();
        Ui::HistoryView view(&host);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 3, 10000);

        const QString harPath = m_dir.filePath(QStringLiteral("all.har"));
        QVERIFY2(view.exportHar(harPath, &error), qPrintable(error));
        QFile file(harPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject har = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        // HAR 1.2: log{version, creator{name, version}, entries[]}, each entry with its required
        // fields of the right JSON types.
        const QJsonObject log = har[QLatin1String("log")].toObject();
        QCOMPARE(log[QLatin1String("version")].toString(), QStringLiteral("1.2"));
        QVERIFY(log[QLatin1String("creator")].toObject()[QLatin1String("name")].isString());
        QVERIFY(log[QLatin1String("creator")].toObject()[QLatin1String("version")].isString());
        const QJsonArray entries = log[QLatin1String("entries")].toArray();
        QCOMPARE(entries.size(), 3);
        auto requireAll = [](const QJsonObject &o, std::initializer_list<std::pair<const char *, QJsonValue::Type>> fields) {
            for (const auto &[name, type] : fields) {
                if (!o.contains(QLatin1String(name)))
                    return QStringLiteral("missing %1").arg(QLatin1String(name));
                if (o.value(QLatin1String(name)).type() != type)
                    return QStringLiteral("%1 has the wrong type").arg(QLatin1String(name));
            }
            return QString();
        };
        using T = QJsonValue::Type;
        QStringList methods;
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            QString problem = requireAll(entry, {{"startedDateTime", T::String}, {"time", T::Double}, {"request", T::Object},
                                                 {"response", T::Object}, {"cache", T::Object}, {"timings", T::Object}});
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY(QDateTime::fromString(entry[QLatin1String("startedDateTime")].toString(), Qt::ISODateWithMs).isValid());
            const QJsonObject request = entry[QLatin1String("request")].toObject();
            problem = requireAll(request, {{"method", T::String}, {"url", T::String}, {"httpVersion", T::String},
                                           {"cookies", T::Array}, {"headers", T::Array}, {"queryString", T::Array},
                                           {"headersSize", T::Double}, {"bodySize", T::Double}});
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("request: ") + problem));
            for (const QJsonValue &h : request[QLatin1String("headers")].toArray())
                QVERIFY(h.toObject()[QLatin1String("name")].isString() && h.toObject()[QLatin1String("value")].isString());
            const QJsonObject response = entry[QLatin1String("response")].toObject();
            problem = requireAll(response, {{"status", T::Double}, {"statusText", T::String}, {"httpVersion", T::String},
                                            {"cookies", T::Array}, {"headers", T::Array}, {"content", T::Object},
                                            {"redirectURL", T::String}, {"headersSize", T::Double}, {"bodySize", T::Double}});
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("response: ") + problem));
            problem = requireAll(response[QLatin1String("content")].toObject(), {{"size", T::Double}, {"mimeType", T::String}});
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("content: ") + problem));
            problem = requireAll(entry[QLatin1String("timings")].toObject(), {{"send", T::Double}, {"wait", T::Double}, {"receive", T::Double}});
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("timings: ") + problem));
            methods << request[QLatin1String("method")].toString();
        }
        QCOMPARE(methods, (QStringList{"GET", "POST", "DELETE"})); // oldest first
        const QJsonObject getRequest = entries.at(0)[QLatin1String("request")].toObject();
        QCOMPARE(getRequest[QLatin1String("queryString")].toArray().first()[QLatin1String("name")].toString(), QStringLiteral("limit"));
        QCOMPARE(entries.at(1)[QLatin1String("request")][QLatin1String("postData")][QLatin1String("text")].toString(),
                 QStringLiteral("{\"type\":\"parrot\",\"price\":-5}"));

        // Re-import: the three requests are replayed against the running runtime, in order, and
        // each new call is in the history with the same outcome.
        QSignalSpy replayed(&view, &Ui::HistoryView::replayFinished);
        QCOMPARE(view.importHar(harPath, &error), 3);
        QVERIFY(replayed.wait(20000));
        QCOMPARE(replayed.first().at(0).toInt(), 3);
        QCOMPARE(replayed.first().at(1).toInt(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 6, 10000);
        QCOMPARE(statuses(view.model()), (QStringList{"403", "400", "200", "403", "400", "200"}));
        QCOMPARE(view.model()->traceAt(1)->requestBody, QByteArray("{\"type\":\"parrot\",\"price\":-5}"));
        QCOMPARE(view.model()->traceAt(2)->rawQuery, QStringLiteral("limit=2"));

        // A file that is not HAR is refused with a reason.
        QFile bad(m_dir.filePath(QStringLiteral("bad.har")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"nothing\": 1}");
        bad.close();
        QCOMPARE(view.importHar(bad.fileName(), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("HAR")), qPrintable(error));
        host.stop();
        QCOMPARE(view.importHar(harPath, &error), -1); // replay needs a running runtime
    }

    void retention()
    {
        const QString path = m_dir.filePath(QStringLiteral("retention.sqlite"));
        auto trace = [](int i, const QDateTime &at) {
            auto t = std::make_shared<Runtime::Trace>();
            t->requestId = QStringLiteral("ret-%1").arg(i);
            t->startedAt = at;
            t->method = QStringLiteral("GET");
            t->path = QStringLiteral("/dev/r/%1").arg(i);
            t->status = 200;
            return Runtime::TracePtr(t);
        };
        {
            // By count: the writer keeps the newest ten.
            Runtime::TraceStore store(path, 10);
            QVERIFY(store.open().isEmpty());
            QCOMPARE(store.retainCount(), 10);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (int i = 0; i < 25; ++i)
                store.append(trace(i, now.addDays(-i).addSecs(-3600)));
            store.flush();
            QCOMPARE(store.count(), 10);
            QVERIFY(store.find(QStringLiteral("ret-24")));
            QVERIFY(!store.find(QStringLiteral("ret-14")));
            // By age: the ten kept (ret-15 … ret-24) started 15 … 24 days (and an hour) ago; a
            // 20-day limit removes ret-20 … ret-24.
            store.setRetention(0, 20);
            QCOMPARE(store.prune(), qint64(5));
            QCOMPARE(store.count(), 5);
            QVERIFY(store.find(QStringLiteral("ret-15")));
            QVERIFY(!store.find(QStringLiteral("ret-20")));
            // No limit by count: 0 keeps everything.
            for (int i = 100; i < 130; ++i)
                store.append(trace(i, now));
            store.flush();
            QCOMPARE(store.count(), 35);
        }

        // The history view's setting reaches the running store and is kept in the settings.
        Runtime::RuntimeHost host;
        Runtime::RuntimeOptions options;
        options.projectDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        options.traceDbPath = path;
        QString error;
        QVERIFY2(host.start(m_session.snapshot(), options, &error), qPrintable(error));
        Ui::HistoryView view(&host);
        QVERIFY(refreshed(view, [&] { view.setRetention(7, 0); }));
        QCOMPARE(host.traceStore()->retainCount(), 7);
        QCOMPARE(host.traceStore()->count(), 7);
        QCOMPARE(view.model()->rowCount(), 7);
        QCOMPARE(QSettings().value(QStringLiteral("history/retainCount")).toInt(), 7);
        Ui::HistoryView second(&host);
        QCOMPARE(second.retentionCount(), 7);
        view.setRetention(100000, 0);
        host.stop();
    }

    void hundredThousandCallsArePaged()
    {
        // A real SQLite store with 100,000 calls, written directly in one transaction.
        const QString path = m_dir.filePath(QStringLiteral("big.sqlite"));
        {
            Runtime::TraceStore schema(path, 1000000);
            QVERIFY(schema.open().isEmpty());
        }
        QElapsedTimer fill;
        fill.start();
        const int total = 100000;
        {
            auto t = std::make_shared<Runtime::Trace>();
            t->requestId = QStringLiteral("REQUEST-ID");
            t->method = QStringLiteral("GET");
            t->path = QStringLiteral("/dev/pets");
            t->routeKey = QStringLiteral("GET /pets");
            t->status = 200;
            t->durationUs = 1500;
            t->requestHeaders = {{"Host", "127.0.0.1"}, {"User-Agent", "wrk"}};
            t->responseBody = "[{\"id\":1,\"type\":\"dog\"}]";
            Runtime::TraceStep receive;
            receive.name = QStringLiteral("receive");
            receive.durationUs = 10;
            t->steps.append(receive);
            const QByteArray json = QJsonDocument(Runtime::traceToJson(*t)).toJson(QJsonDocument::Compact);
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(db.transaction());
            QSqlQuery insert(db);
            QVERIFY(insert.prepare(QStringLiteral(
                "INSERT INTO traces (request_id, started_at, duration_us, api_name, stage, route_key, method, path, "
                "status, failed, failing_step, search_text, trace_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")));
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (int i = 0; i < total; ++i) {
                const QString id = QStringLiteral("bulk-%1").arg(i, 6, 10, QLatin1Char('0'));
                const bool failed = i % 10 == 0;
                insert.addBindValue(id);
                insert.addBindValue(now - qint64(total - i) * 1000); // one a second, newest last
                insert.addBindValue(1500);
                insert.addBindValue(QStringLiteral("petstore"));
                insert.addBindValue(QStringLiteral("dev"));
                insert.addBindValue(QStringLiteral("GET /pets"));
                insert.addBindValue(QStringLiteral("GET"));
                insert.addBindValue(QStringLiteral("/dev/pets"));
                insert.addBindValue(failed ? 502 : 200);
                insert.addBindValue(failed ? 1 : 0);
                insert.addBindValue(failed ? QStringLiteral("integrate") : QString());
                insert.addBindValue(QStringLiteral("/dev/pets?\nGET /pets\nuser-agent: wrk %1").arg(id));
                QByteArray row = json;
                row.replace("REQUEST-ID", id.toLatin1());
                if (failed)
                    row.replace("\"status\":200", "\"status\":502");
                insert.addBindValue(row);
                QVERIFY(insert.exec());
            }
            QVERIFY(db.commit());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("fill"));
        qInfo("filled %d calls in %lld ms", total, fill.elapsed());

        Runtime::RuntimeHost host;
        Runtime::RuntimeOptions options;
        options.projectDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        options.traceDbPath = path;
        options.traceRetention = 1000000;
        QString error;
        QVERIFY2(host.start(m_session.snapshot(), options, &error), qPrintable(error));
        QCOMPARE(host.traceStore()->count(), qint64(total));

        // The GUI thread stays free while the view opens and queries: a 5 ms timer keeps ticking.
        qint64 maxGap = 0;
        QElapsedTimer gap;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] {
            maxGap = qMax(maxGap, gap.restart());
        });
        gap.start();
        ticker.start();
        QElapsedTimer opening;
        opening.start();
        Ui::HistoryView view(&host);
        view.resize(900, 700);
        view.show();
        const qint64 constructMs = opening.elapsed();
        QSignalSpy refreshedSpy(&view, &Ui::HistoryView::refreshed);
        QVERIFY(refreshedSpy.wait(20000));
        qInfo("history opened on %d calls: constructor %lld ms, first page after %lld ms, max GUI gap %lld ms",
              total, constructMs, opening.elapsed(), maxGap);
        QVERIFY2(constructMs < 500, qPrintable(QString::number(constructMs)));
        // One page, not 100,000 rows; more on demand.
        QCOMPARE(view.model()->rowCount(), view.pageSize());
        QCOMPARE(view.model()->traceAt(0)->requestId, QStringLiteral("bulk-099999"));
        QVERIFY(view.model()->canFetchMore({}));

        // Scrolling to the bottom asks for the next page (read off the GUI thread).
        QSignalSpy pages(&view, &Ui::HistoryView::pageLoaded);
        QTest::qWait(50); // the table lays out its rows
        view.table()->scrollToBottom();
        QVERIFY(pages.count() > 0 || pages.wait(20000));
        QCOMPARE(view.model()->rowCount(), 2 * view.pageSize());
        QCOMPARE(view.model()->traceAt(view.pageSize())->requestId,
                 QStringLiteral("bulk-%1").arg(total - 1 - view.pageSize(), 6, 10, QLatin1Char('0')));
        view.model()->fetchMore({});
        QVERIFY(pages.wait(20000));
        QCOMPARE(view.model()->rowCount(), 3 * view.pageSize());

        // Filters run in the store over every call: failed only, a text found in one call.
        QVERIFY(refreshed(view, [&] { view.setFailedOnly(true); }));
        QCOMPARE(view.model()->rowCount(), view.pageSize());
        QCOMPARE(view.model()->traceAt(0)->requestId, QStringLiteral("bulk-099990"));
        QVERIFY(refreshed(view, [&] { view.setFailedOnly(false); view.setSearchText(QStringLiteral("bulk-001234")); }));
        QCOMPARE(view.model()->rowCount(), 1);
        QVERIFY(!view.model()->canFetchMore({}));
        // Time range: the last hour holds 3,600 calls (one a second): a page of them.
        QVERIFY(refreshed(view, [&] { view.setSearchText(QString()); view.setTimeRange(Ui::HistoryView::LastHour); }));
        QCOMPARE(view.model()->rowCount(), view.pageSize());
        ticker.stop();
        qInfo("max GUI gap over the whole test: %lld ms", maxGap);
        QVERIFY2(maxGap < 250, qPrintable(QString::number(maxGap)));
        host.stop();
    }

    void ringHistoryWithoutStore()
    {
        Runtime::RuntimeHost host;
        Runtime::RuntimeOptions options;
        options.projectDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        QString error;
        QVERIFY2(host.start(m_session.snapshot(), options, &error), qPrintable(error));
        QVERIFY(!host.traceStore());
        const QString base = host.endpoints().first().baseUrl.toString();
        QCOMPARE(call(QStringLiteral("GET"), base + QStringLiteral("/dev/pets")), 200);

        Ui::HistoryView view(&host);
        QCOMPARE(view.model()->rowCount(), 1); // the ring is read directly
        QCOMPARE(call(QStringLiteral("POST"), base + QStringLiteral("/dev/nowhere"), "{}"), 403);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 2, 10000);
        QVERIFY(refreshed(view, [&] { view.setStatusClass(4); }));
        QCOMPARE(statuses(view.model()), QStringList{"403"});
        QVERIFY(refreshed(view, [&] { view.setStatusClass(0); view.setSearchText(QStringLiteral("/dev/pets")); }));
        QCOMPARE(view.model()->rowCount(), 1);
        QCOMPARE(view.model()->index(0, Ui::HistoryModel::MethodColumn).data().toString(), QStringLiteral("GET"));
        host.stop();
    }
};

QTEST_MAIN(TestConsoleHistory)
#include "tst_consolehistory.moc"
