// Renders the main window on a sample (runtime started, a method selected, one console request
// sent) to a PNG for the docs: gw_screenshot [PROJECT] [OUT.png]; run under xvfb-run.
// With --editors DIR it also renders the method execution view, the template editor, the model
// editor and the authorizer editor to DIR/method-execution.png, template-editor.png,
// model-editor.png and authorizer-editor.png. --dark renders in the dark palette.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/console/consoledock.h"
#include "ui/console/requestconsole.h"
#include "ui/console/tracepane.h"
#include "ui/editors/authorizereditor.h"
#include "ui/editors/executiondiagram.h"
#include "ui/editors/integrationrequesteditor.h"
#include "ui/editors/methodexecutionview.h"
#include "ui/editors/modeleditor.h"
#include "ui/code/codeeditor.h"
#include "ui/editors/templateeditor.h"
#include "ui/editors/templatemapeditor.h"
#include "ui/models/nodelookup.h"
#include "ui/mainwindow.h"
#include "ui/models/noderef.h"
#include "ui/resourcesdock.h"
#include "ui/propertiesdock.h"
#include "ui/editors/propertiespanel.h"
#include "ui/runtimecontroller.h"
#include "ui/theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTextStream>

using namespace Gw;

static void waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

static bool save(QWidget *w, const QString &path)
{
    w->show();
    waitFor([] { return false; }, 400);
    const QPixmap shot = w->grab();
    if (!shot.save(path)) {
        QTextStream(stderr) << "cannot write " << path << '\n';
        return false;
    }
    QTextStream(stdout) << "wrote " << path << " (" << shot.width() << "x" << shot.height() << ")\n";
    return true;
}

