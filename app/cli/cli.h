// Sub-commands of the apigw-studio command line (DESIGN.md's stable contract).
#pragma once

#include "model/apidocument.h"
#include "model/diagnostic.h"

#include <QStringList>

namespace Gw::Cli {

enum ExitCode { Success = 0, InputError = 1, UsageError = 2 };

// Each takes the arguments after the sub-command name and returns the process exit code.
int serve(const QStringList &args);
int invoke(const QStringList &args);
int lint(const QStringList &args);
int traces(const QStringList &args);
int importCommand(const QStringList &args);
int exportCommand(const QStringList &args);
int templateCommand(const QStringList &args);
int tokenCommand(const QStringList &args);

// Loads FILE (a project, or a SAM / OpenAPI document imported on the fly), printing diagnostics as
// `file:location: error: message` to stderr.
Model::Result<Model::ApiDocument> loadDocument(const QString &path);
void printDiagnostics(const QString &file, const Model::Diagnostics &diagnostics);

QString usage();

} // namespace Gw::Cli
