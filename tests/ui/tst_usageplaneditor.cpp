// The usage plan and API key editors (offscreen): name, throttling, quota, stages and keys bound;
// key value, generate, enabled — edit → document changed → undo → restored, wrong input flagged.
#include "model/documentsession.h"
#include "model/validation/lint.h"
#include "ui/editors/apikeyeditor.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/propertiespanel.h"
#include "ui/editors/usageplaneditor.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"
#include "ui/resourcesdock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QAction>
#include <QTest>
#include <QTreeView>

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

class TestUsagePlanEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planThrottleQuotaStagesKeys()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        Ui::NodeRef plan, key;
        session.edit(QStringLiteral("setup"), [&](Model::ApiDocument &doc) {
            plan = Ui::Edits::addUsagePlan(doc, QStringLiteral("Gold"));
            key = Ui::Edits::addApiKey(doc, QStringLiteral("partner"));
        });
        const int base = session.undoStack()->index();
        const Model::ApiDocument original = session.document();
        auto current = [&] { return *Ui::Lookup::usagePlan(session.document(), plan.id); };

        Ui::UsagePlanEditor editor(&session, plan);
        editor.show();
        auto *name = editor.findChild<QLineEdit *>(QStringLiteral("usagePlanName"));
        auto *rate = editor.findChild<QLineEdit *>(QStringLiteral("usagePlanRate"));
        auto *burst = editor.findChild<QLineEdit *>(QStringLiteral("usagePlanBurst"));
        auto *limit = editor.findChild<QLineEdit *>(QStringLiteral("usagePlanQuotaLimit"));
        auto *period = editor.findChild<QComboBox *>(QStringLiteral("usagePlanQuotaPeriod"));
        QVERIFY(name && rate && burst && limit && period);
        QCOMPARE(name->text(), QStringLiteral("Gold"));

        // Typing a name is one undo step; an empty name is flagged.
        typeInto(name, QStringLiteral("Platinum"));
        QCOMPARE(current().name, QStringLiteral("Platinum"));
        QCOMPARE(session.undoStack()->count(), base + 1);
        typeInto(name, QString());
        QVERIFY(!Ui::FieldBinder::problemOf(name).isEmpty());
        typeInto(name, QStringLiteral("Platinum"));
        QCOMPARE(Ui::FieldBinder::problemOf(name), QString());

        typeInto(rate, QStringLiteral("50"));
        QCOMPARE(current().throttle.rateLimit, 50.0);
        typeInto(rate, QStringLiteral("-3"));
        QVERIFY(!Ui::FieldBinder::problemOf(rate).isEmpty());
        typeInto(rate, QStringLiteral("50"));
        typeInto(burst, QStringLiteral("1.5"));
        QVERIFY(!Ui::FieldBinder::problemOf(burst).isEmpty()); // a burst is a whole number
        typeInto(burst, QStringLiteral("100"));
        QCOMPARE(Ui::FieldBinder::problemOf(burst), QString());
        QCOMPARE(current().throttle.burstLimit, 100);

        // A quota appears with its limit; the period row shows only then.
        QVERIFY(!current().quota.has_value());
        QVERIFY(period->isHidden());
        typeInto(limit, QStringLiteral("abc"));
        QVERIFY(!Ui::FieldBinder::problemOf(limit).isEmpty());
        QVERIFY(!current().quota.has_value());
        typeInto(limit, QStringLiteral("1000"));
        QVERIFY(current().quota.has_value());
        QCOMPARE(current().quota->limit, 1000);
        QVERIFY(!period->isHidden());
        QCOMPARE(period->currentData().toString(), QStringLiteral("DAY"));
        period->setCurrentIndex(period->findData(QStringLiteral("MONTH")));
        Q_EMIT period->activated(period->currentIndex());
        QVERIFY(current().quota->period == Model::QuotaPeriod::Month);

        // Stages and keys bound by checking them.
        QListWidget *stages = editor.stagesList();
        QListWidget *keys = editor.keysList();
        QVERIFY(stages->count() >= 1);
        QCOMPARE(keys->count(), int(session.document().apiKeys.size()));
        QListWidgetItem *stageItem = stages->item(0);
        QCOMPARE(stageItem->checkState(), Qt::Unchecked);
        stageItem->setCheckState(Qt::Checked);
        QCOMPARE(current().apiStages.size(), 1);
        QCOMPARE(current().apiStages.first().apiId, session.document().apis.first().id);
        QCOMPARE(current().apiStages.first().stage, session.document().apis.first().stages.first().name);
        QListWidgetItem *keyItem = nullptr;
        for (int i = 0; i < keys->count(); ++i)
            if (keys->item(i)->data(Qt::UserRole + 1).toString() == key.id)
                keyItem = keys->item(i);
        QVERIFY(keyItem);
        keyItem->setCheckState(Qt::Checked);
        QCOMPARE(current().apiKeyIds, QStringList{key.id});
        QVERIFY(!Model::hasErrors(Model::lint(session.document())));

        // Undo one step: the key is unbound again and the list follows.
        session.undoStack()->undo();
        QVERIFY(current().apiKeyIds.isEmpty());
        bool anyChecked = false;
        for (int i = 0; i < keys->count(); ++i)
            anyChecked = anyChecked || keys->item(i)->checkState() == Qt::Checked;
        QVERIFY(!anyChecked);

        while (session.undoStack()->index() > base)
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(name->text(), QStringLiteral("Gold"));
        QCOMPARE(rate->text(), QString());
        QCOMPARE(limit->text(), QString());
        QCOMPARE(stages->item(0)->checkState(), Qt::Unchecked);
    }

    void keyValueGenerateEnabled()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        Ui::NodeRef key;
        session.edit(QStringLiteral("setup"), [&](Model::ApiDocument &doc) {
            key = Ui::Edits::addApiKey(doc, QStringLiteral("partner"));
        });
        const int base = session.undoStack()->index();
        const Model::ApiDocument original = session.document();
        auto current = [&] { return *Ui::Lookup::apiKey(session.document(), key.id); };

        Ui::ApiKeyEditor editor(&session, key);
        editor.show();
        auto *name = editor.findChild<QLineEdit *>(QStringLiteral("apiKeyName"));
        auto *value = editor.findChild<QLineEdit *>(QStringLiteral("apiKeyValue"));
        auto *generate = editor.findChild<QPushButton *>(QStringLiteral("apiKeyGenerate"));
        auto *enabled = editor.findChild<QCheckBox *>(QStringLiteral("apiKeyEnabled"));
        QVERIFY(name && value && generate && enabled);
        QCOMPARE(value->text(), original.apiKeys.last().value);
        QVERIFY(enabled->isChecked());

        typeInto(value, QStringLiteral("short"));
        QCOMPARE(current().value, QStringLiteral("short"));
        QVERIFY(!Ui::FieldBinder::problemOf(value).isEmpty()); // AWS wants 20–128 characters
        QVERIFY(Model::hasErrors(Model::lint(session.document())));
        typeInto(value, QStringLiteral("abcdefghijklmnopqrstuvwxyz"));
        QCOMPARE(Ui::FieldBinder::problemOf(value), QString());
        QCOMPARE(session.undoStack()->count(), base + 1); // typing merges

        QTest::mouseClick(generate, Qt::LeftButton);
        QCOMPARE(session.undoStack()->count(), base + 2); // generating is its own step
        const QString generated = current().value;
        QCOMPARE(generated.size(), 40);
        QVERIFY(generated != QStringLiteral("abcdefghijklmnopqrstuvwxyz"));
        QVERIFY(generated != original.apiKeys.last().value);
        for (const QChar c : generated)
            QVERIFY(c.isLetterOrNumber() && c.unicode() < 128);
        QCOMPARE(value->text(), generated);
        QCOMPARE(Ui::FieldBinder::problemOf(value), QString());

        // Two keys may not share a value.
        Ui::NodeRef other;
        session.edit(QStringLiteral("other"), [&](Model::ApiDocument &doc) {
            other = Ui::Edits::addApiKey(doc, QStringLiteral("other"));
        });
        typeInto(value, Ui::Lookup::apiKey(session.document(), other.id)->value);
        QVERIFY(!Ui::FieldBinder::problemOf(value).isEmpty());
        session.undoStack()->undo(); // the typing
        session.undoStack()->undo(); // the other key

        enabled->click();
        QVERIFY(!current().enabled);
        typeInto(name, QString());
        QVERIFY(!Ui::FieldBinder::problemOf(name).isEmpty());

        while (session.undoStack()->index() > base)
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(value->text(), original.apiKeys.last().value);
        QVERIFY(enabled->isChecked());
    }
    void addRemoveThroughTheDock()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        Ui::ResourcesDock dock(&session);
        // Removing what a plan binds asks first (issue 5): answer yes without a modal dialog.
        int asked = 0;
        dock.setConfirmFunction([&](const QString &, const QString &) { return ++asked > 0; });
        Ui::PropertiesPanel panel(&session);
        QObject::connect(&dock, &Ui::ResourcesDock::currentNodeChanged, &panel, &Ui::PropertiesPanel::setNode);
        dock.show();

        dock.addUsagePlanAction()->trigger();
        QCOMPARE(session.document().usagePlans.size(), original.usagePlans.size() + 1);
        const Ui::NodeRef plan = dock.currentNode();
        QCOMPARE(plan.kind, Kind::UsagePlan);
        QCOMPARE(plan.id, session.document().usagePlans.last().id);
        QVERIFY(panel.findChild<Ui::UsagePlanEditor *>());

        dock.addApiKeyAction()->trigger();
        const Ui::NodeRef key = dock.currentNode();
        QCOMPARE(key.kind, Kind::ApiKey);
        QCOMPARE(session.document().apiKeys.last().value.size(), 40);
        QVERIFY(panel.findChild<Ui::ApiKeyEditor *>());
        QVERIFY(!Model::hasErrors(Model::lint(session.document())));

        // Bind the key and the dev stage, then remove: the plan forgets what went away.
        const QString apiId = original.apis.first().id;
        const QString stage = original.apis.first().stages.first().name;
        session.edit(QStringLiteral("bind"), [&](Model::ApiDocument &d) {
            Model::UsagePlan *p = Ui::Lookup::usagePlan(d, plan.id);
            p->apiKeyIds << key.id;
            p->apiStages << Model::ApiStageRef{apiId, stage};
        });
        QVERIFY(dock.removeAction()->isEnabled());
        dock.removeAction()->trigger();
        QVERIFY(!Ui::Lookup::apiKey(session.document(), key.id));
        QVERIFY(Ui::Lookup::usagePlan(session.document(), plan.id)->apiKeyIds.isEmpty());
        QVERIFY(dock.removeNode({Kind::Stage, apiId, stage}));
        QVERIFY(Ui::Lookup::usagePlan(session.document(), plan.id)->apiStages.isEmpty());
        QCOMPARE(asked, 2); // the key and the stage were still bound
        dock.selectNode(plan);
        dock.removeAction()->trigger();
        QVERIFY(!Ui::Lookup::usagePlan(session.document(), plan.id));
        // Groups themselves are not removable.
        dock.selectNode({Kind::UsagePlanGroup, {}, {}});
        QVERIFY(!dock.removeAction()->isEnabled());

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
    }
};

QTEST_MAIN(TestUsagePlanEditor)
#include "tst_usageplaneditor.moc"