// The three editor shots, each on its own session of a sample so the main window is untouched.
static bool editorShots(const QString &dir)
{
    bool ok = true;
    {
        Model::DocumentSession session;
        if (!session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json")).isEmpty())
            return false;
        const Ui::NodeRef petGet{Ui::NodeRef::Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pets_get")};
        Ui::MethodExecutionView view(&session, petGet);
        view.setWindowTitle(QStringLiteral("GET /pets — method execution"));
        view.resize(1100, 760);
        view.showStep(QStringLiteral("mapResponse"));
        ok = save(&view, dir + QStringLiteral("/method-execution.png")) && ok;

        // The template editor: a request template using the roots, with its live preview.
        session.edit(QStringLiteral("template"), [](Model::ApiDocument &d) {
            Model::Method *m = Ui::Lookup::method(d.apis.first(), QStringLiteral("mth_pets_get"));
            m->integration.requestTemplates.insert(
                QStringLiteral("application/json"),
                QStringLiteral("## Forward the pet with the caller's context\n"
                               "#set($pet = $input.path('$'))\n"
                               "{\n"
                               "  \"id\": \"$input.params('petId')\",\n"
                               "  \"name\": \"$util.escapeJavaScript($pet.name)\",\n"
                               "  \"expensive\": #if($pet.price > 100)true#{else}false#end,\n"
                               "  \"limit\": $input.params().querystring.limit,\n"
                               "  \"table\": \"$stageVariables.backendHost\",\n"
                               "  \"requestId\": \"$context.requestId\",\n"
                               "  \"sourceIp\": \"$context.identity.sourceIp\"\n"
                               "}\n"));
        });
        Ui::MethodExecutionView templ(&session, petGet);
        templ.resize(1100, 900);
        templ.showStep(QStringLiteral("mapRequest"));
        ok = save(&templ, dir + QStringLiteral("/template-editor.png")) && ok;
        // The model editor with a sample body that breaks two rules of the model.
        Ui::ModelEditor model(&session, {Ui::NodeRef::Kind::Model, QStringLiteral("api_petstore"), QStringLiteral("mdl_newpet")});
        model.setWindowTitle(QStringLiteral("NewPet — model"));
        model.resize(1000, 560);
        model.sampleEditor()->setText(QStringLiteral("{\n  \"type\": \"parrot\",\n  \"price\": -5\n}\n"));
        ok = save(&model, dir + QStringLiteral("/model-editor.png")) && ok;
    }
    {
        Model::DocumentSession session;
        if (!session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/jwt-http-api.apigw.json")).isEmpty())
            return false;
        Ui::AuthorizerEditor editor(&session, {Ui::NodeRef::Kind::Authorizer, QStringLiteral("api_items"), QStringLiteral("auth_jwt")});
        editor.setWindowTitle(QStringLiteral("local-jwt — authorizer"));
        editor.resize(760, 620);
        ok = save(&editor, dir + QStringLiteral("/authorizer-editor.png")) && ok;
    }
    return ok;
}

// A failed call's trace (the sample's POST /pets with a body its model refuses): the console
// dock, wide, on its Trace tab with the failing step selected. gw_screenshot --failed-trace OUT.png
static bool failedTraceShot(const QString &out)
{
    Model::DocumentSession session;
    Runtime::RuntimeHost host;
    Ui::MainWindow window(&session, &host);
    if (!window.openFile(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json")))
        return false;
    window.resize(1600, 1000);
    window.show();
    window.resizeDocks({window.consoleDock()}, {820}, Qt::Horizontal);
    waitFor([] { return false; }, 300);
    if (!window.runtimeController()->start())
        return false;
    window.resourcesDock()->selectNode({Ui::NodeRef::Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_pets_post")});
    Ui::RequestConsole *console = window.consoleDock()->console();
    console->setMethod(QStringLiteral("POST"));
    console->setHeader(QStringLiteral("Content-Type"), QStringLiteral("application/json"));
    console->setBody(QStringLiteral("{\n  \"type\": \"parrot\",\n  \"price\": -5\n}\n"));
    console->send();
    waitFor([console] { return console->lastTrace() != nullptr; }, 10000);
    if (auto *tabs = console->findChild<QTabWidget *>(QStringLiteral("consoleResponseTabs")))
        tabs->setCurrentIndex(2);
    // Most of the height to the response and its trace.
    if (auto *split = console->findChild<QSplitter *>(); split && split->orientation() == Qt::Vertical)
        split->setSizes({200, 800});
    waitFor([] { return false; }, 300);
    console->tracePane()->setTrace(console->lastTrace()); // fit the timeline to the new height
    waitFor([] { return false; }, 500);
    const QPixmap shot = window.consoleDock()->grab();
    window.runtimeController()->stop();
    if (!shot.save(out))
        return false;
    QTextStream(stdout) << "wrote " << out << " (" << shot.width() << "x" << shot.height() << ")\n";
    return true;
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("apigw-studio-screenshot"));
    QApplication::setApplicationName(QStringLiteral("gw_screenshot"));
    QStringList args = app.arguments();
    if (const int at = int(args.indexOf(QStringLiteral("--failed-trace"))); at > 0)
        return failedTraceShot(args.value(at + 1, QStringLiteral("console-failed-trace.png"))) ? 0 : 1;
    // --dark: everything in the dark palette (View ▸ Theme ▸ Dark), for main-window-dark.png.
    const bool dark = args.removeAll(QStringLiteral("--dark")) > 0;
    if (dark)
        Ui::Theme::apply(Ui::Settings::Theme::Dark);
    const int editorsAt = int(args.indexOf(QStringLiteral("--editors")));
    if (editorsAt > 0) {
        const QString dir = args.value(editorsAt + 1, QStringLiteral("."));
        args.remove(editorsAt, 2);
        if (!editorShots(dir))
            return 1;
    }
    const QString project = args.value(1, QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json"));
    const QString out = args.value(2, QStringLiteral("main-window.png"));

    Model::DocumentSession session;
    Runtime::RuntimeHost host;
    Ui::MainWindow window(&session, &host);
    window.setErrorFunction([](const QString &title, const QString &text) {
        QTextStream(stderr) << title << ": " << text << '\n';
    });
    if (!window.openFile(project))
        return 1;
    window.resize(1400, 900);
    window.show();
    waitFor([] { return false; }, 300);

    window.runtimeController()->start();
    // Select a MOCK GET if the sample has one, else the first method/route.
    const Model::Api &api = session.document().apis.first();
    Ui::NodeRef target;
    for (const Model::Resource &r : api.resources)
        for (const Model::Method &m : r.methods)
            if (!target.isValid() && m.httpMethod == QLatin1String("GET") && m.integration.type == Model::IntegrationType::Mock)
                target = {Ui::NodeRef::Kind::Method, api.id, m.id};
    if (!target.isValid() && !api.routes.isEmpty())
        target = {Ui::NodeRef::Kind::Route, api.id, api.routes.first().id};
    window.resourcesDock()->selectNode(target);
    // The MOCK's answer lives in the Integration Response: the box with the most to see.
    window.propertiesDock()->panel()->showStep(QStringLiteral("mapResponse"));
    if (dark) {
        // Scroll to the response template: the code editor in its dark colours.
        waitFor([] { return false; }, 200);
        if (auto *templates = window.propertiesDock()->panel()->findChild<Ui::TemplateMapEditor *>(QStringLiteral("responseTemplates")))
            for (QWidget *w = templates->parentWidget(); w; w = w->parentWidget())
                if (auto *area = qobject_cast<QScrollArea *>(w)) {
                    area->verticalScrollBar()->setValue(templates->mapTo(area->widget(), QPoint(0, 0)).y() - 24);
                    break;
                }
    }

    Ui::RequestConsole *console = window.consoleDock()->console();
    console->setHeader(QStringLiteral("Accept"), QStringLiteral("application/json"));
    if (window.runtimeController()->isRunning()) {
        console->send();
        waitFor([console] { return console->lastTrace() != nullptr; }, 10000);
        if (auto *tabs = console->findChild<QTabWidget *>(QStringLiteral("consoleResponseTabs")))
            tabs->setCurrentIndex(args.contains(QStringLiteral("--body")) ? 0 : 2);
    }
    waitFor([] { return false; }, 500);

    const QPixmap shot = window.grab();
    if (!shot.save(out)) {
        QTextStream(stderr) << "cannot write " << out << '\n';
        return 1;
    }
    QTextStream(stdout) << "wrote " << out << " (" << shot.width() << "x" << shot.height() << ")\n";
    window.runtimeController()->stop();
    return 0;
}
