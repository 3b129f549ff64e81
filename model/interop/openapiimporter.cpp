// OpenAPI/Swagger import. Everything the model has a field for is mapped; AWS extensions the
// model does not interpret (policy, endpoint configuration, documentation, …) and unknown x-*
// extensions are kept verbatim in Api::extensions so that export writes them back; each such
// case is listed in the import report.
#include "model/interop/openapiimporter.h"

#include "model/interop/cfnintrinsics.h"
#include "model/interop/lambdauri.h"
#include "model/interop/modelschemas.h"
#include "model/interop/stableids.h"
#include "model/interop/yamlcodec.h"
#include "model/serialization/jsonpointer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace Gw::Model::Interop {

namespace {

const QStringList &httpVerbs()
{
    static const QStringList verbs = {QStringLiteral("get"),     QStringLiteral("put"),
                                      QStringLiteral("post"),    QStringLiteral("delete"),
                                      QStringLiteral("options"), QStringLiteral("head"),
                                      QStringLiteral("patch"),
                                      QStringLiteral("x-amazon-apigateway-any-method")};
    return verbs;
}

QString xa(const char *suffix)
{
    return QStringLiteral("x-amazon-apigateway-") + QLatin1String(suffix);
}

// A JSON scalar as text: AWS documents write status codes and versions as numbers or strings.
QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QString versionText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 1); // 1.0 must stay "1.0", not "1"
    return text(v);
}

QMap<QString, QString> stringMap(const QJsonValue &v)
{
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        out.insert(it.key(), text(it.value()));
    return out;
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            out.append(text(x));
    } else if (v.isString()) {
        for (const QString &s : v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            out.append(s.trimmed());
    }
    return out;
}

QString camelWords(const QString &s)
{
    QString out;
    bool upper = true;
    for (const QChar c : s) {
        if (c.isLetterOrNumber()) {
            out += upper ? c.toUpper() : c;
            upper = false;
        } else {
            upper = true;
        }
    }
    return out;
}

// AWS import-time variables that API Gateway substitutes in HTTP API definitions.
QString substituteAwsVariables(QString s, bool *changed)
{
    const QString before = s;
    s.replace(QStringLiteral("${AWS::Region}"), LambdaUri::region());
    s.replace(QStringLiteral("${AWS::Partition}"), QStringLiteral("aws"));
    s.replace(QStringLiteral("${AWS::AccountId}"), LambdaUri::accountId());
    if (changed)
        *changed = s != before;
    return s;
}

std::optional<QJsonValue> resolvePointer(const QJsonValue &root, const QString &pointer)
{
    if (pointer.isEmpty() || pointer == QLatin1String("/"))
        return root;
    QJsonValue cur = root;
    const QStringList tokens = pointer.mid(1).split(QLatin1Char('/'));
    for (QString t : tokens) {
        t.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        t = QUrl::fromPercentEncoding(t.toUtf8());
        if (cur.isObject()) {
            if (!cur.toObject().contains(t))
                return std::nullopt;
            cur = cur.toObject().value(t);
        } else if (cur.isArray()) {
            bool ok = false;
            const int i = t.toInt(&ok);
            if (!ok || i < 0 || i >= cur.toArray().size())
                return std::nullopt;
            cur = cur.toArray().at(i);
        } else {
            return std::nullopt;
        }
    }
    return cur;
}

class Importer
{
public:
    Importer(const QJsonObject &doc, const OpenApiImporter::Options &options, ImportReport &report)
        : m_doc(doc), m_options(options), m_report(report)
    {
        m_oas3 = OpenApiImporter::isOpenApi3(doc);
        m_mainPath = options.sourcePath.isEmpty() ? QString() : QFileInfo(options.sourcePath).absoluteFilePath();
    }

    Result<OpenApiImporter::Output> run();

private:
    QString loc(const QString &pointer) const { return m_options.locationPrefix + pointer; }

    // $ref handling --------------------------------------------------------------------------
    struct Resolved
    {
        QJsonValue value;
        QString docPath; // empty: the main document
    };
    std::optional<Resolved> resolveRef(const QString &ref, const QString &fromDoc, const QString &where);
    QJsonValue deref(const QJsonValue &v, const QString &where, QString *docPath = nullptr);
    QString modelForRef(const QString &ref, const QString &fromDoc, const QString &where);
    QString ensureModel(const QString &name, const QJsonObject &schema, const QString &docPath,
                        const QString &where);
    QJsonObject convertSchema(const QJsonObject &schema, const QString &docPath, const QString &where,
                              int depth = 0);
    QString modelForSchema(const QJsonValue &schema, const QString &suggestedName, const QString &where);

    // parts ------------------------------------------------------------------------------------
    void importRootExtensions();
    void importModels();
    void importSecuritySchemes();
    void importValidators();
    void importPaths();
    void importStage();
    Integration parseIntegration(const QJsonObject &o, const QString &where, QJsonObject &kept);
    void applySecurity(const QJsonArray &security, const QString &where,
                       AuthorizationType &type, QString &authorizerId, QStringList &scopes,
                       bool &apiKeyRequired);
    Resource &resourceFor(const QString &path);
    void noteFunction(const QString &name)
    {
        if (!name.isEmpty() && !m_functions.contains(name))
            m_functions.append(name);
    }
    QJsonObject &kept(const QString &key)
    {
        return m_kept[key];
    }

    QJsonObject m_doc;
    OpenApiImporter::Options m_options;
    ImportReport &m_report;
    bool m_oas3 = true;
    QString m_mainPath;
    Api m_api;
    QStringList m_functions;
    QHash<QString, QJsonObject> m_docs; // external documents by absolute path
    QMap<QString, ApiModel> m_models;   // by name
    QSet<QString> m_modelsInProgress;
    enum class SchemeKind { Authorizer, Iam, ApiKey, Unsupported };
    struct Scheme
    {
        SchemeKind kind = SchemeKind::Unsupported;
        QString authorizerId;
        AuthorizationType authorizationType = AuthorizationType::None;
    };
    QHash<QString, Scheme> m_schemes;
    QHash<QString, QString> m_validatorIds; // by name
    QString m_defaultValidator;
    QMap<QString, QJsonObject> m_kept;
};

