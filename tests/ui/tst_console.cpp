// The request console against a real running gateway: prefilled URL from the selected method,
// a real HTTP round trip, the response shown, and the gateway's trace of that very request.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/code/codeeditor.h"
#include "ui/console/requestconsole.h"
#include "ui/runtimecontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

class TestConsole : public QObject
{
    Q_OBJECT

    Model::DocumentSession m_session;
    Runtime::RuntimeHost m_host;
    std::unique_ptr<Ui::RuntimeController> m_controller;

    static QStringList column(QTableWidget *table, int c)
    {
        QStringList out;
        for (int r = 0; r < table->rowCount(); ++r)
            out << (table->item(r, c) ? table->item(r, c)->text() : QString());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json");
        QVERIFY(!Model::hasErrors(m_session.open(path)));
        Runtime::RuntimeOptions options;
        options.port = 0;
        options.projectDir = QFileInfo(path).absolutePath();
        QString error;
        QVERIFY2(m_host.start(m_session.snapshot(), options, &error), qPrintable(error));
        m_controller = std::make_unique<Ui::RuntimeController>(&m_session, &m_host, nullptr);
        QVERIFY(m_controller->isRunning());
    }

    void cleanupTestCase()
    {
        m_controller.reset();
        m_host.stop();
    }

    void sendsToMockMethodAndShowsTrace()
    {
        Ui::RequestConsole console(m_controller.get());
        console.resize(700, 600);
        console.show();

        console.setTarget({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pets_get")});
        auto *url = console.findChild<QLineEdit *>(QStringLiteral("consoleUrl"));
        auto *method = console.findChild<QComboBox *>(QStringLiteral("consoleMethod"));
        QVERIFY(url && method);
        const QUrl base = m_host.endpoints().first().baseUrl;
        QCOMPARE(url->text(), base.toString() + QStringLiteral("/dev/pets")); // REST: /{stage}
        QCOMPARE(method->currentText(), QStringLiteral("GET"));

        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        QTest::mouseClick(console.findChild<QPushButton *>(QStringLiteral("consoleSend")), Qt::LeftButton);
        QVERIFY(responses.wait(15000));
        QCOMPARE(responses.first().first().toInt(), 200);

        auto *status = console.findChild<QLabel *>(QStringLiteral("consoleStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("200")), qPrintable(status->text()));
        auto *body = console.findChild<Ui::CodeEditor *>(QStringLiteral("consoleResponseBody"));
        QVERIFY2(body->text().contains(QStringLiteral("\"dog\"")), qPrintable(body->text()));
        auto *headers = console.findChild<QTableWidget *>(QStringLiteral("consoleResponseHeaders"));
        QVERIFY(column(headers, 0).contains(QStringLiteral("x-amzn-RequestId"), Qt::CaseInsensitive));

        auto *steps = console.findChild<QTableWidget *>(QStringLiteral("consoleTraceSteps"));
        QTRY_VERIFY_WITH_TIMEOUT(steps->rowCount() > 0, 5000);
        const QStringList names = column(steps, Ui::RequestConsole::StepColumn);
        QVERIFY2(names.contains(QStringLiteral("route")), qPrintable(names.join(u',')));
        QVERIFY2(names.contains(QStringLiteral("integrate")), qPrintable(names.join(u',')));
        QVERIFY(console.lastTrace());
        QCOMPARE(console.lastTrace()->status, 200);
        QCOMPARE(console.lastTrace()->path, QStringLiteral("/dev/pets"));
    }

    void lambdaRouteRunsThePythonHandler()
    {
        // The sample's GET /pets/{petId} is a Lambda proxy to the bundled Python handler.
        Ui::RequestConsole console(m_controller.get());
        console.resize(700, 600);
        console.show();
        console.setTarget({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pet_get")});
        auto *url = console.findChild<QLineEdit *>(QStringLiteral("consoleUrl"));
        QVERIFY(url);
        url->setText(m_host.endpoints().first().baseUrl.toString() + QStringLiteral("/dev/pets/2"));
        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        QTest::mouseClick(console.findChild<QPushButton *>(QStringLiteral("consoleSend")), Qt::LeftButton);
        QVERIFY(responses.wait(15000));
        QCOMPARE(responses.first().first().toInt(), 200);
        auto *body = console.findChild<Ui::CodeEditor *>(QStringLiteral("consoleResponseBody"));
        QVERIFY2(body->text().contains(QStringLiteral("\"cat\"")), qPrintable(body->text()));
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace(), 5000);
        QVERIFY2(console.lastTrace()->integrationLog.join(u'\n').contains(QStringLiteral("REPORT RequestId:")),
                 qPrintable(console.lastTrace()->integrationLog.join(u'\n')));
    }

    void unknownPathShowsGatewayErrorAndItsTrace()
    {
        Ui::RequestConsole console(m_controller.get());
        console.setMethod(QStringLiteral("DELETE"));
        console.setUrl(m_host.endpoints().first().baseUrl.toString() + QStringLiteral("/dev/nothing/here"));
        console.setHeader(QStringLiteral("X-Test"), QStringLiteral("yes"));
        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        console.send();
        QVERIFY(responses.wait(15000));
        QCOMPARE(console.lastStatus(), 403);
        QVERIFY(console.lastResponseBody().contains("Missing Authentication Token"));
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
        QCOMPARE(console.lastTrace()->method, QStringLiteral("DELETE"));
        bool sawHeader = false;
        for (const auto &h : console.lastTrace()->requestHeaders)
            sawHeader = sawHeader || (h.first.compare("X-Test", Qt::CaseInsensitive) == 0 && h.second == "yes");
        QVERIFY(sawHeader);
        auto *steps = console.findChild<QTableWidget *>(QStringLiteral("consoleTraceSteps"));
        QVERIFY(column(steps, Ui::RequestConsole::StepColumn).contains(QStringLiteral("route")));
    }

    void httpApiTraceFoundByApigwRequestId()
    {
        // HTTP APIs answer with apigw-requestid only (not the trace's UUID): still matched.
        Model::DocumentSession session;
        const QString path = QStringLiteral(GW_SOURCE_DIR "/resources/samples/jwt-http-api.apigw.json");
        QVERIFY(!Model::hasErrors(session.open(path)));
        Runtime::RuntimeHost host;
        Ui::RuntimeController controller(&session, &host, nullptr);
        Runtime::RuntimeOptions options;
        options.projectDir = QFileInfo(path).absolutePath();
        QString error;
        QVERIFY2(host.start(session.snapshot(), options, &error), qPrintable(error));
        Ui::RequestConsole console(&controller);
        console.setTarget({Kind::Route, QStringLiteral("api_items"), QStringLiteral("rt_items_list")});
        QCOMPARE(console.url(), host.endpoints().first().baseUrl.toString() + QStringLiteral("/items")); // $default: no prefix
        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        console.send();
        QVERIFY(responses.wait(15000));
        QVERIFY(console.lastStatus() != 0);
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
        QCOMPARE(console.lastTrace()->apiId, QStringLiteral("api_items"));
        QCOMPARE(console.lastTrace()->status, console.lastStatus());
        host.stop();
    }

    void editsReachTheRunningGateway()
    {
        // The designer is live: change the MOCK body, the next call answers with it.
        m_session.edit(QStringLiteral("Edit body"), [](Model::ApiDocument &doc) {
            for (Model::Resource &r : doc.apis.first().resources)
                for (Model::Method &m : r.methods)
                    if (m.id == QLatin1String("mth_health_get"))
                        m.integration.responses.first().responseTemplates.insert(
                            QStringLiteral("application/json"), QStringLiteral("{\"status\":\"changed\"}"));
        });
        Ui::RequestConsole console(m_controller.get());
        console.setTarget({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_health_get")});
        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        console.send();
        QVERIFY(responses.wait(15000));
        QCOMPARE(console.lastStatus(), 200);
        QVERIFY2(console.lastResponseBody().contains("changed"), console.lastResponseBody().constData());
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
