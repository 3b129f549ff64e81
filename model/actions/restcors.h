// REST "Enable CORS": what the AWS console's action creates on a resource, as one model action so
// the designer, imports and tests all produce the same methods.
#pragma once

#include "model/apidocument.h"

namespace Gw::Model {

// A MOCK OPTIONS method answering the preflight with the resource's methods and the usual
// headers, and Access-Control-Allow-Origin mapped on the 200 responses of the resource's other
// non-proxy methods (proxy integrations send their own headers, as on AWS). An existing OPTIONS
// method is replaced. False when the API or resource does not exist.
bool enableRestCors(ApiDocument &doc, const QString &apiId, const QString &resourceId,
                    const QString &origin = QStringLiteral("*"));

} // namespace Gw::Model
