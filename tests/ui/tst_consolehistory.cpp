// The history view over a real gateway's traces: the SQLite store (queries off the GUI thread)
// and the in-memory ring, live updates, filters, the selected call's response and trace, and
// HAR 1.2 export of the selection.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "runtime/trace/tracestore.h"
#include "ui/console/historymodel.h"
#include "ui/console/historyview.h"

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

        // Selecting one shows its response, trace and execution log.
        QSignalSpy selected(&view, &Ui::HistoryView::traceSelected);
        view.selectRows({3}); // the DELETE
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
        view.selectRows({1, 3});
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
