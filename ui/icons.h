// The studio's icons: small SVGs from the resources, painted HTTP verb badges, and the Qt style's
// standard icons as a fallback when the resources are not linked in.
#pragma once

#include "model/apidocument.h"
#include "ui/models/noderef.h"

#include <QColor>
#include <QIcon>
#include <QStyle>

namespace Gw::Ui::Icons {

// ":/icons/<name>.svg" when present, else the style's fallback icon.
QIcon named(const QString &name, QStyle::StandardPixmap fallback = QStyle::SP_FileIcon);
QIcon forNode(NodeRef::Kind kind, Model::ApiType apiType = Model::ApiType::Rest);
// A round badge in the verb's color (GET blue, POST green, DELETE red, …).
QIcon httpMethod(const QString &verb);
QColor httpMethodColor(const QString &verb);
QIcon severity(int severity); // Model::Diagnostic::Severity as int

} // namespace Gw::Ui::Icons
