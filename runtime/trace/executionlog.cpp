// AWS console execution-log grammar (reference §2): "<ts> : <message>" lines, Java-style maps,
// masked Authorization values and [TRUNCATED] past AWS's length, MOCK without Endpoint lines.
#include "runtime/trace/executionlog.h"

#include <QLocale>
#include <QUrl>

namespace Gw::Runtime {

namespace {

constexpr int truncateAt = 998; // AWS cuts long values around here

QString truncated(const QString &text)
{
    return text.size() > truncateAt ? text.left(truncateAt) + QStringLiteral(" [TRUNCATED]") : text;
}

// Java Date.toString(): "Tue May 30 01:22:45 UTC 2023".
QString javaDate(const QDateTime &utc)
{
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("ddd MMM dd HH:mm:ss 'UTC' yyyy"));
}

QString masked(const QByteArray &name, const QByteArray &value)
{
    if (name.compare("authorization", Qt::CaseInsensitive) != 0 || value.size() <= 6)
        return QString::fromUtf8(value);
    return QString(value.size() - 6, QLatin1Char('*')) + QString::fromUtf8(value.right(6));
}

QList<QPair<QString, QString>> headerEntries(const HeaderList &headers)
{
    QList<QPair<QString, QString>> entries;
    for (const auto &h : headers) {
        bool merged = false;
        for (auto &e : entries) {
            if (e.first.compare(QString::fromLatin1(h.first), Qt::CaseInsensitive) == 0) {
                e.second += QLatin1Char(',') + masked(h.first, h.second);
                merged = true;
            }
        }
        if (!merged)
            entries.append({QString::fromLatin1(h.first), masked(h.first, h.second)});
    }
    return entries;
}

QList<QPair<QString, QString>> queryEntries(const QString &rawQuery)
{
    QList<QPair<QString, QString>> entries;
    for (const QString &pair : rawQuery.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const int eq = pair.indexOf(QLatin1Char('='));
        const QString key = QUrl::fromPercentEncoding(pair.left(eq < 0 ? pair.size() : eq).toUtf8());
        const QString value = eq < 0 ? QString() : QUrl::fromPercentEncoding(pair.mid(eq + 1).toUtf8());
        bool merged = false;
        for (auto &e : entries) {
            if (e.first == key) {
                e.second += QLatin1Char(',') + value;
                merged = true;
            }
        }
        if (!merged)
            entries.append({key, value});
    }
    return entries;
}

const TraceStep *stepNamed(const Trace &t, const char *name)
{
    for (const TraceStep &s : t.steps) {
        if (s.name == QLatin1String(name))
            return &s;
    }
    return nullptr;
}

} // namespace

QString javaMapString(const QList<QPair<QString, QString>> &entries)
{
    QStringList parts;
    for (const auto &e : entries)
        parts << e.first + QLatin1Char('=') + e.second;
    return truncated(QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}'));
}

QString executionLog(const Trace &t)
{
    QStringList lines;
    const QString ts = javaDate(t.startedAt.isValid() ? t.startedAt : QDateTime::currentDateTimeUtc());
    auto line = [&](const QString &message) { lines << ts + QStringLiteral(" : ") + message; };

    lines << QStringLiteral("Execution log for request ") + t.requestId;
    line(QStringLiteral("Starting execution for request: ") + t.requestId);
    QString actualPath = t.path;
    if (t.apiType == QLatin1String("REST") && !t.stage.isEmpty()
        && actualPath.startsWith(QLatin1Char('/') + t.stage))
        actualPath = actualPath.mid(t.stage.size() + 1); // AWS shows the path without the stage
    if (actualPath.isEmpty())
        actualPath = QStringLiteral("/");
    line(QStringLiteral("HTTP Method: %1, Resource Path: %2").arg(t.method, actualPath));
    line(QStringLiteral("Method request path: ") + javaMapString(t.pathParameters));
    line(QStringLiteral("Method request query string: ") + javaMapString(queryEntries(t.rawQuery)));
    line(QStringLiteral("Method request headers: ") + javaMapString(headerEntries(t.requestHeaders)));
    line(QStringLiteral("Method request body before transformations: ")
         + truncated(QString::fromUtf8(t.requestBody)));

    // Authorizer and validation decisions, in AWS's words where AWS has them.
    for (const char *name : {"authorize", "validate"}) {
        if (const TraceStep *s = stepNamed(t, name)) {
            for (const QString &note : s->notes) {
                if (s->outcome != TraceStep::Outcome::Skipped)
                    line(note);
            }
        }
    }

    if (!t.endpointUri.isEmpty()) {
        line(QStringLiteral("Endpoint request URI: ") + t.endpointUri);
        line(QStringLiteral("Endpoint request headers: ") + javaMapString(headerEntries(t.endpointRequestHeaders)));
        line(QStringLiteral("Endpoint request body after transformations: ")
             + truncated(QString::fromUtf8(t.endpointRequestBody)));
        line(QStringLiteral("Sending request to ") + t.endpointUri);
        if (t.endpointStatus > 0) {
            line(QStringLiteral("Received response. Status: %1, Integration latency: %2 ms")
                     .arg(t.endpointStatus)
                     .arg(qRound(t.integrationLatencyUs / 1000.0)));
            line(QStringLiteral("Endpoint response headers: ") + javaMapString(headerEntries(t.endpointResponseHeaders)));
            line(QStringLiteral("Endpoint response body before transformations: ")
                 + truncated(QString::fromUtf8(t.endpointResponseBody)));
        }
    }
    if (!t.executionFailure.isEmpty()) {
        line(t.executionFailure);
    } else {
        line(QStringLiteral("Method response body after transformations: ")
             + truncated(QString::fromUtf8(t.responseBody)));
        line(QStringLiteral("Method response headers: ") + javaMapString(headerEntries(t.responseHeaders)));
        line(QStringLiteral("Successfully completed execution"));
    }
    line(QStringLiteral("Method completed with status: %1").arg(t.status));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace Gw::Runtime
