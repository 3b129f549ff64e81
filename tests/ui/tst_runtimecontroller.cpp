// RuntimeController: starts on the configured port, falls back to a free port when it is busy,
// computes endpoint URLs (REST /{stage}), and stops.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "runtime/trace/tracestore.h"
#include "ui/runtimecontroller.h"
#include "ui/settings.h"

#include <QAction>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw;

class TestRuntimeController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void busyPortFallsBackToAFreeOne()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        const quint16 busy = blocker.serverPort();

        QTemporaryDir dir;
        Ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setRuntimePort(busy);
        QCOMPARE(settings.runtimePort(), busy);

        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json"))));
        Runtime::RuntimeHost host;
        Ui::RuntimeController controller(&session, &host, &settings);
        QVERIFY(controller.startAction()->isEnabled());
        QVERIFY(!controller.stopAction()->isEnabled());
        // Not running: the URL it will have.
        QCOMPARE(controller.endpointFor(QStringLiteral("api_petstore")).toString(),
                 QStringLiteral("http://127.0.0.1:%1/dev").arg(busy));

        QSignalSpy state(&controller, &Ui::RuntimeController::stateChanged);
        QVERIFY2(controller.start(), qPrintable(controller.lastError()));
        QVERIFY(controller.isRunning());
        QVERIFY(state.count() >= 1);
        QVERIFY(!controller.startAction()->isEnabled());
        QVERIFY(controller.stopAction()->isEnabled());
        const QUrl url = controller.endpointFor(QStringLiteral("api_petstore"));
        QVERIFY(url.port() > 0);
        QVERIFY(url.port() != busy);
        QCOMPARE(url.path(), QStringLiteral("/dev"));
        QVERIFY(controller.statusText().contains(QString::number(url.port())));

        controller.stop();
        QVERIFY(!controller.isRunning());
        QVERIFY(controller.startAction()->isEnabled());
    }

    void callsGoToTheConfiguredHistory()
    {
        QTemporaryDir dir;
        Ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setRuntimePort(0);
        const QString historyFile = dir.filePath(QStringLiteral("history.sqlite"));
        settings.setHistoryPath(historyFile);
        settings.setHistoryRetention(50, 0);
        QCOMPARE(settings.historyRetainCount(), 50);

        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json"))));
        Runtime::RuntimeHost host;
        Ui::RuntimeController controller(&session, &host, &settings);
        QVERIFY2(controller.start(), qPrintable(controller.lastError()));
        QVERIFY(host.traceStore());

        QNetworkAccessManager network;
        QUrl url = controller.endpointFor(QStringLiteral("api_petstore"));
        url.setPath(url.path() + QStringLiteral("/no-such-resource"));
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        reply->deleteLater();
        host.traceStore()->flush();
        controller.stop();

        QString error;
        const QList<Runtime::TracePtr> stored = Runtime::TraceStore::read(historyFile, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.constFirst()->path.endsWith(QLatin1String("/no-such-resource")));
    }

    void anUnusableHistoryDoesNotStopServing()
    {
        QTemporaryDir dir;
        Ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setRuntimePort(0);
        settings.setHistoryPath(dir.path()); // a directory cannot be an SQLite file

        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json"))));
        Runtime::RuntimeHost host;
        Ui::RuntimeController controller(&session, &host, &settings);
        QSignalSpy errors(&controller, &Ui::RuntimeController::errorOccurred);
        QVERIFY2(controller.start(), qPrintable(controller.lastError()));
        QVERIFY(controller.isRunning());
        QVERIFY(!host.traceStore());
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.constFirst().constFirst().toString().contains(QLatin1String("history")));
        controller.stop();

        settings.setHistoryPath(QString()); // off on purpose: no store, no error
        errors.clear();
        QVERIFY(controller.start());
        QVERIFY(!host.traceStore());
        QCOMPARE(errors.count(), 0);
        controller.stop();
    }

    void recentFilesAreTypedAndBounded()
    {
        QTemporaryDir dir;
        Ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        for (int i = 0; i < Ui::Settings::MaxRecentFiles + 3; ++i)
            settings.addRecentFile(dir.filePath(QStringLiteral("p%1.apigw.json").arg(i)));
        QCOMPARE(settings.recentFiles().size(), Ui::Settings::MaxRecentFiles);
        const QString newest = dir.filePath(QStringLiteral("p%1.apigw.json").arg(Ui::Settings::MaxRecentFiles + 2));
        QCOMPARE(settings.recentFiles().first(), newest);
        settings.addRecentFile(dir.filePath(QStringLiteral("p5.apigw.json")));
        QCOMPARE(settings.recentFiles().first(), dir.filePath(QStringLiteral("p5.apigw.json")));
        QCOMPARE(settings.recentFiles().count(dir.filePath(QStringLiteral("p5.apigw.json"))), 1);
        settings.removeRecentFile(newest);
        QVERIFY(!settings.recentFiles().contains(newest));
        settings.clearRecentFiles();
        QVERIFY(settings.recentFiles().isEmpty());
        QCOMPARE(settings.runtimePort(), Ui::Settings::DefaultRuntimePort);
    }
};

QTEST_MAIN(TestRuntimeController)
#include "tst_runtimecontroller.moc"
