// Deterministic ids and canonical ordering for imported documents, and comparison modulo ids.
#pragma once

#include "model/apidocument.h"

namespace Gw::Model::Interop {

class StableIds
{
public:
    // prefix + "_" + 10 hex digits of SHA-1(key): the same name/path always gives the same id.
    static QString make(const QString &prefix, const QString &key);

    // Re-ids every object from its natural key (API name, resource path, method verb, route
    // key, authorizer/validator/model/function/plan/key names), remaps every reference, and sorts
    // lists whose order carries no meaning. Importers return documents in this form, so importing
    // the same input twice gives equal documents.
    static ApiDocument canonicalized(const ApiDocument &doc);

    // canonicalized() plus normalisations of things that are equal in meaning but spelled
    // differently after a trip through OpenAPI/SAM: a Lambda URI that only names the local
    // function (cleared; functionName carries it), an empty Lambda integration method (POST).
    static ApiDocument normalizedForComparison(const ApiDocument &doc);
};

} // namespace Gw::Model::Interop
