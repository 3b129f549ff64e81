// Syntax colouring for Velocity (VTL) mapping templates: directives (#if, #set, #foreach …),
// references ($input.json('$.a'), ${name}, $!quiet), comments (## and #* *#), and strings and
// numbers inside directive arguments. Template text around them (usually JSON) stays plain.
#pragma once

#include "ui/code/qscintilla.h"

#ifdef QT_NO_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexercustom.h>
#undef signals
#undef slots
#else
#include <Qsci/qscilexercustom.h>
#endif

namespace Gw::Ui {

class VtlLexer : public QsciLexerCustom
{
    Q_OBJECT
public:
    enum Style { Default, Comment, Directive, Reference, String, Number, Operator, Unparsed, StyleCount };

    explicit VtlLexer(QObject *parent = nullptr);

    const char *language() const override { return "VTL"; }
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    QFont defaultFont(int style) const override;
    const char *wordCharacters() const override;
    void styleText(int start, int end) override;

    // Colours for a dark paper (CodeEditor sets this from its palette).
    void setDark(bool dark) { m_dark = dark; }
    bool isDark() const { return m_dark; }
    QColor defaultPaper(int style) const override;

    // The style of every byte of UTF-8 `text` (exposed for tests; styleText applies it).
    static QList<int> styles(const QByteArray &text);

private:
    bool m_dark = false;
};

} // namespace Gw::Ui
