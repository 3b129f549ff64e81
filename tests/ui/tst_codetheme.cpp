// Light and dark palettes (offscreen): the code editors follow the palette — dark paper and light
// text when it is dark — for the JSON and VTL lexers; the theme setting; View ▸ Theme.
#include "runtime/runtimehost.h"
#include "model/documentsession.h"
#include "ui/code/codeeditor.h"
#include "ui/code/codetheme.h"
#include "ui/code/vtllexer.h"
#include "ui/mainwindow.h"
#include "ui/settings.h"
#include "ui/theme.h"

#include <QAction>
#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw;

class TestCodeTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("apigw-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_codetheme"));
        Ui::Settings().setTheme(Ui::Settings::Theme::System);
        QVERIFY(!Ui::Theme::isDark()); // offscreen starts light
    }

    void cleanup() { Ui::Theme::apply(Ui::Settings::Theme::System); }

    void editorsFollowThePalette_data()
    {
        QTest::addColumn<int>("language");
        QTest::newRow("json") << int(Ui::CodeEditor::Language::Json);
        QTest::newRow("vtl") << int(Ui::CodeEditor::Language::Vtl);
        QTest::newRow("plain") << int(Ui::CodeEditor::Language::PlainText);
    }

    void editorsFollowThePalette()
    {
        QFETCH(int, language);
        Ui::CodeEditor editor;
        editor.setLanguage(Ui::CodeEditor::Language(language));
        editor.setText(QStringLiteral("{\"a\": 1}"));
        editor.show();
        auto paper = [&] {
            return editor.lexer() ? editor.lexer()->paper(0) : editor.paper();
        };
        auto text = [&] {
            return editor.lexer() ? editor.lexer()->color(0) : editor.color();
        };
        // What Scintilla itself paints with (the default style's background).
        auto painted = [&] {
            const long bgr = editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, 0L);
            return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
        };
        QVERIFY(!editor.isDark());
        QVERIFY(paper().lightness() > 200);
        QVERIFY(text().lightness() < 100);

        Ui::Theme::apply(Ui::Settings::Theme::Dark);
        QVERIFY(Ui::Theme::isDark());
        QVERIFY(editor.isDark());
        QVERIFY2(paper().lightness() < 60, qPrintable(paper().name()));
        QVERIFY2(text().lightness() > 160, qPrintable(text().name()));
        QVERIFY2(painted().lightness() < 60, qPrintable(painted().name()));
        if (auto *vtl = qobject_cast<Ui::VtlLexer *>(editor.lexer())) {
            QVERIFY(vtl->isDark());
            // Every VTL style stays readable on the dark paper.
            for (int s = 0; s < Ui::VtlLexer::StyleCount; ++s)
                QVERIFY2(vtl->color(s).lightness() > 110, qPrintable(vtl->description(s)));
        }
        if (auto *json = qobject_cast<QsciLexerJSON *>(editor.lexer())) {
            for (int s : {int(QsciLexerJSON::String), int(QsciLexerJSON::Property), int(QsciLexerJSON::Number),
                          int(QsciLexerJSON::Keyword)})
                QVERIFY2(json->color(s).lightness() > 110, qPrintable(json->description(s)));
        }

        Ui::Theme::apply(Ui::Settings::Theme::Light);
        QVERIFY(!editor.isDark());
        QVERIFY(paper().lightness() > 200);
        QVERIFY(painted().lightness() > 200);
        QVERIFY(text().lightness() < 100);
    }

    void newEditorsStartDarkInADarkPalette()
    {
        Ui::Theme::apply(Ui::Settings::Theme::Dark);
        Ui::CodeEditor editor;
        editor.setLanguage(Ui::CodeEditor::Language::Vtl);
        QVERIFY(editor.isDark());
        QVERIFY(editor.lexer()->paper(0).lightness() < 60);
    }

    void themeSetting()
    {
        QTemporaryDir dir;
        Ui::Settings settings(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(settings.theme(), Ui::Settings::Theme::System);
        settings.setTheme(Ui::Settings::Theme::Dark);
        settings.sync();
        QCOMPARE(Ui::Settings(dir.filePath(QStringLiteral("s.ini"))).theme(), Ui::Settings::Theme::Dark);
        QCOMPARE(Ui::Settings::themeFromName(QStringLiteral("Light")), std::optional(Ui::Settings::Theme::Light));
        QVERIFY(!Ui::Settings::themeFromName(QStringLiteral("purple")));
    }

    void viewMenuSwitchesAndRemembers()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        {
            Ui::MainWindow window(&session, &host);
            auto *dark = window.findChild<QAction *>(QStringLiteral("theme_dark"));
            auto *system = window.findChild<QAction *>(QStringLiteral("theme_system"));
            QVERIFY(dark && system);
            QVERIFY(system->isChecked());
            dark->trigger();
            QVERIFY(Ui::Theme::isDark());
            QCOMPARE(Ui::Settings().theme(), Ui::Settings::Theme::Dark);
            system->trigger();
            QVERIFY(!Ui::Theme::isDark());
            dark->trigger();
        }
        Ui::Theme::apply(Ui::Settings::Theme::System);
        // A new window starts in the remembered theme.
        Ui::MainWindow again(&session, &host);
        QVERIFY(Ui::Theme::isDark());
        QVERIFY(again.findChild<QAction *>(QStringLiteral("theme_dark"))->isChecked());
        Ui::Settings().setTheme(Ui::Settings::Theme::System);
    }
};

QTEST_MAIN(TestCodeTheme)
#include "tst_codetheme.moc"