std::optional<Importer::Resolved> Importer::resolveRef(const QString &ref, const QString &fromDoc,
                                                       const QString &where)
{
    const qsizetype hash = ref.indexOf(QLatin1Char('#'));
    const QString file = hash < 0 ? ref : ref.left(hash);
    const QString pointer = hash < 0 ? QString() : ref.mid(hash + 1);
    QString docPath = fromDoc;
    QJsonValue root = m_doc;
    if (!file.isEmpty()) {
        if (file.startsWith(QLatin1String("http://")) || file.startsWith(QLatin1String("https://"))) {
            m_report.skipped(where, QStringLiteral("remote $ref %1 is not fetched").arg(ref));
            return std::nullopt;
        }
        const QString base = fromDoc.isEmpty() ? m_mainPath : fromDoc;
        const QDir dir = base.isEmpty() ? QDir::current() : QFileInfo(base).absoluteDir();
        docPath = QFileInfo(dir.filePath(file)).absoluteFilePath();
        if (!m_docs.contains(docPath)) {
            QFile f(docPath);
            if (!f.open(QIODevice::ReadOnly)) {
                m_report.skipped(where, QStringLiteral("$ref file %1 cannot be read").arg(file));
                return std::nullopt;
            }
            const QByteArray bytes = f.readAll();
            QJsonValue parsed;
            if (YamlCodec::looksLikeYaml(bytes)) {
                auto r = YamlCodec::parse(bytes);
                if (!r) {
                    m_report.skipped(where, QStringLiteral("$ref file %1: %2")
                                                .arg(file, r.diagnostics().value(0).message));
                    return std::nullopt;
                }
                parsed = r.value();
            } else {
                parsed = QJsonDocument::fromJson(bytes).object();
            }
            m_docs.insert(docPath, parsed.toObject());
        }
        root = m_docs.value(docPath);
    } else if (!fromDoc.isEmpty()) {
        root = m_docs.value(fromDoc);
    }
    const auto v = resolvePointer(root, pointer);
    if (!v) {
        m_report.skipped(where, QStringLiteral("$ref %1 points at nothing").arg(ref));
        return std::nullopt;
    }
    return Resolved{*v, docPath};
}

QJsonValue Importer::deref(const QJsonValue &v, const QString &where, QString *docPath)
{
    QJsonValue cur = v;
    QString doc = docPath ? *docPath : QString();
    for (int i = 0; i < 16 && cur.toObject().contains(QLatin1String("$ref")); ++i) {
        const auto r = resolveRef(cur.toObject().value(QLatin1String("$ref")).toString(), doc, where);
        if (!r)
            return QJsonObject();
        cur = r->value;
        doc = r->docPath;
    }
    if (docPath)
        *docPath = doc;
    return cur;
}

QString Importer::ensureModel(const QString &name, const QJsonObject &schema, const QString &docPath,
                              const QString &where)
{
    if (m_models.contains(name) || m_modelsInProgress.contains(name))
        return name;
    m_modelsInProgress.insert(name);
    ApiModel m;
    m.name = name;
    m.schema = convertSchema(schema, docPath, where);
    // A model's description is the schema's own description in OpenAPI.
    if (m.schema.value(QLatin1String("description")).isString())
        m.description = m.schema.take(QLatin1String("description")).toString();
    m.schema.insert(QStringLiteral("$schema"), QStringLiteral("http://json-schema.org/draft-04/schema#"));
    m_models.insert(name, m);
    m_modelsInProgress.remove(name);
    return name;
}

QString Importer::modelForRef(const QString &ref, const QString &fromDoc, const QString &where)
{
    static const QRegularExpression named(
        QStringLiteral("^(.*)#/(components/schemas|definitions)/([^/]+)$"));
    const auto m = named.match(ref);
    const bool external = !ref.startsWith(QLatin1Char('#'));
    if (m.hasMatch()) {
        const QString name = m.captured(3);
        if (!external && fromDoc.isEmpty()) {
            // Local model: all of them are imported up front; a dangling one is reported.
            if (!m_models.contains(name) && !m_modelsInProgress.contains(name)) {
                const auto r = resolveRef(ref, fromDoc, where);
                if (!r)
                    return {};
                if (r->value.toObject() == ModelSchemas::builtInModel(name))
                    return name; // AWS's built-in Empty/Error: referenced, never defined
                return ensureModel(name, r->value.toObject(), QString(), where);
            }
            return name;
        }
        const auto r = resolveRef(ref, fromDoc, where);
        if (!r)
            return {};
        m_report.mapped(where, QStringLiteral("model %1 read from %2").arg(name, ref));
        return ensureModel(name, r->value.toObject(), r->docPath, where);
    }
    if (external && !ref.contains(QLatin1Char('#'))) {
        const auto r = resolveRef(ref, fromDoc, where);
        if (!r)
            return {};
        const QString name = camelWords(QFileInfo(ref).completeBaseName());
        m_report.mapped(where, QStringLiteral("model %1 read from %2").arg(name, ref));
        return ensureModel(name, r->value.toObject(), r->docPath, where);
    }
    return {}; // a pointer into the middle of a document: inlined by convertSchema
}

QJsonObject Importer::convertSchema(const QJsonObject &schema, const QString &docPath,
                                    const QString &where, int depth)
{
    if (depth > 32)
        return schema;
    return ModelSchemas::toDraft4(schema, [&](const QString &ref) -> QString {
        return modelForRef(ref, docPath, where);
    });
}

QString Importer::modelForSchema(const QJsonValue &schemaValue, const QString &suggestedName,
                                 const QString &where)
{
    const QJsonObject schema = schemaValue.toObject();
    if (schema.isEmpty())
        return {};
    if (schema.contains(QLatin1String("$ref"))) {
        const QString name = modelForRef(schema.value(QLatin1String("$ref")).toString(), {}, where);
        if (!name.isEmpty())
            return name;
        const QJsonObject inlined = deref(schema, where).toObject();
        if (inlined.isEmpty())
            return {};
        return modelForSchema(inlined, suggestedName, where);
    }
    QString name = suggestedName;
    for (int n = 2; m_models.contains(name); ++n)
        name = suggestedName + QString::number(n);
    m_report.approximated(where, QStringLiteral("inline schema became model %1").arg(name),
                          QStringLiteral("inline-schema"));
    return ensureModel(name, schema, {}, where);
}

