// Hand-written parser for Velocity 1.7 templates, following the token rules of Velocity's
// Parser.jjt where they change output: a directive's closing ')' eats trailing spaces and one
// newline, #else/#end do too, #set eats the indentation before it when that indentation starts
// a new text token, ## comments eat their newline, '-' belongs to identifiers, and escapes
// (\$x, \#if) behave as in 1.7. A ParseFailure exception is used internally to unwind; it never
// leaves this file (parseTemplate returns the error as a value).
#include "parser.h"

#include <algorithm>

namespace Gw::Vtl::Internal {

namespace {

using namespace Ast;

constexpr int kMaxNesting = 150;   // directive blocks + parenthesised expressions
constexpr int kMaxExprDepth = 400; // operator chains build left-deep trees

struct ParseFailure
{
    Pos pos;
    QString message;
};

bool isWordStart(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u == '@';
}
bool isWordChar(QChar c)
{
    const ushort u = c.unicode();
    return isWordStart(c) || (u >= '0' && u <= '9');
}
bool isAlpha(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}
bool isDigit(QChar c)
{
    const ushort u = c.unicode();
    return u >= '0' && u <= '9';
}
bool isIdentStart(QChar c)
{
    return isAlpha(c) || c == QLatin1Char('_');
}
bool isIdentChar(QChar c)
{
    return isAlpha(c) || isDigit(c) || c == QLatin1Char('_') || c == QLatin1Char('-');
}
bool isBuiltinDirective(const QString &name)
{
    static const QStringList names = {
        QStringLiteral("if"), QStringLiteral("else"), QStringLiteral("elseif"), QStringLiteral("end"),
        QStringLiteral("set"), QStringLiteral("foreach"), QStringLiteral("include"),
        QStringLiteral("parse"), QStringLiteral("macro"), QStringLiteral("literal"),
        QStringLiteral("evaluate"), QStringLiteral("break"), QStringLiteral("define"),
        QStringLiteral("stop")};
    return names.contains(name);
}

class Parser
{
public:
    Parser(const QString &src, MacroTable &macros, Pos base, int depth)
        : m_s(src), m_n(src.size()), m_macros(macros), m_base(base), m_depth(depth)
    {
        m_lineStarts.push_back(0);
        for (qsizetype i = 0; i < m_n; ++i) {
            const QChar c = m_s.at(i);
            if (c == QLatin1Char('\n'))
                m_lineStarts.push_back(i + 1);
            else if (c == QLatin1Char('\r') && (i + 1 >= m_n || m_s.at(i + 1) != QLatin1Char('\n')))
                m_lineStarts.push_back(i + 1);
        }
    }

    void parseAll(Block &out)
    {
        const Term t = parseBlock(out);
        Q_UNUSED(t); // terminators at top level fail inside parseBlock
    }

private:
    enum class Term { Eof, End, Else, ElseIf };

    // ---- positions and low-level scanning ----
    Pos posOf(qsizetype offset) const
    {
        auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
        const int lineIdx = int(it - m_lineStarts.begin()) - 1;
        Pos p;
        p.line = lineIdx + 1;
        p.column = int(offset - m_lineStarts[size_t(lineIdx)]) + 1;
        if (p.line == 1)
            p.column += m_base.column - 1;
        p.line += m_base.line - 1;
        return p;
    }
    [[noreturn]] void fail(qsizetype offset, const QString &message) const
    {
        throw ParseFailure{posOf(std::min(offset, m_n)), message};
    }
    QChar at(qsizetype i) const { return i < m_n && i >= 0 ? m_s.at(i) : QChar(); }
    bool startsWith(qsizetype i, QLatin1String s) const
    {
        return i <= m_n && QStringView(m_s).mid(i).startsWith(s);
    }
    void skipWs()
    {
        while (m_pos < m_n) {
            const ushort c = m_s.at(m_pos).unicode();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
                ++m_pos;
            else
                break;
        }
    }
    void expect(QChar c, const QString &what)
    {
        skipWs();
        if (at(m_pos) != c)
            fail(m_pos, QStringLiteral("expected '%1' %2%3").arg(c).arg(what).arg(found()));
        ++m_pos;
    }
    QString found() const
    {
        if (m_pos >= m_n)
            return QStringLiteral(", found the end of the template");
        QString snippet = m_s.mid(m_pos, 12);
        const qsizetype nl = snippet.indexOf(QLatin1Char('\n'));
        if (nl >= 0)
            snippet.truncate(nl);
        return QStringLiteral(", found \"%1\"").arg(snippet);
    }
    // The directive-closing ')' (and #else / #end) swallows [ \t]* and one newline.
    void eatLineEnd()
    {
        qsizetype q = m_pos;
        while (q < m_n && (m_s.at(q) == QLatin1Char(' ') || m_s.at(q) == QLatin1Char('\t')))
            ++q;
        if (q < m_n && m_s.at(q) == QLatin1Char('\n')) {
            m_pos = q + 1;
        } else if (q < m_n && m_s.at(q) == QLatin1Char('\r')) {
            m_pos = q + 1;
            if (at(m_pos) == QLatin1Char('\n'))
                ++m_pos;
        }
    }
    bool wordAt(qsizetype i, QLatin1String w) const
    {
        return startsWith(i, w) && !isWordChar(at(i + w.size()));
    }
    bool isLeftParenAhead(qsizetype i) const
    {
        while (i < m_n) {
            const ushort c = m_s.at(i).unicode();
            if (c == '(')
                return true;
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return false;
            ++i;
        }
        return false;
    }

