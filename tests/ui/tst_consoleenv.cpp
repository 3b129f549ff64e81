// Console environments ({{var}} in URL, headers and body) and saved requests, kept in
// `<project>.console.json` beside the project file (never inside it), against a served sample.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/console/consoleworkspace.h"
#include "ui/console/requestconsole.h"
#include "ui/runtimecontroller.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

class TestConsoleEnv : public QObject
{
    Q_OBJECT

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void pathBesideTheProject()
    {
        QCOMPARE(Ui::ConsoleWorkspace::pathFor(QStringLiteral("/p/petstore.apigw.json")), QStringLiteral("/p/petstore.console.json"));
        QCOMPARE(Ui::ConsoleWorkspace::pathFor(QStringLiteral("/p/template.yaml")), QStringLiteral("/p/template.console.json"));
        QCOMPARE(Ui::ConsoleWorkspace::pathFor(QString()), QString());
    }

    void substitution()
    {
        Ui::ConsoleWorkspace ws;
        ws.environments = {{QStringLiteral("a"), {{QStringLiteral("host"), QStringLiteral("h1")}, {QStringLiteral("id"), QStringLiteral("7")}}},
                           {QStringLiteral("b"), {{QStringLiteral("host"), QStringLiteral("h2")}}}};
        QStringList unresolved;
        QCOMPARE(ws.substitute(QStringLiteral("{{host}}/x"), &unresolved), QStringLiteral("{{host}}/x")); // none active
        QCOMPARE(unresolved, QStringList{QStringLiteral("host")});
        ws.activeEnvironment = QStringLiteral("a");
        unresolved.clear();
        QCOMPARE(ws.substitute(QStringLiteral("http://{{host}}/{{ id }}/{{nope}}/{x}"), &unresolved),
                 QStringLiteral("http://h1/7/{{nope}}/{x}"));
        QCOMPARE(unresolved, QStringList{QStringLiteral("nope")});
        ws.activeEnvironment = QStringLiteral("b");
        QCOMPARE(ws.substitute(QStringLiteral("{{host}}")), QStringLiteral("h2"));
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        Ui::ConsoleWorkspace ws;
        ws.environments = {{QStringLiteral("local"), {{QStringLiteral("k"), QStringLiteral("v")}}}};
        ws.activeEnvironment = QStringLiteral("local");
        ws.saveRequest({QStringLiteral("r1"), QStringLiteral("api_x"), QStringLiteral("POST"), QStringLiteral("{{k}}/a"),
                        {{QStringLiteral("H"), QStringLiteral("{{k}}")}}, QStringLiteral("{\"a\":1}")});
        ws.saveRequest({QStringLiteral("r1"), QStringLiteral("api_x"), QStringLiteral("PUT"), QStringLiteral("u"), {}, {}});
        QCOMPARE(ws.requests.size(), 1); // replaced
        const QString path = dir.filePath(QStringLiteral("p.console.json"));
        QString error;
        QVERIFY2(ws.save(path, &error), qPrintable(error));
        QCOMPARE(Ui::ConsoleWorkspace::load(path, &error), ws);
        QVERIFY(error.isEmpty());
        // Missing file: empty; broken file: an error, never a crash.
        QCOMPARE(Ui::ConsoleWorkspace::load(dir.filePath(QStringLiteral("none.json")), &error), Ui::ConsoleWorkspace());
        QVERIFY(error.isEmpty());
        QFile broken(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{nope");
        broken.close();
        Ui::ConsoleWorkspace::load(broken.fileName(), &error);
        QVERIFY(!error.isEmpty());
    }

    void environmentsAndSavedRequestsAgainstServedSample()
    {
        QTemporaryDir dir;
        const QString sampleDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        const QString project = dir.filePath(QStringLiteral("petstore.apigw.json"));
        QVERIFY(QFile::copy(sampleDir + QStringLiteral("/petstore-rest.apigw.json"), project));
        const QByteArray projectBytes = readAll(project);

        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(project)));
        Runtime::RuntimeHost host;
        Runtime::RuntimeOptions options;
        options.projectDir = sampleDir;
        QString error;
        QVERIFY2(host.start(session.snapshot(), options, &error), qPrintable(error));
        Ui::RuntimeController controller(&session, &host, nullptr);
        const QString base = host.endpoints().first().baseUrl.toString();
        const QString sidePath = dir.filePath(QStringLiteral("petstore.console.json"));

        {
            Ui::RequestConsole console(&controller);
            QCOMPARE(console.workspacePath(), sidePath);
            console.setTarget({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pets_get")});
            console.addEnvironment(QStringLiteral("local"), {{QStringLiteral("base"), base}, {QStringLiteral("stage"), QStringLiteral("dev")}});
            console.setEnvironment(QStringLiteral("local"));
            console.setVariable(QStringLiteral("tag"), QStringLiteral("from-env"));
            auto *envCombo = console.findChild<QComboBox *>(QStringLiteral("consoleEnvironment"));
            QCOMPARE(envCombo->currentText(), QStringLiteral("local"));
            auto *vars = console.findChild<QTableWidget *>(QStringLiteral("consoleEnvironmentVariables"));
            QCOMPARE(vars->rowCount(), 4); // three and the blank row

            console.setMethod(QStringLiteral("GET"));
            console.setUrl(QStringLiteral("{{base}}/{{stage}}/pets"));
            console.setHeader(QStringLiteral("X-Env"), QStringLiteral("{{tag}}"));
            QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
            console.send();
            QVERIFY(responses.wait(15000));
            QCOMPARE(console.lastStatus(), 200);
            QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
            QCOMPARE(console.lastTrace()->path, QStringLiteral("/dev/pets"));
            bool sawHeader = false;
            for (const auto &h : console.lastTrace()->requestHeaders)
                sawHeader = sawHeader || (h.first.compare("X-Env", Qt::CaseInsensitive) == 0 && h.second == "from-env");
            QVERIFY(sawHeader);

            // Editing a variable in the table is used by the next send.
            vars->item(2, 1)->setText(QStringLiteral("edited"));
            console.saveRequest(QStringLiteral("list pets"));

            // An undefined variable: nothing is sent, the status names it.
            console.setUrl(QStringLiteral("{{base}}/{{nostage}}/pets"));
            console.send();
            QVERIFY(!console.isBusy());
            QVERIFY2(console.findChild<QLabel *>(QStringLiteral("consoleStatus"))->text().contains(QStringLiteral("nostage")),
                     qPrintable(console.findChild<QLabel *>(QStringLiteral("consoleStatus"))->text()));
        }

        QVERIFY(QFile::exists(sidePath));
        QCOMPARE(readAll(project), projectBytes); // never inside the project

        // A new console over the same project finds them again.
        Ui::RequestConsole console(&controller);
        console.setTarget({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pets_get")});
        QCOMPARE(console.workspace().activeEnvironment, QStringLiteral("local"));
        auto *saved = console.findChild<QComboBox *>(QStringLiteral("consoleSavedRequests"));
        QVERIFY(saved->findText(QStringLiteral("list pets")) > 0);
        console.setUrl(QString());
        QVERIFY(console.openSavedRequest(QStringLiteral("list pets")));
        QCOMPARE(console.url(), QStringLiteral("{{base}}/{{stage}}/pets"));
        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        console.send();
        QVERIFY(responses.wait(15000));
        QCOMPARE(console.lastStatus(), 200);
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
        bool sawEdited = false;
        for (const auto &h : console.lastTrace()->requestHeaders)
            sawEdited = sawEdited || (h.first.compare("X-Env", Qt::CaseInsensitive) == 0 && h.second == "edited");
        QVERIFY(sawEdited);
        // Saved requests are per API: another API's target does not list it.
        console.setTarget({Kind::Route, QStringLiteral("api_other"), QStringLiteral("rt_x")});
        QCOMPARE(saved->findText(QStringLiteral("list pets")), -1);
        host.stop();
    }
};

QTEST_MAIN(TestConsoleEnv)
#include "tst_consoleenv.moc"