void Importer::importRootExtensions()
{
    static const QStringList handled = {xa("request-validators"), xa("request-validator"),
                                        xa("gateway-responses"), xa("binary-media-types"),
                                        xa("api-key-source"), xa("cors")};
    static const QStringList keptAws = {xa("policy"), xa("endpoint-configuration"),
                                        xa("minimum-compression-size"), xa("documentation"),
                                        xa("importexport-version"), xa("tag-value"),
                                        xa("disable-execute-api-endpoint")};
    for (auto it = m_doc.constBegin(); it != m_doc.constEnd(); ++it) {
        const QString k = it.key();
        const QString where = loc(jsonPointer(QString(), k));
        if (!k.startsWith(QLatin1String("x-")) || handled.contains(k))
            continue;
        m_api.extensions.insert(k, it.value());
        if (keptAws.contains(k))
            m_report.approximated(where, QStringLiteral("%1 kept for export; the local runtime does not apply it").arg(k),
                                  QStringLiteral("kept-extension"));
        else if (k != OpenApiImporter::keptKey()) // our own store is not an extension to report
            m_report.approximated(where, QStringLiteral("unknown extension %1 kept verbatim and written back on export").arg(k),
                                  QStringLiteral("unknown-extension"));
    }
    m_api.extensions.remove(OpenApiImporter::keptKey());
    // Tags may carry x-amazon-apigateway-tag-value: keep them whole.
    if (m_doc.contains(QLatin1String("tags"))) {
        m_api.extensions.insert(QStringLiteral("tags"), m_doc.value(QLatin1String("tags")));
        m_report.approximated(loc(QStringLiteral("/tags")), QStringLiteral("tags kept for export"),
                              QStringLiteral("kept-extension"));
    }

    const QJsonValue binary = m_doc.value(xa("binary-media-types"));
    if (!binary.isUndefined()) {
        m_api.binaryMediaTypes = stringList(binary);
        m_report.mapped(loc(QStringLiteral("/") + xa("binary-media-types")), QStringLiteral("binary media types"));
    }
    const QJsonValue keySource = m_doc.value(xa("api-key-source"));
    if (keySource.isString())
        m_api.apiKeySource = keySource.toString().toUpper();

    const QJsonObject gr = m_doc.value(xa("gateway-responses")).toObject();
    for (auto it = gr.constBegin(); it != gr.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        GatewayResponse r;
        r.responseType = it.key();
        r.statusCode = text(o.value(QLatin1String("statusCode")));
        r.responseParameters = stringMap(o.value(QLatin1String("responseParameters")));
        r.responseTemplates = stringMap(o.value(QLatin1String("responseTemplates")));
        m_api.gatewayResponses.append(r);
        m_report.mapped(loc(jsonPointer(QStringLiteral("/") + xa("gateway-responses"), it.key())),
                        QStringLiteral("gateway response %1").arg(it.key()));
    }

    if (m_doc.contains(xa("cors"))) {
        const QJsonObject c = m_doc.value(xa("cors")).toObject();
        const QString where = loc(QStringLiteral("/") + xa("cors"));
        if (m_api.type != ApiType::Http) {
            m_api.extensions.insert(xa("cors"), c);
            m_report.approximated(where, QStringLiteral("x-amazon-apigateway-cors only applies to HTTP APIs: kept, not applied"),
                                  QStringLiteral("kept-extension"));
        } else {
            CorsConfiguration cors;
            cors.allowOrigins = stringList(c.value(QLatin1String("allowOrigins")));
            cors.allowMethods = stringList(c.value(QLatin1String("allowMethods")));
            cors.allowHeaders = stringList(c.value(QLatin1String("allowHeaders")));
            cors.exposeHeaders = stringList(c.value(QLatin1String("exposeHeaders")));
            if (c.contains(QLatin1String("maxAge")))
                cors.maxAge = c.value(QLatin1String("maxAge")).toInt();
            cors.allowCredentials = c.value(QLatin1String("allowCredentials")).toBool();
            m_api.cors = cors;
            m_report.mapped(where, QStringLiteral("CORS configuration"));
        }
    }
}

void Importer::importValidators()
{
    const QJsonObject vs = m_doc.value(xa("request-validators")).toObject();
    for (auto it = vs.constBegin(); it != vs.constEnd(); ++it) {
        RequestValidator v;
        v.name = it.key();
        v.id = StableIds::make(QStringLiteral("val"), v.name);
        v.validateRequestBody = it.value().toObject().value(QLatin1String("validateRequestBody")).toBool();
        v.validateRequestParameters = it.value().toObject().value(QLatin1String("validateRequestParameters")).toBool();
        m_validatorIds.insert(v.name, v.id);
        m_api.requestValidators.append(v);
        m_report.mapped(loc(jsonPointer(QStringLiteral("/") + xa("request-validators"), it.key())),
                        QStringLiteral("request validator %1").arg(v.name));
    }
    m_defaultValidator = m_doc.value(xa("request-validator")).toString();
    if (!m_defaultValidator.isEmpty() && !m_validatorIds.contains(m_defaultValidator))
        m_report.skipped(loc(QStringLiteral("/") + xa("request-validator")),
                         QStringLiteral("default validator %1 is not defined").arg(m_defaultValidator));
}

void Importer::importModels()
{
    const QJsonObject schemas = m_oas3
                                    ? m_doc.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject()
                                    : m_doc.value(QLatin1String("definitions")).toObject();
    const QString base = m_oas3 ? QStringLiteral("/components/schemas") : QStringLiteral("/definitions");
    for (auto it = schemas.constBegin(); it != schemas.constEnd(); ++it) {
        const QString where = loc(jsonPointer(base, it.key()));
        QJsonObject schema = it.value().toObject();
        if (schema.contains(QLatin1String("$ref")) && schema.size() == 1)
            schema = deref(schema, where).toObject();
        // AWS's own built-in models come back on every export: do not turn them into user models.
        if (schema == ModelSchemas::builtInModel(it.key()))
            continue;
        ensureModel(it.key(), schema, {}, where);
        m_report.mapped(where, QStringLiteral("model %1").arg(it.key()));
    }
}

