// JSON Schema draft 4 validation of request bodies against API models (valijson underneath).
#pragma once

#include "model/diagnostic.h"

#include <QJsonObject>
#include <QJsonValue>

#include <functional>
#include <memory>

namespace Gw::Model {

struct SchemaViolation
{
    QString path;    // JSON path of the offending value: "$", "$.pets[0].name"
    QString message; // what was wrong there

    bool operator==(const SchemaViolation &) const = default;
};

class SchemaValidator
{
public:
    // Fetches a remote schema document by URI ($ref to another document); null result = not found.
    using RemoteFetcher = std::function<std::optional<QJsonValue>(const QString &uri)>;

    // Compiles a draft-4 schema once; compiled validators are immutable and thread-safe to use.
    static Result<SchemaValidator> compile(const QJsonValue &schema, RemoteFetcher fetcher = {});

    bool isValid(const QJsonValue &instance) const;
    QList<SchemaViolation> validate(const QJsonValue &instance) const;

    SchemaValidator(SchemaValidator &&) noexcept;
    SchemaValidator &operator=(SchemaValidator &&) noexcept;
    ~SchemaValidator();

private:
    SchemaValidator();
    struct Private;
    std::shared_ptr<const Private> d;
};

} // namespace Gw::Model
