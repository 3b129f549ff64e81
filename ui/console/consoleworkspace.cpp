// Reading and writing the console's side file; deterministic JSON (sorted keys, ordered lists)
// so it diffs well when people commit it.
#include "ui/console/consoleworkspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace Gw::Ui {

namespace {

QJsonArray pairsToJson(const StringPairs &pairs)
{
    QJsonArray out;
    for (const auto &p : pairs)
        out.append(QJsonObject{{QStringLiteral("name"), p.first}, {QStringLiteral("value"), p.second}});
    return out;
}

StringPairs pairsFromJson(const QJsonValue &value)
{
    StringPairs out;
    for (const QJsonValue &v : value.toArray())
        out.append({v[QLatin1String("name")].toString(), v[QLatin1String("value")].toString()});
    return out;
}

} // namespace

QString ConsoleWorkspace::pathFor(const QString &projectPath)
{
    if (projectPath.isEmpty())
        return {};
    const QFileInfo info(projectPath);
    QString base = info.fileName();
    if (base.endsWith(QLatin1String(".apigw.json")))
        base.chop(int(qstrlen(".apigw.json")));
    else
        base = info.completeBaseName();
    return info.dir().filePath(base + QStringLiteral(".console.json"));
}

ConsoleWorkspace ConsoleWorkspace::load(const QString &path, QString *error)
{
    ConsoleWorkspace ws;
    QFile file(path);
    if (!file.exists())
        return ws;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return ws;
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !json.isObject()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
        return ws;
    }
    const QJsonObject root = json.object();
    for (const QJsonValue &e : root[QLatin1String("environments")].toArray())
        ws.environments.append({e[QLatin1String("name")].toString(), pairsFromJson(e[QLatin1String("variables")])});
    ws.activeEnvironment = root[QLatin1String("activeEnvironment")].toString();
    for (const QJsonValue &r : root[QLatin1String("requests")].toArray()) {
        SavedRequest s;
        s.name = r[QLatin1String("name")].toString();
        s.apiId = r[QLatin1String("apiId")].toString();
        s.method = r[QLatin1String("method")].toString(QStringLiteral("GET"));
        s.url = r[QLatin1String("url")].toString();
        s.headers = pairsFromJson(r[QLatin1String("headers")]);
        s.body = r[QLatin1String("body")].toString();
        ws.requests.append(s);
    }
    return ws;
}

bool ConsoleWorkspace::save(const QString &path, QString *error) const
{
    QJsonArray envs;
    for (const ConsoleEnvironment &e : environments)
        envs.append(QJsonObject{{QStringLiteral("name"), e.name}, {QStringLiteral("variables"), pairsToJson(e.variables)}});
    QJsonArray reqs;
    for (const SavedRequest &r : requests)
        reqs.append(QJsonObject{{QStringLiteral("name"), r.name},
                                {QStringLiteral("apiId"), r.apiId},
                                {QStringLiteral("method"), r.method},
                                {QStringLiteral("url"), r.url},
                                {QStringLiteral("headers"), pairsToJson(r.headers)},
                                {QStringLiteral("body"), r.body}});
    const QJsonObject root{{QStringLiteral("formatVersion"), 1},
                           {QStringLiteral("environments"), envs},
                           {QStringLiteral("activeEnvironment"), activeEnvironment},
                           {QStringLiteral("requests"), reqs}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

const ConsoleEnvironment *ConsoleWorkspace::environment(const QString &name) const
{
    for (const ConsoleEnvironment &e : environments)
        if (e.name == name)
            return &e;
    return nullptr;
}

ConsoleEnvironment *ConsoleWorkspace::environment(const QString &name)
{
    for (ConsoleEnvironment &e : environments)
        if (e.name == name)
            return &e;
    return nullptr;
}

QList<SavedRequest> ConsoleWorkspace::requestsFor(const QString &apiId) const
{
    QList<SavedRequest> out;
    for (const SavedRequest &r : requests)
        if (r.apiId == apiId)
            out.append(r);
    return out;
}

void ConsoleWorkspace::saveRequest(const SavedRequest &request)
{
    for (SavedRequest &r : requests)
        if (r.apiId == request.apiId && r.name == request.name) {
            r = request;
            return;
        }
    requests.append(request);
}

QString ConsoleWorkspace::substitute(const QString &text, QStringList *unresolved) const
{
    static const QRegularExpression var(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*\\}\\}"));
    const ConsoleEnvironment *env = environment(activeEnvironment);
    QString out;
    qsizetype last = 0;
    for (auto it = var.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1);
        bool found = false;
        QString value;
        if (env)
            for (const auto &v : env->variables)
                if (v.first == name) {
                    value = v.second;
                    found = true;
                }
        if (found) {
            out += value;
        } else {
            out += m.captured(0);
            if (unresolved && !unresolved->contains(name))
                unresolved->append(name);
        }
    }
    out += text.mid(last);
    return out;
}

} // namespace Gw::Ui