void Importer::importSecuritySchemes()
{
    const QJsonObject schemes = m_oas3 ? m_doc.value(QLatin1String("components")).toObject()
                                             .value(QLatin1String("securitySchemes")).toObject()
                                       : m_doc.value(QLatin1String("securityDefinitions")).toObject();
    const QString base = m_oas3 ? QStringLiteral("/components/securitySchemes")
                                : QStringLiteral("/securityDefinitions");
    const bool http = m_api.type == ApiType::Http;
    for (auto it = schemes.constBegin(); it != schemes.constEnd(); ++it) {
        const QString where = loc(jsonPointer(base, it.key()));
        const QJsonObject s = deref(it.value(), where).toObject();
        const QString authtype = s.value(xa("authtype")).toString().toLower();
        const QString schemeType = s.value(QLatin1String("type")).toString();
        Scheme scheme;
        if (s.contains(xa("authorizer"))) {
            const QJsonObject a = s.value(xa("authorizer")).toObject();
            Authorizer auth;
            auth.name = it.key();
            auth.id = StableIds::make(QStringLiteral("auth"), auth.name);
            const QString t = a.value(QLatin1String("type")).toString().toLower();
            if (t == QLatin1String("token"))
                auth.type = AuthorizerType::Token;
            else if (t == QLatin1String("request"))
                auth.type = AuthorizerType::Request;
            else if (t == QLatin1String("cognito_user_pools"))
                auth.type = AuthorizerType::CognitoUserPools;
            else if (t == QLatin1String("jwt"))
                auth.type = AuthorizerType::Jwt;
            else {
                m_report.skipped(where, QStringLiteral("authorizer type %1 is not supported").arg(t));
                continue;
            }
            bool changed = false;
            const QString uri = substituteAwsVariables(text(a.value(QLatin1String("authorizerUri"))), &changed);
            auth.functionName = LambdaUri::functionName(uri);
            if (!uri.isEmpty() && auth.functionName.isEmpty())
                m_report.approximated(where, QStringLiteral("authorizer URI %1 names no Lambda function: nothing runs locally until one is set").arg(uri));
            noteFunction(auth.functionName);
            auth.identitySource = stringList(a.value(QLatin1String("identitySource")));
            if (auth.identitySource.isEmpty() && auth.type == AuthorizerType::Token
                && s.value(QLatin1String("in")).toString() == QLatin1String("header"))
                auth.identitySource = {QStringLiteral("method.request.header.") + s.value(QLatin1String("name")).toString()};
            auth.identityValidationExpression = a.value(QLatin1String("identityValidationExpression")).toString();
            if (a.contains(QLatin1String("authorizerResultTtlInSeconds")))
                auth.resultTtlInSeconds = a.value(QLatin1String("authorizerResultTtlInSeconds")).toInt();
            if (a.contains(QLatin1String("authorizerPayloadFormatVersion")))
                auth.payloadFormatVersion = versionText(a.value(QLatin1String("authorizerPayloadFormatVersion")));
            auth.enableSimpleResponses = a.value(QLatin1String("enableSimpleResponses")).toBool();
            auth.providerArns = stringList(a.value(QLatin1String("providerARNs")));
            const QJsonObject jwt = a.value(QLatin1String("jwtConfiguration")).toObject();
            auth.jwtIssuer = jwt.value(QLatin1String("issuer")).toString();
            auth.jwtAudiences = stringList(jwt.value(QLatin1String("audience")));
            // What the model has no field for (credentials, …) is kept for export.
            QJsonObject extra;
            static const QStringList known = {
                QStringLiteral("type"), QStringLiteral("authorizerUri"), QStringLiteral("identitySource"),
                QStringLiteral("identityValidationExpression"), QStringLiteral("authorizerResultTtlInSeconds"),
                QStringLiteral("authorizerPayloadFormatVersion"), QStringLiteral("enableSimpleResponses"),
                QStringLiteral("providerARNs"), QStringLiteral("jwtConfiguration")};
            for (auto k = a.constBegin(); k != a.constEnd(); ++k) {
                if (!known.contains(k.key()))
                    extra.insert(k.key(), k.value());
            }
            QJsonObject schemeExtra;
            for (auto k = s.constBegin(); k != s.constEnd(); ++k) {
                if (k.key().startsWith(QLatin1String("x-")) && k.key() != xa("authorizer")
                    && k.key() != xa("authtype"))
                    schemeExtra.insert(k.key(), k.value());
            }
            // authtype is kept only when it differs from what export writes for this type.
            QString expectedAuthtype;
            if (auth.type == AuthorizerType::CognitoUserPools)
                expectedAuthtype = QStringLiteral("cognito_user_pools");
            else if ((auth.type == AuthorizerType::Token || auth.type == AuthorizerType::Request) && !http)
                expectedAuthtype = QStringLiteral("custom");
            const bool keepAuthtype = s.contains(xa("authtype")) && authtype != expectedAuthtype;
            if (!extra.isEmpty() || !schemeExtra.isEmpty() || keepAuthtype) {
                QJsonObject &keep = kept(QStringLiteral("authorizer ") + auth.name);
                if (!extra.isEmpty())
                    keep.insert(QStringLiteral("authorizer"), extra);
                if (!schemeExtra.isEmpty())
                    keep.insert(QStringLiteral("scheme"), schemeExtra);
                if (keepAuthtype)
                    keep.insert(QStringLiteral("authtype"), s.value(xa("authtype")));
                if (extra.contains(QLatin1String("authorizerCredentials")))
                    m_report.approximated(where, QStringLiteral("authorizerCredentials kept for export; the local run invokes the function directly"));
            }
            scheme.kind = SchemeKind::Authorizer;
            scheme.authorizerId = auth.id;
            switch (auth.type) {
            case AuthorizerType::Token:
            case AuthorizerType::Request:
                scheme.authorizationType = AuthorizationType::Custom;
                break;
            case AuthorizerType::CognitoUserPools:
                scheme.authorizationType = AuthorizationType::CognitoUserPools;
                m_report.approximated(where, QStringLiteral("Cognito user pool authorizer: tokens are checked locally against the pool's issuer only when it is reachable"));
                break;
            case AuthorizerType::Jwt:
                scheme.authorizationType = AuthorizationType::Jwt;
                break;
            }
            m_api.authorizers.append(auth);
            m_report.mapped(where, QStringLiteral("authorizer %1 (%2)").arg(auth.name, toString(auth.type)));
        } else if (authtype == QLatin1String("awssigv4")) {
            scheme.kind = SchemeKind::Iam;
            scheme.authorizationType = AuthorizationType::AwsIam;
            m_report.mapped(where, QStringLiteral("AWS_IAM (SigV4) authorization"));
        } else if (schemeType == QLatin1String("apiKey")
                   && s.value(QLatin1String("name")).toString().toLower() == QLatin1String("x-api-key")) {
            scheme.kind = SchemeKind::ApiKey;
            m_report.mapped(where, QStringLiteral("API key requirement"));
        } else if (http && (schemeType == QLatin1String("openIdConnect") || schemeType == QLatin1String("oauth2"))) {
            Authorizer auth;
            auth.name = it.key();
            auth.id = StableIds::make(QStringLiteral("auth"), auth.name);
            auth.type = AuthorizerType::Jwt;
            auth.identitySource = {QStringLiteral("$request.header.Authorization")};
            QString url = s.value(QLatin1String("openIdConnectUrl")).toString();
            url.remove(QRegularExpression(QStringLiteral("/?\\.well-known/openid-configuration$")));
            auth.jwtIssuer = url;
            m_api.authorizers.append(auth);
            scheme.kind = SchemeKind::Authorizer;
            scheme.authorizerId = auth.id;
            scheme.authorizationType = AuthorizationType::Jwt;
            m_report.approximated(where, QStringLiteral("%1 scheme became a JWT authorizer (issuer %2); set its audiences")
                                             .arg(schemeType, auth.jwtIssuer.isEmpty() ? QStringLiteral("unset") : auth.jwtIssuer));
        } else {
            m_report.skipped(where, QStringLiteral("security scheme %1 (%2) has no API Gateway meaning").arg(it.key(), schemeType));
        }
        m_schemes.insert(it.key(), scheme);
    }
}

