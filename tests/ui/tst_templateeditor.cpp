// The template editor (offscreen): VTL highlighting, $input/$util/$context/$stageVariables
// completion, the live preview through the gateway's VTL engine with errors at line:column, and a
// bound template: edit → document changed → undo → document restored.
#include "model/documentsession.h"
#include "ui/code/codeeditor.h"
#include "ui/code/diagnosticmarkers.h"
#include "ui/code/vtlcompletion.h"
#include "ui/code/vtllexer.h"
#include "ui/editors/templateeditor.h"
#include "ui/editors/templatepreview.h"

#include <QLabel>
#include <QTest>

using namespace Gw;
using Style = Ui::VtlLexer::Style;

namespace {

// The style of the first byte of `needle` in `text`.
int styleAt(const QByteArray &text, const QByteArray &needle, int offset = 0)
{
    const QList<int> styles = Ui::VtlLexer::styles(text);
    const int at = int(text.indexOf(needle));
    Q_ASSERT(at >= 0);
    return styles[at + offset];
}

Model::ApiDocument documentWithTemplate(const QString &text)
{
    Model::ApiDocument doc;
    Model::Api api;
    api.id = QStringLiteral("api_t");
    api.name = QStringLiteral("T");
    Model::Resource root;
    root.id = QStringLiteral("res_root");
    Model::Method m;
    m.id = QStringLiteral("mth_t");
    m.httpMethod = QStringLiteral("POST");
    m.integration.requestTemplates.insert(QStringLiteral("application/json"), text);
    root.methods << m;
    api.resources << root;
    doc.apis << api;
    return doc;
}

QString &templateOf(Model::ApiDocument &d)
{
    return d.apis[0].resources[0].methods[0].integration.requestTemplates[QStringLiteral("application/json")];
}

} // namespace

class TestTemplateEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lexerStyles()
    {
        const QByteArray text = "## a comment\n#set($name = \"Rex\")\n{\"id\": $input.json('$.id'), "
                                "\"n\": ${name}, \"q\": $!util.urlEncode($x)}\n#* block\ncomment *#"
                                "#if($a == 10)yes#{else}no#end #[[ $raw ]]#";
        QCOMPARE(styleAt(text, "## a"), int(Style::Comment));
        QCOMPARE(styleAt(text, "comment\n#set", 3), int(Style::Comment));
        QCOMPARE(styleAt(text, "#set"), int(Style::Directive));
        QCOMPARE(styleAt(text, "$name"), int(Style::Reference));
        QCOMPARE(styleAt(text, "\"Rex\""), int(Style::String));  // a string inside directive arguments
        QCOMPARE(styleAt(text, "{\"id\""), int(Style::Default)); // template text stays plain
        QCOMPARE(styleAt(text, "\"id\""), int(Style::Default));
        QCOMPARE(styleAt(text, "$input.json", 7), int(Style::Reference));
        QCOMPARE(styleAt(text, "${name}", 6), int(Style::Reference));
        QCOMPARE(styleAt(text, "$!util"), int(Style::Reference));
        QCOMPARE(styleAt(text, "block"), int(Style::Comment));
        QCOMPARE(styleAt(text, "comment *#", 8), int(Style::Comment));
        QCOMPARE(styleAt(text, "#if"), int(Style::Directive));
        QCOMPARE(styleAt(text, "10)"), int(Style::Number));
        QCOMPARE(styleAt(text, "== 10"), int(Style::Operator));
        QCOMPARE(styleAt(text, "yes"), int(Style::Default)); // after the closing parenthesis
        QCOMPARE(styleAt(text, "#{else}", 3), int(Style::Directive));
        QCOMPARE(styleAt(text, "$raw"), int(Style::Unparsed));

        // Inside an editor the lexer colours the document.
        Ui::CodeEditor editor;
        editor.setLanguage(Ui::CodeEditor::Language::Vtl);
        QVERIFY(qobject_cast<Ui::VtlLexer *>(editor.lexer()));
        editor.setText(QStringLiteral("#set($a = 1)"));
        editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
        QCOMPARE(int(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, 0)), int(Style::Directive));
        QCOMPARE(int(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, 5)), int(Style::Reference));
    }

    void completionCandidates()
    {
        QCOMPARE(Ui::VtlCompletion::tokenBefore(QStringLiteral("{\"a\": $input.js")), QStringLiteral("$input.js"));
        QCOMPARE(Ui::VtlCompletion::tokenBefore(QStringLiteral("x $")), QStringLiteral("$"));
        QCOMPARE(Ui::VtlCompletion::tokenBefore(QStringLiteral("plain text")), QString());

        QCOMPARE(Ui::VtlCompletion::candidates(QStringLiteral("$")),
                 (QStringList{QStringLiteral("$input"), QStringLiteral("$util"), QStringLiteral("$context"),
                              QStringLiteral("$stageVariables")}));
        QCOMPARE(Ui::VtlCompletion::candidates(QStringLiteral("$st")), QStringList{QStringLiteral("$stageVariables")});
        QCOMPARE(Ui::VtlCompletion::candidates(QStringLiteral("$!{in")), QStringList{QStringLiteral("$input")});
        QCOMPARE(Ui::VtlCompletion::candidates(QStringLiteral("$input.")),
                 (QStringList{QStringLiteral("body"), QStringLiteral("json('$')"), QStringLiteral("params('name')"),
                              QStringLiteral("params()"), QStringLiteral("path('$')")}));
        QCOMPARE(Ui::VtlCompletion::candidates(QStringLiteral("$util.base")),
                 (QStringList{QStringLiteral("base64Decode()"), QStringLiteral("base64Encode()")}));
        QCOMPARE(Ui::VtlCompletion::candidates(QStringLiteral("$context.identity.so")), QStringList{QStringLiteral("sourceIp")});
        QVERIFY(Ui::VtlCompletion::candidates(QStringLiteral("$context.")).contains(QStringLiteral("identity")));
        QVERIFY(Ui::VtlCompletion::candidates(QStringLiteral("$context.")).contains(QStringLiteral("requestId")));
        QCOMPARE(Ui::VtlCompletion::candidates(QStringLiteral("$stageVariables.b"),
                                               {QStringLiteral("backendHost"), QStringLiteral("table")}),
                 QStringList{QStringLiteral("backendHost")});
        QVERIFY(Ui::VtlCompletion::candidates(QStringLiteral("$nothing.")).isEmpty());

        // In an editor: typing offers the list, choosing inserts the segment.
        Ui::CodeEditor editor;
        editor.setLanguage(Ui::CodeEditor::Language::Vtl);
        Ui::VtlCompletion completion(&editor);
        editor.setText(QStringLiteral("{\"ip\": \"$context.identity.so"));
        editor.setCursorPosition(0, editor.text().size());
        QVERIFY(completion.complete());
        QVERIFY(editor.isListActive());
        Q_EMIT editor.userListActivated(7301, QStringLiteral("sourceIp"));
        QCOMPARE(editor.text(), QStringLiteral("{\"ip\": \"$context.identity.sourceIp"));
        editor.setText(QStringLiteral("plain"));
        editor.setCursorPosition(0, 5);
        QVERIFY(!completion.complete());
    }

    void previewRendersTheSample()
    {
        Ui::SampleRequest sample;
        sample.body = QStringLiteral("{\"name\": \"Rex\", \"tags\": [\"a\", \"b\"]}");
        sample.params = QStringLiteral("{\"path\": {\"petId\": \"7\"}, \"querystring\": {\"limit\": \"5\"}, \"header\": {\"X-Trace\": \"t1\"}}");
        sample.stageVariables = QStringLiteral("{\"table\": \"pets-dev\"}");
        sample.httpMethod = QStringLiteral("POST");
        sample.resourcePath = QStringLiteral("/pets/{petId}");
        const Ui::PreviewResult r = Ui::renderPreview(
            QStringLiteral("{\"name\": \"$input.path('$.name')\", \"tags\": $input.json('$.tags'), "
                           "\"id\": \"$input.params('petId')\", \"limit\": $input.params().querystring.limit, "
                           "\"trace\": \"$input.params('X-Trace')\", \"table\": \"$stageVariables.table\", "
                           "\"method\": \"$context.httpMethod\", \"path\": \"$context.resourcePath\", "
                           "\"enc\": \"$util.urlEncode('a b')\"}"),
            sample);
        QVERIFY(r.ok());
        QCOMPARE(r.output, QStringLiteral("{\"name\": \"Rex\", \"tags\": [\"a\",\"b\"], \"id\": \"7\", \"limit\": 5, "
                                          "\"trace\": \"t1\", \"table\": \"pets-dev\", \"method\": \"POST\", "
                                          "\"path\": \"/pets/{petId}\", \"enc\": \"a+b\"}"));

        // A parse error has a line and a column.
        const Ui::PreviewResult bad = Ui::renderPreview(QStringLiteral("line one\n#foreach($x in [1, 2)\n$x\n#end"), sample);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.errors.first().line, 2);
        QVERIFY(bad.errors.first().column > 1);
        // A sample that is not JSON is reported as the sample's fault, not the template's.
        sample.params = QStringLiteral("{oops");
        const Ui::PreviewResult badSample = Ui::renderPreview(QStringLiteral("$input.body"), sample);
        QVERIFY(!badSample.ok());
        QVERIFY(badSample.errors.isEmpty());
        QVERIFY(badSample.sampleError.contains(QStringLiteral("parameters")));
    }

    void boundTemplateEditUndo()
    {
        Model::DocumentSession session;
        const QString original = QStringLiteral("{\"id\": \"$input.params('petId')\"}");
        session.reset(documentWithTemplate(original));
        const Model::ApiDocument before = session.document();
        Ui::TemplateEditor editor(&session);
        editor.resize(900, 500);
        editor.show();
        QVERIFY(!editor.editor()->isEnabled()); // unbound: nothing to edit
        editor.bind([](const Model::ApiDocument &d) { return d.apis[0].resources[0].methods[0].integration.requestTemplates.value(QStringLiteral("application/json")); },
                    [](Model::ApiDocument &d, const QString &v) { templateOf(d) = v; },
                    QStringLiteral("mth_t/requestTemplates/application/json"));
        QVERIFY(editor.editor()->isEnabled());
        QCOMPARE(editor.editor()->text(), original);
        QCOMPARE(editor.preview()->lastResult().output, QStringLiteral("{\"id\": \"1\"}")); // the default sample's petId

        // Typing key by key: the document follows, one undo step, the preview follows.
        editor.editor()->setFocus();
        editor.editor()->setCursorPosition(0, int(original.size()) - 1);
        QTest::keyClicks(editor.editor(), QStringLiteral(", \"n\": 2"));
        QCOMPARE(templateOf(const_cast<Model::ApiDocument &>(session.document())), QStringLiteral("{\"id\": \"$input.params('petId')\", \"n\": 2}"));
        QCOMPARE(session.undoStack()->count(), 1);
        QCOMPARE(editor.preview()->lastResult().output, QStringLiteral("{\"id\": \"1\", \"n\": 2}"));

        // An error is marked on its line and shown with line:column.
        editor.editor()->setText(QStringLiteral("{\n  \"a\": $input.json('$.a'),\n  #if($x == )\n}"));
        QVERIFY(!editor.preview()->lastResult().errors.isEmpty());
        const int line = editor.preview()->lastResult().errors.first().line;
        QCOMPARE(line, 3);
        QCOMPARE(editor.markers()->markedLines(), QList<int>{3});
        QVERIFY(editor.preview()->statusLabel()->text().startsWith(QStringLiteral("3:")));

        // Editing the sample renders again.
        editor.editor()->setText(QStringLiteral("$input.path('$.name')"));
        QCOMPARE(editor.preview()->lastResult().output, QStringLiteral("Rex"));
        editor.preview()->bodyEditor()->setText(QStringLiteral("{\"name\": \"Tom\"}"));
        QCOMPARE(editor.preview()->lastResult().output, QStringLiteral("Tom"));
        QVERIFY(editor.markers()->markedLines().isEmpty());

        session.undoStack()->undo();
        QVERIFY(session.document() == before);
        QCOMPARE(editor.editor()->text(), original);
        // Redo, then an edit from elsewhere (another view) shows up here.
        session.undoStack()->redo();
        QCOMPARE(editor.editor()->text(), QStringLiteral("$input.path('$.name')"));
        session.edit(QStringLiteral("elsewhere"), [](Model::ApiDocument &d) { templateOf(d) = QStringLiteral("#stop"); });
        QCOMPARE(editor.editor()->text(), QStringLiteral("#stop"));
    }
};

QTEST_MAIN(TestTemplateEditor)
#include "tst_templateeditor.moc"
