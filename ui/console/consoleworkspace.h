// The console's own file beside the project (`<project>.console.json`, never inside the project):
// environments (named variable sets used as {{var}}) and saved requests per API.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Gw::Ui {

using StringPairs = QList<QPair<QString, QString>>;

struct ConsoleEnvironment
{
    QString name;
    StringPairs variables; // ordered; later duplicates win

    bool operator==(const ConsoleEnvironment &) const = default;
};

struct SavedRequest
{
    QString name;
    QString apiId; // empty: not tied to an API
    QString method = QStringLiteral("GET");
    QString url;
    StringPairs headers;
    QString body;

    bool operator==(const SavedRequest &) const = default;
};

struct ConsoleWorkspace
{
    QList<ConsoleEnvironment> environments;
    QString activeEnvironment; // empty: none
    QList<SavedRequest> requests;

    bool operator==(const ConsoleWorkspace &) const = default;

    // petstore.apigw.json → petstore.console.json in the same directory; empty for an unsaved project.
    static QString pathFor(const QString &projectPath);
    // A missing file is an empty workspace, not an error.
    static ConsoleWorkspace load(const QString &path, QString *error = nullptr);
    bool save(const QString &path, QString *error = nullptr) const;

    const ConsoleEnvironment *environment(const QString &name) const;
    ConsoleEnvironment *environment(const QString &name);
    QList<SavedRequest> requestsFor(const QString &apiId) const;
    // Adds or replaces (same API and name).
    void saveRequest(const SavedRequest &request);

    // {{name}} → the active environment's value; unknown names stay as written and are listed
    // in `unresolved`.
    QString substitute(const QString &text, QStringList *unresolved = nullptr) const;
};

} // namespace Gw::Ui