    struct Nest
    {
        explicit Nest(Parser *p, qsizetype at) : m_p(p)
        {
            if (++m_p->m_nesting + m_p->m_depth > kMaxNesting)
                m_p->fail(at, QStringLiteral("the template nests too deeply"));
        }
        ~Nest() { --m_p->m_nesting; }
        Parser *m_p;
    };

    static void appendText(Block &out, const QString &text, Pos pos)
    {
        if (text.isEmpty())
            return;
        if (!out.empty() && out.back()->kind == Node::Kind::Text) {
            out.back()->text += text;
            return;
        }
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::Text;
        n->pos = pos;
        n->text = text;
        out.push_back(std::move(n));
    }

    // ---- statements ----
    Term parseBlock(Block &out)
    {
        while (m_pos < m_n) {
            const QChar c = m_s.at(m_pos);
            if (c == QLatin1Char('#')) {
                Term t = Term::Eof;
                if (parseHash(out, t))
                    return t;
                continue;
            }
            if (c == QLatin1Char('$')) {
                parseDollar(out, m_pos, 0);
                continue;
            }
            if (c == QLatin1Char('\\')) {
                parseBackslash(out);
                continue;
            }
            if (gobbleBeforeSet())
                continue;
            const qsizetype start = m_pos;
            while (m_pos < m_n) {
                const QChar d = m_s.at(m_pos);
                if (d == QLatin1Char('#') || d == QLatin1Char('$') || d == QLatin1Char('\\'))
                    break;
                ++m_pos;
            }
            appendText(out, m_s.mid(start, m_pos - start), posOf(start));
        }
        return Term::Eof;
    }

    // Velocity's SET_DIRECTIVE token includes leading blanks, and JavaCC prefers it to a text
    // token when both start here: so indentation before #set vanishes, but only at the start
    // of a text token (after a directive, reference or comment, or at the template start).
    bool gobbleBeforeSet()
    {
        qsizetype q = m_pos;
        while (q < m_n && (m_s.at(q) == QLatin1Char(' ') || m_s.at(q) == QLatin1Char('\t')))
            ++q;
        if (q == m_pos)
            return false;
        qsizetype r;
        if (startsWith(q, QLatin1String("#set")))
            r = q + 4;
        else if (startsWith(q, QLatin1String("#{set}")))
            r = q + 6;
        else
            return false;
        while (at(r) == QLatin1Char(' '))
            ++r;
        if (at(r) != QLatin1Char('('))
            return false;
        m_pos = q;
        return true;
    }

    // Reads "#name" or "#{name}" at i (i at '#'); returns the end offset or -1.
    qsizetype readDirectiveName(qsizetype i, QString &name) const
    {
        qsizetype q = i + 1;
        const bool bracketed = at(q) == QLatin1Char('{');
        if (bracketed)
            ++q;
        if (!isWordStart(at(q)))
            return -1;
        const qsizetype s = q;
        while (isWordChar(at(q)))
            ++q;
        name = m_s.mid(s, q - s);
        if (bracketed) {
            if (at(q) != QLatin1Char('}'))
                return -1;
            ++q;
        }
        return q;
    }

    bool parseHash(Block &out, Term &term)
    {
        const qsizetype p = m_pos;
        if (startsWith(p, QLatin1String("#[["))) {
            const qsizetype end = m_s.indexOf(QLatin1String("]]#"), p + 3);
            if (end < 0)
                fail(p, QStringLiteral("unterminated #[[ ... ]]# text block"));
            appendText(out, m_s.mid(p + 3, end - p - 3), posOf(p));
            m_pos = end + 3;
            return false;
        }
        if (startsWith(p, QLatin1String("#*"))) {
            const qsizetype end = m_s.indexOf(QLatin1String("*#"), p + 2);
            if (end < 0)
                fail(p, QStringLiteral("unterminated #* ... *# comment"));
            m_pos = end + 2;
            return false;
        }
        if (startsWith(p, QLatin1String("##"))) {
            qsizetype q = p + 2;
            while (q < m_n && m_s.at(q) != QLatin1Char('\n') && m_s.at(q) != QLatin1Char('\r'))
                ++q;
            if (q < m_n) {
                if (m_s.at(q) == QLatin1Char('\r') && at(q + 1) == QLatin1Char('\n'))
                    ++q;
                ++q;
            }
            m_pos = q;
            return false;
        }
        QString name;
        const qsizetype afterName = readDirectiveName(p, name);
        if (afterName < 0) {
            appendText(out, QStringLiteral("#"), posOf(p));
            m_pos = p + 1;
            return false;
        }

        if (name == QLatin1String("end") || name == QLatin1String("else")
            || name == QLatin1String("elseif")) {
            if (m_nesting == 0)
                fail(p, QStringLiteral("#%1 without a matching #if, #foreach, #macro or #define").arg(name));
            m_termStart = p;
            m_pos = afterName;
            if (name == QLatin1String("elseif")) {
                term = Term::ElseIf;
            } else {
                eatLineEnd();
                term = name == QLatin1String("end") ? Term::End : Term::Else;
            }
            return true;
        }
        if (name == QLatin1String("if")) {
            parseIf(out, p, afterName);
            return false;
        }
        if (name == QLatin1String("set")) {
            qsizetype q = afterName;
            while (at(q) == QLatin1Char(' '))
                ++q;
            if (at(q) != QLatin1Char('(')) {
                appendText(out, m_s.mid(p, afterName - p), posOf(p));
                m_pos = afterName;
                return false;
            }
            m_pos = q + 1;
            parseSet(out, p);
            return false;
        }
        if (name == QLatin1String("foreach")) {
            parseForeach(out, p, afterName);
            return false;
        }
        if (name == QLatin1String("macro")) {
            parseMacro(p, afterName);
            return false;
        }
        if (name == QLatin1String("define")) {
            parseDefine(out, p, afterName);
            return false;
        }
        if (name == QLatin1String("literal")) {
            parseLiteral(out, p, afterName);
            return false;
        }
        if (name == QLatin1String("break") || name == QLatin1String("stop")) {
            auto n = std::make_unique<Node>();
            n->kind = name == QLatin1String("break") ? Node::Kind::Break : Node::Kind::Stop;
            n->pos = posOf(p);
            m_pos = afterName;
            if (isLeftParenAhead(afterName)) {
                skipWs();
                ++m_pos; // (
                parseDirectiveArgs(n->args, QStringLiteral("#") + name);
                eatLineEnd();
            }
            out.push_back(std::move(n));
            return false;
        }
        if (name == QLatin1String("evaluate") || name == QLatin1String("parse")
            || name == QLatin1String("include")) {
            if (!isLeftParenAhead(afterName)) {
                appendText(out, m_s.mid(p, afterName - p), posOf(p));
                m_pos = afterName;
                return false;
            }
            auto n = std::make_unique<Node>();
            n->kind = name == QLatin1String("evaluate") ? Node::Kind::Evaluate : Node::Kind::Unsupported;
            n->text = name;
            n->pos = posOf(p);
            m_pos = afterName;
            skipWs();
            ++m_pos; // (
            parseDirectiveArgs(n->args, QStringLiteral("#") + name);
            eatLineEnd();
            if (n->kind == Node::Kind::Evaluate) {
                if (n->args.size() != 1)
                    fail(p, QStringLiteral("#evaluate takes exactly one argument"));
                n->expr = std::move(n->args.front());
                n->args.clear();
            }
            out.push_back(std::move(n));
            return false;
        }
        parseMacroCall(out, p, afterName, name);
        return false;
    }

