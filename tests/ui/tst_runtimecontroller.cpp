// RuntimeController: starts on the configured port, falls back to a free port when it is busy,
// computes endpoint URLs (REST /{stage}), and stops.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/runtimecontroller.h"
#include "ui/settings.h"

#include <QAction>
#include <QFileInfo>
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
