// Shared parsing for sub-commands: --help prints and exits 0, bad options exit 2 (usage error).
#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace Gw::Cli {

// Parses args for `apigw-studio <command>`. Returns an exit code when the command should stop
// here (help printed → 0, parse error → 2), nothing when it should run.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command,
                                    const QStringList &args, int minPositional,
                                    int maxPositional);

} // namespace Gw::Cli
