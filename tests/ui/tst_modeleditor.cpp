// The model editor (offscreen): draft-4 checks while typing with markers on the line, the
// sample-data pane validating a body against the model, and edit → undo → restored.
#include "model/documentsession.h"
#include "ui/code/codeeditor.h"
#include "ui/code/diagnosticmarkers.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/modeleditor.h"
#include "ui/editors/schemachecks.h"
#include "ui/models/nodelookup.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

namespace {
const Ui::NodeRef NewPet{Kind::Model, QStringLiteral("api_petstore"), QStringLiteral("mdl_newpet")};

const Model::ApiModel &model(const Model::DocumentSession &s)
{
    return *Ui::Lookup::model(s.document().apis.first(), NewPet.id);
}
} // namespace

class TestModelEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schemaChecksPlaceProblemsOnTheirLine()
    {
        const Ui::SchemaCheck syntax = Ui::checkSchemaText(QStringLiteral("{\n  \"type\": \"object\",\n  \"properties\": {\n}"));
        QVERIFY(!syntax.parsed);
        QCOMPARE(syntax.problems.size(), 1);
        QCOMPARE(syntax.problems.first().line, 4);

        const Ui::SchemaCheck shape = Ui::checkSchemaText(QStringLiteral(
            "{\n  \"type\": \"object\",\n  \"required\": \"name\",\n  \"properties\": {\n"
            "    \"name\": {\"type\": \"strin\"},\n    \"age\": {\"minimum\": \"0\"}\n  }\n}"));
        QVERIFY(shape.parsed);
        QList<int> lines;
        for (const auto &p : shape.problems)
            lines << p.line;
        std::sort(lines.begin(), lines.end());
        QCOMPARE(lines, (QList<int>{3, 5, 6}));

        const Ui::SchemaCheck fine = Ui::checkSchemaText(QStringLiteral("{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"array\", \"items\": {\"type\": \"integer\"}}"));
        QVERIFY(fine.parsed);
        QVERIFY(fine.problems.isEmpty());
        const Ui::SchemaCheck draft7 = Ui::checkSchemaText(QStringLiteral("{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}"));
        QCOMPARE(draft7.problems.size(), 1);
        QVERIFY(draft7.problems.first().warning);
    }

    void editSchemaValidateSampleUndo()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        Ui::ModelEditor editor(&session, NewPet);
        editor.resize(1000, 700);
        editor.show();
        Ui::CodeEditor *schema = editor.schemaEditor();
        QVERIFY(schema->text().contains(QStringLiteral("\"enum\"")));
        QVERIFY(editor.schemaMarkers()->markedLines().isEmpty());

        // The sample pane validates against the model.
        editor.sampleEditor()->setText(QStringLiteral("{\"type\": \"dog\", \"price\": 12}"));
        QVERIFY(editor.sampleViolations().isEmpty());
        editor.sampleEditor()->setText(QStringLiteral("{\"type\": \"parrot\", \"price\": -1}"));
        const QString violations = editor.sampleViolations().join(QLatin1Char('\n'));
        QVERIFY2(violations.contains(QStringLiteral("$.type")), qPrintable(violations));
        QVERIFY2(violations.contains(QStringLiteral("$.price")), qPrintable(violations));
        QVERIFY(!editor.sampleResult()->text().isEmpty());
        editor.sampleEditor()->setText(QStringLiteral("{\"type\": "));
        QCOMPARE(editor.sampleViolations().size(), 1);
        QVERIFY(editor.sampleViolations().first().startsWith(QStringLiteral("sample:")));
        editor.sampleEditor()->setText(QStringLiteral("{\"price\": 3}"));
        QVERIFY(!editor.sampleViolations().isEmpty()); // type is required
        QVERIFY(editor.sampleViolations().join(QLatin1Char('\n')).contains(QStringLiteral("type")));

        // Unfinished JSON: marked, the document keeps the last good schema.
        const QString good = schema->text();
        QString broken = good;
        broken.replace(QStringLiteral("\"minimum\": 0"), QStringLiteral("\"minimum\": 0,,"));
        schema->setText(broken);
        QVERIFY(model(session).schema == original.apis.first().models[2].schema);
        QCOMPARE(session.undoStack()->count(), 0);
        const int brokenLine = int(broken.left(broken.indexOf(QStringLiteral(",,"))).count(QLatin1Char('\n'))) + 1;
        QCOMPARE(editor.schemaMarkers()->markedLines(), QList<int>{brokenLine});
        QVERIFY(editor.schemaStatus()->text().startsWith(QString::number(brokenLine) + QLatin1Char(':')));

        // Valid JSON goes to the document, draft-4 problems are marked on their line.
        QString wrongType = good;
        wrongType.replace(QStringLiteral("\"minimum\": 0"), QStringLiteral("\"minimum\": \"zero\""));
        schema->setText(wrongType);
        QCOMPARE(model(session).schema.value(QStringLiteral("properties")).toObject().value(QStringLiteral("price")).toObject()
                     .value(QStringLiteral("minimum")).toString(), QStringLiteral("zero"));
        const int wrongLine = int(wrongType.left(wrongType.indexOf(QStringLiteral("\"minimum\""))).count(QLatin1Char('\n'))) + 1;
        QCOMPARE(editor.schemaMarkers()->markedLines(), QList<int>{wrongLine});

        // Fix it: the sample is validated against the new schema (a bigger enum).
        QString bigger = good;
        bigger.replace(QStringLiteral("\"fish\""), QStringLiteral("\"fish\",\n                \"parrot\""));
        schema->setText(bigger);
        QVERIFY(editor.schemaMarkers()->markedLines().isEmpty());
        QVERIFY(model(session).schema.value(QStringLiteral("properties")).toObject().value(QStringLiteral("type")).toObject()
                    .value(QStringLiteral("enum")).toArray().contains(QStringLiteral("parrot")));
        editor.sampleEditor()->setText(QStringLiteral("{\"type\": \"parrot\", \"price\": 1}"));
        QVERIFY(editor.sampleViolations().isEmpty());
        QCOMPARE(session.undoStack()->count(), 1); // schema typing merges into one step

        // Name: letters and digits, unique.
        auto *name = editor.findChild<QLineEdit *>(QStringLiteral("modelName"));
        QVERIFY(name);
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Pet"));
        QVERIFY(!Ui::FieldBinder::problemOf(name).isEmpty()); // "Pet" exists
        QTest::keyClicks(name, QStringLiteral(" 2"));
        QVERIFY(!Ui::FieldBinder::problemOf(name).isEmpty()); // a space
        QTest::keyClick(name, Qt::Key_Backspace);
        QTest::keyClick(name, Qt::Key_Backspace);
        QTest::keyClicks(name, QStringLiteral("Input"));
        QCOMPARE(model(session).name, QStringLiteral("PetInput"));
        QCOMPARE(Ui::FieldBinder::problemOf(name), QString());

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(name->text(), QStringLiteral("NewPet"));
        QVERIFY(Ui::checkSchemaText(schema->text()).schema == original.apis.first().models[2].schema);
        QVERIFY(editor.schemaMarkers()->markedLines().isEmpty());
    }
};

QTEST_MAIN(TestModelEditor)
#include "tst_modeleditor.moc"
