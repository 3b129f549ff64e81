// Finds the bundled samples; samples are files on disk (not qrc) because their functions' code
// directories must be real folders the Lambda host can run.
#include "app/samples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Gw::App {

QString samplesDirectory()
{
    const QString fromEnv = qEnvironmentVariable("APIGW_STUDIO_SAMPLES");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString installed = QCoreApplication::applicationDirPath()
                              + QStringLiteral("/../share/apigw-studio/samples");
    if (QFileInfo::exists(installed))
        return QDir(installed).canonicalPath();
    return QStringLiteral(GW_SAMPLES_DIR);
}

QString defaultSampleProject()
{
    return samplesDirectory() + QStringLiteral("/petstore-rest.apigw.json");
}

} // namespace Gw::App
