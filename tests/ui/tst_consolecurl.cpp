// Copy as cURL / paste cURL (parser cases, round trip, a pasted command sent to a real gateway)
// and the Execution log tab in AWS's console grammar.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/console/curlcommand.h"
#include "ui/console/requestconsole.h"
#include "ui/runtimecontroller.h"

#include <QClipboard>
#include <QComboBox>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

class TestConsoleCurl : public QObject
{
    Q_OBJECT

    Model::DocumentSession m_session;
    Runtime::RuntimeHost m_host;
    std::unique_ptr<Ui::RuntimeController> m_controller;

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json");
        QVERIFY(!Model::hasErrors(m_session.open(path)));
        Runtime::RuntimeOptions options;
        options.projectDir = QFileInfo(path).absolutePath();
        QString error;
        QVERIFY2(m_host.start(m_session.snapshot(), options, &error), qPrintable(error));
        m_controller = std::make_unique<Ui::RuntimeController>(&m_session, &m_host, nullptr);
    }

    void cleanupTestCase()
    {
        m_controller.reset();
        m_host.stop();
    }

    void parse_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("headers"); // "Name: value"
        QTest::addColumn<QByteArray>("body");

        QTest::newRow("plain") << "curl http://localhost:3000/dev/pets" << "GET" << "http://localhost:3000/dev/pets"
                               << QStringList() << QByteArray();
        QTest::newRow("chrome") << "curl 'http://h/p?a=1' \\\n  -H 'accept: */*' \\\n  -H 'x-api-key: k' \\\n  --data-raw '{\"a\":1}' \\\n  --compressed"
                                << "POST" << "http://h/p?a=1" << QStringList{"accept: */*", "x-api-key: k", "Content-Type: application/x-www-form-urlencoded"}
                                << QByteArray("{\"a\":1}");
        QTest::newRow("explicit method, double quotes") << "curl -X PUT \"http://h/x\" -H \"Content-Type: text/plain\" -d \"say \\\"hi\\\"\""
                                                        << "PUT" << "http://h/x" << QStringList{"Content-Type: text/plain"}
                                                        << QByteArray("say \"hi\"");
        QTest::newRow("form default type") << "curl -s -d a=1 -d b=2 http://h/f" << "POST" << "http://h/f"
                                           << QStringList{"Content-Type: application/x-www-form-urlencoded"} << QByteArray("a=1&b=2");
        QTest::newRow("inline forms") << "curl --request=delete --url=http://h/d -XDELETE" << "DELETE" << "http://h/d"
                                      << QStringList() << QByteArray();
        QTest::newRow("ansi-c quoting") << "curl $'http://h/a' --data-binary $'line1\\nit\\'s'" << "POST" << "http://h/a"
                                        << QStringList{"Content-Type: application/x-www-form-urlencoded"} << QByteArray("line1\nit's");
        QTest::newRow("user and head") << "curl -I -u me:pw http://h/" << "HEAD" << "http://h/"
                                       << QStringList{"Authorization: Basic bWU6cHc="} << QByteArray();
        QTest::newRow("quote inside single quotes") << "curl http://h/q -d 'it'\\''s'" << "POST" << "http://h/q"
                                                    << QStringList{"Content-Type: application/x-www-form-urlencoded"} << QByteArray("it's");
    }

    void parse()
    {
        QFETCH(QString, command);
        QString error;
        const std::optional<Ui::Curl::Request> r = Ui::Curl::parse(command, &error);
        QVERIFY2(r, qPrintable(error));
        QTEST(r->method, "method");
        QTEST(r->url, "url");
        QStringList headers;
        for (const auto &h : r->headers)
            headers << h.first + QStringLiteral(": ") + h.second;
        QTEST(headers, "headers");
        QTEST(r->body, "body");
    }

    void parseErrors()
    {
        QString error;
        QVERIFY(!Ui::Curl::parse(QStringLiteral("wget http://h/"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!Ui::Curl::parse(QStringLiteral("curl 'http://h/"), &error));
        QVERIFY(!Ui::Curl::parse(QStringLiteral("curl -s"), &error));
        QVERIFY(error.contains(QStringLiteral("URL")));
    }

    void bodyFromFile()
    {
        // --data-binary @file and -d @file name the body's file; --data-raw @x is the text "@x".
        std::optional<Ui::Curl::Request> r = Ui::Curl::parse(
            QStringLiteral("curl -X PUT http://h/u --data-binary @/tmp/a.bin -H 'Content-Type: application/octet-stream'"));
        QVERIFY(r);
        QCOMPARE(r->method, QStringLiteral("PUT"));
        QCOMPARE(r->bodyFile, QStringLiteral("/tmp/a.bin"));
        QVERIFY(r->body.isEmpty());
        r = Ui::Curl::parse(QStringLiteral("curl http://h/u -d '@my file.json'"));
        QVERIFY(r);
        QCOMPARE(r->method, QStringLiteral("POST"));
        QCOMPARE(r->bodyFile, QStringLiteral("my file.json"));
        r = Ui::Curl::parse(QStringLiteral("curl http://h/u --data-raw @handle"));
        QVERIFY(r);
        QVERIFY(r->bodyFile.isEmpty());
        QCOMPARE(r->body, QByteArray("@handle"));

        Ui::Curl::Request out;
        out.method = QStringLiteral("POST");
        out.url = QStringLiteral("http://h/up");
        out.bodyFile = QStringLiteral("/data/it's.png");
        const QString command = Ui::Curl::toCommand(out);
        QVERIFY2(command.contains(QStringLiteral("--data-binary '@/data/it'\\''s.png'")), qPrintable(command));
        const std::optional<Ui::Curl::Request> back = Ui::Curl::parse(command);
        QVERIFY(back);
        QCOMPARE(back->bodyFile, out.bodyFile);
        QCOMPARE(back->method, out.method);
    }

    void roundTrip()
    {
        Ui::Curl::Request r;
        r.method = QStringLiteral("PATCH");
        r.url = QStringLiteral("http://127.0.0.1:1/dev/it's?q=a b");
        r.headers = {{QStringLiteral("X-Quote"), QStringLiteral("a 'b' \"c\" $HOME \\")},
                     {QStringLiteral("Content-Type"), QStringLiteral("application/json")}};
        r.body = "{\n  \"name\": \"O'Brien\"\n}";
        const std::optional<Ui::Curl::Request> back = Ui::Curl::parse(Ui::Curl::toCommand(r));
        QVERIFY(back);
        QCOMPARE(back->method, r.method);
        QCOMPARE(back->url, r.url);
        QCOMPARE(back->headers, r.headers);
        QCOMPARE(back->body, r.body);
    }

    void pastedCommandSendsAndLogIsAwsGrammar()
    {
        Ui::RequestConsole console(m_controller.get());
        console.show();
        const QString base = m_host.endpoints().first().baseUrl.toString();
        QGuiApplication::clipboard()->setText(QStringLiteral("curl -X POST '%1/dev/pets' -H 'X-Trace-Me: yes' "
                                                             "-H 'Content-Type: application/json' --data-raw '{\"type\":\"dog\",\"price\":10}'")
                                                  .arg(base));
        QTest::mouseClick(console.findChild<QPushButton *>(QStringLiteral("consolePasteCurl")), Qt::LeftButton);
        QCOMPARE(console.method(), QStringLiteral("POST"));
        QCOMPARE(console.url(), base + QStringLiteral("/dev/pets"));
        auto *headers = console.findChild<QTableWidget *>(QStringLiteral("consoleHeaders"));
        QVERIFY(headers->item(0, 0) && headers->item(0, 0)->text() == QStringLiteral("X-Trace-Me"));

        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        console.send();
        QVERIFY(responses.wait(15000));
        QVERIFY2(console.lastStatus() / 100 == 2, console.lastResponseBody().constData());
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
        bool sawHeader = false;
        for (const auto &h : console.lastTrace()->requestHeaders)
            sawHeader = sawHeader || (h.first.compare("X-Trace-Me", Qt::CaseInsensitive) == 0 && h.second == "yes");
        QVERIFY(sawHeader);

        auto *log = console.findChild<QPlainTextEdit *>(QStringLiteral("consoleExecutionLog"));
        QVERIFY(log);
        const QString text = log->toPlainText();
        QVERIFY2(text.contains(QStringLiteral(" : Starting execution for request: ") + console.lastTrace()->requestId), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Method request path: {}")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Method completed with status: %1").arg(console.lastStatus())), qPrintable(text));
        QCOMPARE(console.executionLogText(), text);
        QTest::mouseClick(console.findChild<QPushButton *>(QStringLiteral("consoleCopyExecutionLog")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), text);

        // Copy as cURL gives back what was pasted, and it parses to the same request.
        QTest::mouseClick(console.findChild<QPushButton *>(QStringLiteral("consoleCopyCurl")), Qt::LeftButton);
        const std::optional<Ui::Curl::Request> copied = Ui::Curl::parse(QGuiApplication::clipboard()->text());
        QVERIFY(copied);
        QCOMPARE(copied->method, QStringLiteral("POST"));
        QCOMPARE(copied->url, console.url());
        QCOMPARE(copied->body, QByteArray("{\"type\":\"dog\",\"price\":10}"));
        QVERIFY(copied->headers.contains(qMakePair(QStringLiteral("X-Trace-Me"), QStringLiteral("yes"))));
    }
};

QTEST_MAIN(TestConsoleCurl)
#include "tst_consolecurl.moc"
