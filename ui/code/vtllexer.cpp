// Syntax colouring for Velocity mapping templates.
//
// Templates are small (AWS caps them at 300 KB, real ones are a few KB), so every change restyles
// the whole text: multi-line comments and directive arguments then never need a resume state.
#include "ui/code/vtllexer.h"

#include "ui/code/codetheme.h"

#include <QFontDatabase>

namespace Gw::Ui {

namespace {

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '-';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

VtlLexer::VtlLexer(QObject *parent)
    : QsciLexerCustom(parent)
{
}

QString VtlLexer::description(int style) const
{
    switch (style) {
    case Default:
        return tr("Default");
    case Comment:
        return tr("Comment");
    case Directive:
        return tr("Directive");
    case Reference:
        return tr("Reference");
    case String:
        return tr("String");
    case Number:
        return tr("Number");
    case Operator:
        return tr("Operator");
    case Unparsed:
        return tr("Unparsed content");
    default:
        return {};
    }
}

QColor VtlLexer::defaultColor(int style) const
{
    const CodeTheme::Colors &c = CodeTheme::colors(m_dark);
    switch (style) {
    case Comment:
        return c.comment;
    case Directive:
        return c.keyword;
    case Reference:
        return c.reference;
    case String:
        return c.string;
    case Number:
        return c.number;
    case Operator:
        return c.op;
    case Unparsed:
        return c.unparsed;
    default:
        return c.text;
    }
}

QColor VtlLexer::defaultPaper(int) const
{
    return CodeTheme::colors(m_dark).paper;
}

QFont VtlLexer::defaultFont(int style) const
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (style == Directive)
        f.setBold(true);
    if (style == Comment)
        f.setItalic(true);
    return f;
}

const char *VtlLexer::wordCharacters() const
{
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$";
}

QList<int> VtlLexer::styles(const QByteArray &text)
{
    const int n = int(text.size());
    QList<int> out(n, Default);
    auto fill = [&](int from, int to, int style) {
        for (int i = qMax(0, from); i < qMin(n, to); ++i)
            out[i] = style;
    };
    auto at = [&](int i) { return i < n ? text[i] : '\0'; };

    // Styles a reference starting at i ('$'); returns the index after it.
    auto reference = [&](int i) {
        const int start = i;
        ++i; // $
        if (at(i) == '!')
            ++i;
        const bool braced = at(i) == '{';
        if (braced)
            ++i;
        if (!isIdentStart(at(i)))
            return start + 1;
        while (isIdentChar(at(i)))
            ++i;
        // .property / .method( chains
        while (at(i) == '.' && isIdentStart(at(i + 1))) {
            ++i;
            while (isIdentChar(at(i)))
                ++i;
        }
        if (braced && at(i) == '}')
            ++i;
        fill(start, i, Reference);
        return i;
    };

    int argsDepth = 0; // > 0 inside the parentheses of a directive
    int i = 0;
    while (i < n) {
        const char c = text[i];
        if (c == '#' && at(i + 1) == '#') {
            int j = i;
            while (j < n && text[j] != '\n')
                ++j;
            fill(i, j, Comment);
            i = j;
            continue;
        }
        if (c == '#' && at(i + 1) == '*') {
            const int end = text.indexOf("*#", i + 2);
            const int j = end < 0 ? n : end + 2;
            fill(i, j, Comment);
            i = j;
            continue;
        }
        if (c == '#' && at(i + 1) == '[' && at(i + 2) == '[') {
            const int end = text.indexOf("]]#", i + 3);
            const int j = end < 0 ? n : end + 3;
            fill(i, j, Unparsed);
            i = j;
            continue;
        }
        if (c == '#' && argsDepth == 0) {
            int j = i + 1;
            const bool braced = at(j) == '{';
            if (braced)
                ++j;
            if (isIdentStart(at(j))) {
                while (isIdentChar(at(j)))
                    ++j;
                if (braced && at(j) == '}')
                    ++j;
                fill(i, j, Directive);
                // Arguments follow after optional blanks: #if ($a == 1)
                int k = j;
                while (at(k) == ' ' || at(k) == '\t')
                    ++k;
                if (at(k) == '(') {
                    fill(k, k + 1, Operator);
                    argsDepth = 1;
                    i = k + 1;
                } else {
                    i = j;
                }
                continue;
            }
        }
        if (c == '$') {
            i = reference(i);
            continue;
        }
        if (argsDepth > 0) {
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text[j] != c) {
                    if (text[j] == '\\')
                        ++j;
                    ++j;
                }
                fill(i, j + 1, String);
                i = j + 1;
                continue;
            }
            if (isDigit(c)) {
                int j = i;
                while (isDigit(at(j)) || at(j) == '.')
                    ++j;
                fill(i, j, Number);
                i = j;
                continue;
            }
            if (c == '(') {
                ++argsDepth;
            } else if (c == ')') {
                --argsDepth;
                if (argsDepth == 0) {
                    fill(i, i + 1, Operator);
                    ++i;
                    continue;
                }
            }
            if (QByteArrayView("=!<>&|+-*/%[],:{}").contains(c)) {
                fill(i, i + 1, Operator);
            } else if (isIdentStart(c)) {
                int j = i;
                while (isIdentChar(at(j)))
                    ++j;
                const QByteArray word = text.mid(i, j - i);
                if (word == "in" || word == "true" || word == "false" || word == "null" || word == "and"
                    || word == "or" || word == "not" || word == "eq" || word == "ne")
                    fill(i, j, Directive);
                i = j;
                continue;
            }
        }
        ++i;
    }
    return out;
}

void VtlLexer::styleText(int start, int end)
{
    Q_UNUSED(start)
    Q_UNUSED(end)
    QsciScintilla *ed = editor();
    if (!ed)
        return;
    const int length = int(ed->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    const QByteArray text = ed->bytes(0, length);
    const QList<int> st = styles(text.left(length));
    startStyling(0);
    int i = 0;
    while (i < st.size()) {
        int j = i;
        while (j < st.size() && st[j] == st[i])
            ++j;
        setStyling(j - i, st[i]);
        i = j;
    }
}

} // namespace Gw::Ui
