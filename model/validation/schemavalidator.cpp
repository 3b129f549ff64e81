// Draft-4 validation with valijson (Debian libvalijson-dev) over QJsonValue; violations are turned
// into JSON paths and messages a user can act on.
#define VALIJSON_USE_EXCEPTIONS 1
// GCC 12 at -O3 reports a false -Wrestrict inside std::string concatenation inlined from
// valijson/nlohmann (GCC bug 105329); nothing in this file copies overlapping memory.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "model/validation/schemavalidator.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
#include <QUrl>

#include <cmath>
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
    // multipleOf 1/k (0.01, 1e-8): every integer is a multiple, but valijson's floating-point
    // remainder says otherwise for large integers; integers are let through exactly.
    const QJsonValue multipleOf = object.value(QLatin1String("multipleOf"));
    if (multipleOf.isDouble() && multipleOf.toDouble() > 0 && multipleOf.toDouble() < 1) {
        const double inverse = 1.0 / multipleOf.toDouble();
        if (std::abs(inverse - std::round(inverse)) < 1e-9 * inverse) {
            object.remove(QLatin1String("multipleOf"));
            QJsonArray allOf = object.value(QLatin1String("allOf")).toArray();
            allOf.append(QJsonObject{{QStringLiteral("anyOf"),
                                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}},
                                                 QJsonObject{{QStringLiteral("multipleOf"), multipleOf}}}}});
            object.insert(QStringLiteral("allOf"), allOf);
        }
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

// valijson 1.0 resolves a relative $ref by concatenating it to the base URI and knows no
// location-independent ids ("id": "#foo"). Resolve every $ref ourselves first (RFC 3986 with
// QUrl, draft-4 scoping: "id" changes the base for its subtree, but not beside a "$ref"): refs
// into this document become "#/json/pointer", others absolute URIs for the fetcher, and the "id"
// keywords, no longer needed, are dropped so valijson cannot re-resolve against them.
class RefResolver
{
public:
    explicit RefResolver(const QString &documentUri) : m_documentUri(withoutFragment(documentUri)) {}

    QJsonValue resolve(const QJsonValue &schema)
    {
        index(schema, QUrl(m_documentUri), QString());
        return rewrite(schema, QUrl(m_documentUri));
    }

private:
    static QString withoutFragment(const QString &uri)
    {
        const qsizetype hash = uri.indexOf(QLatin1Char('#'));
        return hash < 0 ? uri : uri.left(hash);
    }
    static QString escapeToken(QString token)
    {
        return token.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
    }
    static bool isLiteral(const QString &key)
    {
        return key == QLatin1String("enum") || key == QLatin1String("default");
    }

    QUrl scopeOf(const QJsonObject &object, const QUrl &base) const
    {
        const QJsonValue id = object.value(QLatin1String("id"));
        if (!id.isString() || object.contains(QLatin1String("$ref")))
            return base;
        return base.resolved(QUrl(id.toString()));
    }

    void index(const QJsonValue &value, const QUrl &base, const QString &pointer)
    {
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                index(array.at(i), base, pointer + QLatin1Char('/') + QString::number(i));
            return;
        }
        if (!value.isObject())
            return;
        const QJsonObject object = value.toObject();
        const QUrl scope = scopeOf(object, base);
        if (scope != base)
            m_ids.insert(scope.toString(), pointer);
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!isLiteral(it.key()))
                index(it.value(), scope, pointer + QLatin1Char('/') + escapeToken(it.key()));
        }
    }

    QString target(const QString &ref, const QUrl &base) const
    {
        const QUrl resolved = base.resolved(QUrl(ref));
        const QString full = resolved.toString();
        if (m_ids.contains(full)) // a location-independent id, or an id with a fragment
            return QLatin1Char('#') + m_ids.value(full);
        const QString document = withoutFragment(full);
        const QString fragment = resolved.hasFragment() ? resolved.fragment(QUrl::FullyEncoded) : QString();
        if (!fragment.isEmpty() && !fragment.startsWith(QLatin1Char('/')))
            return full; // an anchor this document does not define: let the fetcher try
        if (document == m_documentUri)
            return QLatin1Char('#') + withoutEmptyTokens(fragment);
        if (m_ids.contains(document))
            return QLatin1Char('#') + m_ids.value(document) + withoutEmptyTokens(fragment);
        return full;
    }

    // valijson rejects empty pointer tokens ("#/definitions//x"): definitions named "" are renamed
    // (see rewrite) and the pointers follow.
    static QString withoutEmptyTokens(const QString &pointer)
    {
        QStringList tokens = pointer.split(QLatin1Char('/'));
        for (qsizetype i = 1; i < tokens.size(); ++i) {
            if (tokens.at(i).isEmpty())
                tokens[i] = emptyName();
        }
        return tokens.join(QLatin1Char('/'));
    }
    static QString emptyName() { return QStringLiteral("__apigw_empty__"); }

    QJsonValue rewrite(const QJsonValue &value, const QUrl &base) const
    {
        if (value.isArray()) {
            QJsonArray out;
            for (const QJsonValue &v : value.toArray())
                out.append(rewrite(v, base));
            return out;
        }
        if (!value.isObject())
            return value;
        QJsonObject object = value.toObject();
        const QUrl scope = scopeOf(object, base);
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!isLiteral(it.key()) && it.key() != QLatin1String("$ref"))
                it.value() = rewrite(it.value(), scope);
        }
        if (object.value(QLatin1String("$ref")).isString())
            object.insert(QStringLiteral("$ref"), target(object.value(QLatin1String("$ref")).toString(), base));
        if (object.value(QLatin1String("id")).isString())
            object.remove(QLatin1String("id"));
        QJsonObject definitions = object.value(QLatin1String("definitions")).toObject();
        if (definitions.contains(QString())) {
            definitions.insert(emptyName(), definitions.take(QString()));
            object.insert(QStringLiteral("definitions"), definitions);
        }
        return object;
    }

    QString m_documentUri;
    QHash<QString, QString> m_ids; // absolute id URI → JSON pointer
};

const QJsonValue *fetchDocument(const std::string &uri)
{
    if (!s_currentFetcher || !*s_currentFetcher)
        return nullptr;
    const auto doc = (*s_currentFetcher)(QString::fromStdString(uri));
    if (!doc)
        return nullptr;
    return new QJsonValue(formatOnlyForStrings(RefResolver(QString::fromStdString(uri)).resolve(*doc)));
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
        // The root's own id (if any) names the document; otherwise a placeholder base.
        const QString rootId = schema.toObject().value(QLatin1String("id")).toString();
        const QJsonValue prepared = formatOnlyForStrings(
            RefResolver(rootId.isEmpty() ? QStringLiteral("urn:apigw-studio:root") : rootId).resolve(schema));
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
    // The instance goes through nlohmann::json (a dependency of libvalijson-dev): valijson's Qt
    // adapter reads numbers with QJsonValue::toInt, so an integer beyond 32 bits (an id such as
    // 3000000000) would fail "type": "integer" and bounds would compare truncated values.
    const QByteArray text = QJsonDocument(QJsonArray{instance}).toJson(QJsonDocument::Compact);
    const nlohmann::json parsed = nlohmann::json::parse(text.constData(), text.constData() + text.size(),
                                                        nullptr, false);
    const nlohmann::json &document = parsed.is_array() && !parsed.empty() ? parsed.at(0) : parsed;
    valijson::adapters::NlohmannJsonAdapter adapter(document);
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
