// What AWS accepts in the fields of a REST method: parameter names and mapping expressions,
// status codes, selection patterns, content types. Each check returns the message a flagged
// field shows, or "" when the value is fine; AWS would reject the flagged values on deploy.
#pragma once

#include "model/apidocument.h"

namespace Gw::Ui::Checks {

QString statusCode(const QString &code);                     // 100–599
QString selectionPattern(const QString &pattern);            // a valid regular expression
QString contentType(const QString &type);                    // type/subtype
QString methodRequestParameter(const QString &name, const QString &resourcePath);
QString integrationRequestParameter(const QString &name);     // integration.request.header.X …
QString integrationRequestSource(const QString &source);      // method.request.…, 'static', context.…
QString methodResponseHeader(const QString &name);            // method.response.header.X
QString integrationResponseSource(const QString &source);     // integration.response.…, 'static' …
QString modelName(const Model::Api &api, const QString &name);
QString httpUri(const QString &uri);                          // http(s)://…, ${stageVariables.x} allowed

// Throttle fields (stages, usage plans): empty means "not set", shown with `whenEmpty` in the
// message ("inherit the account limit", "no limit"); the model stores "not set" as -1.
QString throttleValue(const QString &text, bool integer, const QString &whenEmpty);
QString throttleText(double value);      // -1 → ""
double throttleRate(const QString &text); // "" or invalid → -1
int throttleBurst(const QString &text);   // "" or invalid → -1

} // namespace Gw::Ui::Checks
