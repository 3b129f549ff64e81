// Stage variables in integration URIs and function names: `${stageVariables.name}`.
#pragma once

#include <QMap>
#include <QString>

namespace Gw::Runtime {

// Replaces every ${stageVariables.x} with the stage's value ("" when the variable is not set, as
// AWS does); *missing collects the names that were not set, for the trace.
QString substituteStageVariables(const QString &text, const QMap<QString, QString> &variables,
                                 QStringList *missing = nullptr);

} // namespace Gw::Runtime
