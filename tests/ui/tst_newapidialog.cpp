// The New API wizard (offscreen): every type × starter adds one API in one undo step, lints
// without errors, and undo restores the document; an empty name is refused.
#include "model/documentsession.h"
#include "model/validation/lint.h"
#include "runtime/runtimehost.h"
#include "ui/mainwindow.h"
#include "ui/models/apistarters.h"
#include "ui/models/nodelookup.h"
#include "ui/newapidialog.h"
#include "ui/resourcesdock.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QStandardPaths>
#include <QTest>

using namespace Gw;
using Starter = Ui::Starters::Starter;

namespace {
QString sample(const char *name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
}

QString errorsOf(const Model::Diagnostics &diags)
{
    QStringList out;
    for (const Model::Diagnostic &d : diags)
        if (d.isError())
            out << d.location + QLatin1String(": ") + d.message;
    return out.join(QLatin1Char('\n'));
}
} // namespace

class TestNewApiDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("apigw-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_newapidialog"));
    }

    void everyStarterLintsCleanAndUndoes_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("starter");
        QTest::addColumn<int>("minOperations");
        for (const Model::ApiType type : {Model::ApiType::Rest, Model::ApiType::Http, Model::ApiType::WebSocket})
            for (const Starter s : Ui::Starters::startersFor(type)) {
                const int ops = s == Starter::Blank ? 0 : s == Starter::LambdaProxyCrud ? 5 : 1;
                QTest::addRow("%s/%s", qPrintable(Model::toString(type)), qPrintable(Ui::Starters::title(s)))
                    << int(type) << int(s) << ops;
            }
    }

    void everyStarterLintsCleanAndUndoes()
    {
        QFETCH(int, type);
        QFETCH(int, starter);
        QFETCH(int, minOperations);
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        QCOMPARE(errorsOf(Model::lint(original)), QString());

        Ui::NewApiDialog dialog(&session);
        dialog.setApiType(type);
        QCOMPARE(dialog.apiType(), type);
        QVERIFY(dialog.setStarter(starter));
        dialog.nameEdit()->setText(QStringLiteral("Shop"));
        const Ui::NodeRef created = dialog.createApi();
        QVERIFY(created.isValid());
        QCOMPARE(session.undoStack()->count(), 1);
        QCOMPARE(session.document().apis.size(), original.apis.size() + 1);
        const Model::Api *api = Ui::Lookup::api(session.document(), created.apiId);
        QVERIFY(api);
        QCOMPARE(api->name, QStringLiteral("Shop"));
        QCOMPARE(int(api->type), type);
        int operations = 0;
        for (const Model::Resource &r : api->resources)
            operations += int(r.methods.size());
        operations += int(api->routes.size());
        if (type == int(Model::ApiType::WebSocket) && starter == int(Starter::Blank))
            minOperations = 3; // $connect, $disconnect, $default
        QVERIFY2(operations >= minOperations, qPrintable(QString::number(operations)));
        QVERIFY(!api->stages.isEmpty());
        QCOMPARE(errorsOf(Model::lint(session.document())), QString());

        session.undoStack()->undo();
        QVERIFY(session.document() == original);
    }

    void starterSpecifics()
    {
        Model::ApiDocument doc;
        Ui::Starters::add(doc, Model::ApiType::Rest, Starter::LambdaProxyCrud, QStringLiteral("A"));
        Ui::Starters::add(doc, Model::ApiType::Http, Starter::LambdaProxyCrud, QStringLiteral("B"));
        // Each Lambda starter brings its own function, named apart from the first.
        QCOMPARE(doc.functions.size(), 2);
        QVERIFY(doc.functions.at(0).name != doc.functions.at(1).name);
        QCOMPARE(doc.apis.at(1).routes.first().integration.functionName, doc.functions.at(1).name);
        QCOMPARE(doc.apis.at(1).routes.first().integration.payloadFormatVersion, QStringLiteral("2.0"));

        Ui::Starters::add(doc, Model::ApiType::Http, Starter::JwtHttpApi, QStringLiteral("C"));
        const Model::Api &jwt = doc.apis.at(2);
        QCOMPARE(jwt.authorizers.size(), 1);
        QVERIFY(jwt.authorizers.first().type == Model::AuthorizerType::Jwt);
        int protectedRoutes = 0;
        for (const Model::Route &r : jwt.routes)
            if (r.authorizerId == jwt.authorizers.first().id)
                ++protectedRoutes;
        QCOMPARE(protectedRoutes, 2);

        Ui::Starters::add(doc, Model::ApiType::WebSocket, Starter::WebSocketChat, QStringLiteral("D"));
        QStringList keys;
        for (const Model::Route &r : doc.apis.at(3).routes)
            keys << r.routeKey;
        QVERIFY(keys.contains(QStringLiteral("sendmessage")));
        QVERIFY(keys.contains(QStringLiteral("$connect")));
        QCOMPARE(errorsOf(Model::lint(doc)), QString());
        // A starter the type does not offer is refused by the dialog.
        Model::DocumentSession session;
        Ui::NewApiDialog dialog(&session);
        dialog.setApiType(int(Model::ApiType::WebSocket));
        QVERIFY(!dialog.setStarter(int(Starter::Mock)));
    }

    void fromTheFileMenu()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        window.setConfirmFunction([](const QString &) { return Ui::MainWindow::SaveChoice::Discard; });
        window.show();
        QVERIFY(window.openFile(sample("petstore-rest.apigw.json")));
        const Model::ApiDocument original = session.document();

        auto *action = window.findChild<QAction *>(QStringLiteral("newApiAction"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = window.findChild<Ui::NewApiDialog *>(QStringLiteral("newApiDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->setApiType(int(Model::ApiType::Http));
        QVERIFY(dialog->setStarter(int(Starter::JwtHttpApi)));
        // An empty name keeps the dialog open and the document unchanged.
        dialog->nameEdit()->clear();
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(session.document() == original);
        dialog->nameEdit()->setText(QStringLiteral("Secure"));
        dialog->accept();
        QVERIFY(!dialog->isVisible());
        QCOMPARE(session.document().apis.size(), original.apis.size() + 1);
        QCOMPARE(session.document().apis.last().name, QStringLiteral("Secure"));
        QCOMPARE(window.resourcesDock()->currentNode(), Ui::NodeRef::api(session.document().apis.last().id));
        QVERIFY(session.isModified());
        session.undoStack()->undo();
        QVERIFY(session.document() == original);
    }
};

QTEST_MAIN(TestNewApiDialog)
#include "tst_newapidialog.moc"
