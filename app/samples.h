// Where the bundled sample projects live: beside the installed binary or in the source tree.
#pragma once

#include <QString>

namespace Gw::App {

QString samplesDirectory();
QString defaultSampleProject(); // the REST pet store

} // namespace Gw::App
