// Loads whatever FILE the command line names into an ApiDocument and prints its diagnostics.
#include "app/cli/cli.h"

#include "model/interop/interop.h"
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
    if (!path.endsWith(QLatin1String(".apigw.json")) && !bytes.contains("\"formatVersion\"")) {
        // A SAM template or an OpenAPI document: imported in memory, its report printed as notes
        // and warnings so the user sees what the local run approximates.
        auto imported = Model::Interop::importBytes(bytes, QFileInfo(path).absoluteFilePath());
        printDiagnostics(path, imported.diagnostics());
        if (!imported)
            return imported.diagnostics();
        printDiagnostics(path, imported.value().report.toDiagnostics());
        return Model::Result<Model::ApiDocument>(imported.value().document, imported.diagnostics());
    }
    auto result = Model::ProjectFile::parse(bytes);
    printDiagnostics(path, result.diagnostics());
    return result;
}

} // namespace Gw::Cli
