// The trace pane: the timeline draws every step to scale of the call and colours it by outcome,
// hover/click/double-click work, the details explain the failing step in words (from the
// runtime's notes), show the payload before and after and the Lambda log under the integration
// step; against a served sample through the request console (validation failure, Lambda call)
// and from the history (selecting a row shows its trace; activating a step asks for its editor).
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/console/historymodel.h"
#include "ui/console/historyview.h"
#include "ui/console/requestconsole.h"
#include "ui/console/tracepane.h"
#include "ui/console/tracetimeline.h"
#include "ui/runtimecontroller.h"

#include <QFileInfo>
#include <QLabel>
#include <QToolButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

using namespace Gw;
using Outcome = Runtime::TraceStep::Outcome;
using Kind = Ui::NodeRef::Kind;

namespace {

Runtime::TraceStep step(const QString &name, qint64 start, qint64 duration, Outcome outcome = Outcome::Continue,
                        const QStringList &notes = {})
{
    Runtime::TraceStep s;
    s.name = name;
    s.startUs = start;
    s.durationUs = duration;
    s.outcome = outcome;
    s.notes = notes;
    return s;
}

// A Lambda call of 10 ms: the integration takes 8 of them.
Runtime::TracePtr lambdaTrace()
{
    auto t = std::make_shared<Runtime::Trace>();
    t->requestId = QStringLiteral("req-1");
    t->method = QStringLiteral("GET");
    t->path = QStringLiteral("/dev/pets/2");
    t->routeKey = QStringLiteral("GET /pets/{petId}");
    t->status = 200;
    t->durationUs = 10000;
    t->steps = {step(QStringLiteral("receive"), 0, 100),
                step(QStringLiteral("route"), 100, 200),
                step(QStringLiteral("cors"), 300, 50, Outcome::Skipped),
                step(QStringLiteral("mapRequest"), 350, 650),
                step(QStringLiteral("integrate"), 1000, 8000),
                step(QStringLiteral("mapResponse"), 9000, 500),
                step(QStringLiteral("respond"), 9500, 500)};
    t->steps[3].payloadBefore = "{\"petId\":\"2\"}";
    t->steps[3].payloadAfter = "{\"id\":2}";
    t->integrationLog = {QStringLiteral("START RequestId: abc"), QStringLiteral("looking up pet 2"),
                         QStringLiteral("REPORT RequestId: abc Duration: 7.9 ms")};
    return t;
}

Runtime::TracePtr validationTrace()
{
    auto t = std::make_shared<Runtime::Trace>();
    t->requestId = QStringLiteral("req-2");
    t->method = QStringLiteral("POST");
    t->path = QStringLiteral("/dev/pets");
    t->routeKey = QStringLiteral("POST /pets");
    t->status = 400;
    t->durationUs = 2000;
    t->errorType = QStringLiteral("BAD_REQUEST_BODY");
    t->steps = {step(QStringLiteral("receive"), 0, 100),
                step(QStringLiteral("route"), 100, 100),
                step(QStringLiteral("validate"), 200, 1000, Outcome::Respond,
                     {QStringLiteral("schema violation at /price: -5 is less than the minimum 0")}),
                step(QStringLiteral("respond"), 1200, 800)};
    t->steps[2].payloadBefore = "{\"price\":-5}";
    return t;
}

} // namespace

