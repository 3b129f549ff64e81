// JSONPath evaluation in the manner of Jayway JsonPath (which AWS's $input functions follow):
// definite paths yield one value, paths with wildcards or deep scans yield a list of matches.
#include "jsonpath.h"

namespace Gw::Vtl {

namespace {

struct Step
{
    enum class Kind { Names, Indexes, Wildcard, Slice, Length };
    Kind kind = Kind::Names;
    bool deep = false;
    QStringList names;
    QList<qint64> indexes;
    std::optional<qint64> sliceFrom, sliceTo;
};

class PathParser
{
public:
    explicit PathParser(const QString &p) : m_p(p) {}

    bool parse(QList<Step> &steps, QString &error)
    {
        skipWs();
        if (m_pos >= m_p.size() || m_p.at(m_pos) != QLatin1Char('$')) {
            error = QStringLiteral("a JSONPath must start with '$': %1").arg(m_p);
            return false;
        }
        ++m_pos;
        while (m_pos < m_p.size()) {
            const QChar c = m_p.at(m_pos);
            if (c.isSpace()) {
                ++m_pos;
                continue;
            }
            Step s;
            if (c == QLatin1Char('.')) {
                ++m_pos;
                if (m_pos < m_p.size() && m_p.at(m_pos) == QLatin1Char('.')) {
                    s.deep = true;
                    ++m_pos;
                    if (m_pos < m_p.size() && m_p.at(m_pos) == QLatin1Char('[')) {
                        if (!parseBracket(s, error))
                            return false;
                        steps.append(s);
                        continue;
                    }
                }
                if (m_pos < m_p.size() && m_p.at(m_pos) == QLatin1Char('*')) {
                    ++m_pos;
                    s.kind = Step::Kind::Wildcard;
                    steps.append(s);
                    continue;
                }
                const qsizetype start = m_pos;
                while (m_pos < m_p.size()) {
                    const QChar n = m_p.at(m_pos);
                    if (n == QLatin1Char('.') || n == QLatin1Char('[') || n.isSpace())
                        break;
                    if (n == QLatin1Char('(') && m_p.mid(start, m_pos - start) == QLatin1String("length"))
                        break;
                    ++m_pos;
                }
                const QString name = m_p.mid(start, m_pos - start);
                if (name.isEmpty()) {
                    error = QStringLiteral("empty property name in JSONPath %1").arg(m_p);
                    return false;
                }
                if (name == QLatin1String("length") && QStringView(m_p).mid(m_pos).startsWith(QLatin1String("()"))) {
                    m_pos += 2;
                    s.kind = Step::Kind::Length;
                    steps.append(s);
                    continue;
                }
                s.kind = Step::Kind::Names;
                s.names = {name};
                steps.append(s);
            } else if (c == QLatin1Char('[')) {
                if (!parseBracket(s, error))
                    return false;
                steps.append(s);
            } else {
                error = QStringLiteral("unexpected '%1' in JSONPath %2").arg(c).arg(m_p);
                return false;
            }
        }
        return true;
    }

private:
    void skipWs()
    {
        while (m_pos < m_p.size() && m_p.at(m_pos).isSpace())
            ++m_pos;
    }

    bool parseInt(qint64 &out)
    {
        const qsizetype start = m_pos;
        if (m_pos < m_p.size() && m_p.at(m_pos) == QLatin1Char('-'))
            ++m_pos;
        while (m_pos < m_p.size() && m_p.at(m_pos).isDigit())
            ++m_pos;
        bool ok = false;
        out = m_p.mid(start, m_pos - start).toLongLong(&ok);
        return ok;
    }

