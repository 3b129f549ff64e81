// The composer's Params tab and stage selector (issue 8): path parameters of the picked route
// filled into the URL, the query table in step with the URL both ways, and the stage segment.
// RequestParams is tested on its own; then the widgets against the served PetStore sample.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/console/requestconsole.h"
#include "ui/console/requestparams.h"
#include "ui/runtimecontroller.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;
using Params = Ui::RequestParams;

class TestConsoleParams : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Model::DocumentSession m_session;
    Runtime::RuntimeHost m_host;
    std::unique_ptr<Ui::RuntimeController> m_controller;

    static Params::Pairs rows(QTableWidget *table)
    {
        Params::Pairs out;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0) && !table->item(r, 0)->text().isEmpty())
                out.append({table->item(r, 0)->text(),
                            table->item(r, 1) ? table->item(r, 1)->text() : QString()});
        return out;
    }

private Q_SLOTS:
    void pathParameters()
    {
        const QList<Params::PathParam> expected{{QStringLiteral("petId"), false},
                                                {QStringLiteral("rest"), true}};
        QCOMPARE(Params::pathParameters(QStringLiteral("/pets/{petId}/files/{rest+}")), expected);
        QCOMPARE(Params::pathParameters(QStringLiteral("/a/{x}/b/{x}")).size(),
                 1); // each name once
        QVERIFY(Params::pathParameters(QStringLiteral("/{{base}}/pets")).isEmpty()); // a variable
    }

    void fillPathEncodes()
    {
        const QString t = QStringLiteral("/pets/{petId}");
        QCOMPARE(Params::fillPath(t, {{QStringLiteral("petId"), QStringLiteral("2")}}),
                 QStringLiteral("/pets/2"));
        QCOMPARE(Params::fillPath(t, {{QStringLiteral("petId"), QStringLiteral("a b/c?&")}}),
                 QStringLiteral("/pets/a%20b%2Fc%3F%26"));
        QCOMPARE(Params::fillPath(t, {{QStringLiteral("petId"), QStringLiteral("é")}}),
                 QStringLiteral("/pets/%C3%A9"));
        // Environment variables are expanded at send time: kept as typed.
        QCOMPARE(Params::fillPath(t, {{QStringLiteral("petId"), QStringLiteral("x {{id}}")}}),
                 QStringLiteral("/pets/x%20{{id}}"));
    }

    void fillPathGreedyAndEmpty()
    {
        const QString t = QStringLiteral("/files/{path+}");
        QCOMPARE(Params::fillPath(t, {{QStringLiteral("path"), QStringLiteral("a/b c/d")}}),
                 QStringLiteral("/files/a/b%20c/d"));
        QCOMPARE(Params::fillPath(t, {}), QStringLiteral("/files/")); // empty greedy: dropped
        QCOMPARE(Params::fillPath(QStringLiteral("/pets/{petId}"),
                                  {{QStringLiteral("petId"), QString()}}),
                 QStringLiteral("/pets/{petId}")); // empty: the gap stays visible
    }

    void queryRoundTrip()
    {
        const QString url =
            QStringLiteral("http://h:1/dev/p?a=1&a=2&b=x%26y%3Dz&c&n%20m=%C3%A9&d=%2B+#frag");
        const Params::Pairs pairs = Params::queryPairs(url);
        const Params::Pairs expected{{QStringLiteral("a"), QStringLiteral("1")},
                                     {QStringLiteral("a"), QStringLiteral("2")},
                                     {QStringLiteral("b"), QStringLiteral("x&y=z")},
                                     {QStringLiteral("c"), QString()},
                                     {QStringLiteral("n m"), QStringLiteral("é")},
                                     {QStringLiteral("d"), QStringLiteral("++")}};
        QCOMPARE(pairs, expected);
        const QString rebuilt = Params::withQuery(url, pairs);
        QCOMPARE(
            rebuilt,
            QStringLiteral("http://h:1/dev/p?a=1&a=2&b=x%26y%3Dz&c=&n%20m=%C3%A9&d=%2B%2B#frag"));
        QCOMPARE(Params::queryPairs(rebuilt), expected);
        QCOMPARE(Params::withQuery(rebuilt, {}), QStringLiteral("http://h:1/dev/p#frag"));
        QCOMPARE(Params::withQuery(QStringLiteral("http://h/p"),
                                   {{QString(), QStringLiteral("skipped")}}),
                 QStringLiteral("http://h/p"));
        QCOMPARE(Params::encodeQuery({{QStringLiteral("q"), QStringLiteral("{{term}} x")}}),
                 QStringLiteral("q={{term}}%20x"));
        QVERIFY(Params::queryPairs(QStringLiteral("http://h/p")).isEmpty());
    }

    void stageSegment()
    {
        QCOMPARE(Params::withStage(QStringLiteral("http://127.0.0.1:3000/dev/pets?x=1"),
                                   QStringLiteral("dev"), QStringLiteral("prod")),
                 QStringLiteral("http://127.0.0.1:3000/prod/pets?x=1"));
        QCOMPARE(Params::withStage(QStringLiteral("http://h:1/dev"), QStringLiteral("dev"),
                                   QStringLiteral("prod")),
                 QStringLiteral("http://h:1/prod"));
        QCOMPARE(Params::withStage(QStringLiteral("http://h:1/devices"), QStringLiteral("dev"),
                                   QStringLiteral("prod")),
                 QStringLiteral("http://h:1/devices")); // not that stage's URL
        // HTTP APIs: $default has no segment.
        QCOMPARE(Params::withStage(QStringLiteral("http://h:1/pets"), QStringLiteral("$default"),
                                   QStringLiteral("beta")),
                 QStringLiteral("http://h:1/beta/pets"));
        QCOMPARE(Params::withStage(QStringLiteral("http://h:1/beta/pets"), QStringLiteral("beta"),
                                   QStringLiteral("$default")),
                 QStringLiteral("http://h:1/pets"));
        QCOMPARE(Params::withStage(QStringLiteral("{{base}}/pets"), QStringLiteral("dev"),
                                   QStringLiteral("prod")),
                 QStringLiteral("{{base}}/pets"));
    }

    void initTestCase()
    {
        // The sample with a second stage, so the selector has something to switch to.
        const QString sample =
            QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json");
        QFile in(sample);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray apis = root.value(QStringLiteral("apis")).toArray();
        QJsonObject api = apis.first().toObject();
        QJsonArray stages = api.value(QStringLiteral("stages")).toArray();
        QJsonObject prod = stages.first().toObject();
        prod.insert(QStringLiteral("name"), QStringLiteral("prod"));
        stages.append(prod);
        api.insert(QStringLiteral("stages"), stages);
        apis.replace(0, api);
        root.insert(QStringLiteral("apis"), apis);
        const QString path = m_dir.filePath(QStringLiteral("petstore.apigw.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();

        QVERIFY(!Model::hasErrors(m_session.open(path)));
        Runtime::RuntimeOptions options;
        options.port = 0;
        options.projectDir = QFileInfo(sample).absolutePath(); // the sample's functions/
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

    void composerParamsAndStage()
    {
        Ui::RequestConsole console(m_controller.get());
        console.resize(700, 600);
        console.show();
        auto *url = console.findChild<QLineEdit *>(QStringLiteral("consoleUrl"));
        auto *pathParams = console.findChild<QTableWidget *>(QStringLiteral("consolePathParams"));
        auto *query = console.findChild<QTableWidget *>(QStringLiteral("consoleQueryParams"));
        auto *stage = console.findChild<QComboBox *>(QStringLiteral("consoleStage"));
        QVERIFY(url && pathParams && query && stage);
        const QString base = m_host.endpoints().first().baseUrl.toString();

        console.setTarget(
            {Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pet_get")});
        QCOMPARE(url->text(), base + QStringLiteral("/dev/pets/{petId}"));
        QCOMPARE(pathParams->rowCount(), 1);
        QCOMPARE(pathParams->item(0, 0)->text(), QStringLiteral("petId"));
        QCOMPARE(stage->count(), 2);
        QCOMPARE(stage->currentText(), QStringLiteral("dev"));

        pathParams->item(0, 1)->setText(QStringLiteral("2"));
        QCOMPARE(url->text(), base + QStringLiteral("/dev/pets/2"));

        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        console.send();
        QVERIFY(responses.wait(30000));
        QCOMPARE(responses.first().first().toInt(), 200);
        const QJsonObject pet = QJsonDocument::fromJson(console.lastResponseBody()).object();
        QCOMPARE(pet.value(QStringLiteral("type")).toString(), QStringLiteral("cat"));
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 10000);
        QVERIFY2(console.lastTrace()->path.endsWith(QStringLiteral("/pets/2")),
                 qPrintable(console.lastTrace()->path));

        // A query row writes the URL's query; a blank row stays at the end for the next one.
        const int last = query->rowCount() - 1;
        query->setItem(last, 0, new QTableWidgetItem(QStringLiteral("color")));
        query->setItem(last, 1, new QTableWidgetItem(QStringLiteral("black & white")));
        QCOMPARE(url->text(), base + QStringLiteral("/dev/pets/2?color=black%20%26%20white"));
        QCOMPARE(query->rowCount(), 2);

        // The URL typed by hand refills the table.
        url->setText(base + QStringLiteral("/dev/pets/2?a=1&b=2"));
        const Params::Pairs expected{{QStringLiteral("a"), QStringLiteral("1")},
                                     {QStringLiteral("b"), QStringLiteral("2")}};
        QCOMPARE(rows(query), expected);
        QCOMPARE(query->rowCount(), 3); // and the blank row

        // The stage selector rewrites the stage segment; the rest of the URL stays.
        stage->setCurrentIndex(stage->findText(QStringLiteral("prod")));
        QCOMPARE(url->text(), base + QStringLiteral("/prod/pets/2?a=1&b=2"));
        QCOMPARE(console.stage(), QStringLiteral("prod"));
        QVERIFY(stage->toolTip().contains(QStringLiteral("prod")));
        console.setStage(QStringLiteral("dev"));
        QCOMPARE(url->text(), base + QStringLiteral("/dev/pets/2?a=1&b=2"));

        // A pasted URL of another stage moves the selector.
        console.setUrl(base + QStringLiteral("/prod/pets?type=dog"));
        QCOMPARE(stage->currentText(), QStringLiteral("prod"));
        QCOMPARE(rows(query), (Params::Pairs{{QStringLiteral("type"), QStringLiteral("dog")}}));
    }
};

QTEST_MAIN(TestConsoleParams)
#include "tst_consoleparams.moc"