class TestTracePane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timelineIsToScale()
    {
        Ui::TraceTimeline timeline;
        timeline.resize(600, 300);
        const Runtime::TracePtr t = lambdaTrace();
        timeline.setTrace(t);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        QCOMPARE(Ui::TraceTimeline::spanUs(*t), qint64(10000));

        const QRect route = timeline.barRect(1);
        const QRect integrate = timeline.barRect(4);
        const QRect respond = timeline.barRect(6);
        // x and width follow start and duration: the integration is 8/10 of the plot, and 40x
        // the route's width; it starts a tenth in; the response ends at the plot's right edge.
        const QRect whole(timeline.barRect(0).left(), 0, respond.right() - timeline.barRect(0).left(), 1);
        QVERIFY2(qAbs(integrate.width() - whole.width() * 0.8) <= 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(integrate.width()).arg(whole.width())));
        QVERIFY(qAbs((integrate.left() - whole.left()) - whole.width() * 0.1) <= 2);
        QVERIFY(qAbs(route.width() - whole.width() * 0.02) <= 2);
        QVERIFY(route.left() < integrate.left());
        // Lanes are one per step, in order.
        for (int i = 0; i + 1 < t->steps.size(); ++i)
            QVERIFY(timeline.laneRect(i).bottom() < timeline.laneRect(i + 1).top());
        QCOMPARE(timeline.stepAt(timeline.laneRect(4).center()), 4);

        // Colours by outcome.
        QCOMPARE(Ui::TraceTimeline::outcomeColor(t->steps[0], false), QColor(0x2e, 0x9b, 0x4f));
        QCOMPARE(Ui::TraceTimeline::outcomeColor(t->steps[2], false), QColor(0x9a, 0x9a, 0x9a));
        QCOMPARE(Ui::TraceTimeline::outcomeColor(step(QStringLiteral("x"), 0, 1, Outcome::Fail), false), QColor(0xcf, 0x3b, 0x32));
        QCOMPARE(Ui::TraceTimeline::outcomeColor(step(QStringLiteral("x"), 0, 1, Outcome::Respond), false), QColor(0x2f, 0x6f, 0xc8));
        // The pixels say the same: the integration bar is green.
        const QImage image = timeline.grab().toImage();
        QCOMPARE(image.pixelColor(integrate.center()), QColor(0x2e, 0x9b, 0x4f));

        // Click selects, double click activates.
        QSignalSpy selected(&timeline, &Ui::TraceTimeline::stepSelected);
        QSignalSpy activated(&timeline, &Ui::TraceTimeline::stepActivated);
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, integrate.center());
        QCOMPARE(timeline.selectedStep(), 4);
        QCOMPARE(selected.count(), 1);
        QTest::mouseDClick(&timeline, Qt::LeftButton, {}, timeline.laneRect(1).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toInt(), 1);
        QCOMPARE(Ui::TraceTimeline::stepLabel(QStringLiteral("mapRequest")), QStringLiteral("Request mapping"));
    }

    void paneShowsDetailsOfTheSelectedStep()
    {
        Ui::TracePane pane(QStringLiteral("test"));
        pane.resize(600, 600);
        pane.show();
        pane.setTrace(lambdaTrace());
        // Nothing failed: the integration is selected first, with the function's log lines.
        QCOMPARE(pane.selectedStep(), 4);
        QVERIFY2(pane.stepDetailsText().contains(QStringLiteral("Function log")), qPrintable(pane.stepDetailsText()));
        QVERIFY(pane.stepDetailsText().contains(QStringLiteral("looking up pet 2")));
        QCOMPARE(pane.stepsTable()->rowCount(), 7);
        QCOMPARE(pane.stepsTable()->currentRow(), 4);
        // The table and the timeline share the selection.
        pane.stepsTable()->setCurrentCell(3, 0);
        QCOMPARE(pane.selectedStep(), 3);
        QVERIFY(pane.stepDetailsText().contains(QStringLiteral("Payload before")));
        QVERIFY(pane.stepDetailsText().contains(QStringLiteral("\"petId\": \"2\"")));
        QVERIFY(pane.stepDetailsText().contains(QStringLiteral("Payload after")));
        QVERIFY(!pane.stepDetailsText().contains(QStringLiteral("Function log")));

        // A failing step: selected first, its reason in words.
        pane.setTrace(validationTrace());
        QCOMPARE(pane.selectedStep(), 2);
        const QString details = pane.stepDetailsText();
        QVERIFY2(details.contains(QStringLiteral("Why it failed")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("schema violation at /price")));
        QVERIFY(pane.findChild<QLabel *>(QStringLiteral("testTraceSummary"))->text().contains(QStringLiteral("Validation")));
        QCOMPARE(pane.stepsTable()->item(2, Ui::TracePane::StepColumn)->foreground().color(), QColor(0xcf, 0x3b, 0x32));

        // "Go to editor": the link, the button and a double click all ask for the stage.
        QSignalSpy activated(&pane, &Ui::TracePane::stepActivated);
        auto *details_ = pane.findChild<QTextBrowser *>(QStringLiteral("testTraceStepDetails"));
        Q_EMIT details_->anchorClicked(QUrl(QStringLiteral("gw:editor")));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("validate"));
        QTest::mouseClick(pane.findChild<QToolButton *>(QStringLiteral("testTraceGoToEditor")), Qt::LeftButton);
        QCOMPARE(activated.count(), 2);
        pane.activateStep(1);
        QCOMPARE(activated.last().first().toString(), QStringLiteral("route"));
        QVERIFY(pane.executionLogText().contains(QStringLiteral("Starting execution for request")));
        pane.clear();
        QCOMPARE(pane.stepsTable()->rowCount(), 0);
        QVERIFY(!pane.trace());
    }

    void servedCallsThroughTheConsoleAndHistory()
    {
        Model::DocumentSession session;
        const QString path = QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json");
        QVERIFY(!Model::hasErrors(session.open(path)));
        Runtime::RuntimeHost host;
        Runtime::RuntimeOptions options;
        options.projectDir = QFileInfo(path).absolutePath();
        QString error;
        QVERIFY2(host.start(session.snapshot(), options, &error), qPrintable(error));
        Ui::RuntimeController controller(&session, &host, nullptr);
        Ui::HistoryView history(&host);
        Ui::RequestConsole console(&controller);
        console.resize(700, 700);
        console.show();
        const QString base = host.endpoints().first().baseUrl.toString();

        // A body that breaks the NewPet model: the validation step fails, with the schema path.
        console.setTarget({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pets_post")});
        console.setMethod(QStringLiteral("POST"));
        console.setUrl(base + QStringLiteral("/dev/pets"));
        console.setHeader(QStringLiteral("Content-Type"), QStringLiteral("application/json"));
        console.setBody(QStringLiteral("{\"type\": \"parrot\", \"price\": -5}"));
        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        console.send();
        QVERIFY(responses.wait(15000));
        QCOMPARE(console.lastStatus(), 400);
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace(), 5000);
        Ui::TracePane *pane = console.tracePane();
        QCOMPARE(pane->trace(), console.lastTrace());
        QVERIFY(pane->selectedStep() >= 0);
        QCOMPARE(console.lastTrace()->steps.at(pane->selectedStep()).name, QStringLiteral("validate"));
        QVERIFY2(pane->stepDetailsText().contains(QStringLiteral("schema violation")), qPrintable(pane->stepDetailsText()));
        QVERIFY(pane->stepDetailsText().contains(QStringLiteral("Why it failed")));
        // Before: the body it refused; after: the gateway's 400 answer.
        QVERIFY2(pane->stepDetailsText().contains(QStringLiteral("\"price\": -5")), qPrintable(pane->stepDetailsText()));
        QVERIFY(pane->stepDetailsText().contains(QStringLiteral("the gateway's answer, 400")));
        // The runtime records where each step starts: the bars do not all start at zero.
        const auto &steps = console.lastTrace()->steps;
        QVERIFY(steps.last().startUs > 0);
        for (int i = 1; i < steps.size(); ++i)
            QVERIFY(steps.at(i).startUs >= steps.at(i - 1).startUs);
        // Activating the failing step asks the main window for its editor, as before.
        QSignalSpy activated(&console, &Ui::RequestConsole::stepActivated);
        console.activateStep(pane->selectedStep());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().at(1).toString(), QStringLiteral("validate"));

        // A Lambda call: the integration step carries the function's log lines.
        console.setMethod(QStringLiteral("GET"));
        console.setBody(QString());
        console.setUrl(base + QStringLiteral("/dev/pets/2"));
        console.send();
        QVERIFY(responses.wait(15000));
        QCOMPARE(console.lastStatus(), 200);
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() && console.lastTrace()->status == 200, 5000);
        QCOMPARE(console.lastTrace()->steps.at(pane->selectedStep()).name, QStringLiteral("integrate"));
        QVERIFY2(pane->stepDetailsText().contains(QStringLiteral("REPORT RequestId")), qPrintable(pane->stepDetailsText()));
        QVERIFY(pane->stepDetailsText().contains(QStringLiteral("Payload after")));

        // The history shows the same trace pane for a row; its steps lead to the editor too.
        QTRY_COMPARE_WITH_TIMEOUT(history.model()->rowCount(), 2, 5000);
        QSignalSpy selected(&history, &Ui::HistoryView::traceSelected);
        history.selectRows({1}); // the POST
        QCOMPARE(selected.count(), 1);
        QCOMPARE(history.tracePane()->trace()->method, QStringLiteral("POST"));
        QVERIFY(history.tracePane()->stepDetailsText().contains(QStringLiteral("schema violation")));
        QSignalSpy historyStep(&history, &Ui::HistoryView::stepActivated);
        history.tracePane()->activateStep(history.tracePane()->selectedStep());
        QCOMPARE(historyStep.count(), 1);
        QCOMPARE(historyStep.first().at(1).toString(), QStringLiteral("validate"));
        host.stop();
    }
};

QTEST_MAIN(TestTracePane)
#include "tst_tracepane.moc"
