// Checks a model's schema text as the user types: JSON syntax (with line:column), the draft-4
// shape of the keywords API Gateway models use, and whether the validator can compile it. Each
// problem is placed on the line of the keyword it is about.
#pragma once

#include "ui/code/diagnosticmarkers.h"

#include <QJsonObject>

namespace Gw::Ui {

struct SchemaCheck
{
    bool parsed = false;        // the text is a JSON object (schema holds it)
    QJsonObject schema;
    QList<DiagnosticMarkers::Item> problems;
};

SchemaCheck checkSchemaText(const QString &text);

// 1-based line and column of a UTF-16 offset in text.
QPair<int, int> lineColumnOf(const QString &text, qsizetype offset);

} // namespace Gw::Ui