void Importer::applySecurity(const QJsonArray &security, const QString &where, AuthorizationType &type,
                             QString &authorizerId, QStringList &scopes, bool &apiKeyRequired)
{
    for (const QJsonValue &req : security) {
        const QJsonObject o = req.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!m_schemes.contains(it.key())) {
                m_report.skipped(where, QStringLiteral("security scheme %1 is not defined").arg(it.key()));
                continue;
            }
            const Scheme &s = m_schemes.value(it.key());
            switch (s.kind) {
            case SchemeKind::Authorizer:
                type = s.authorizationType;
                authorizerId = s.authorizerId;
                scopes = stringList(it.value());
                break;
            case SchemeKind::Iam:
                type = AuthorizationType::AwsIam;
                break;
            case SchemeKind::ApiKey:
                apiKeyRequired = true;
                break;
            case SchemeKind::Unsupported:
                break;
            }
        }
        if (!o.isEmpty())
            break; // API Gateway uses the first requirement object
    }
}

Integration Importer::parseIntegration(const QJsonObject &o, const QString &where, QJsonObject &keptOut)
{
    Integration i;
    const QString type = o.value(QLatin1String("type")).toString().toUpper();
    if (const auto t = integrationTypeFromString(type))
        i.type = *t;
    else
        m_report.approximated(where, QStringLiteral("integration type \"%1\" unknown: MOCK used").arg(type));
    i.httpMethod = o.value(QLatin1String("httpMethod")).toString().toUpper();
    bool changed = false;
    i.uri = substituteAwsVariables(text(o.value(QLatin1String("uri"))), &changed);
    if (changed)
        m_report.approximated(where, QStringLiteral("AWS variables in the URI resolved to the local region/account"),
                              QStringLiteral("symbolic-reference"));
    if (i.type == IntegrationType::AwsProxy || i.type == IntegrationType::Aws) {
        i.functionName = LambdaUri::functionName(i.uri);
        noteFunction(i.functionName);
    }
    i.requestParameters = stringMap(o.value(QLatin1String("requestParameters")));
    i.requestTemplates = stringMap(o.value(QLatin1String("requestTemplates")));
    if (o.contains(QLatin1String("passthroughBehavior"))) {
        if (const auto p = passthroughBehaviorFromString(o.value(QLatin1String("passthroughBehavior")).toString().toUpper()))
            i.passthroughBehavior = *p;
    }
    i.contentHandling = o.value(QLatin1String("contentHandling")).toString();
    if (o.contains(QLatin1String("timeoutInMillis")))
        i.timeoutInMillis = text(o.value(QLatin1String("timeoutInMillis"))).toInt();
    i.credentials = substituteAwsVariables(text(o.value(QLatin1String("credentials"))), nullptr);
    i.connectionType = o.value(QLatin1String("connectionType")).toString();
    if (o.contains(QLatin1String("payloadFormatVersion")))
        i.payloadFormatVersion = versionText(o.value(QLatin1String("payloadFormatVersion")));
    const QJsonObject responses = o.value(QLatin1String("responses")).toObject();
    for (auto it = responses.constBegin(); it != responses.constEnd(); ++it) {
        const QJsonObject r = it.value().toObject();
        IntegrationResponse ir;
        ir.selectionPattern = it.key() == QLatin1String("default") ? QString() : it.key();
        ir.statusCode = text(r.value(QLatin1String("statusCode")));
        ir.responseParameters = stringMap(r.value(QLatin1String("responseParameters")));
        ir.responseTemplates = stringMap(r.value(QLatin1String("responseTemplates")));
        ir.contentHandling = r.value(QLatin1String("contentHandling")).toString();
        i.responses.append(ir);
    }
    const QJsonObject rp = o.value(QLatin1String("responseParameters")).toObject();
    for (auto it = rp.constBegin(); it != rp.constEnd(); ++it)
        i.responseParameters.insert(it.key(), stringMap(it.value()));
    if (o.contains(QLatin1String("integrationSubtype"))) {
        i.type = IntegrationType::Aws; // an HTTP API AWS service integration
        m_report.approximated(where, QStringLiteral("AWS service integration %1 cannot reach AWS locally: the local run answers with the integration's stub response")
                                         .arg(o.value(QLatin1String("integrationSubtype")).toString()),
                              QStringLiteral("aws-service-integration"));
    } else if (i.type == IntegrationType::Aws && i.functionName.isEmpty()) {
        m_report.approximated(where, QStringLiteral("AWS service integration %1 cannot reach AWS locally: the local run answers with the integration's stub response").arg(i.uri),
                              QStringLiteral("aws-service-integration"));
    }
    if (i.type == IntegrationType::AwsProxy && i.functionName.isEmpty())
        m_report.approximated(where, QStringLiteral("proxy integration URI %1 names no Lambda function: set one to run it locally").arg(i.uri));
    if (i.uri.contains(QStringLiteral("${")) && !i.uri.contains(QStringLiteral("${stageVariables.")))
        m_report.approximated(where, QStringLiteral("URI %1 keeps unresolved placeholders").arg(i.uri),
                              QStringLiteral("symbolic-reference"));
    if (i.connectionType == QLatin1String("VPC_LINK"))
        m_report.approximated(where, QStringLiteral("VPC link connection: the local run calls the URI directly"));
    static const QStringList known = {
        QStringLiteral("type"), QStringLiteral("httpMethod"), QStringLiteral("uri"),
        QStringLiteral("requestParameters"), QStringLiteral("requestTemplates"),
        QStringLiteral("passthroughBehavior"), QStringLiteral("contentHandling"),
        QStringLiteral("timeoutInMillis"), QStringLiteral("credentials"),
        QStringLiteral("connectionType"), QStringLiteral("payloadFormatVersion"),
        QStringLiteral("responses"), QStringLiteral("responseParameters")};
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!known.contains(it.key()))
            keptOut.insert(it.key(), it.value());
    }
    return i;
}

