// Path parameters, query pairs and stage segments of the composer's URL, as text.
#include "ui/console/requestparams.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace Gw::Ui {

namespace {

const QRegularExpression &paramPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{([^{}/+]+)(\\+?)\\}"));
    return re;
}

// Where the path starts in "scheme://authority/path…" (-1: not an absolute URL).
qsizetype pathStart(const QString &url)
{
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme <= 0)
        return -1;
    const qsizetype afterAuthority = scheme + 3;
    qsizetype end = url.size();
    for (const QChar c : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype i = url.indexOf(c, afterAuthority);
        if (i >= 0 && i < end)
            end = i;
    }
    return end;
}

bool isRootStage(const QString &stage)
{
    return stage.isEmpty() || stage == QLatin1String("$default");
}

} // namespace

QString RequestParams::encode(const QString &text, const QByteArray &keep)
{
    // {{var}} is expanded at send time; encoding its braces would hide it from the substitution.
    static const QRegularExpression variable(QStringLiteral("\\{\\{[^{}]*\\}\\}"));
    QString out;
    qsizetype at = 0;
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QString::fromLatin1(
            QUrl::toPercentEncoding(text.mid(at, m.capturedStart() - at), keep));
        out += m.captured();
        at = m.capturedEnd();
    }
    out += QString::fromLatin1(QUrl::toPercentEncoding(text.mid(at), keep));
    return out;
}

QList<RequestParams::PathParam> RequestParams::pathParameters(const QString &pathTemplate)
{
    QList<PathParam> out;
    for (auto it = paramPattern().globalMatch(pathTemplate); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        // "{{var}}" in a typed path is an environment variable, not a parameter.
        if (m.capturedStart() > 0 && pathTemplate.at(m.capturedStart() - 1) == QLatin1Char('{'))
            continue;
        const PathParam p{m.captured(1), !m.captured(2).isEmpty()};
        if (std::none_of(out.cbegin(), out.cend(),
                         [&](const PathParam &q) { return q.name == p.name; }))
            out.append(p);
    }
    return out;
}

QString RequestParams::fillPath(const QString &pathTemplate, const Pairs &values)
{
    auto valueOf = [&values](const QString &name) {
        for (const auto &v : values)
            if (v.first == name)
                return v.second;
        return QString();
    };
    QString out;
    qsizetype at = 0;
    for (auto it = paramPattern().globalMatch(pathTemplate); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += pathTemplate.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        if (m.capturedStart() > 0 && pathTemplate.at(m.capturedStart() - 1) == QLatin1Char('{')) {
            out += m.captured(); // part of a {{var}}
            continue;
        }
        const bool greedy = !m.captured(2).isEmpty();
        const QString value = valueOf(m.captured(1));
        if (!value.isEmpty())
            out += encode(value, greedy ? QByteArray("/") : QByteArray());
        else if (!greedy)
            out += m.captured();
    }
    out += pathTemplate.mid(at);
    return out;
}

RequestParams::Pairs RequestParams::queryPairs(const QString &url)
{
    const qsizetype q = url.indexOf(QLatin1Char('?'));
    if (q < 0)
        return {};
    qsizetype end = url.indexOf(QLatin1Char('#'), q);
    if (end < 0)
        end = url.size();
    Pairs out;
    // Literal '+' stays '+' (RFC 3986): encodeQuery writes %2B, so a round trip is exact.
    for (const QString &item :
         url.mid(q + 1, end - q - 1).split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const QString name = eq < 0 ? item : item.left(eq);
        const QString value = eq < 0 ? QString() : item.mid(eq + 1);
        out.append(
            {QUrl::fromPercentEncoding(name.toUtf8()), QUrl::fromPercentEncoding(value.toUtf8())});
    }
    return out;
}

QString RequestParams::encodeQuery(const Pairs &pairs)
{
    QStringList items;
    for (const auto &p : pairs)
        if (!p.first.isEmpty())
            items << encode(p.first, "/:@") + QLatin1Char('=') + encode(p.second, "/:@");
    return items.join(QLatin1Char('&'));
}

QString RequestParams::withQuery(const QString &url, const Pairs &pairs)
{
    const qsizetype hash = url.indexOf(QLatin1Char('#'));
    const QString fragment = hash < 0 ? QString() : url.mid(hash);
    QString base = hash < 0 ? url : url.left(hash);
    const qsizetype q = base.indexOf(QLatin1Char('?'));
    if (q >= 0)
        base.truncate(q);
    const QString query = encodeQuery(pairs);
    return query.isEmpty() ? QString(base + fragment)
                           : QString(base + QLatin1Char('?') + query + fragment);
}

QString RequestParams::withStage(const QString &url, const QString &oldStage,
                                 const QString &newStage)
{
    const qsizetype start = pathStart(url);
    if (start < 0 || oldStage == newStage)
        return url;
    qsizetype rest = start; // where the path after the stage segment begins
    if (!isRootStage(oldStage)) {
        const QString segment = QLatin1Char('/') + oldStage;
        if (!url.mid(start).startsWith(segment))
            return url;
        rest = start + segment.size();
        if (rest < url.size() && !QStringLiteral("/?#").contains(url.at(rest)))
            return url; // "/devices" is not the stage "dev"
    }
    const QString prefix = isRootStage(newStage) ? QString() : QLatin1Char('/') + newStage;
    return url.left(start) + prefix + url.mid(rest);
}

} // namespace Gw::Ui