    void parseDollar(Block &out, qsizetype dollar, int backslashes)
    {
        const qsizetype textStart = dollar - backslashes;
        auto ref = parseReference(dollar, backslashes);
        if (!ref) {
            appendText(out, m_s.mid(textStart, dollar + 1 - textStart), posOf(textStart));
            m_pos = dollar + 1;
            return;
        }
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::Ref;
        n->pos = posOf(textStart);
        n->ref = std::move(ref);
        out.push_back(std::move(n));
    }

    void parseBackslash(Block &out)
    {
        const qsizetype p = m_pos;
        qsizetype q = p;
        while (at(q) == QLatin1Char('\\'))
            ++q;
        const int n = int(q - p);
        if (at(q) == QLatin1Char('$')) {
            parseDollar(out, q, n);
            return;
        }
        QString name;
        const qsizetype wordEnd = at(q) == QLatin1Char('#') ? readDirectiveName(q, name) : -1;
        if (wordEnd >= 0) {
            const bool recognized = isBuiltinDirective(name) || m_macros.contains(name);
            if (n % 2 == 1) {
                // \#if prints "#if" (half the extra backslashes); unknown words keep them all.
                const QString text = recognized ? QString(n / 2, QLatin1Char('\\')) + m_s.mid(q, wordEnd - q)
                                                : m_s.mid(p, wordEnd - p);
                appendText(out, text, posOf(p));
                m_pos = wordEnd;
            } else {
                appendText(out, QString(recognized ? n / 2 : n, QLatin1Char('\\')), posOf(p));
                m_pos = q;
            }
            return;
        }
        appendText(out, m_s.mid(p, n), posOf(p));
        m_pos = q;
    }

    // ---- directives ----
    void parseIf(Block &out, qsizetype p, qsizetype afterName)
    {
        Nest nest(this, p);
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::If;
        n->pos = posOf(p);
        m_pos = afterName;
        skipWs();
        if (at(m_pos) != QLatin1Char('('))
            fail(m_pos, QStringLiteral("expected '(' after #if%1").arg(found()));
        ++m_pos;
        IfBranch first;
        first.pos = n->pos;
        first.condition = parseExpression();
        expect(QLatin1Char(')'), QStringLiteral("to close the #if condition"));
        eatLineEnd();
        Term t = parseBlock(first.body);
        n->branches.push_back(std::move(first));
        bool sawElse = false;
        while (true) {
            if (t == Term::Eof)
                fail(p, QStringLiteral("#if without a matching #end"));
            if (t == Term::End)
                break;
            if (sawElse)
                fail(m_termStart, QStringLiteral("#else or #elseif after #else"));
            IfBranch b;
            b.pos = posOf(m_termStart);
            if (t == Term::ElseIf) {
                skipWs();
                if (at(m_pos) != QLatin1Char('('))
                    fail(m_pos, QStringLiteral("expected '(' after #elseif%1").arg(found()));
                ++m_pos;
                b.condition = parseExpression();
                expect(QLatin1Char(')'), QStringLiteral("to close the #elseif condition"));
                eatLineEnd();
            } else {
                sawElse = true;
            }
            t = parseBlock(b.body);
            n->branches.push_back(std::move(b));
        }
        out.push_back(std::move(n));
    }