Resource &Importer::resourceFor(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString parentId = m_api.resources.first().id;
    QString current;
    for (const QString &part : parts) {
        current += QLatin1Char('/') + part;
        const QString id = StableIds::make(QStringLiteral("res"), current);
        bool found = false;
        for (const Resource &r : m_api.resources) {
            if (r.id == id) {
                found = true;
                break;
            }
        }
        if (!found) {
            Resource r;
            r.id = id;
            r.parentId = parentId;
            r.pathPart = part;
            m_api.resources.append(r);
        }
        parentId = id;
    }
    for (Resource &r : m_api.resources) {
        if (r.id == parentId)
            return r;
    }
    return m_api.resources.first();
}

void Importer::importPaths()
{
    const bool http = m_api.type == ApiType::Http;
    if (!http) {
        Resource root;
        root.id = StableIds::make(QStringLiteral("res"), QStringLiteral("/"));
        m_api.resources.append(root);
    }
    const QJsonArray rootSecurity = m_doc.value(QLatin1String("security")).toArray();
    const QJsonObject paths = m_doc.value(QLatin1String("paths")).toObject();
    const QStringList rootConsumes = stringList(m_doc.value(QLatin1String("consumes")));
    const QStringList rootProduces = stringList(m_doc.value(QLatin1String("produces")));
    for (auto pit = paths.constBegin(); pit != paths.constEnd(); ++pit) {
        const QString path = pit.key();
        const QString pathLoc = loc(jsonPointer(QStringLiteral("/paths"), path));
        if (path.startsWith(QLatin1String("x-"))) {
            m_api.extensions.insert(QStringLiteral("paths:") + path, pit.value());
            continue;
        }
        const bool defaultRoute = path == QLatin1String("$default");
        if (!path.startsWith(QLatin1Char('/')) && !(http && defaultRoute)) {
            m_report.skipped(pathLoc, QStringLiteral("path %1 does not start with /").arg(path));
            continue;
        }
        const QJsonObject item = deref(pit.value(), pathLoc).toObject();
        const QJsonArray pathParams = item.value(QLatin1String("parameters")).toArray();
        for (auto oit = item.constBegin(); oit != item.constEnd(); ++oit) {
            const QString verbKey = oit.key();
            const QString opLoc = jsonPointer(pathLoc, verbKey);
            if (!httpVerbs().contains(verbKey)) {
                if (verbKey.startsWith(QLatin1String("x-"))) {
                    kept(QStringLiteral("path ") + path).insert(verbKey, oit.value());
                    m_report.approximated(opLoc, QStringLiteral("path-level extension %1 kept verbatim").arg(verbKey),
                                          QStringLiteral("unknown-extension"));
                }
                continue;
            }
            const QString verb = verbKey == xa("any-method") ? QStringLiteral("ANY") : verbKey.toUpper();
            const QJsonObject op = oit.value().toObject();
            const QString keptName = verb + QLatin1Char(' ') + path;

            AuthorizationType authType = AuthorizationType::None;
            QString authorizerId;
            QStringList scopes;
            bool apiKeyRequired = false;
            applySecurity(op.contains(QLatin1String("security")) ? op.value(QLatin1String("security")).toArray() : rootSecurity,
                          opLoc, authType, authorizerId, scopes, apiKeyRequired);
            const QString legacyAuth = op.value(xa("auth")).toObject().value(QLatin1String("type")).toString().toLower();
            if (legacyAuth == QLatin1String("aws_iam"))
                authType = AuthorizationType::AwsIam;

            QJsonObject integrationKept;
            Integration integration;
            if (op.contains(xa("integration"))) {
                integration = parseIntegration(deref(op.value(xa("integration")), opLoc).toObject(),
                                               jsonPointer(opLoc, xa("integration")), integrationKept);
            } else {
                m_report.approximated(opLoc, QStringLiteral("no x-amazon-apigateway-integration: a MOCK integration stands in"),
                                      QStringLiteral("missing-integration"));
                if (http) {
                    integration.type = IntegrationType::Mock;
                }
            }
            if (op.contains(QStringLiteral("x-apigw-studio-function"))) {
                integration.functionName = op.value(QStringLiteral("x-apigw-studio-function")).toString();
                noteFunction(integration.functionName);
            }
            integration.stubResponse = op.value(QStringLiteral("x-apigw-studio-stub-response")).toString();

            // Operation-level extensions the model has no field for.
            QJsonObject opKept;
            static const QStringList opHandled = {xa("integration"), xa("request-validator"), xa("auth"),
                                                  QStringLiteral("x-apigw-studio-function"),
                                                  QStringLiteral("x-apigw-studio-stub-response")};
            for (auto k = op.constBegin(); k != op.constEnd(); ++k) {
                if (k.key().startsWith(QLatin1String("x-")) && !opHandled.contains(k.key())) {
                    opKept.insert(k.key(), k.value());
                    m_report.approximated(jsonPointer(opLoc, k.key()),
                                          QStringLiteral("extension %1 kept verbatim and written back on export").arg(k.key()),
                                          QStringLiteral("unknown-extension"));
                }
            }
            if (!integrationKept.isEmpty() || !opKept.isEmpty()) {
                QJsonObject &keep = kept(keptName);
                if (!integrationKept.isEmpty())
                    keep.insert(QStringLiteral("integration"), integrationKept);
                if (!opKept.isEmpty())
                    keep.insert(QStringLiteral("operation"), opKept);
            }

            if (http) {
                Route rt;
                rt.routeKey = defaultRoute ? QStringLiteral("$default") : verb + QLatin1Char(' ') + path;
                rt.id = StableIds::make(QStringLiteral("rt"), rt.routeKey);
                rt.operationName = op.value(QLatin1String("operationId")).toString();
                rt.authorizationType = authType;
                rt.authorizerId = authorizerId;
                rt.authorizationScopes = scopes;
                rt.integration = integration;
                if (apiKeyRequired)
                    m_report.approximated(opLoc, QStringLiteral("HTTP APIs have no API keys: requirement ignored"));
                m_api.routes.append(rt);
                m_report.mapped(opLoc, QStringLiteral("route %1").arg(rt.routeKey));
                continue;
            }

            Method m;
            m.httpMethod = verb;
            m.id = StableIds::make(QStringLiteral("mth"), path + QLatin1Char(' ') + verb);
            m.operationName = op.value(QLatin1String("operationId")).toString();
            m.authorizationType = authType;
            m.authorizerId = authorizerId;
            m.authorizationScopes = scopes;
            m.apiKeyRequired = apiKeyRequired;
            const QString validator = op.contains(xa("request-validator"))
                                          ? op.value(xa("request-validator")).toString()
                                          : m_defaultValidator;
            if (!validator.isEmpty()) {
                m.requestValidatorId = m_validatorIds.value(validator);
                if (m.requestValidatorId.isEmpty())
                    m_report.skipped(opLoc, QStringLiteral("request validator %1 is not defined").arg(validator));
            }
            const QString baseName = m.operationName.isEmpty() ? camelWords(verb.toLower() + QLatin1Char(' ') + path)
                                                               : camelWords(m.operationName);
            // Parameters: path-level first, operation-level override.
            QJsonArray params = pathParams;
            for (const QJsonValue &p : op.value(QLatin1String("parameters")).toArray())
                params.append(p);
            const QStringList consumes = op.contains(QLatin1String("consumes")) ? stringList(op.value(QLatin1String("consumes"))) : rootConsumes;
            for (int pi = 0; pi < params.size(); ++pi) {
                const QString pLoc = jsonPointer(jsonPointer(opLoc, QStringLiteral("parameters")), pi);
                const QJsonObject p = deref(params.at(pi), pLoc).toObject();
                const QString in = p.value(QLatin1String("in")).toString();
                const QString name = p.value(QLatin1String("name")).toString();
                QString where;
                if (in == QLatin1String("path"))
                    where = QStringLiteral("path");
                else if (in == QLatin1String("query"))
                    where = QStringLiteral("querystring");
                else if (in == QLatin1String("header"))
                    where = QStringLiteral("header");
                if (!where.isEmpty()) {
                    m.requestParameters.insert(QStringLiteral("method.request.") + where + QLatin1Char('.') + name,
                                               p.value(QLatin1String("required")).toBool());
                } else if (in == QLatin1String("body")) {
                    const QString model = modelForSchema(p.value(QLatin1String("schema")), baseName + QStringLiteral("Body"), pLoc);
                    if (!model.isEmpty()) {
                        for (const QString &ct : consumes.isEmpty() ? QStringList{QStringLiteral("application/json")} : consumes)
                            m.requestModels.insert(ct, model);
                    }
                } else {
                    m_report.skipped(pLoc, QStringLiteral("%1 parameter %2 has no API Gateway equivalent").arg(in, name));
                }
            }
            if (m_oas3 && op.contains(QLatin1String("requestBody"))) {
                const QString bLoc = jsonPointer(opLoc, QStringLiteral("requestBody"));
                const QJsonObject body = deref(op.value(QLatin1String("requestBody")), bLoc).toObject();
                const QJsonObject content = body.value(QLatin1String("content")).toObject();
                for (auto c = content.constBegin(); c != content.constEnd(); ++c) {
                    const QString model = modelForSchema(c.value().toObject().value(QLatin1String("schema")),
                                                         baseName + QStringLiteral("Body"), bLoc);
                    if (!model.isEmpty())
                        m.requestModels.insert(c.key(), model);
                }
            }
            const QJsonObject responses = op.value(QLatin1String("responses")).toObject();
            const QStringList produces = op.contains(QLatin1String("produces")) ? stringList(op.value(QLatin1String("produces"))) : rootProduces;
            for (auto r = responses.constBegin(); r != responses.constEnd(); ++r) {
                const QString rLoc = jsonPointer(jsonPointer(opLoc, QStringLiteral("responses")), r.key());
                if (!QRegularExpression(QStringLiteral("^[1-5][0-9][0-9]$")).match(r.key()).hasMatch()) {
                    if (r.key() != QLatin1String("default"))
                        m_report.skipped(rLoc, QStringLiteral("response %1 is not a status code").arg(r.key()));
                    continue;
                }
                const QJsonObject resp = deref(r.value(), rLoc).toObject();
                MethodResponse mr;
                mr.statusCode = r.key();
                const QJsonObject headers = resp.value(QLatin1String("headers")).toObject();
                for (auto h = headers.constBegin(); h != headers.constEnd(); ++h)
                    mr.responseParameters.insert(QStringLiteral("method.response.header.") + h.key(),
                                                 [&] {
                                                     const QJsonObject ho = deref(h.value(), rLoc).toObject();
                                                     return ho.value(QLatin1String("required")).toBool()
                                                            || ho.value(QLatin1String("x-apigw-studio-required")).toBool();
                                                 }());
                const QString suggested = baseName + QStringLiteral("Response") + r.key();
                if (m_oas3) {
                    const QJsonObject content = resp.value(QLatin1String("content")).toObject();
                    for (auto c = content.constBegin(); c != content.constEnd(); ++c) {
                        const QString model = modelForSchema(c.value().toObject().value(QLatin1String("schema")), suggested, rLoc);
                        if (!model.isEmpty())
                            mr.responseModels.insert(c.key(), model);
                    }
                } else if (resp.contains(QLatin1String("schema"))) {
                    const QString model = modelForSchema(resp.value(QLatin1String("schema")), suggested, rLoc);
                    if (!model.isEmpty()) {
                        for (const QString &ct : produces.isEmpty() ? QStringList{QStringLiteral("application/json")} : produces)
                            mr.responseModels.insert(ct, model);
                    }
                }
                m.methodResponses.append(mr);
            }
            m.integration = integration;
            Resource &res = resourceFor(path);
            bool duplicate = false;
            for (const Method &existing : res.methods)
                duplicate = duplicate || existing.httpMethod == m.httpMethod;
            if (duplicate) {
                m_report.skipped(opLoc, QStringLiteral("%1 %2 defined twice").arg(verb, path));
                continue;
            }
            res.methods.append(m);
            m_report.mapped(opLoc, QStringLiteral("method %1 %2").arg(verb, path));
        }
    }
}

