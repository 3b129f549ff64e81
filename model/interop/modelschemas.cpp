// Schema conversions between API Gateway's draft-4 models and OpenAPI schema objects.
#include "model/interop/modelschemas.h"

#include <QJsonArray>

namespace Gw::Model::Interop {

namespace {

const QString &modelUriPrefix()
{
    static const QString p = QStringLiteral("https://apigateway.amazonaws.com/restapis/");
    return p;
}

// Keywords whose value is itself a schema, a list of schemas or a map of schemas.
bool isSchemaKeyword(const QString &k)
{
    return k == QLatin1String("items") || k == QLatin1String("additionalProperties")
           || k == QLatin1String("not") || k == QLatin1String("additionalItems");
}
bool isSchemaListKeyword(const QString &k)
{
    return k == QLatin1String("allOf") || k == QLatin1String("anyOf") || k == QLatin1String("oneOf")
           || k == QLatin1String("items");
}
bool isSchemaMapKeyword(const QString &k)
{
    return k == QLatin1String("properties") || k == QLatin1String("patternProperties")
           || k == QLatin1String("definitions");
}

template<typename F>
QJsonObject mapSubschemas(const QJsonObject &schema, F convert)
{
    QJsonObject out = schema;
    for (auto it = schema.constBegin(); it != schema.constEnd(); ++it) {
        const QString k = it.key();
        if (isSchemaKeyword(k) && it.value().isObject()) {
            out.insert(k, convert(it.value().toObject()));
        } else if (isSchemaListKeyword(k) && it.value().isArray()) {
            QJsonArray a;
            for (const QJsonValue &s : it.value().toArray())
                a.append(s.isObject() ? QJsonValue(convert(s.toObject())) : s);
            out.insert(k, a);
        } else if (isSchemaMapKeyword(k) && it.value().isObject()) {
            QJsonObject m;
            const QJsonObject in = it.value().toObject();
            for (auto p = in.constBegin(); p != in.constEnd(); ++p)
                m.insert(p.key(), p.value().isObject() ? QJsonValue(convert(p.value().toObject()))
                                                       : p.value());
            out.insert(k, m);
        }
    }
    return out;
}

} // namespace

QString ModelSchemas::modelRefUri(const QString &modelName)
{
    return modelUriPrefix() + QStringLiteral("local/models/") + modelName;
}

QString ModelSchemas::modelNameFromRef(const QString &uri)
{
    if (!uri.startsWith(modelUriPrefix()))
        return {};
    const QStringList parts = uri.mid(modelUriPrefix().size()).split(QLatin1Char('/'));
    if (parts.size() == 3 && parts.at(1) == QLatin1String("models"))
        return parts.at(2);
    return {};
}

QJsonObject ModelSchemas::builtInModel(const QString &name)
{
    if (name == QLatin1String("Empty"))
        return QJsonObject{{QStringLiteral("title"), QStringLiteral("Empty Schema")},
                           {QStringLiteral("type"), QStringLiteral("object")}};
    if (name == QLatin1String("Error"))
        return QJsonObject{
            {QStringLiteral("title"), QStringLiteral("Error Schema")},
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("message"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}};
    return {};
}

QJsonObject ModelSchemas::toDraft4(const QJsonObject &schema,
                                   const std::function<QString(const QString &)> &mapRef)
{
    if (schema.contains(QLatin1String("$ref"))) {
        const QString ref = schema.value(QLatin1String("$ref")).toString();
        const QString name = mapRef ? mapRef(ref) : QString();
        if (!name.isEmpty())
            return QJsonObject{{QStringLiteral("$ref"), modelRefUri(name)}};
        return schema;
    }
    QJsonObject out = mapSubschemas(schema, [&mapRef](const QJsonObject &s) {
        return toDraft4(s, mapRef);
    });
    const bool nullable = out.value(QLatin1String("nullable")).toBool()
                          || out.value(QLatin1String("x-nullable")).toBool();
    out.remove(QStringLiteral("nullable"));
    out.remove(QStringLiteral("x-nullable"));
    if (nullable) {
        const QJsonValue type = out.value(QLatin1String("type"));
        if (type.isString())
            out.insert(QStringLiteral("type"), QJsonArray{type, QStringLiteral("null")});
        else if (type.isArray() && !type.toArray().contains(QStringLiteral("null"))) {
            QJsonArray t = type.toArray();
            t.append(QStringLiteral("null"));
            out.insert(QStringLiteral("type"), t);
        }
    }
    return out;
}

QJsonObject ModelSchemas::fromDraft4(const QJsonObject &schema, bool oas30)
{
    if (schema.contains(QLatin1String("$ref"))) {
        const QString ref = schema.value(QLatin1String("$ref")).toString();
        const QString name = modelNameFromRef(ref);
        if (!name.isEmpty())
            return QJsonObject{{QStringLiteral("$ref"),
                                QString((oas30 ? QStringLiteral("#/components/schemas/")
                                               : QStringLiteral("#/definitions/"))
                                        + name)}};
        return QJsonObject{{QStringLiteral("$ref"), ref}};
    }
    QJsonObject out = mapSubschemas(schema, [oas30](const QJsonObject &s) {
        return fromDraft4(s, oas30);
    });
    out.remove(QStringLiteral("$schema"));
    out.remove(QStringLiteral("id"));
    const QJsonValue type = out.value(QLatin1String("type"));
    if (type.isArray()) {
        QJsonArray rest;
        bool hasNull = false;
        for (const QJsonValue &t : type.toArray()) {
            if (t.toString() == QLatin1String("null"))
                hasNull = true;
            else
                rest.append(t);
        }
        // OpenAPI's `type` is a single name: keep the first one and say nullable.
        if (!rest.isEmpty())
            out.insert(QStringLiteral("type"), rest.first());
        else
            out.remove(QStringLiteral("type"));
        if (hasNull)
            out.insert(oas30 ? QStringLiteral("nullable") : QStringLiteral("x-nullable"), true);
    }
    return out;
}

} // namespace Gw::Model::Interop