    void expectEnd(qsizetype p, Term t, const QString &directive)
    {
        if (t == Term::Eof)
            fail(p, QStringLiteral("%1 without a matching #end").arg(directive));
        if (t != Term::End)
            fail(m_termStart, QStringLiteral("#else or #elseif without #if (inside %1)").arg(directive));
    }

    void parseSet(Block &out, qsizetype p)
    {
        // m_pos is just after '('
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::Set;
        n->pos = posOf(p);
        skipWs();
        if (at(m_pos) != QLatin1Char('$'))
            fail(m_pos, QStringLiteral("#set needs a reference on the left of '='%1").arg(found()));
        n->ref = parseReference(m_pos, 0);
        if (!n->ref)
            fail(m_pos, QStringLiteral("#set needs a reference on the left of '='%1").arg(found()));
        skipWs();
        if (at(m_pos) != QLatin1Char('=') || at(m_pos + 1) == QLatin1Char('='))
            fail(m_pos, QStringLiteral("expected '=' in #set%1").arg(found()));
        ++m_pos;
        n->expr = parseExpression();
        expect(QLatin1Char(')'), QStringLiteral("to close #set"));
        eatLineEnd();
        out.push_back(std::move(n));
    }

    void parseForeach(Block &out, qsizetype p, qsizetype afterName)
    {
        Nest nest(this, p);
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::Foreach;
        n->pos = posOf(p);
        m_pos = afterName;
        skipWs();
        if (at(m_pos) != QLatin1Char('('))
            fail(m_pos, QStringLiteral("expected '(' after #foreach%1").arg(found()));
        ++m_pos;
        skipWs();
        if (at(m_pos) != QLatin1Char('$') || !(n->ref = parseReference(m_pos, 0)))
            fail(m_pos, QStringLiteral("#foreach needs a loop variable such as $item%1").arg(found()));
        skipWs();
        if (!wordAt(m_pos, QLatin1String("in")))
            fail(m_pos, QStringLiteral("expected 'in' in #foreach%1").arg(found()));
        m_pos += 2;
        n->expr = parseDirectiveArg(QStringLiteral("#foreach"));
        if (n->expr->kind == Expr::Kind::Word)
            fail(m_pos, QStringLiteral("#foreach cannot iterate over the word '%1'").arg(n->expr->text));
        expect(QLatin1Char(')'), QStringLiteral("to close #foreach"));
        eatLineEnd();
        expectEnd(p, parseBlock(n->body), QStringLiteral("#foreach"));
        out.push_back(std::move(n));
    }

    void parseMacro(qsizetype p, qsizetype afterName)
    {
        Nest nest(this, p);
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::Macro;
        n->pos = posOf(p);
        m_pos = afterName;
        skipWs();
        if (at(m_pos) != QLatin1Char('('))
            fail(m_pos, QStringLiteral("a macro declaration requires at least a name argument"));
        ++m_pos;
        skipWs();
        if (!isWordStart(at(m_pos)))
            fail(m_pos, QStringLiteral("the first argument of #macro must be the macro name (a plain word)%1").arg(found()));
        const qsizetype s = m_pos;
        while (isWordChar(at(m_pos)))
            ++m_pos;
        n->text = m_s.mid(s, m_pos - s);
        while (true) {
            skipWs();
            if (at(m_pos) == QLatin1Char(',')) {
                ++m_pos;
                continue;
            }
            if (at(m_pos) == QLatin1Char(')'))
                break;
            if (at(m_pos) != QLatin1Char('$'))
                fail(m_pos, QStringLiteral("macro parameters must be references such as $name%1").arg(found()));
            auto ref = parseReference(m_pos, 0);
            if (!ref || !ref->segments.empty())
                fail(m_pos, QStringLiteral("macro parameters must be plain references such as $name"));
            n->params.append(ref->root);
        }
        ++m_pos; // )
        eatLineEnd();
        // Registered before the body is parsed so recursive calls resolve.
        m_macros.insert(n->text, n.get());
        expectEnd(p, parseBlock(n->body), QStringLiteral("#macro"));
        m_ownedMacros.push_back(std::move(n));
    }

    void parseDefine(Block &out, qsizetype p, qsizetype afterName)
    {
        Nest nest(this, p);
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::Define;
        n->pos = posOf(p);
        m_pos = afterName;
        skipWs();
        if (at(m_pos) != QLatin1Char('('))
            fail(m_pos, QStringLiteral("expected '(' after #define%1").arg(found()));
        ++m_pos;
        skipWs();
        if (at(m_pos) != QLatin1Char('$') || !(n->ref = parseReference(m_pos, 0)))
            fail(m_pos, QStringLiteral("#define needs a reference such as $block%1").arg(found()));
        expect(QLatin1Char(')'), QStringLiteral("to close #define"));
        eatLineEnd();
        n->sharedBody = std::make_shared<Block>();
        expectEnd(p, parseBlock(*n->sharedBody), QStringLiteral("#define"));
        out.push_back(std::move(n));
    }

    void parseLiteral(Block &out, qsizetype p, qsizetype afterName)
    {
        Nest nest(this, p);
        m_pos = afterName;
        if (isLeftParenAhead(afterName)) {
            skipWs();
            ++m_pos;
            std::vector<ExprPtr> ignored;
            parseDirectiveArgs(ignored, QStringLiteral("#literal"));
            eatLineEnd();
        }
        const qsizetype bodyStart = m_pos;
        Block scratch;
        expectEnd(p, parseBlock(scratch), QStringLiteral("#literal"));
        appendText(out, m_s.mid(bodyStart, m_termStart - bodyStart), posOf(bodyStart));
    }

