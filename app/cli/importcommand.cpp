// `apigw-studio import IN -o PROJECT.apigw.json`: a SAM template or an OpenAPI/Swagger document
// becomes a project; the report says what was mapped, approximated or skipped, and where.
#include "app/cli/cli.h"

#include "app/cli/commandline.h"
#include "model/interop/interop.h"
#include "model/serialization/projectfile.h"

#include <QFileInfo>
#include <QTextStream>

namespace Gw::Cli {

int importCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Imports a SAM template or an OpenAPI 3 / Swagger 2 document (JSON or YAML) "
                       "into a project file."));
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("SAM or OpenAPI file"));
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("output")},
                                       QStringLiteral("project file to write"),
                                       QStringLiteral("PROJECT.apigw.json"));
    const QCommandLineOption typeOption(QStringLiteral("api-type"),
                                        QStringLiteral("import OpenAPI as this API type"),
                                        QStringLiteral("rest|http"));
    parser.addOptions({outOption, typeOption});
    if (auto exitCode = parseCommandLine(parser, QStringLiteral("import"), args, 1, 1))
        return *exitCode;
    QTextStream err(stderr);
    if (!parser.isSet(outOption)) {
        err << "apigw-studio import: -o PROJECT.apigw.json is required\n";
        return UsageError;
    }
    const QString in = parser.positionalArguments().constFirst();
    const QString out = parser.value(outOption);

    Model::Interop::ImportOptions options;
    options.projectDir = QFileInfo(out).absolutePath();
    if (parser.isSet(typeOption)) {
        const QString type = parser.value(typeOption).toLower();
        if (type == QLatin1String("rest"))
            options.forceApiType = Model::ApiType::Rest;
        else if (type == QLatin1String("http"))
            options.forceApiType = Model::ApiType::Http;
        else {
            err << "apigw-studio import: --api-type must be rest or http, not " << type << '\n';
            return UsageError;
        }
    }
    const auto imported = Model::Interop::importFile(in, options);
    printDiagnostics(in, imported.diagnostics());
    if (!imported)
        return InputError;
    const Model::Interop::ImportOutcome &outcome = imported.value();
    printDiagnostics(in, outcome.report.toDiagnostics());

    const QString error = Model::ProjectFile::save(outcome.document, out);
    if (!error.isEmpty()) {
        err << out << ": error: " << error << '\n';
        return InputError;
    }
    QTextStream(stdout) << in << " (" << Model::Interop::toString(outcome.format) << ") -> " << out
                        << ": " << outcome.report.summary().section(QLatin1Char('\n'), 0, 0)
                        << '\n';
    return Success;
}

} // namespace Gw::Cli
