// The one code editor of the studio, on QsciScintilla.
#include "ui/code/codeeditor.h"

#include "ui/code/vtllexer.h"

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
    setCaretLineBackgroundColor(QColor(0xf4, 0xf7, 0xfb));
    setMarginsBackgroundColor(QColor(0xf3, 0xf3, 0xf3));
    setMarginsForegroundColor(QColor(0x99, 0x99, 0x99));
    setMarginLineNumbers(0, true);
    setMarginWidth(1, 0);
    setWrapMode(QsciScintilla::WrapNone);
    // Grow the horizontal scroll range with the text instead of a fixed 2000px page.
    setScrollWidth(1);
    setScrollWidthTracking(true);
    setFrameShape(QFrame::StyledPanel);
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateMarginWidth);
    updateMarginWidth();
}

void CodeEditor::setLanguage(Language language)
{
    m_language = language;
    if (language == Language::Json) {
        auto *lexer = new QsciLexerJSON(this);
        lexer->setDefaultFont(font());
        lexer->setFont(font());
        setLexer(lexer);
    } else if (language == Language::Vtl) {
        auto *lexer = new VtlLexer(this);
        lexer->setDefaultFont(font());
        setLexer(lexer);
    } else {
        QsciLexer *old = lexer();
        setLexer(nullptr);
        delete old;
        setFont(font());
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
