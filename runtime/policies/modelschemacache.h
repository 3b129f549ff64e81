// Compiled draft-4 validators for API models, shared by every worker thread: a model's schema is
// compiled once per distinct schema text, not once per request.
#pragma once

#include "model/apidocument.h"
#include "model/validation/schemavalidator.h"

#include <QHash>
#include <QMutex>

#include <memory>

namespace Gw::Runtime {

class ModelSchemaCache
{
public:
    struct Compiled
    {
        std::shared_ptr<const Model::SchemaValidator> validator; // null when the schema is invalid
        QString error;                                           // why it did not compile
    };

    // The validator for `model` of `api` ($ref to other models of the API resolved by name).
    Compiled validatorFor(const Model::Api &api, const Model::ApiModel &model);

private:
    static constexpr int MaxEntries = 512; // a designer edits schemas: old texts are dropped
    QMutex m_mutex;
    QHash<QByteArray, Compiled> m_compiled; // keyed by api id + compact schema text
};

} // namespace Gw::Runtime