    bool parseBracket(Step &s, QString &error)
    {
        ++m_pos; // [
        skipWs();
        if (m_pos >= m_p.size()) {
            error = QStringLiteral("unterminated '[' in JSONPath %1").arg(m_p);
            return false;
        }
        const QChar c = m_p.at(m_pos);
        if (c == QLatin1Char('?') || c == QLatin1Char('(')) {
            error = QStringLiteral("JSONPath filter and script expressions are not supported: %1").arg(m_p);
            return false;
        }
        if (c == QLatin1Char('*')) {
            ++m_pos;
            s.kind = Step::Kind::Wildcard;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            s.kind = Step::Kind::Names;
            while (true) {
                skipWs();
                if (m_pos >= m_p.size() || (m_p.at(m_pos) != QLatin1Char('\'') && m_p.at(m_pos) != QLatin1Char('"'))) {
                    error = QStringLiteral("expected a quoted name in JSONPath %1").arg(m_p);
                    return false;
                }
                const QChar quote = m_p.at(m_pos++);
                QString name;
                while (m_pos < m_p.size() && m_p.at(m_pos) != quote) {
                    if (m_p.at(m_pos) == QLatin1Char('\\') && m_pos + 1 < m_p.size())
                        ++m_pos;
                    name += m_p.at(m_pos++);
                }
                if (m_pos >= m_p.size()) {
                    error = QStringLiteral("unterminated name in JSONPath %1").arg(m_p);
                    return false;
                }
                ++m_pos;
                s.names.append(name);
                skipWs();
                if (m_pos < m_p.size() && m_p.at(m_pos) == QLatin1Char(',')) {
                    ++m_pos;
                    continue;
                }
                break;
            }
        } else {
            qint64 first = 0;
            const bool hasFirst = (c != QLatin1Char(':')) && parseInt(first);
            skipWs();
            if (m_pos < m_p.size() && m_p.at(m_pos) == QLatin1Char(':')) {
                ++m_pos;
                skipWs();
                s.kind = Step::Kind::Slice;
                if (hasFirst)
                    s.sliceFrom = first;
                qint64 second = 0;
                if (m_pos < m_p.size() && m_p.at(m_pos) != QLatin1Char(']')) {
                    if (!parseInt(second)) {
                        error = QStringLiteral("bad slice in JSONPath %1").arg(m_p);
                        return false;
                    }
                    s.sliceTo = second;
                }
            } else {
                if (!hasFirst) {
                    error = QStringLiteral("bad index in JSONPath %1").arg(m_p);
                    return false;
                }
                s.kind = Step::Kind::Indexes;
                s.indexes.append(first);
                while (m_pos < m_p.size() && m_p.at(m_pos) == QLatin1Char(',')) {
                    ++m_pos;
                    skipWs();
                    qint64 more = 0;
                    if (!parseInt(more)) {
                        error = QStringLiteral("bad index in JSONPath %1").arg(m_p);
                        return false;
                    }
                    s.indexes.append(more);
                    skipWs();
                }
            }
        }
        skipWs();
        if (m_pos >= m_p.size() || m_p.at(m_pos) != QLatin1Char(']')) {
            error = QStringLiteral("expected ']' in JSONPath %1").arg(m_p);
            return false;
        }
        ++m_pos;
        return true;
    }

    const QString &m_p;
    qsizetype m_pos = 0;
};

void applyDirect(const Step &s, const Value &node, QList<Value> &out)
{
    switch (s.kind) {
    case Step::Kind::Names:
        if (node.isMap())
            for (const QString &n : s.names)
                if (node.map()->contains(n))
                    out.append(node.map()->value(n));
        break;
    case Step::Kind::Indexes:
        if (node.isList()) {
            const auto &items = node.list()->items;
            for (qint64 i : s.indexes) {
                const qint64 idx = i < 0 ? items.size() + i : i;
                if (idx >= 0 && idx < items.size())
                    out.append(items.at(idx));
            }
        }
        break;
    case Step::Kind::Wildcard:
        if (node.isList())
            out.append(node.list()->items);
        else if (node.isMap())
            out.append(node.map()->values());
        break;
    case Step::Kind::Slice:
        if (node.isList()) {
            const auto &items = node.list()->items;
            const qint64 n = items.size();
            qint64 from = s.sliceFrom.value_or(0);
            qint64 to = s.sliceTo.value_or(n);
            if (from < 0)
                from = std::max<qint64>(0, n + from);
            if (to < 0)
                to = std::max<qint64>(0, n + to);
            to = std::min(to, n);
            for (qint64 i = from; i < to; ++i)
                out.append(items.at(i));
        }
        break;
    case Step::Kind::Length:
        if (node.isList())
            out.append(Value(qint64(node.list()->items.size())));
        else if (node.isMap())
            out.append(Value(qint64(node.map()->size())));
        else if (node.isString())
            out.append(Value(qint64(node.string().size())));
        break;
    }
}

void applyDeep(const Step &s, const Value &node, QList<Value> &out, int depth)
{
    if (depth > 512)
        return;
    applyDirect(s, node, out);
    if (node.isList()) {
        for (const Value &c : node.list()->items)
            applyDeep(s, c, out, depth + 1);
    } else if (node.isMap()) {
        const QList<Value> vals = node.map()->values();
        for (const Value &c : vals)
            applyDeep(s, c, out, depth + 1);
    }
}

} // namespace

JsonPathResult evaluateJsonPath(const Value &root, const QString &path)
{
    JsonPathResult r;
    QList<Step> steps;
    if (!PathParser(path).parse(steps, r.error))
        return r;
    bool definite = true;
    for (const Step &s : steps) {
        if (s.deep || s.kind == Step::Kind::Wildcard || s.kind == Step::Kind::Slice
            || s.names.size() > 1 || s.indexes.size() > 1)
            definite = false;
    }
    QList<Value> current{root};
    for (const Step &s : steps) {
        QList<Value> next;
        if (s.kind == Step::Kind::Length && !definite) {
            // Jayway applies length() to the collected result, not to each match.
            applyDirect(s, Value::newList(current, true), next);
        } else {
            for (const Value &node : current) {
                if (s.deep)
                    applyDeep(s, node, next, 0);
                else
                    applyDirect(s, node, next);
            }
        }
        current = next;
        if (s.kind == Step::Kind::Length)
            definite = true;
    }
    if (definite) {
        r.found = !current.isEmpty();
        if (r.found)
            r.value = current.first();
    } else {
        r.found = true;
        r.value = Value::newList(current, true);
    }
    return r;
}

} // namespace Gw::Vtl
