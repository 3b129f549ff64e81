// Renders the main window on a sample (runtime started, a method selected, one console request
// sent) to a PNG for the docs: gw_screenshot [PROJECT] [OUT.png]; run under xvfb-run.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/console/consoledock.h"
#include "ui/console/requestconsole.h"
#include "ui/mainwindow.h"
#include "ui/models/noderef.h"
#include "ui/resourcesdock.h"
#include "ui/runtimecontroller.h"

#include <QApplication>
#include <QElapsedTimer>
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

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("apigw-studio-screenshot"));
    QApplication::setApplicationName(QStringLiteral("gw_screenshot"));
    const QStringList args = app.arguments();
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