void Importer::importStage()
{
    QString basePath;
    bool found = false;
    if (m_oas3) {
        const QJsonObject server = m_doc.value(QLatin1String("servers")).toArray().at(0).toObject();
        const QJsonObject vars = server.value(QLatin1String("variables")).toObject();
        if (vars.contains(QLatin1String("basePath"))) {
            basePath = vars.value(QLatin1String("basePath")).toObject().value(QLatin1String("default")).toString();
            found = true;
        }
    } else if (m_doc.contains(QLatin1String("basePath"))) {
        basePath = m_doc.value(QLatin1String("basePath")).toString();
        found = true;
    }
    basePath.remove(QRegularExpression(QStringLiteral("^/+|/+$")));
    Stage stage;
    const bool http = m_api.type == ApiType::Http;
    if (found && QRegularExpression(QStringLiteral("^[A-Za-z0-9_$-]+$")).match(basePath).hasMatch())
        stage.name = basePath;
    else if (found && basePath.isEmpty() && http)
        stage.name = QStringLiteral("$default");
    else
        stage.name = http ? QStringLiteral("$default") : QStringLiteral("dev");
    m_api.stages.append(stage);
    m_report.approximated(loc(QStringLiteral("")), QStringLiteral("stage %1 created %2").arg(stage.name,
                              found ? QStringLiteral("from the base path") : QStringLiteral("for the local run")),
                          QStringLiteral("default-stage"));
}

