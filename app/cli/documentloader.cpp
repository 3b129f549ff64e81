// Loads whatever FILE the command line names into an ApiDocument and prints its diagnostics.
#include "app/cli/cli.h"

#include "model/serialization/projectfile.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace Gw::Cli {

void printDiagnostics(const QString &file, const Model::Diagnostics &diagnostics)
{
    QTextStream err(stderr);
    for (const Model::Diagnostic &d : diagnostics)
        err << d.format(file) << '\n';
}

static bool looksLikeImportable(const QByteArray &head)
{
    // SAM / CloudFormation / OpenAPI / Swagger documents: recognised so the error says what to do.
    return head.contains("AWSTemplateFormatVersion") || head.contains("Transform")
           || head.contains("openapi") || head.contains("swagger");
}

Model::Result<Model::ApiDocument> loadDocument(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Model::Diagnostics d{{Model::Diagnostic::Severity::Error, QString(),
                              QStringLiteral("cannot open file: %1").arg(file.errorString()), {}}};
        printDiagnostics(path, d);
        return d;
    }
    const QByteArray bytes = file.readAll();
    if (!path.endsWith(QLatin1String(".apigw.json")) && !bytes.contains("\"formatVersion\"")
        && looksLikeImportable(bytes.left(4096))) {
        Model::Diagnostics d{{Model::Diagnostic::Severity::Error, QStringLiteral("1:1"),
                              QStringLiteral("SAM and OpenAPI files are read by the import feature, "
                                             "which this build does not have yet; use an "
                                             ".apigw.json project"),
                              {}}};
        printDiagnostics(path, d);
        return d;
    }
    auto result = Model::ProjectFile::parse(bytes);
    printDiagnostics(path, result.diagnostics());
    return result;
}

} // namespace Gw::Cli
