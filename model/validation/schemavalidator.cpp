// Draft-4 validation with valijson (Debian libvalijson-dev) over QJsonValue; violations are turned
// into JSON paths and messages a user can act on.
#define VALIJSON_USE_EXCEPTIONS 1
#include "model/validation/schemavalidator.h"

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <QJsonArray>
#include <QJsonObject>

#include <mutex>

namespace Gw::Model {

namespace {

// valijson takes a plain function pointer for remote documents: route it to the fetcher of the
// schema being compiled (compilation is serialized by this mutex).
std::mutex s_compileMutex;
const SchemaValidator::RemoteFetcher *s_currentFetcher = nullptr;

// Draft 4: "format" constrains strings only, but valijson 1.0 rejects other types against it.
// Rewrite {"format": F, …} as {…, "allOf": [{"anyOf": [{"not": {"type": "string"}},
// {"format": F}]}]} so a number under a date-time format passes, as the suite requires. Literal
// values (enum, default) are data, not schemas, and stay untouched.
QJsonValue formatOnlyForStrings(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(formatOnlyForStrings(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != QLatin1String("enum") && it.key() != QLatin1String("default"))
            it.value() = formatOnlyForStrings(it.value());
    }
    const QJsonValue format = object.value(QLatin1String("format"));
    if (!format.isString())
        return object;
    object.remove(QLatin1String("format"));
    QJsonArray allOf = object.value(QLatin1String("allOf")).toArray();
    allOf.append(QJsonObject{{QStringLiteral("anyOf"),
                              QJsonArray{QJsonObject{{QStringLiteral("not"),
                                                      QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}},
                                         QJsonObject{{QStringLiteral("format"), format}}}}});
    object.insert(QStringLiteral("allOf"), allOf);
    return object;
}

const QJsonValue *fetchDocument(const std::string &uri)
{
    if (!s_currentFetcher || !*s_currentFetcher)
        return nullptr;
    const auto doc = (*s_currentFetcher)(QString::fromStdString(uri));
    return doc ? new QJsonValue(formatOnlyForStrings(*doc)) : nullptr;
}

void freeDocument(const QJsonValue *doc)
{
    delete doc;
}

// valijson's context ["<root>", "[pets]", "[0]"] → "$.pets[0]".
QString jsonPath(const std::vector<std::string> &context)
{
    QString path = QStringLiteral("$");
    for (const std::string &part : context) {
        const QString p = QString::fromStdString(part);
        if (p == QLatin1String("<root>"))
            continue;
        if (p.startsWith(QLatin1Char('[')) && p.endsWith(QLatin1Char(']'))) {
            const QString inner = p.mid(1, p.size() - 2);
            bool isIndex = false;
            inner.toInt(&isIndex);
            path += isIndex ? p : QLatin1Char('.') + inner;
        } else {
            path += QLatin1Char('.') + p;
        }
    }
    return path;
}

} // namespace

struct SchemaValidator::Private
{
    valijson::Schema schema;
};

SchemaValidator::SchemaValidator() = default;
SchemaValidator::SchemaValidator(SchemaValidator &&) noexcept = default;
SchemaValidator &SchemaValidator::operator=(SchemaValidator &&) noexcept = default;
SchemaValidator::~SchemaValidator() = default;

Result<SchemaValidator> SchemaValidator::compile(const QJsonValue &schema, RemoteFetcher fetcher)
{
    auto p = std::make_shared<Private>();
    std::lock_guard lock(s_compileMutex);
    try {
        s_currentFetcher = &fetcher;
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
        const QJsonValue prepared = formatOnlyForStrings(schema);
        valijson::adapters::QtJsonAdapter adapter(prepared);
        parser.populateSchema(adapter, p->schema, fetchDocument, freeDocument);
        s_currentFetcher = nullptr;
    } catch (const std::exception &e) {
        s_currentFetcher = nullptr;
        return Diagnostics{{Diagnostic::Severity::Error, QStringLiteral("/"),
                            QStringLiteral("invalid JSON Schema (draft 4): %1").arg(QString::fromUtf8(e.what())),
                            QStringLiteral("invalid-model-schema")}};
    }
    SchemaValidator v;
    v.d = std::move(p);
    return v;
}

bool SchemaValidator::isValid(const QJsonValue &instance) const
{
    return validate(instance).isEmpty();
}

QList<SchemaViolation> SchemaValidator::validate(const QJsonValue &instance) const
{
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::adapters::QtJsonAdapter adapter(instance);
    valijson::ValidationResults results;
    QList<SchemaViolation> violations;
    try {
        if (validator.validate(d->schema, adapter, &results))
            return violations;
    } catch (const std::exception &e) {
        // e.g. a `pattern` std::regex cannot compile: report it instead of failing the request.
        violations.append({QStringLiteral("$"),
                           QStringLiteral("the model cannot be evaluated: %1").arg(QString::fromUtf8(e.what()))});
        return violations;
    }
    valijson::ValidationResults::Error error;
    while (results.popError(error))
        violations.append({jsonPath(error.context), QString::fromStdString(error.description)});
    if (violations.isEmpty())
        violations.append({QStringLiteral("$"), QStringLiteral("does not match the model")});
    return violations;
}

} // namespace Gw::Model
