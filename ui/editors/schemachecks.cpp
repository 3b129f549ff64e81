// Checks a model's schema text as the user types.
//
// valijson reports a schema it cannot compile without a position, so the draft-4 keyword shapes
// are checked here first, each finding placed on the line where its keyword is written.
#include "ui/editors/schemachecks.h"

#include "model/validation/schemavalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSet>

namespace Gw::Ui {

namespace {

const QSet<QString> &typeNames()
{
    static const QSet<QString> names = {QStringLiteral("array"), QStringLiteral("boolean"), QStringLiteral("integer"),
                                        QStringLiteral("null"), QStringLiteral("number"), QStringLiteral("object"),
                                        QStringLiteral("string")};
    return names;
}

class Walker
{
public:
    explicit Walker(const QString &text) : m_text(text) {}

    QList<DiagnosticMarkers::Item> problems;

    // `from` is where the schema object's text starts; keys are searched from there on.
    void walk(const QJsonObject &schema, qsizetype from)
    {
        auto keyOffset = [&](const QString &key) {
            const qsizetype at = m_text.indexOf(QLatin1Char('"') + key + QLatin1Char('"'), from);
            return at < 0 ? from : at;
        };
        auto report = [&](const QString &key, const QString &message) {
            const auto [line, column] = lineColumnOf(m_text, keyOffset(key));
            problems << DiagnosticMarkers::Item{line, column, message, false};
        };

        if (schema.contains(QStringLiteral("type"))) {
            const QJsonValue t = schema.value(QStringLiteral("type"));
            QStringList names;
            if (t.isString())
                names << t.toString();
            else if (t.isArray())
                for (const QJsonValue &v : t.toArray())
                    names << v.toString(QStringLiteral("?"));
            else
                report(QStringLiteral("type"), QObject::tr("\"type\" is a type name or an array of them."));
            for (const QString &n : names)
                if (!typeNames().contains(n))
                    report(QStringLiteral("type"), QObject::tr("\"%1\" is not a JSON Schema type (array, boolean, integer, "
                                                               "null, number, object, string).").arg(n));
        }
        if (schema.contains(QStringLiteral("required"))) {
            const QJsonValue r = schema.value(QStringLiteral("required"));
            bool ok = r.isArray() && !r.toArray().isEmpty();
            for (const QJsonValue &v : r.toArray())
                ok = ok && v.isString();
            if (!ok)
                report(QStringLiteral("required"), QObject::tr("In draft 4 \"required\" is a non-empty array of property names."));
        }
        for (const QString &key : {QStringLiteral("minimum"), QStringLiteral("maximum"), QStringLiteral("multipleOf"),
                                   QStringLiteral("minLength"), QStringLiteral("maxLength"), QStringLiteral("minItems"),
                                   QStringLiteral("maxItems"), QStringLiteral("minProperties"), QStringLiteral("maxProperties")})
            if (schema.contains(key) && !schema.value(key).isDouble())
                report(key, QObject::tr("\"%1\" takes a number.").arg(key));
        for (const QString &key : {QStringLiteral("exclusiveMinimum"), QStringLiteral("exclusiveMaximum")})
            if (schema.contains(key) && !schema.value(key).isBool())
                report(key, QObject::tr("In draft 4 \"%1\" is a boolean beside minimum/maximum.").arg(key));
        if (schema.contains(QStringLiteral("enum"))) {
            const QJsonValue e = schema.value(QStringLiteral("enum"));
            if (!e.isArray() || e.toArray().isEmpty())
                report(QStringLiteral("enum"), QObject::tr("\"enum\" is a non-empty array of allowed values."));
        }
        if (schema.contains(QStringLiteral("$ref")) && !schema.value(QStringLiteral("$ref")).isString())
            report(QStringLiteral("$ref"), QObject::tr("\"$ref\" is a URI string."));
        if (schema.contains(QStringLiteral("properties"))) {
            const QJsonValue p = schema.value(QStringLiteral("properties"));
            if (!p.isObject()) {
                report(QStringLiteral("properties"), QObject::tr("\"properties\" maps names to schemas."));
            } else {
                const qsizetype start = keyOffset(QStringLiteral("properties"));
                const QJsonObject props = p.toObject();
                for (auto it = props.begin(); it != props.end(); ++it) {
                    const qsizetype at = m_text.indexOf(QLatin1Char('"') + it.key() + QLatin1Char('"'), start);
                    if (it.value().isObject())
                        walk(it.value().toObject(), at < 0 ? start : at);
                    else {
                        const auto [line, column] = lineColumnOf(m_text, at < 0 ? start : at);
                        problems << DiagnosticMarkers::Item{line, column,
                                                            QObject::tr("Property \"%1\" needs a schema object.").arg(it.key()), false};
                    }
                }
            }
        }
        if (schema.contains(QStringLiteral("items"))) {
            const QJsonValue items = schema.value(QStringLiteral("items"));
            if (items.isObject())
                walk(items.toObject(), keyOffset(QStringLiteral("items")));
            else if (!items.isArray())
                report(QStringLiteral("items"), QObject::tr("\"items\" is a schema or an array of schemas."));
        }
    }

private:
    const QString &m_text;
};

} // namespace

QPair<int, int> lineColumnOf(const QString &text, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, text.size());
    const int line = int(text.left(offset).count(QLatin1Char('\n'))) + 1;
    const qsizetype lineStart = text.lastIndexOf(QLatin1Char('\n'), offset - 1) + 1;
    return {line, int(offset - lineStart) + 1};
}

SchemaCheck checkSchemaText(const QString &text)
{
    SchemaCheck result;
    QJsonParseError error;
    const QByteArray utf8 = text.toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset is in UTF-8 bytes.
        const QString before = QString::fromUtf8(utf8.left(error.offset));
        const auto [line, column] = lineColumnOf(text, before.size());
        result.problems << DiagnosticMarkers::Item{line, column, error.errorString(), false};
        return result;
    }
    if (!doc.isObject()) {
        result.problems << DiagnosticMarkers::Item{1, 1, QObject::tr("A model is a JSON object (a JSON Schema)."), false};
        return result;
    }
    result.parsed = true;
    result.schema = doc.object();
    Walker walker(text);
    walker.walk(result.schema, 0);
    result.problems = walker.problems;
    if (result.problems.isEmpty()) {
        const auto compiled = Model::SchemaValidator::compile(result.schema);
        if (!compiled.ok())
            for (const Model::Diagnostic &d : compiled.diagnostics())
                result.problems << DiagnosticMarkers::Item{1, 1, d.message, false};
    }
    const QString declared = result.schema.value(QStringLiteral("$schema")).toString();
    if (!declared.isEmpty() && !declared.contains(QLatin1String("draft-04")))
        result.problems << DiagnosticMarkers::Item{lineColumnOf(text, text.indexOf(QStringLiteral("\"$schema\""))).first, 1,
                                                   QObject::tr("API Gateway models are JSON Schema draft 4."), true};
    return result;
}

} // namespace Gw::Ui