Result<OpenApiImporter::Output> Importer::run()
{
    if (!m_oas3 && !OpenApiImporter::isSwagger2(m_doc)) {
        Diagnostic d;
        d.location = loc(QString());
        d.message = QStringLiteral("not an OpenAPI 3.0 or Swagger 2.0 document");
        return Diagnostics{d};
    }
    // CloudFormation intrinsics inside a definition (a file meant for AWS::Include) resolve to
    // text here; unresolvable ones are reported.
    m_doc = CfnIntrinsics().resolve(m_doc, loc(QString()), &m_report).toObject();

    QString why;
    const ApiType detected = OpenApiImporter::detectApiType(m_doc, &why);
    m_api.type = m_options.forceApiType.value_or(detected);
    if (m_options.forceApiType && *m_options.forceApiType != detected)
        m_report.approximated(loc(QString()), QStringLiteral("imported as %1 as asked, though the document reads as %2")
                                                  .arg(toString(m_api.type), toString(detected)));
    else
        m_report.mapped(loc(QString()), QStringLiteral("%1 API (%2)").arg(toString(m_api.type),
                                                                            why.isEmpty() ? QStringLiteral("no HTTP API marker") : why));
    if (m_api.type == ApiType::WebSocket) {
        Diagnostic d;
        d.location = loc(QString());
        d.message = QStringLiteral("WebSocket APIs cannot be imported from OpenAPI");
        return Diagnostics{d};
    }
    const QJsonObject info = m_doc.value(QLatin1String("info")).toObject();
    m_api.name = info.value(QLatin1String("title")).toString();
    if (m_api.name.isEmpty())
        m_api.name = m_options.sourcePath.isEmpty() ? QStringLiteral("Imported API")
                                                    : QFileInfo(m_options.sourcePath).completeBaseName();
    m_api.description = info.value(QLatin1String("description")).toString();
    m_api.id = StableIds::make(QStringLiteral("api"), m_api.name);

    importRootExtensions();
    importValidators();
    importModels();
    importSecuritySchemes();
    importPaths();
    importStage();
    m_api.models = m_models.values();
    QJsonObject keptJson;
    for (auto it = m_kept.constBegin(); it != m_kept.constEnd(); ++it)
        keptJson.insert(it.key(), it.value());
    if (!keptJson.isEmpty())
        m_api.extensions.insert(OpenApiImporter::keptKey(), keptJson);
    return OpenApiImporter::Output{m_api, m_functions};
}

} // namespace

bool OpenApiImporter::isOpenApi3(const QJsonObject &doc)
{
    return doc.value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3."));
}

bool OpenApiImporter::isSwagger2(const QJsonObject &doc)
{
    return text(doc.value(QLatin1String("swagger"))).startsWith(QLatin1String("2"));
}

ApiType OpenApiImporter::detectApiType(const QJsonObject &doc, QString *why)
{
    auto decide = [why](ApiType t, const QString &s) {
        if (why)
            *why = s;
        return t;
    };
    if (!isOpenApi3(doc))
        return ApiType::Rest;
    // Strong markers: only HTTP APIs have these.
    if (doc.contains(xa("cors")))
        return decide(ApiType::Http, QStringLiteral("x-amazon-apigateway-cors"));
    if (doc.contains(xa("importexport-version")))
        return decide(ApiType::Http, QStringLiteral("x-amazon-apigateway-importexport-version"));
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    if (paths.contains(QLatin1String("$default")))
        return decide(ApiType::Http, QStringLiteral("a $default route"));
    const QJsonObject schemes = doc.value(QLatin1String("components")).toObject().value(QLatin1String("securitySchemes")).toObject();
    bool restMarker = false;
    QString weakHttp;
    for (const QJsonValue &s : schemes) {
        const QJsonObject a = s.toObject().value(xa("authorizer")).toObject();
        const QString t = a.value(QLatin1String("type")).toString().toLower();
        if (t == QLatin1String("jwt"))
            return decide(ApiType::Http, QStringLiteral("a JWT authorizer"));
        if (a.contains(QLatin1String("authorizerPayloadFormatVersion")))
            weakHttp = QStringLiteral("authorizerPayloadFormatVersion");
        if (t == QLatin1String("token") || t == QLatin1String("cognito_user_pools")
            || s.toObject().contains(xa("authtype")))
            restMarker = true;
    }
    for (const QJsonValue &item : paths) {
        const QJsonObject ops = item.toObject();
        for (auto it = ops.constBegin(); it != ops.constEnd(); ++it) {
            const QJsonObject op = it.value().toObject();
            const QJsonObject integ = op.value(xa("integration")).toObject();
            if (integ.contains(QLatin1String("integrationSubtype")))
                return decide(ApiType::Http, QStringLiteral("integrationSubtype"));
            if (integ.contains(QLatin1String("payloadFormatVersion")))
                weakHttp = QStringLiteral("integration payloadFormatVersion");
            if (integ.contains(QLatin1String("responses")) || integ.contains(QLatin1String("requestTemplates"))
                || integ.contains(QLatin1String("passthroughBehavior")) || op.contains(xa("request-validator")))
                restMarker = true;
        }
    }
    // REST-only features outweigh a payloadFormatVersion copied into a REST definition.
    for (const char *k : {"request-validators", "gateway-responses", "api-key-source", "binary-media-types",
                          "request-validator", "minimum-compression-size", "endpoint-configuration"}) {
        if (doc.contains(xa(k)))
            restMarker = true;
    }
    if (!restMarker && !weakHttp.isEmpty())
        return decide(ApiType::Http, weakHttp);
    return ApiType::Rest;
}

Result<OpenApiImporter::Output> OpenApiImporter::import(const QJsonObject &doc, const Options &options,
                                                        ImportReport &report)
{
    Importer importer(doc, options, report);
    return importer.run();
}

} // namespace Gw::Model::Interop
