// Shared parsing for sub-commands, so every command answers --help and usage errors alike.
#include "app/cli/commandline.h"

#include "app/cli/cli.h"

#include <QTextStream>

namespace Gw::Cli {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command,
                                    const QStringList &args, int minPositional, int maxPositional)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("apigw-studio ") + command} + args)) {
        QTextStream(stderr) << "apigw-studio " << command << ": " << parser.errorText() << '\n'
                            << "Try 'apigw-studio " << command << " --help'.\n";
        return UsageError;
    }
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    const auto n = parser.positionalArguments().size();
    if (n < minPositional || n > maxPositional) {
        QTextStream(stderr) << "apigw-studio " << command << ": wrong number of arguments\n"
                            << parser.helpText();
        return UsageError;
    }
    return std::nullopt;
}

} // namespace Gw::Cli