    void parseMacroCall(Block &out, qsizetype p, qsizetype afterName, const QString &name)
    {
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::MacroCall;
        n->pos = posOf(p);
        const bool block = name.startsWith(QLatin1Char('@'));
        n->text = block ? name.mid(1) : name;
        m_pos = afterName;
        if (isLeftParenAhead(afterName)) {
            skipWs();
            ++m_pos;
            parseDirectiveArgs(n->args, QStringLiteral("#") + name);
            eatLineEnd();
            if (m_macros.contains(n->text)) {
                for (size_t i = 0; i < n->args.size(); ++i)
                    if (n->args[i]->kind == Expr::Kind::Word)
                        fail(p, QStringLiteral("invalid argument %1 in call of macro #%2: '%3' is a plain word")
                                    .arg(i).arg(name, n->args[i]->text));
            }
        }
        n->literal = m_s.mid(p, m_pos - p);
        if (block) {
            Nest nest(this, p);
            n->sharedBody = std::make_shared<Block>();
            expectEnd(p, parseBlock(*n->sharedBody), QStringLiteral("#") + name);
        }
        out.push_back(std::move(n));
    }

    // Arguments of #foo(...) : separated by blanks and/or commas, up to ')'. m_pos is after '('.
    void parseDirectiveArgs(std::vector<ExprPtr> &args, const QString &directive)
    {
        while (true) {
            skipWs();
            if (at(m_pos) == QLatin1Char(')')) {
                ++m_pos;
                return;
            }
            if (at(m_pos) == QLatin1Char(',') && !args.empty()) {
                ++m_pos;
                skipWs();
            }
            if (m_pos >= m_n)
                fail(m_pos, QStringLiteral("expected ')' to close %1%2").arg(directive, found()));
            args.push_back(parseDirectiveArg(directive));
        }
    }

    ExprPtr parseDirectiveArg(const QString &directive)
    {
        skipWs();
        const QChar c = at(m_pos);
        if (isWordStart(c) && !wordAt(m_pos, QLatin1String("true")) && !wordAt(m_pos, QLatin1String("false"))) {
            auto e = std::make_unique<Expr>();
            e->kind = Expr::Kind::Word;
            e->pos = posOf(m_pos);
            const qsizetype s = m_pos;
            while (isWordChar(at(m_pos)))
                ++m_pos;
            e->text = m_s.mid(s, m_pos - s);
            return e;
        }
        if (c == QLatin1Char('$') || c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('[')
            || c == QLatin1Char('{') || isDigit(c) || c == QLatin1Char('-') || c == QLatin1Char('.')
            || wordAt(m_pos, QLatin1String("true")) || wordAt(m_pos, QLatin1String("false")))
            return parseParameter();
        fail(m_pos, QStringLiteral("unexpected argument in %1%2").arg(directive, found()));
    }

    // ---- references ----
    // Parses a reference with its '$' at 'dollar'. Returns null (and leaves m_pos) if the text
    // there is not a reference ("$5", "$ ", "$."), so the caller prints it as text.
    std::unique_ptr<Reference> parseReference(qsizetype dollar, int backslashes)
    {
        qsizetype q = dollar + 1;
        auto ref = std::make_unique<Reference>();
        ref->backslashes = backslashes;
        ref->pos = posOf(dollar);
        if (at(q) == QLatin1Char('!')) {
            ref->quiet = true;
            ++q;
        }
        bool formal = false;
        if (at(q) == QLatin1Char('{')) {
            formal = true;
            ++q;
        }
        if (!isIdentStart(at(q)))
            return nullptr;
        qsizetype s = q;
        while (isIdentChar(at(q)))
            ++q;
        ref->root = m_s.mid(s, q - s);
        m_pos = q;
        while (true) {
            if (at(m_pos) == QLatin1Char('[')) {
                Segment seg;
                seg.kind = Segment::Kind::Index;
                seg.pos = posOf(m_pos);
                ++m_pos;
                seg.args.push_back(parseIndexParameter());
                if (at(m_pos) != QLatin1Char(']'))
                    fail(m_pos, QStringLiteral("expected ']' after the index%1").arg(found()));
                ++m_pos;
                ref->segments.push_back(std::move(seg));
                continue;
            }
            if (at(m_pos) == QLatin1Char('.') && isAlpha(at(m_pos + 1))) {
                Segment seg;
                seg.pos = posOf(m_pos + 1);
                qsizetype r = m_pos + 1;
                const qsizetype ns = r;
                while (isIdentChar(at(r)))
                    ++r;
                seg.name = m_s.mid(ns, r - ns);
                if (at(r) == QLatin1Char('(') && methodArgsAhead(r + 1)) {
                    seg.kind = Segment::Kind::Method;
                    m_pos = r + 1;
                    parseMethodArgs(seg.args);
                } else {
                    seg.kind = Segment::Kind::Property;
                    m_pos = r;
                }
                ref->segments.push_back(std::move(seg));
                continue;
            }
            break;
        }
        if (formal) {
            if (at(m_pos) != QLatin1Char('}'))
                fail(m_pos, QStringLiteral("expected '}' to close ${%1%2").arg(ref->root, found()));
            ++m_pos;
        }
        ref->literal = m_s.mid(dollar, m_pos - dollar);
        return ref;
    }

