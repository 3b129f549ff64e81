// Test helper: validates JSON against a draft-4 JSON Schema file with valijson, mapping the
// draft-04 meta-schema URI to the copy in the shared corpus.
#pragma once

#define VALIJSON_USE_EXCEPTIONS 1

#include <QFile>
#include <QJsonDocument>
#include <QJsonValue>
#include <QStringList>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <memory>

class SchemaCheck
{
public:
    // Empty error: ready. The schema file and the meta-schema come from GW_CORPUS_DIR.
    QString load(const QString &schemaPath)
    {
        QFile f(schemaPath);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read ") + schemaPath;
        m_schemaJson = QJsonDocument::fromJson(f.readAll()).object();
        try {
            valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
            valijson::adapters::QtJsonAdapter adapter(m_schemaJson);
            auto fetch = [](const std::string &uri) -> const QJsonValue * {
                if (uri.rfind("http://json-schema.org/draft-04/schema", 0) != 0)
                    return nullptr;
                QFile meta(QStringLiteral(GW_CORPUS_DIR "/json-schema-draft4/metaschema/draft-04-schema.json"));
                if (!meta.open(QIODevice::ReadOnly))
                    return nullptr;
                return new QJsonValue(QJsonDocument::fromJson(meta.readAll()).object());
            };
            auto freeDoc = [](const QJsonValue *v) { delete v; };
            m_schema = std::make_unique<valijson::Schema>();
            parser.populateSchema(adapter, *m_schema, fetch, freeDoc);
        } catch (const std::exception &e) {
            return QStringLiteral("schema does not compile: ") + QString::fromUtf8(e.what());
        }
        return {};
    }

    // Empty list: valid.
    QStringList validate(const QJsonValue &instance, int maxErrors = 8) const
    {
        valijson::Validator validator;
        valijson::ValidationResults results;
        valijson::adapters::QtJsonAdapter adapter(instance);
        QStringList errors;
        if (validator.validate(*m_schema, adapter, &results))
            return errors;
        valijson::ValidationResults::Error error;
        while (results.popError(error) && errors.size() < maxErrors) {
            QString path;
            for (const std::string &p : error.context)
                path += QString::fromStdString(p);
            errors.append(path + QStringLiteral(": ") + QString::fromStdString(error.description));
        }
        if (errors.isEmpty())
            errors.append(QStringLiteral("invalid"));
        return errors;
    }

private:
    QJsonValue m_schemaJson;
    std::unique_ptr<valijson::Schema> m_schema;
};
