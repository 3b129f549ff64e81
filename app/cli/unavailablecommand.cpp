// Sub-commands whose feature has not landed yet say so plainly instead of pretending.
#include "app/cli/cli.h"

#include <QTextStream>

namespace Gw::Cli {

int unavailable(const QString &command)
{
    QTextStream(stderr) << "apigw-studio " << command
                        << ": not available in this build yet (it comes with its own feature; "
                           "see README, Status)\n";
    return UsageError;
}

} // namespace Gw::Cli