    // Velocity decides "method call or property followed by text" with a 3-token lookahead:
    // the token after '(' must be able to start an argument, or be ')' or blanks.
    bool methodArgsAhead(qsizetype i) const
    {
        const QChar c = at(i);
        if (c == QLatin1Char(')') || c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
            || c == QLatin1Char('\r') || c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('$')
            || c == QLatin1Char('[') || c == QLatin1Char('{') || isDigit(c))
            return true;
        if ((c == QLatin1Char('-') || c == QLatin1Char('.')) && (isDigit(at(i + 1)) || (at(i + 1) == QLatin1Char('.') && isDigit(at(i + 2)))))
            return true;
        return wordAt(i, QLatin1String("true")) || wordAt(i, QLatin1String("false"));
    }

    void parseMethodArgs(std::vector<ExprPtr> &args)
    {
        skipWs();
        if (at(m_pos) == QLatin1Char(')')) {
            ++m_pos;
            return;
        }
        while (true) {
            args.push_back(parseParameter());
            skipWs();
            if (at(m_pos) == QLatin1Char(',')) {
                ++m_pos;
                continue;
            }
            if (at(m_pos) == QLatin1Char(')')) {
                ++m_pos;
                return;
            }
            fail(m_pos, QStringLiteral("expected ',' or ')' in the method arguments%1").arg(found()));
        }
    }

    // ---- expressions ----
    ExprPtr makeBinary(Expr::Kind k, ExprPtr l, ExprPtr r, qsizetype at)
    {
        auto e = std::make_unique<Expr>();
        e->kind = k;
        e->pos = l->pos;
        e->depth = std::max(l->depth, r->depth) + 1;
        if (e->depth > kMaxExprDepth)
            fail(at, QStringLiteral("the expression is too long or nests too deeply"));
        e->items.push_back(std::move(l));
        e->items.push_back(std::move(r));
        return e;
    }

    bool matchOp(QLatin1String sym, QLatin1String word)
    {
        skipWs();
        if (!sym.isEmpty() && startsWith(m_pos, sym)) {
            m_pos += sym.size();
            return true;
        }
        if (!word.isEmpty() && wordAt(m_pos, word)) {
            m_pos += word.size();
            return true;
        }
        return false;
    }

    ExprPtr parseExpression() { return parseOr(); }

    ExprPtr parseOr()
    {
        ExprPtr l = parseAnd();
        while (true) {
            const qsizetype at = m_pos;
            if (!matchOp(QLatin1String("||"), QLatin1String("or")))
                return l;
            l = makeBinary(Expr::Kind::Or, std::move(l), parseAnd(), at);
        }
    }
    ExprPtr parseAnd()
    {
        ExprPtr l = parseEquality();
        while (true) {
            const qsizetype at = m_pos;
            if (!matchOp(QLatin1String("&&"), QLatin1String("and")))
                return l;
            l = makeBinary(Expr::Kind::And, std::move(l), parseEquality(), at);
        }
    }
    ExprPtr parseEquality()
    {
        ExprPtr l = parseRelational();
        while (true) {
            const qsizetype at = m_pos;
            if (matchOp(QLatin1String("=="), QLatin1String("eq")))
                l = makeBinary(Expr::Kind::Eq, std::move(l), parseRelational(), at);
            else if (matchOp(QLatin1String("!="), QLatin1String("ne")))
                l = makeBinary(Expr::Kind::Ne, std::move(l), parseRelational(), at);
            else
                return l;
        }
    }
    ExprPtr parseRelational()
    {
        ExprPtr l = parseAdditive();
        while (true) {
            const qsizetype at = m_pos;
            if (matchOp(QLatin1String("<="), QLatin1String("le")))
                l = makeBinary(Expr::Kind::Le, std::move(l), parseAdditive(), at);
            else if (matchOp(QLatin1String(">="), QLatin1String("ge")))
                l = makeBinary(Expr::Kind::Ge, std::move(l), parseAdditive(), at);
            else if (matchOp(QLatin1String("<"), QLatin1String("lt")))
                l = makeBinary(Expr::Kind::Lt, std::move(l), parseAdditive(), at);
            else if (matchOp(QLatin1String(">"), QLatin1String("gt")))
                l = makeBinary(Expr::Kind::Gt, std::move(l), parseAdditive(), at);
            else
                return l;
        }
    }
    ExprPtr parseAdditive()
    {
        ExprPtr l = parseMultiplicative();
        while (true) {
            skipWs();
            const qsizetype at = m_pos;
            if (this->at(m_pos) == QLatin1Char('+')) {
                ++m_pos;
                l = makeBinary(Expr::Kind::Add, std::move(l), parseMultiplicative(), at);
            } else if (this->at(m_pos) == QLatin1Char('-') && !numberAhead(m_pos)) {
                // "-1" is a negative literal, not "minus one": "$a -1" is an error, as in Velocity.
                ++m_pos;
                l = makeBinary(Expr::Kind::Sub, std::move(l), parseMultiplicative(), at);
            } else {
                return l;
            }
        }
    }
    ExprPtr parseMultiplicative()
    {
        ExprPtr l = parseUnary();
        while (true) {
            skipWs();
            const qsizetype at = m_pos;
            const QChar c = this->at(m_pos);
            Expr::Kind k;
            if (c == QLatin1Char('*'))
                k = Expr::Kind::Mul;
            else if (c == QLatin1Char('/'))
                k = Expr::Kind::Div;
            else if (c == QLatin1Char('%'))
                k = Expr::Kind::Mod;
            else
                return l;
            ++m_pos;
            l = makeBinary(k, std::move(l), parseUnary(), at);
        }
    }
    ExprPtr parseUnary()
    {
        skipWs();
        const qsizetype p = m_pos;
        if ((at(m_pos) == QLatin1Char('!') && at(m_pos + 1) != QLatin1Char('=')) || wordAt(m_pos, QLatin1String("not"))) {
            m_pos += at(m_pos) == QLatin1Char('!') ? 1 : 3;
            Nest nest(this, p);
            auto e = std::make_unique<Expr>();
            e->kind = Expr::Kind::Not;
            e->pos = posOf(p);
            ExprPtr operand = parseUnary();
            e->depth = operand->depth + 1;
            if (e->depth > kMaxExprDepth)
                fail(p, QStringLiteral("the expression nests too deeply"));
            e->items.push_back(std::move(operand));
            return e;
        }
        return parsePrimary();
    }

