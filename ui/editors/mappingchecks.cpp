// What AWS accepts in the fields of a REST method (API Gateway developer guide: "Request and
// response data mapping reference").
#include "ui/editors/mappingchecks.h"

#include <cmath>

#include <QObject>
#include <QRegularExpression>
#include <QUrl>

namespace Gw::Ui::Checks {

namespace {

bool matches(const QString &pattern, const QString &value)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.match(value).hasMatch();
}

const QString Locations = QStringLiteral("(path|querystring|header|multivaluequerystring|multivalueheader)");
const QString Name = QStringLiteral("[^\\s.]+");

} // namespace

QString statusCode(const QString &code)
{
    if (matches(QStringLiteral("[1-5][0-9][0-9]"), code.trimmed()))
        return {};
    return QObject::tr("A status code is three digits from 100 to 599.");
}

QString selectionPattern(const QString &pattern)
{
    const QRegularExpression re(pattern);
    if (re.isValid())
        return {};
    return QObject::tr("Not a valid regular expression at offset %1: %2")
        .arg(re.patternErrorOffset())
        .arg(re.errorString());
}

QString contentType(const QString &type)
{
    if (matches(QStringLiteral("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+*-]+"), type.trimmed()))
        return {};
    return QObject::tr("A content type reads type/subtype, e.g. application/json.");
}

QString methodRequestParameter(const QString &name, const QString &resourcePath)
{
    if (!matches(QStringLiteral("method\\.request\\.") + Locations + QStringLiteral("\\.") + Name, name))
        return QObject::tr("Use method.request.{path|querystring|header}.name.");
    static const QString pathPrefix = QStringLiteral("method.request.path.");
    if (name.startsWith(pathPrefix)) {
        const QString param = name.mid(pathPrefix.size());
        if (!resourcePath.contains(QLatin1Char('{') + param + QLatin1Char('}'))
            && !resourcePath.contains(QLatin1Char('{') + param + QStringLiteral("+}")))
            return QObject::tr("The resource path %1 has no {%2}.").arg(resourcePath, param);
    }
    return {};
}

QString integrationRequestParameter(const QString &name)
{
    if (matches(QStringLiteral("integration\\.request\\.") + Locations + QStringLiteral("\\.") + Name, name))
        return {};
    return QObject::tr("Use integration.request.{path|querystring|header}.name.");
}

QString integrationRequestSource(const QString &source)
{
    const QString s = source.trimmed();
    if (matches(QStringLiteral("method\\.request\\.") + Locations + QStringLiteral("\\.") + Name, s)
        || matches(QStringLiteral("method\\.request\\.body(\\..+)?"), s)
        || matches(QStringLiteral("'[^']*'"), s) || matches(QStringLiteral("(context|stageVariables)\\.[A-Za-z0-9_.]+"), s))
        return {};
    return QObject::tr("Map from method.request.…, method.request.body, context.…, stageVariables.… "
                       "or a 'static value' in single quotes.");
}

QString methodResponseHeader(const QString &name)
{
    if (matches(QStringLiteral("method\\.response\\.header\\.") + Name, name))
        return {};
    return QObject::tr("Use method.response.header.Name.");
}

QString integrationResponseSource(const QString &source)
{
    const QString s = source.trimmed();
    if (matches(QStringLiteral("integration\\.response\\.(header|multivalueheader)\\.") + Name, s)
        || matches(QStringLiteral("integration\\.response\\.body(\\..+)?"), s)
        || matches(QStringLiteral("'[^']*'"), s) || matches(QStringLiteral("(context|stageVariables)\\.[A-Za-z0-9_.]+"), s))
        return {};
    return QObject::tr("Map from integration.response.header.…, integration.response.body, context.…, "
                       "stageVariables.… or a 'static value' in single quotes.");
}

QString modelName(const Model::Api &api, const QString &name)
{
    for (const Model::ApiModel &m : api.models)
        if (m.name == name)
            return {};
    return QObject::tr("No model named \"%1\" in this API.").arg(name);
}

QString httpUri(const QString &uri)
{
    QString u = uri.trimmed();
    // Stage variables and path placeholders are substituted at request time.
    static const QRegularExpression vars(QStringLiteral("\\$\\{stageVariables\\.[A-Za-z0-9_]+\\}"));
    u.replace(vars, QStringLiteral("x"));
    const QUrl url(u, QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty())
        return {};
    if (u.startsWith(QLatin1String("http")) && u.contains(QLatin1Char('{')))
        return {}; // {proxy} and other path placeholders
    return QObject::tr("An endpoint URL starts with http:// or https:// and names a host.");
}

QString throttleValue(const QString &text, bool integer, const QString &whenEmpty)
{
    if (text.trimmed().isEmpty())
        return {};
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    if (!ok || d < 0 || (integer && d != std::floor(d)))
        return integer ? QObject::tr("A whole number of requests, or empty for %1.").arg(whenEmpty)
                       : QObject::tr("Requests per second (a number ≥ 0), or empty for %1.").arg(whenEmpty);
    return {};
}

QString throttleText(double value)
{
    return value < 0 ? QString() : QString::number(value);
}

double throttleRate(const QString &text)
{
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    return ok && d >= 0 ? d : -1;
}

int throttleBurst(const QString &text)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    return ok && n >= 0 ? n : -1;
}

} // namespace Gw::Ui::Checks
