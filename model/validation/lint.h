// Design checks: what AWS would reject or a user would trip on. Each rule has an id and a location.
#pragma once

#include "model/apidocument.h"
#include "model/diagnostic.h"

namespace Gw::Model {

struct LintRule
{
    QString id;
    QString description;
};

QList<LintRule> lintRules();
Diagnostics lint(const ApiDocument &doc);

} // namespace Gw::Model
