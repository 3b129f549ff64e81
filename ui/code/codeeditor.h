// The one code editor of the studio: QsciScintilla with the house look (monospace, line numbers,
// brace matching) and a language; later features (diagnostic markers, VTL highlighting,
// completion) attach as decorators.
#pragma once

#include "ui/code/qscintilla.h"

namespace Gw::Ui {

class CodeEditor : public QsciScintilla
{
    Q_OBJECT
public:
    enum class Language { PlainText, Json, Vtl };

    explicit CodeEditor(QWidget *parent = nullptr);

    void setLanguage(Language language);
    Language language() const { return m_language; }
    // Replaces the text only when it differs, keeping the cursor and scroll position otherwise.
    void setTextPreservingCursor(const QString &text);
    void setShowLineNumbers(bool show);
    // Light or dark colours (paper, text, margins, the lexer's styles), from the widget's palette;
    // re-applied whenever the palette changes.
    bool isDark() const { return m_dark; }

Q_SIGNALS:
    void themeChanged(bool dark);

protected:
    bool event(QEvent *event) override;

private:
    void updateMarginWidth();
    void applyTheme();

    Language m_language = Language::PlainText;
    bool m_lineNumbers = true;
    bool m_dark = false;
    bool m_applyingTheme = false;
};

} // namespace Gw::Ui
