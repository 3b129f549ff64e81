// The migration chain for *.apigw.json files (see migrations.h for the format history).
#include "model/serialization/migrations.h"

#include "model/serialization/jsonpointer.h"
#include "model/serialization/jsonreader.h"

#include <QJsonArray>

#include <cmath>

namespace Gw::Model {

namespace {

Diagnostic readError(const QString &pointer, const QString &message)
{
    return Diagnostic{Diagnostic::Severity::Error, pointer, message, {}};
}

// v0 -> v1: "version" becomes "formatVersion"; HTTP API routes get a routeKey from method+path.
QJsonObject migrate0To1(QJsonObject root, Diagnostics &errors)
{
    root.remove(QStringLiteral("version"));
    root.insert(QStringLiteral("formatVersion"), 1);

    QJsonArray apis = root.value(QStringLiteral("apis")).toArray();
    for (qsizetype a = 0; a < apis.size(); ++a) {
        QJsonObject api = apis.at(a).toObject();
        if (api.value(QStringLiteral("type")).toString() != QLatin1String("HTTP"))
            continue;
        QJsonArray routes = api.value(QStringLiteral("routes")).toArray();
        for (qsizetype r = 0; r < routes.size(); ++r) {
            QJsonObject route = routes.at(r).toObject();
            const QString routePointer =
                jsonPointer(jsonPointer(jsonPointer(jsonPointer(QString(), QStringLiteral("apis")), a),
                                        QStringLiteral("routes")),
                            r);
            if (route.contains(QStringLiteral("routeKey")))
                continue; // already in the new shape; the strict reader judges the rest
            const QJsonValue method = route.value(QStringLiteral("method"));
            const QJsonValue path = route.value(QStringLiteral("path"));
            if (!path.isString()) {
                errors.append(readError(jsonPointer(routePointer, QStringLiteral("path")),
                                        QStringLiteral("legacy route needs a string \"path\"")));
                continue;
            }
            QString routeKey;
            if (path.toString() == QLatin1String("$default") && method.isUndefined()) {
                routeKey = QStringLiteral("$default");
            } else if (method.isString()) {
                routeKey = method.toString().toUpper() + QLatin1Char(' ') + path.toString();
            } else {
                errors.append(readError(jsonPointer(routePointer, QStringLiteral("method")),
                                        QStringLiteral("legacy route needs a string \"method\"")));
                continue;
            }
            route.remove(QStringLiteral("method"));
            route.remove(QStringLiteral("path"));
            route.insert(QStringLiteral("routeKey"), routeKey);
            routes.replace(r, route);
        }
        if (api.contains(QStringLiteral("routes")))
            api.insert(QStringLiteral("routes"), routes);
        apis.replace(a, api);
    }
    if (root.contains(QStringLiteral("apis")))
        root.insert(QStringLiteral("apis"), apis);
    return root;
}

using Migration = QJsonObject (*)(QJsonObject, Diagnostics &);

// migrations[n] turns version n into version n + 1.
constexpr Migration migrations[] = {&migrate0To1};

} // namespace

Result<int> projectFormatVersion(const QJsonObject &root)
{
    QString key = QStringLiteral("formatVersion");
    QJsonValue v = root.value(key);
    if (v.isUndefined() && root.contains(QStringLiteral("version"))) {
        key = QStringLiteral("version");
        v = root.value(key);
    }
    const QString pointer = jsonPointer(QString(), key);
    if (v.isUndefined()) {
        return Diagnostics{readError(pointer, QStringLiteral("missing required field "
                                                             "\"formatVersion\"; is this an "
                                                             "apigw-studio project file?"))};
    }
    const double d = v.toDouble(-1);
    if (!v.isDouble() || std::floor(d) != d || d < 0 || d > 1e6) {
        return Diagnostics{readError(pointer, QStringLiteral("expected a non-negative integer, "
                                                             "found %1")
                                                  .arg(jsonTypeName(v)))};
    }
    const int version = int(d);
    if (key == QLatin1String("version") && version != 0) {
        return Diagnostics{readError(pointer, QStringLiteral("legacy \"version\" %1 is unknown; "
                                                             "only version 0 used this key")
                                                  .arg(version))};
    }
    return version;
}

Result<QJsonObject> migrateProject(const QJsonObject &root, int targetVersion)
{
    Result<int> version = projectFormatVersion(root);
    if (!version)
        return version.diagnostics();
    int v = version.value();
    if (v > targetVersion) {
        return Diagnostics{readError(QStringLiteral("/formatVersion"),
                                     QStringLiteral("file was written by a newer apigw-studio "
                                                    "(formatVersion %1, this build reads up to %2)")
                                         .arg(v)
                                         .arg(targetVersion))};
    }
    constexpr int migrationCount = int(std::size(migrations));
    QJsonObject current = root;
    Diagnostics errors;
    for (; v < targetVersion && v < migrationCount; ++v) {
        current = migrations[v](current, errors);
        if (hasErrors(errors))
            return errors;
    }
    if (v != targetVersion) {
        return Diagnostics{readError(QStringLiteral("/formatVersion"),
                                     QStringLiteral("no migration from formatVersion %1").arg(v))};
    }
    return current;
}

} // namespace Gw::Model
