// The one code editor of the studio, on QsciScintilla.
#include "ui/code/codeeditor.h"

#include "ui/code/codetheme.h"
#include "ui/code/vtllexer.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>

namespace Gw::Ui {

CodeEditor::CodeEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setMarginsFont(mono);
    setUtf8(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(2);
    setIndentationGuides(true);
    setCaretLineVisible(true);
    setMarginLineNumbers(0, true);
    setMarginWidth(1, 0);
    setWrapMode(QsciScintilla::WrapNone);
    // Grow the horizontal scroll range with the text instead of a fixed 2000px page.
    setScrollWidth(1);
    setScrollWidthTracking(true);
    setFrameShape(QFrame::StyledPanel);
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateMarginWidth);
    updateMarginWidth();
    applyTheme();
}

bool CodeEditor::event(QEvent *event)
{
    const bool result = QsciScintilla::event(event);
    // The application palette changed (View ▸ Theme, or the desktop switched to dark).
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::Show) // a window never shown misses the palette change
        applyTheme();
    return result;
}

void CodeEditor::applyTheme()
{
    if (m_applyingTheme)
        return;
    m_applyingTheme = true;
    // QsciScintilla keeps a palette of its own (it does not inherit): follow the application's.
    const bool dark = CodeTheme::isDark(QApplication::palette());
    const CodeTheme::Colors &c = CodeTheme::colors(dark);
    setCaretLineBackgroundColor(c.caretLine);
    setCaretForegroundColor(c.text);
    setMarginsBackgroundColor(c.marginPaper);
    setMarginsForegroundColor(c.marginText);
    setSelectionBackgroundColor(c.selection);
    setSelectionForegroundColor(c.text);
    setMatchedBraceBackgroundColor(c.selection);
    setMatchedBraceForegroundColor(c.text);
    setUnmatchedBraceForegroundColor(c.error);
    setIndentationGuidesForegroundColor(c.marginText);
    setIndentationGuidesBackgroundColor(c.paper);
    setPaper(c.paper);
    setColor(c.text);
    if (auto *vtl = qobject_cast<VtlLexer *>(lexer())) {
        vtl->setDark(dark);
        vtl->setDefaultPaper(c.paper);
        vtl->setDefaultColor(c.text);
        vtl->setPaper(c.paper, -1);
        for (int style = 0; style < VtlLexer::StyleCount; ++style)
            vtl->setColor(vtl->defaultColor(style), style);
    } else if (auto *json = qobject_cast<QsciLexerJSON *>(lexer())) {
        json->setDefaultPaper(c.paper);
        json->setDefaultColor(c.text);
        json->setPaper(c.paper, -1);
        json->setColor(c.text, -1);
        json->setColor(c.number, QsciLexerJSON::Number);
        json->setColor(c.string, QsciLexerJSON::String);
        json->setColor(c.error, QsciLexerJSON::UnclosedString);
        json->setColor(c.reference, QsciLexerJSON::Property);
        json->setColor(c.op, QsciLexerJSON::EscapeSequence);
        json->setColor(c.comment, QsciLexerJSON::CommentLine);
        json->setColor(c.comment, QsciLexerJSON::CommentBlock);
        json->setColor(c.text, QsciLexerJSON::Operator);
        json->setColor(c.reference, QsciLexerJSON::IRI);
        json->setColor(c.reference, QsciLexerJSON::IRICompact);
        json->setColor(c.keyword, QsciLexerJSON::Keyword);
        json->setColor(c.keyword, QsciLexerJSON::KeywordLD);
        json->setColor(c.error, QsciLexerJSON::Error);
        json->setPaper(c.errorLine, QsciLexerJSON::Error);
    }
    m_applyingTheme = false;
    const bool changed = dark != m_dark;
    m_dark = dark;
    if (changed)
        Q_EMIT themeChanged(dark);
}

void CodeEditor::setLanguage(Language language)
{
    m_language = language;
    if (language == Language::Json) {
        auto *lexer = new QsciLexerJSON(this);
        lexer->setDefaultFont(font());
        lexer->setFont(font());
        setLexer(lexer);
        applyTheme();
    } else if (language == Language::Vtl) {
        auto *lexer = new VtlLexer(this);
        lexer->setDefaultFont(font());
        setLexer(lexer);
        applyTheme();
    } else {
        QsciLexer *old = lexer();
        setLexer(nullptr);
        delete old;
        setFont(font());
        applyTheme();
    }
}

void CodeEditor::setTextPreservingCursor(const QString &value)
{
    if (text() == value)
        return;
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    const int firstLine = firstVisibleLine();
    setText(value);
    const int lastLine = qMax(0, lines() - 1);
    line = qMin(line, lastLine);
    setCursorPosition(line, qMin(index, lineLength(line)));
    setFirstVisibleLine(qMin(firstLine, lastLine));
}

void CodeEditor::setShowLineNumbers(bool show)
{
    m_lineNumbers = show;
    setMarginLineNumbers(0, show);
    updateMarginWidth();
}

void CodeEditor::updateMarginWidth()
{
    if (!m_lineNumbers) {
        setMarginWidth(0, 0);
        return;
    }
    setMarginWidth(0, QString(QLatin1Char('0')).repeated(QString::number(qMax(lines(), 99)).size() + 1));
}

} // namespace Gw::Ui