    bool numberAhead(qsizetype i) const
    {
        if (at(i) == QLatin1Char('-'))
            ++i;
        if (isDigit(at(i)))
            return true;
        return at(i) == QLatin1Char('.') && isDigit(at(i + 1));
    }

    ExprPtr parsePrimary()
    {
        skipWs();
        const qsizetype p = m_pos;
        const QChar c = at(p);
        if (c == QLatin1Char('(')) {
            Nest nest(this, p);
            ++m_pos;
            ExprPtr e = parseExpression();
            expect(QLatin1Char(')'), QStringLiteral("to close '('"));
            skipWs();
            return e;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('$') || c == QLatin1Char('[')
            || c == QLatin1Char('{') || numberAhead(p) || wordAt(p, QLatin1String("true"))
            || wordAt(p, QLatin1String("false")))
            return parseParameter();
        if (p >= m_n)
            fail(p, QStringLiteral("the expression is incomplete at the end of the template"));
        fail(p, QStringLiteral("unexpected \"%1\" in an expression").arg(m_s.mid(p, 10).section(QLatin1Char('\n'), 0, 0)));
    }

    // Velocity's Parameter: literals, lists, maps, ranges and references (no operators).
    ExprPtr parseParameter()
    {
        skipWs();
        const qsizetype p = m_pos;
        Nest nest(this, p);
        const QChar c = at(p);
        ExprPtr e;
        if (c == QLatin1Char('"') || c == QLatin1Char('\''))
            e = parseString();
        else if (c == QLatin1Char('$')) {
            auto ref = parseReference(p, 0);
            if (!ref)
                fail(p, QStringLiteral("expected a reference after '$'%1").arg(found()));
            e = std::make_unique<Expr>();
            e->kind = Expr::Kind::Ref;
            e->pos = posOf(p);
            e->ref = std::move(ref);
        } else if (numberAhead(p))
            e = parseNumber();
        else if (c == QLatin1Char('['))
            e = parseListOrRange();
        else if (c == QLatin1Char('{'))
            e = parseMap();
        else if (wordAt(p, QLatin1String("true")) || wordAt(p, QLatin1String("false"))) {
            const bool v = wordAt(p, QLatin1String("true"));
            m_pos += v ? 4 : 5;
            e = std::make_unique<Expr>();
            e->kind = Expr::Kind::Literal;
            e->pos = posOf(p);
            e->literal = Value(v);
        } else {
            fail(p, QStringLiteral("expected a value (string, number, list, map, boolean or reference)%1").arg(found()));
        }
        skipWs();
        return e;
    }

    ExprPtr parseIndexParameter()
    {
        skipWs();
        const QChar c = at(m_pos);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('$')
            || (numberAhead(m_pos) && at(m_pos) != QLatin1Char('.'))
            || wordAt(m_pos, QLatin1String("true")) || wordAt(m_pos, QLatin1String("false")))
            return parseParameter();
        fail(m_pos, QStringLiteral("an index must be a string, an integer, a boolean or a reference%1").arg(found()));
    }

    ExprPtr parseNumber()
    {
        const qsizetype p = m_pos;
        qsizetype q = p;
        if (at(q) == QLatin1Char('-'))
            ++q;
        bool isFloat = false;
        while (isDigit(at(q)))
            ++q;
        if (at(q) == QLatin1Char('.') && at(q + 1) != QLatin1Char('.')) {
            isFloat = true;
            ++q;
            while (isDigit(at(q)))
                ++q;
        }
        if ((at(q) == QLatin1Char('e') || at(q) == QLatin1Char('E'))) {
            qsizetype r = q + 1;
            if (at(r) == QLatin1Char('+') || at(r) == QLatin1Char('-'))
                ++r;
            if (isDigit(at(r))) {
                while (isDigit(at(r)))
                    ++r;
                q = r;
                isFloat = true;
            }
        }
        const QString text = m_s.mid(p, q - p);
        m_pos = q;
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::Literal;
        e->pos = posOf(p);
        bool ok = false;
        if (!isFloat) {
            const qint64 i = text.toLongLong(&ok);
            if (ok)
                e->literal = Value(i);
        }
        if (!ok) {
            const double d = text.toDouble(&ok);
            if (!ok)
                fail(p, QStringLiteral("bad number \"%1\"").arg(text));
            e->literal = Value(d);
        }
        return e;
    }

