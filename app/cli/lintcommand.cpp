// `apigw-studio lint FILE`: prints every design problem as file:location: severity: message [rule].
#include "app/cli/cli.h"

#include "model/validation/lint.h"

#include "app/cli/commandline.h"

#include <QTextStream>

namespace Gw::Cli {

int lint(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checks a design for what AWS would reject."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("project file"));
    if (auto exitCode = parseCommandLine(parser, QStringLiteral("lint"), args, 1, 1))
        return *exitCode;
    const QString path = parser.positionalArguments().constFirst();
    auto loaded = loadDocument(path);
    if (!loaded)
        return InputError;
    const Model::Diagnostics problems = Model::lint(loaded.value());
    printDiagnostics(path, problems);
    int errors = 0;
    for (const auto &d : problems)
        errors += d.isError() ? 1 : 0;
    QTextStream(stdout) << path << ": " << errors << " error(s), " << problems.size() - errors
                        << " warning(s)\n";
    return errors ? InputError : Success;
}

} // namespace Gw::Cli
