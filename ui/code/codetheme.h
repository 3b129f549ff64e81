// Colours of the code editors for light and dark palettes: the editors follow the application
// palette (a dark one gives dark paper and light text).
#pragma once

#include <QColor>
#include <QPalette>

namespace Gw::Ui::CodeTheme {

// A palette is dark when its window colour is (Qt 6.4 has no QStyleHints::colorScheme).
bool isDark(const QPalette &palette);

struct Colors
{
    QColor paper;
    QColor text;
    QColor caretLine;
    QColor marginPaper;
    QColor marginText;
    QColor selection;
    // Syntax: comments, keywords/directives, references/properties, strings, numbers, operators,
    // unparsed/escaped text.
    QColor comment;
    QColor keyword;
    QColor reference;
    QColor string;
    QColor number;
    QColor op;
    QColor unparsed;
    QColor error;
    // Diagnostic line backgrounds.
    QColor errorLine;
    QColor warningLine;
};

const Colors &colors(bool dark);

} // namespace Gw::Ui::CodeTheme
