// The stage and function editors (offscreen): variables, throttling, canary; runtime, handler,
// code folder picker, environment, limits — edit → document changed → undo → restored, wrong
// input flagged.
#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/functioneditor.h"
#include "ui/editors/stageeditor.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

} // namespace

class TestStageFunctionEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stageVariablesThrottlingCanary()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        const Model::Api &api0 = original.apis.first();
        QVERIFY(!api0.stages.isEmpty());
        const Ui::NodeRef ref{Kind::Stage, api0.id, api0.stages.first().name};
        auto stage = [&] { return *Ui::Lookup::stage(session.document().apis.first(), ref.id); };
        Ui::StageEditor editor(&session, ref);
        editor.show();

        Ui::MapTableModel *vars = editor.variablesModel();
        QAbstractItemModelTester tester(vars, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(vars->rowCount(), int(api0.stages.first().variables.size()));
        const int row = vars->appendEntry();
        QVERIFY(row >= 0);
        QVERIFY(stage().variables.contains(QStringLiteral("name")));
        QVERIFY(vars->setData(vars->index(row, 0), QStringLiteral("table-name")));
        QVERIFY(!vars->problem(vars->rowOf(QStringLiteral("table-name")), 0).isEmpty()); // '-' not allowed
        QVERIFY(vars->setData(vars->index(vars->rowOf(QStringLiteral("table-name")), 0), QStringLiteral("table")));
        const int table = vars->rowOf(QStringLiteral("table"));
        QVERIFY(vars->setData(vars->index(table, 1), QStringLiteral("pets dev")));
        QVERIFY(!vars->problem(table, 1).isEmpty()); // no spaces in stage variable values
        QVERIFY(vars->setData(vars->index(table, 1), QStringLiteral("pets-dev")));
        QCOMPARE(vars->problem(table, 1), QString());
        QCOMPARE(stage().variables.value(QStringLiteral("table")), QStringLiteral("pets-dev"));

        auto *rate = editor.findChild<QLineEdit *>(QStringLiteral("stageThrottleRate"));
        auto *burst = editor.findChild<QLineEdit *>(QStringLiteral("stageThrottleBurst"));
        auto *canary = editor.findChild<QLineEdit *>(QStringLiteral("stageCanaryPercent"));
        QVERIFY(rate && burst && canary);
        typeInto(rate, QStringLiteral("12.5"));
        QCOMPARE(stage().throttle.rateLimit, 12.5);
        typeInto(burst, QStringLiteral("2.5"));
        QVERIFY(!Ui::FieldBinder::problemOf(burst).isEmpty()); // a burst is a whole number
        typeInto(burst, QStringLiteral("20"));
        QCOMPARE(stage().throttle.burstLimit, 20);
        QCOMPARE(Ui::FieldBinder::problemOf(burst), QString());
        typeInto(burst, QString());
        QCOMPARE(stage().throttle.burstLimit, -1); // empty: inherit
        typeInto(canary, QStringLiteral("150"));
        QVERIFY(!Ui::FieldBinder::problemOf(canary).isEmpty());
        typeInto(canary, QStringLiteral("10"));
        QVERIFY(stage().canary.has_value());
        QCOMPARE(stage().canary->percentTraffic, 10.0);
        typeInto(canary, QString());
        QVERIFY(!stage().canary.has_value());

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(rate->text(), QString());
        QCOMPARE(vars->rowCount(), int(api0.stages.first().variables.size()));
    }

    void functionFieldsFolderAndEnvironment()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        const Ui::NodeRef ref{Kind::Function, QString(), QStringLiteral("fn_pets")};
        auto fn = [&] { return *Ui::Lookup::function(session.document(), ref.id); };
        Ui::FunctionEditor editor(&session, ref);
        editor.show();

        auto *runtime = editor.findChild<QComboBox *>(QStringLiteral("functionRuntime"));
        auto *handler = editor.findChild<QLineEdit *>(QStringLiteral("functionHandler"));
        auto *folder = editor.findChild<QLineEdit *>(QStringLiteral("functionCodeDirectory"));
        auto *name = editor.findChild<QLineEdit *>(QStringLiteral("functionName"));
        QVERIFY(runtime && handler && folder && name);
        QCOMPARE(folder->text(), QStringLiteral("functions/pets"));
        QCOMPARE(Ui::FieldBinder::problemOf(folder), QString()); // exists next to the sample

        // Runtime and handler: module.function for Python and Node, anything for provided.
        const int node = runtime->findData(QStringLiteral("nodejs20.x"));
        runtime->setCurrentIndex(node);
        Q_EMIT runtime->activated(node);
        QCOMPARE(fn().runtime, QStringLiteral("nodejs20.x"));
        typeInto(handler, QStringLiteral("index"));
        QVERIFY(!Ui::FieldBinder::problemOf(handler).isEmpty());
        typeInto(handler, QStringLiteral("index.handler"));
        QCOMPARE(Ui::FieldBinder::problemOf(handler), QString());
        QCOMPARE(fn().handler, QStringLiteral("index.handler"));
        const int provided = runtime->findData(QStringLiteral("provided.al2023"));
        runtime->setCurrentIndex(provided);
        Q_EMIT runtime->activated(provided);
        typeInto(handler, QStringLiteral("bootstrap"));
        QCOMPARE(Ui::FieldBinder::problemOf(handler), QString());

        // The folder picker stores the folder relative to the project.
        QString askedFrom;
        editor.setFolderChooser([&](const QString &current) -> QString {
            askedFrom = current;
            return QFileInfo(sample("petstore-rest.apigw.json")).absolutePath() + QStringLiteral("/functions");
        });
        QTest::mouseClick(editor.browseButton(), Qt::LeftButton);
        QVERIFY(askedFrom.endsWith(QStringLiteral("functions/pets")));
        QCOMPARE(fn().codeDirectory, QStringLiteral("functions"));
        QCOMPARE(folder->text(), QStringLiteral("functions"));
        typeInto(folder, QStringLiteral("functions/nowhere"));
        QVERIFY(!Ui::FieldBinder::problemOf(folder).isEmpty());

        // Limits.
        editor.findChild<QSpinBox *>(QStringLiteral("functionTimeout"))->setValue(30);
        editor.findChild<QSpinBox *>(QStringLiteral("functionMemory"))->setValue(512);
        QCOMPARE(fn().timeout, 30);
        QCOMPARE(fn().memorySize, 512);

        // Environment: reserved names are flagged.
        Ui::MapTableModel *env = editor.environmentModel();
        QAbstractItemModelTester tester(env, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int row = env->appendEntry();
        QVERIFY(env->setData(env->index(row, 0), QStringLiteral("AWS_REGION")));
        QVERIFY(!env->problem(env->rowOf(QStringLiteral("AWS_REGION")), 0).isEmpty());
        QVERIFY(env->setData(env->index(env->rowOf(QStringLiteral("AWS_REGION")), 0), QStringLiteral("TABLE")));
        QVERIFY(env->setData(env->index(env->rowOf(QStringLiteral("TABLE")), 1), QStringLiteral("pets")));
        QCOMPARE(fn().environment.value(QStringLiteral("TABLE")), QStringLiteral("pets"));
        QCOMPARE(env->problemCount(), 0);

        // Renaming follows the integrations that call the function.
        typeInto(name, QStringLiteral("pets-api"));
        QCOMPARE(fn().name, QStringLiteral("pets-api"));
        QCOMPARE(Ui::Lookup::method(session.document().apis.first(), QStringLiteral("mth_pets_post"))->integration.functionName,
                 QStringLiteral("pets-api"));

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(runtime->currentData().toString(), original.functions.first().runtime);
        QCOMPARE(name->text(), QStringLiteral("pets-handler"));
        QCOMPARE(env->rowCount(), 0);
    }
};

QTEST_MAIN(TestStageFunctionEditor)
#include "tst_stagefunctioneditor.moc"
