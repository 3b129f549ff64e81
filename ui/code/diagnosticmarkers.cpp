// Marks problems in a CodeEditor.
#include "ui/code/diagnosticmarkers.h"

#include "ui/code/codeeditor.h"
#include "ui/code/codetheme.h"

namespace Gw::Ui {

namespace {
constexpr int SymbolMargin = 1;
}

DiagnosticMarkers::DiagnosticMarkers(CodeEditor *editor)
    : QObject(editor)
    , m_editor(editor)
{
    m_errorSymbol = m_editor->markerDefine(QsciScintilla::Circle);
    m_errorLine = m_editor->markerDefine(QsciScintilla::Background);
    m_warningSymbol = m_editor->markerDefine(QsciScintilla::Circle);
    m_warningLine = m_editor->markerDefine(QsciScintilla::Background);
    m_editor->setMarkerBackgroundColor(QColor(0xd6, 0x45, 0x45), m_errorSymbol);
    m_editor->setMarkerForegroundColor(QColor(0xd6, 0x45, 0x45), m_errorSymbol);
    m_editor->setMarkerBackgroundColor(QColor(0xe0, 0x9b, 0x1a), m_warningSymbol);
    m_editor->setMarkerForegroundColor(QColor(0xe0, 0x9b, 0x1a), m_warningSymbol);
    // Line backgrounds follow the editor's light or dark paper.
    auto lineColors = [this](bool dark) {
        m_editor->setMarkerBackgroundColor(CodeTheme::colors(dark).errorLine, m_errorLine);
        m_editor->setMarkerBackgroundColor(CodeTheme::colors(dark).warningLine, m_warningLine);
    };
    lineColors(m_editor->isDark());
    connect(m_editor, &CodeEditor::themeChanged, this, lineColors);
    m_editor->setMarginType(SymbolMargin, QsciScintilla::SymbolMargin);
    m_editor->setMarginWidth(SymbolMargin, 14);
    m_editor->setMarginMarkerMask(SymbolMargin, (1 << m_errorSymbol) | (1 << m_warningSymbol));
    m_editor->setMarginSensitivity(SymbolMargin, true);
    connect(m_editor, &QsciScintilla::marginClicked, this, [this](int margin, int line, Qt::KeyboardModifiers) {
        if (margin != SymbolMargin)
            return;
        QStringList messages;
        for (const Item &i : std::as_const(m_items))
            if (i.line == line + 1)
                messages << i.message;
        m_editor->setToolTip(messages.join(QLatin1Char('\n')));
    });
}

void DiagnosticMarkers::setItems(const QList<Item> &items)
{
    m_items = items;
    for (int m : {m_errorSymbol, m_errorLine, m_warningSymbol, m_warningLine})
        m_editor->markerDeleteAll(m);
    QStringList tips;
    for (const Item &i : items) {
        const int line = qBound(0, i.line - 1, qMax(0, m_editor->lines() - 1));
        m_editor->markerAdd(line, i.warning ? m_warningSymbol : m_errorSymbol);
        m_editor->markerAdd(line, i.warning ? m_warningLine : m_errorLine);
        tips << (i.column > 0 ? QStringLiteral("%1:%2: %3").arg(i.line).arg(i.column).arg(i.message)
                              : QStringLiteral("%1: %2").arg(i.line).arg(i.message));
    }
    m_editor->setToolTip(tips.join(QLatin1Char('\n')));
}

QList<int> DiagnosticMarkers::markedLines() const
{
    QList<int> lines;
    const unsigned mask = (1u << m_errorSymbol) | (1u << m_warningSymbol);
    int line = m_editor->markerFindNext(0, mask);
    while (line >= 0) {
        lines << line + 1;
        line = m_editor->markerFindNext(line + 1, mask);
    }
    return lines;
}

} // namespace Gw::Ui
