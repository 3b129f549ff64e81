// Shared parsing for sub-commands, so every command answers --help and usage errors alike.
#include "app/cli/commandline.h"

#include "app/cli/cli.h"

#include <QTextStream>

namespace Gw::Cli {

// Qt's help text names the executable's path; users type `apigw-studio <command>`.
static QString helpText(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    const QString first = text.left(end);
    const qsizetype options = first.indexOf(QLatin1String(" [options]"));
    if (first.startsWith(QLatin1String("Usage: ")) && options > 0)
        text.replace(0, options, QStringLiteral("Usage: apigw-studio ") + command);
    return text;
}

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
        QTextStream(stdout) << helpText(parser, command);
        return Success;
    }
    const auto n = parser.positionalArguments().size();
    if (n < minPositional || n > maxPositional) {
        QTextStream(stderr) << "apigw-studio " << command << ": wrong number of arguments\n"
                            << helpText(parser, command);
        return UsageError;
    }
    return std::nullopt;
}

} // namespace Gw::Cli