    ExprPtr parseString()
    {
        const qsizetype p = m_pos;
        const QChar quote = at(p);
        qsizetype q = p + 1;
        QString content;
        while (true) {
            if (q >= m_n)
                fail(p, QStringLiteral("unterminated string literal"));
            const QChar c = m_s.at(q);
            if (c == quote) {
                if (at(q + 1) == quote) { // doubled quote stands for one
                    content += quote;
                    q += 2;
                    continue;
                }
                break;
            }
            content += c;
            ++q;
        }
        m_pos = q + 1;
        auto e = std::make_unique<Expr>();
        e->pos = posOf(p);
        if (quote == QLatin1Char('"')
            && (content.contains(QLatin1Char('$')) || content.contains(QLatin1Char('#')))) {
            e->kind = Expr::Kind::Interpolated;
            e->text = content;
            e->body = std::make_shared<Block>();
            Pos base = posOf(p + 1);
            Error err;
            if (m_depth + m_nesting + 1 > kMaxNesting)
                fail(p, QStringLiteral("the template nests too deeply"));
            Parser sub(content, m_macros, base, m_depth + m_nesting + 1);
            sub.parseAll(*e->body);
            for (auto &m : sub.m_ownedMacros)
                m_ownedMacros.push_back(std::move(m));
        } else {
            e->kind = Expr::Kind::Literal;
            e->literal = Value(content);
        }
        return e;
    }

    ExprPtr parseListOrRange()
    {
        const qsizetype p = m_pos;
        ++m_pos; // [
        // A range is [ (ref|int) .. (ref|int) ]; try it first, as Velocity's lookahead does.
        {
            const qsizetype save = m_pos;
            skipWs();
            const QChar c = at(m_pos);
            bool candidate = c == QLatin1Char('$') || (numberAhead(m_pos) && at(m_pos) != QLatin1Char('.'));
            if (candidate) {
                ExprPtr from = c == QLatin1Char('$') ? parseParameter() : parseRangeInt();
                skipWs();
                if (from && startsWith(m_pos, QLatin1String(".."))) {
                    m_pos += 2;
                    skipWs();
                    ExprPtr to;
                    if (at(m_pos) == QLatin1Char('$'))
                        to = parseParameter();
                    else if (numberAhead(m_pos) && at(m_pos) != QLatin1Char('.'))
                        to = parseRangeInt();
                    else
                        fail(m_pos, QStringLiteral("a range bound must be an integer or a reference%1").arg(found()));
                    expect(QLatin1Char(']'), QStringLiteral("to close the range"));
                    auto e = std::make_unique<Expr>();
                    e->kind = Expr::Kind::Range;
                    e->pos = posOf(p);
                    e->items.push_back(std::move(from));
                    e->items.push_back(std::move(to));
                    return e;
                }
            }
            m_pos = save;
        }
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::List;
        e->pos = posOf(p);
        skipWs();
        if (at(m_pos) == QLatin1Char(']')) {
            ++m_pos;
            return e;
        }
        while (true) {
            e->items.push_back(parseParameter());
            skipWs();
            if (at(m_pos) == QLatin1Char(',')) {
                ++m_pos;
                continue;
            }
            if (at(m_pos) == QLatin1Char(']')) {
                ++m_pos;
                return e;
            }
            fail(m_pos, QStringLiteral("expected ',' or ']' in the list%1").arg(found()));
        }
    }

    ExprPtr parseRangeInt()
    {
        const qsizetype p = m_pos;
        qsizetype q = p;
        if (at(q) == QLatin1Char('-'))
            ++q;
        while (isDigit(at(q)))
            ++q;
        bool ok = false;
        const qint64 v = m_s.mid(p, q - p).toLongLong(&ok);
        if (!ok)
            return nullptr;
        m_pos = q;
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::Literal;
        e->pos = posOf(p);
        e->literal = Value(v);
        return e;
    }

    ExprPtr parseMap()
    {
        const qsizetype p = m_pos;
        ++m_pos; // {
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::Map;
        e->pos = posOf(p);
        skipWs();
        if (at(m_pos) == QLatin1Char('}')) {
            ++m_pos;
            return e;
        }
        while (true) {
            e->items.push_back(parseParameter());
            skipWs();
            if (at(m_pos) != QLatin1Char(':'))
                fail(m_pos, QStringLiteral("expected ':' in the map%1").arg(found()));
            ++m_pos;
            e->items.push_back(parseParameter());
            skipWs();
            if (at(m_pos) == QLatin1Char(',')) {
                ++m_pos;
                continue;
            }
            if (at(m_pos) == QLatin1Char('}')) {
                ++m_pos;
                return e;
            }
            fail(m_pos, QStringLiteral("expected ',' or '}' in the map%1").arg(found()));
        }
    }

    const QString m_s;
    const qsizetype m_n;
    qsizetype m_pos = 0;
    qsizetype m_termStart = 0; // where the last #end / #else / #elseif began
    MacroTable &m_macros;
    Pos m_base;
    int m_depth = 0;
    int m_nesting = 0;
    std::vector<qsizetype> m_lineStarts;

public:
    // Macro definitions are not part of the output tree; the template keeps them alive.
    std::vector<NodePtr> m_ownedMacros;
};

} // namespace

bool parseTemplate(const QString &source, Block &block, MacroTable &macros, Error &error, Pos base,
                   int depth)
{
    Parser parser(source, macros, base, depth);
    try {
        parser.parseAll(block);
    } catch (const ParseFailure &f) {
        error = Error{f.pos.line, f.pos.column, f.message};
        block.clear();
        // The table may point at macro nodes (also of nested string templates) that died.
        macros.clear();
        return false;
    }
    // Macro nodes are kept alive by appending them, hidden, to the end of the tree: renderers
    // skip Macro nodes.
    for (auto &m : parser.m_ownedMacros)
        block.push_back(std::move(m));
    return true;
}

} // namespace Gw::Vtl::Internal
