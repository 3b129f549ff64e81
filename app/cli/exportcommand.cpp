// `apigw-studio export FILE --format openapi|sam [--api NAME] [-o OUT]`: what AWS deploys.
#include "app/cli/cli.h"

#include "app/cli/commandline.h"
#include "model/interop/interop.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace Gw::Cli {

static bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

int exportCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Exports a design as OpenAPI (with x-amazon-apigateway-* extensions) or as "
                       "an AWS SAM template."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("project, SAM or OpenAPI file"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("openapi (default) or sam"),
                                          QStringLiteral("openapi|sam"), QStringLiteral("openapi"));
    const QCommandLineOption apiOption(QStringLiteral("api"),
                                       QStringLiteral("API id or name (OpenAPI; needed when the "
                                                      "design has several)"),
                                       QStringLiteral("NAME"));
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("output")},
                                       QStringLiteral("file to write (default: standard output)"),
                                       QStringLiteral("OUT"));
    const QCommandLineOption yamlOption(QStringLiteral("yaml"),
                                        QStringLiteral("OpenAPI as YAML (default: JSON; .yaml/.yml "
                                                       "outputs are YAML too)"));
    const QCommandLineOption swaggerOption(QStringLiteral("swagger2"),
                                           QStringLiteral("OpenAPI as Swagger 2.0 instead of 3.0"));
    parser.addOptions({formatOption, apiOption, outOption, yamlOption, swaggerOption});
    if (auto exitCode = parseCommandLine(parser, QStringLiteral("export"), args, 1, 1))
        return *exitCode;
    QTextStream err(stderr);
    const QString path = parser.positionalArguments().constFirst();
    const QString format = parser.value(formatOption).toLower();
    if (format != QLatin1String("openapi") && format != QLatin1String("sam")) {
        err << "apigw-studio export: --format must be openapi or sam, not " << format << '\n';
        return UsageError;
    }
    const QString out = parser.value(outOption);

    auto loaded = loadDocument(path);
    if (!loaded)
        return InputError;

    Model::Result<QByteArray> exported = [&] {
        if (format == QLatin1String("sam")) {
            Model::Interop::SamExportOptions options;
            options.projectDir = QFileInfo(path).absolutePath();
            options.templateDir = out.isEmpty() ? QFileInfo(path).absolutePath()
                                                : QFileInfo(out).absolutePath();
            return Model::Interop::exportSam(loaded.value(), options);
        }
        Model::Interop::OpenApiExportOptions options;
        const bool yamlName = out.endsWith(QLatin1String(".yaml")) || out.endsWith(QLatin1String(".yml"));
        options.format = parser.isSet(yamlOption) || yamlName ? Model::Interop::TextFormat::Yaml
                                                              : Model::Interop::TextFormat::Json;
        options.version = parser.isSet(swaggerOption) ? Model::Interop::OpenApiVersion::Swagger2
                                                      : Model::Interop::OpenApiVersion::Oas30;
        return Model::Interop::exportOpenApi(loaded.value(), parser.value(apiOption), options);
    }();
    printDiagnostics(path, exported.diagnostics());
    if (!exported)
        return InputError;

    if (out.isEmpty()) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return InputError;
        stdoutFile.write(exported.value());
        return Success;
    }
    QString error;
    if (!writeAtomically(out, exported.value(), &error)) {
        err << out << ": error: cannot write: " << error << '\n';
        return InputError;
    }
    return Success;
}

} // namespace Gw::Cli
