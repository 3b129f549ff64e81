// Quick open (offscreen): Ctrl+P in the main window opens the popup, the filter narrows the
// entries by name or path, Enter selects the node in the resources tree.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/mainwindow.h"
#include "ui/models/documentedits.h"
#include "ui/quickopen.h"
#include "ui/resourcesdock.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QStandardPaths>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

namespace {
QString sample(const char *name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
}
} // namespace

class TestQuickOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("apigw-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_quickopen"));
    }

    void entriesAndMatching()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        session.edit(QStringLiteral("plan"), [](Model::ApiDocument &doc) {
            Ui::Edits::addUsagePlan(doc, QStringLiteral("Gold"));
        });
        const QList<Ui::QuickOpen::Entry> all = Ui::QuickOpen::entries(session.document());
        auto find = [&](const QString &label) -> const Ui::QuickOpen::Entry * {
            for (const auto &e : all)
                if (e.label == label)
                    return &e;
            return nullptr;
        };
        const auto *petGet = find(QStringLiteral("GET /pets/{petId}"));
        QVERIFY(petGet);
        QCOMPARE(petGet->node.kind, Kind::Method);
        QVERIFY(find(QStringLiteral("/pets")));
        QVERIFY(find(QStringLiteral("dev")));
        QVERIFY(find(QStringLiteral("pets-handler")));
        QVERIFY(find(QStringLiteral("Gold")));
        QCOMPARE(find(QStringLiteral("Gold"))->node.kind, Kind::UsagePlan);

        QVERIFY(Ui::QuickOpen::matches(*petGet, QStringLiteral("petid get")));
        QVERIFY(Ui::QuickOpen::matches(*petGet, QStringLiteral("method PETSTORE")));
        QVERIFY(Ui::QuickOpen::matches(*petGet, QString()));
        QVERIFY(!Ui::QuickOpen::matches(*petGet, QStringLiteral("post")));
        QVERIFY(!Ui::QuickOpen::matches(*petGet, QStringLiteral("get toys")));
    }

    void ctrlPSelectsInTree()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        window.setConfirmFunction([](const QString &) { return Ui::MainWindow::SaveChoice::Discard; });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(sample("petstore-rest.apigw.json")));

        auto *action = window.findChild<QAction *>(QStringLiteral("quickOpenAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
        action->trigger();
        auto *popup = window.findChild<Ui::QuickOpen *>(QStringLiteral("quickOpen"));
        QVERIFY(popup);
        QVERIFY(popup->isVisible());
        QLineEdit *filter = popup->filterEdit();
        QListWidget *list = popup->list();
        const int everything = list->count();
        QVERIFY(everything > 5);

        QTest::keyClicks(filter, QStringLiteral("get petid"));
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().startsWith(QLatin1String("GET /pets/{petId}")));
        QTest::keyClick(filter, Qt::Key_Return);
        QVERIFY(!popup->isVisible());
        const Ui::NodeRef current = window.resourcesDock()->currentNode();
        QCOMPARE(current.kind, Kind::Method);
        QCOMPARE(current.apiId, QStringLiteral("api_petstore"));
        QCOMPARE(Ui::QuickOpen::entries(session.document()).size(), everything);

        // Reopening starts from an empty filter; arrows move, Escape closes without selecting.
        action->trigger();
        QVERIFY(popup->isVisible());
        QCOMPARE(filter->text(), QString());
        QCOMPARE(list->count(), everything);
        QTest::keyClicks(filter, QStringLiteral("stage dev"));
        QVERIFY(list->count() >= 1);
        QTest::keyClick(filter, Qt::Key_Escape);
        QVERIFY(!popup->isVisible());
        QCOMPARE(window.resourcesDock()->currentNode(), current);

        action->trigger();
        QTest::keyClicks(filter, QStringLiteral("stage dev"));
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(window.resourcesDock()->currentNode(), (Ui::NodeRef{Kind::Stage, QStringLiteral("api_petstore"), QStringLiteral("dev")}));

        // No match: Enter does nothing.
        action->trigger();
        QTest::keyClicks(filter, QStringLiteral("zzzz-nothing"));
        QCOMPARE(list->count(), 0);
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(window.resourcesDock()->currentNode().kind, Kind::Stage);
        QTest::keyClick(filter, Qt::Key_Escape);
    }
};

QTEST_MAIN(TestQuickOpen)
#include "tst_quickopen.moc"
