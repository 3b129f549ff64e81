// SAM import. SAM's own expansion rules are followed where they decide what exists locally:
// implicit ServerlessRestApi (stage Prod) / ServerlessHttpApi ($default) for events without an
// API, Globals merged under each resource's properties, Cors turned into OPTIONS MOCK methods,
// DefaultAuthorizer applied to every method. Intrinsics resolve locally where they can; what
// needs a deployed stack stays symbolic text and is reported.
#include "model/interop/samimporter.h"

#include "model/interop/cfnintrinsics.h"
#include "model/interop/lambdauri.h"
#include "model/interop/openapiimporter.h"
#include "model/interop/stableids.h"
#include "model/interop/yamlcodec.h"
#include "model/serialization/jsonpointer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Gw::Model::Interop {

namespace {

QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QString versionText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 1);
    return text(v);
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

QMap<QString, QString> stringMap(const QJsonValue &v)
{
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        out.insert(it.key(), text(it.value()));
    return out;
}

// Globals under properties: maps merge key by key (Environment.Variables too), the resource wins.
QJsonObject mergeGlobals(const QJsonObject &globals, const QJsonObject &props)
{
    QJsonObject out = globals;
    for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
        if (it.value().isObject() && out.value(it.key()).isObject()
            && !CfnIntrinsics::isIntrinsic(it.value()))
            out.insert(it.key(), mergeGlobals(out.value(it.key()).toObject(), it.value().toObject()));
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

ThrottleSettings throttleFrom(const QJsonObject &o, const char *rate, const char *burst)
{
    ThrottleSettings t;
    if (o.contains(QLatin1String(rate)))
        t.rateLimit = o.value(QLatin1String(rate)).toDouble();
    if (o.contains(QLatin1String(burst)))
        t.burstLimit = o.value(QLatin1String(burst)).toInt();
    return t;
}

class Importer
{
public:
    Importer(const QJsonObject &tmpl, const SamImporter::Options &options, ImportReport &report)
        : m_tmpl(tmpl), m_options(options), m_report(report)
    {
        m_resources = tmpl.value(QLatin1String("Resources")).toObject();
        m_globals = tmpl.value(QLatin1String("Globals")).toObject();
        const QFileInfo fi(options.sourcePath);
        m_templateDir = options.sourcePath.isEmpty() ? QDir::currentPath() : fi.absolutePath();
        m_projectDir = options.projectDir.isEmpty() ? m_templateDir : QDir(options.projectDir).absolutePath();
        CfnIntrinsics::Context ctx;
        ctx.parameters = tmpl.value(QLatin1String("Parameters")).toObject();
        ctx.mappings = tmpl.value(QLatin1String("Mappings")).toObject();
        ctx.conditions = tmpl.value(QLatin1String("Conditions")).toObject();
        ctx.resources = m_resources;
        ctx.stackName = options.sourcePath.isEmpty() ? QStringLiteral("local-stack") : fi.completeBaseName();
        // Function names first: every other resource may refer to them.
        for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
            const QString type = typeOf(it.key());
            if (type == QLatin1String("AWS::Serverless::Function") || type == QLatin1String("AWS::Lambda::Function")) {
                const QJsonValue fn = props(it.key()).value(QLatin1String("FunctionName"));
                QString name = fn.isString() ? fn.toString() : QString();
                if (name.isEmpty() || name.contains(QStringLiteral("${")))
                    name = it.key();
                ctx.functionNames.insert(it.key(), name);
            }
        }
        m_functionNames = ctx.functionNames;
        m_cfn = CfnIntrinsics(ctx);
    }

    Result<ApiDocument> run();

private:
    QString typeOf(const QString &logical) const
    {
        return m_resources.value(logical).toObject().value(QLatin1String("Type")).toString().trimmed();
    }
    QJsonObject props(const QString &logical) const
    {
        return m_resources.value(logical).toObject().value(QLatin1String("Properties")).toObject();
    }
    QString loc(const QString &logical, const QString &sub = {}) const
    {
        return QStringLiteral("/Resources/") + jsonPointerEscape(logical)
               + (sub.isEmpty() ? QString() : QStringLiteral("/Properties/") + sub);
    }
    QString str(const QJsonValue &v, const QString &where) { return m_cfn.resolveString(v, where, &m_report); }
    QJsonValue val(const QJsonValue &v, const QString &where) { return m_cfn.resolve(v, where, &m_report); }
    QString functionOf(const QJsonValue &arnValue, const QString &where)
    {
        const QString logical = CfnIntrinsics::referencedLogicalId(arnValue);
        if (m_functionNames.contains(logical))
            return m_functionNames.value(logical);
        return LambdaUri::functionName(str(arnValue, where));
    }

    void importFunction(const QString &logical);
    Api *apiByLogical(const QString &logical)
    {
        return m_apiIndex.contains(logical) ? &m_doc.apis[m_apiIndex.value(logical)] : nullptr;
    }
    Api &addApi(const QString &logical, ApiType type, const QString &name);
    bool importDefinition(Api &api, const QJsonObject &p, const QString &where);
    void importServerlessApi(const QString &logical, const QJsonObject &p, bool implicitApi);
    void importServerlessHttpApi(const QString &logical, const QJsonObject &p, bool implicitApi);
    void importEvents(const QString &logical);
    void importRawRestApis();
    void importRawV2Apis();
    void importUsagePlans();
    void applyRestCors(Api &api, const QJsonValue &cors, const QString &where);
    Resource &resourceFor(Api &api, const QString &path);
    Method *findMethod(Api &api, const QString &path, const QString &verb);
    QString authorizerIdByName(const Api &api, const QString &name) const
    {
        for (const Authorizer &a : api.authorizers) {
            if (a.name == name)
                return a.id;
        }
        return {};
    }
    Integration parseRestIntegration(const QJsonObject &o, const QString &where);
    Integration parseV2Integration(const QString &logical, bool websocket);
    QString generatedKeyValue(const QString &seed) const
    {
        return QStringLiteral("local") + QString::fromLatin1(
            QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
    }

    QJsonObject m_tmpl;
    SamImporter::Options m_options;
    ImportReport &m_report;
    QJsonObject m_resources;
    QJsonObject m_globals;
    QString m_templateDir;
    QString m_projectDir;
    CfnIntrinsics m_cfn;
    QHash<QString, QString> m_functionNames;
    ApiDocument m_doc;
    QHash<QString, int> m_apiIndex; // logical id -> index in m_doc.apis
    QSet<QString> m_handled;        // logical ids accounted for
    QHash<QString, QJsonValue> m_restCors;    // API logical -> SAM Cors value
    QHash<QString, QString> m_defaultAuth;    // API logical -> DefaultAuthorizer
    QHash<QString, bool> m_defaultApiKey;     // API logical -> Auth.ApiKeyRequired
    QHash<QString, QJsonObject> m_samUsagePlans; // API logical -> Auth.UsagePlan
    QSet<QString> m_eventMethods;                // method ids created by function events
};

Api &Importer::addApi(const QString &logical, ApiType type, const QString &name)
{
    Api api;
    api.id = StableIds::make(QStringLiteral("api"), logical);
    api.name = name;
    api.type = type;
    if (type == ApiType::Rest) {
        Resource root;
        root.id = StableIds::make(QStringLiteral("res"), QStringLiteral("/"));
        api.resources.append(root);
    }
    m_apiIndex.insert(logical, int(m_doc.apis.size()));
    m_doc.apis.append(api);
    m_handled.insert(logical);
    return m_doc.apis.last();
}

Resource &Importer::resourceFor(Api &api, const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString parentId = api.resources.first().id;
    QString current;
    for (const QString &part : parts) {
        current += QLatin1Char('/') + part;
        QString id;
        for (const Resource &r : api.resources) {
            if (r.parentId == parentId && r.pathPart == part)
                id = r.id;
        }
        if (id.isEmpty()) {
            Resource r;
            r.id = StableIds::make(QStringLiteral("res"), current);
            r.parentId = parentId;
            r.pathPart = part;
            api.resources.append(r);
            id = r.id;
        }
        parentId = id;
    }
    for (Resource &r : api.resources) {
        if (r.id == parentId)
            return r;
    }
    return api.resources.first();
}

Method *Importer::findMethod(Api &api, const QString &path, const QString &verb)
{
    Resource &r = resourceFor(api, path);
    for (Method &m : r.methods) {
        if (m.httpMethod == verb)
            return &m;
    }
    return nullptr;
}

void Importer::importFunction(const QString &logical)
{
    const bool serverless = typeOf(logical) == QLatin1String("AWS::Serverless::Function");
    const QJsonObject p = serverless ? mergeGlobals(m_globals.value(QLatin1String("Function")).toObject(), props(logical))
                                     : props(logical);
    LocalFunction f;
    f.name = m_functionNames.value(logical, logical);
    f.id = StableIds::make(QStringLiteral("fn"), f.name);
    const QString where = loc(logical);
    if (p.contains(QLatin1String("Runtime")))
        f.runtime = str(p.value(QLatin1String("Runtime")), loc(logical, QStringLiteral("Runtime")));
    if (p.contains(QLatin1String("Handler")))
        f.handler = str(p.value(QLatin1String("Handler")), loc(logical, QStringLiteral("Handler")));
    if (p.contains(QLatin1String("Timeout")))
        f.timeout = str(p.value(QLatin1String("Timeout")), where).toInt();
    if (p.contains(QLatin1String("MemorySize")))
        f.memorySize = str(p.value(QLatin1String("MemorySize")), where).toInt();
    const QJsonObject meta = m_resources.value(logical).toObject().value(QLatin1String("Metadata")).toObject();
    if (meta.value(QLatin1String("ApigwStudio")).toObject().contains(QLatin1String("Concurrency")))
        f.concurrency = meta.value(QLatin1String("ApigwStudio")).toObject().value(QLatin1String("Concurrency")).toInt();
    const QJsonObject vars = p.value(QLatin1String("Environment")).toObject().value(QLatin1String("Variables")).toObject();
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
        f.environment.insert(it.key(), str(it.value(), loc(logical, QStringLiteral("Environment/Variables/") + it.key())));
    const QJsonValue codeUri = serverless ? p.value(QLatin1String("CodeUri")) : p.value(QLatin1String("Code"));
    if (codeUri.isString()) {
        const QString abs = QDir::cleanPath(QDir(m_templateDir).absoluteFilePath(codeUri.toString()));
        f.codeDirectory = QDir(m_projectDir).relativeFilePath(abs);
        if (f.codeDirectory.isEmpty())
            f.codeDirectory = QStringLiteral(".");
    } else if (p.contains(QLatin1String("InlineCode"))
               || codeUri.toObject().contains(QLatin1String("ZipFile"))) {
        m_report.approximated(where, QStringLiteral("function %1 has inline code: save it to a folder and set the code directory to run it locally").arg(f.name),
                              QStringLiteral("inline-code"));
    } else if (codeUri.isObject()) {
        m_report.skipped(where, QStringLiteral("function %1 code lives in S3: set a local code directory to run it").arg(f.name),
                         QStringLiteral("remote-code"));
    }
    if (p.value(QLatin1String("PackageType")).toString() == QLatin1String("Image"))
        m_report.skipped(where, QStringLiteral("function %1 is a container image: the local host runs zip functions only").arg(f.name),
                         QStringLiteral("container-image"));
    static const QRegularExpression supported(QStringLiteral("^(python3|nodejs|provided)"));
    if (!supported.match(f.runtime).hasMatch())
        m_report.approximated(where, QStringLiteral("runtime %1 has no bundled local bootstrap: the function runs only if its code directory holds an executable `bootstrap`").arg(f.runtime),
                              QStringLiteral("unsupported-runtime"));
    m_doc.functions.append(f);
    m_handled.insert(logical);
    m_report.mapped(where, QStringLiteral("function %1 (%2, %3)").arg(f.name, f.runtime, f.handler));
}

bool Importer::importDefinition(Api &api, const QJsonObject &p, const QString &where)
{
    QJsonValue body = p.value(QLatin1String("DefinitionBody"));
    if (body.isUndefined())
        body = p.value(QLatin1String("Body"));
    QString bodyPath = m_options.sourcePath;
    QString bodyWhere = where + (p.contains(QLatin1String("Body")) ? QStringLiteral("/Body") : QStringLiteral("/DefinitionBody"));
    const QJsonObject transform = body.toObject().value(QLatin1String("Fn::Transform")).toObject();
    QString fileRef;
    if (transform.value(QLatin1String("Name")).toString() == QLatin1String("AWS::Include"))
        fileRef = str(transform.value(QLatin1String("Parameters")).toObject().value(QLatin1String("Location")), bodyWhere);
    else if (p.value(QLatin1String("DefinitionUri")).isString())
        fileRef = p.value(QLatin1String("DefinitionUri")).toString();
    else if (p.contains(QLatin1String("DefinitionUri")) || p.contains(QLatin1String("BodyS3Location"))) {
        m_report.skipped(where, QStringLiteral("definition stored in S3 cannot be read locally"), QStringLiteral("remote-definition"));
        return false;
    }
    if (!fileRef.isEmpty()) {
        if (fileRef.startsWith(QLatin1String("s3://"))) {
            m_report.skipped(where, QStringLiteral("definition %1 is in S3 and cannot be read locally").arg(fileRef),
                             QStringLiteral("remote-definition"));
            return false;
        }
        bodyPath = QDir(m_templateDir).absoluteFilePath(fileRef);
        QFile f(bodyPath);
        if (!f.open(QIODevice::ReadOnly)) {
            m_report.skipped(where, QStringLiteral("definition file %1 cannot be read").arg(fileRef), QStringLiteral("missing-file"));
            return false;
        }
        const QByteArray bytes = f.readAll();
        if (YamlCodec::looksLikeYaml(bytes)) {
            auto r = YamlCodec::parse(bytes);
            if (!r) {
                m_report.skipped(where, QStringLiteral("definition file %1: %2").arg(fileRef, r.diagnostics().value(0).message));
                return false;
            }
            body = r.value();
        } else {
            body = QJsonDocument::fromJson(bytes).object();
        }
        bodyWhere = fileRef;
        m_report.mapped(where, QStringLiteral("definition read from %1").arg(fileRef));
    }
    if (!body.isObject())
        return false;
    const QJsonObject resolved = val(body, bodyWhere).toObject();
    OpenApiImporter::Options o;
    o.forceApiType = api.type;
    o.sourcePath = bodyPath;
    o.locationPrefix = bodyWhere;
    auto r = OpenApiImporter::import(resolved, o, m_report);
    if (!r) {
        for (const Diagnostic &d : r.diagnostics())
            m_report.skipped(d.location, d.message);
        return false;
    }
    const Api imported = r.value().api;
    const QString id = api.id, name = api.name;
    api = imported;
    api.id = id;
    api.name = name;
    api.stages.clear(); // the stage comes from the SAM properties
    return true;
}

void Importer::applyRestCors(Api &api, const QJsonValue &corsValue, const QString &where)
{
    QString origin, methods, headers, maxAge, credentials;
    if (corsValue.isString()) {
        origin = corsValue.toString();
    } else {
        const QJsonObject c = corsValue.toObject();
        origin = str(c.value(QLatin1String("AllowOrigin")), where);
        methods = str(c.value(QLatin1String("AllowMethods")), where);
        headers = str(c.value(QLatin1String("AllowHeaders")), where);
        maxAge = str(c.value(QLatin1String("MaxAge")), where);
        if (c.value(QLatin1String("AllowCredentials")).toBool())
            credentials = QStringLiteral("'true'");
    }
    for (Resource &r : api.resources) {
        if (r.methods.isEmpty())
            continue;
        bool hasOptions = false;
        QStringList verbs;
        for (const Method &m : r.methods) {
            hasOptions = hasOptions || m.httpMethod == QLatin1String("OPTIONS");
            verbs.append(m.httpMethod == QLatin1String("ANY")
                             ? QStringLiteral("DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT")
                             : m.httpMethod);
        }
        if (hasOptions)
            continue;
        verbs.append(QStringLiteral("OPTIONS"));
        verbs.removeDuplicates();
        Method m;
        m.httpMethod = QStringLiteral("OPTIONS");
        m.id = StableIds::make(QStringLiteral("mth"), r.id + QStringLiteral(" OPTIONS"));
        m.integration.type = IntegrationType::Mock;
        m.integration.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\n  \"statusCode\" : 200\n}\n"));
        IntegrationResponse ir;
        MethodResponse mr;
        auto header = [&](const QString &name, const QString &value) {
            if (value.isEmpty())
                return;
            ir.responseParameters.insert(QStringLiteral("method.response.header.") + name, value);
            mr.responseParameters.insert(QStringLiteral("method.response.header.") + name, false);
        };
        header(QStringLiteral("Access-Control-Allow-Origin"), origin);
        header(QStringLiteral("Access-Control-Allow-Methods"),
               methods.isEmpty() ? QStringLiteral("'") + verbs.join(QLatin1Char(',')) + QStringLiteral("'") : methods);
        header(QStringLiteral("Access-Control-Allow-Headers"), headers);
        header(QStringLiteral("Access-Control-Max-Age"), maxAge);
        header(QStringLiteral("Access-Control-Allow-Credentials"), credentials);
        ir.responseTemplates.insert(QStringLiteral("application/json"), QString());
        m.integration.responses.append(ir);
        mr.responseModels.insert(QStringLiteral("application/json"), QStringLiteral("Empty"));
        m.methodResponses.append(mr);
        r.methods.append(m);
    }
    m_report.approximated(where, QStringLiteral("Cors became OPTIONS MOCK methods on every path, as SAM generates them"),
                          QStringLiteral("sam-cors"));
}

void Importer::importServerlessApi(const QString &logical, const QJsonObject &rawProps, bool implicitApi)
{
    const QJsonObject p = mergeGlobals(m_globals.value(QLatin1String("Api")).toObject(), rawProps);
    const QString where = loc(logical);
    QString name = p.contains(QLatin1String("Name")) ? str(p.value(QLatin1String("Name")), where) : logical;
    if (name.contains(QStringLiteral("${")))
        name = logical;
    Api &api = addApi(logical, ApiType::Rest, name);
    importDefinition(api, p, where + QStringLiteral("/Properties"));
    if (p.contains(QLatin1String("Description")))
        api.description = str(p.value(QLatin1String("Description")), where);
    Stage stage;
    stage.name = p.contains(QLatin1String("StageName")) ? str(p.value(QLatin1String("StageName")), where) : QStringLiteral("Prod");
    if (stage.name.contains(QStringLiteral("${")))
        stage.name = QStringLiteral("Prod");
    const QJsonObject vars = p.value(QLatin1String("Variables")).toObject();
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
        stage.variables.insert(it.key(), str(it.value(), where));
    for (const QJsonValue &ms : p.value(QLatin1String("MethodSettings")).toArray()) {
        const QJsonObject s = val(ms, where).toObject();
        const ThrottleSettings t = throttleFrom(s, "ThrottlingRateLimit", "ThrottlingBurstLimit");
        const QString path = s.value(QLatin1String("ResourcePath")).toString(QStringLiteral("/*"));
        const QString verb = s.value(QLatin1String("HttpMethod")).toString(QStringLiteral("*"));
        if (t.isSet()) {
            if (path == QLatin1String("/*") && verb == QLatin1String("*"))
                stage.throttle = t;
            else
                stage.methodThrottle.insert(path + QLatin1Char('/') + verb, t);
        }
        for (auto k = s.constBegin(); k != s.constEnd(); ++k) {
            if (!QStringList{QStringLiteral("ResourcePath"), QStringLiteral("HttpMethod"), QStringLiteral("ThrottlingRateLimit"),
                             QStringLiteral("ThrottlingBurstLimit")}.contains(k.key()))
                m_report.skipped(where + QStringLiteral("/Properties/MethodSettings"),
                                 QStringLiteral("method setting %1 has no local effect").arg(k.key()));
        }
    }
    const QJsonObject studioMeta = m_resources.value(logical).toObject().value(QLatin1String("Metadata")).toObject().value(QLatin1String("ApigwStudio")).toObject();
    stage.description = studioMeta.value(QLatin1String("StageDescription")).toString();
    api.stages = {stage};
    if (p.contains(QLatin1String("BinaryMediaTypes"))) {
        api.binaryMediaTypes.clear();
        for (const QString &t : stringList(val(p.value(QLatin1String("BinaryMediaTypes")), where)))
            api.binaryMediaTypes.append(QString(t).replace(QStringLiteral("~1"), QStringLiteral("/")));
    }
    if (p.contains(QLatin1String("ApiKeySourceType")))
        api.apiKeySource = str(p.value(QLatin1String("ApiKeySourceType")), where);
    for (const char *k : {"EndpointConfiguration", "MinimumCompressionSize", "TracingEnabled", "AccessLogSetting",
                          "CacheClusterEnabled", "Domain", "OpenApiVersion", "Mode", "DisableExecuteApiEndpoint"}) {
        if (p.contains(QLatin1String(k)))
            m_report.approximated(where + QStringLiteral("/Properties/") + QLatin1String(k),
                                  QStringLiteral("%1 has no local effect").arg(QLatin1String(k)));
    }
    if (p.contains(QLatin1String("EndpointConfiguration"))) {
        const QJsonValue ec = val(p.value(QLatin1String("EndpointConfiguration")), where);
        api.extensions.insert(QStringLiteral("x-amazon-apigateway-endpoint-configuration"),
                              QJsonObject{{QStringLiteral("types"), ec.isString() ? QJsonArray{ec} : ec.toObject().value(QLatin1String("Type")).isString() ? QJsonArray{ec.toObject().value(QLatin1String("Type"))} : QJsonArray()}});
    }
    if (p.contains(QLatin1String("MinimumCompressionSize")))
        api.extensions.insert(QStringLiteral("x-amazon-apigateway-minimum-compression-size"),
                              str(p.value(QLatin1String("MinimumCompressionSize")), where).toInt());

    const QJsonObject models = p.value(QLatin1String("Models")).toObject();
    for (auto it = models.constBegin(); it != models.constEnd(); ++it) {
        ApiModel m;
        m.name = it.key();
        m.id = StableIds::make(QStringLiteral("mdl"), m.name);
        m.schema = val(it.value(), where).toObject();
        if (!m.schema.contains(QLatin1String("$schema")))
            m.schema.insert(QStringLiteral("$schema"), QStringLiteral("http://json-schema.org/draft-04/schema#"));
        api.models.erase(std::remove_if(api.models.begin(), api.models.end(), [&m](const ApiModel &x) { return x.name == m.name; }),
                         api.models.end());
        api.models.append(m);
        m_report.mapped(where + QStringLiteral("/Properties/Models/") + it.key(), QStringLiteral("model %1").arg(m.name));
    }
    const QJsonObject gr = p.value(QLatin1String("GatewayResponses")).toObject();
    for (auto it = gr.constBegin(); it != gr.constEnd(); ++it) {
        const QJsonObject o = val(it.value(), where).toObject();
        GatewayResponse r;
        r.responseType = it.key();
        r.statusCode = text(o.value(QLatin1String("StatusCode")));
        const QJsonObject params = o.value(QLatin1String("ResponseParameters")).toObject();
        for (const auto &[section, prefix] : {std::pair{QStringLiteral("Headers"), QStringLiteral("gatewayresponse.header.")},
                                              std::pair{QStringLiteral("Paths"), QStringLiteral("gatewayresponse.path.")},
                                              std::pair{QStringLiteral("QueryStrings"), QStringLiteral("gatewayresponse.querystring.")}}) {
            const QJsonObject s = params.value(section).toObject();
            for (auto h = s.constBegin(); h != s.constEnd(); ++h)
                r.responseParameters.insert(prefix + h.key(), text(h.value()));
        }
        r.responseTemplates = stringMap(o.value(QLatin1String("ResponseTemplates")));
        api.gatewayResponses.append(r);
        m_report.mapped(where + QStringLiteral("/Properties/GatewayResponses/") + it.key(), QStringLiteral("gateway response %1").arg(it.key()));
    }

    const QJsonObject auth = p.value(QLatin1String("Auth")).toObject();
    const QJsonObject authorizers = auth.value(QLatin1String("Authorizers")).toObject();
    for (auto it = authorizers.constBegin(); it != authorizers.constEnd(); ++it) {
        const QString aw = where + QStringLiteral("/Properties/Auth/Authorizers/") + it.key();
        const QJsonObject a = it.value().toObject();
        const QJsonObject identity = a.value(QLatin1String("Identity")).toObject();
        Authorizer az;
        az.name = it.key();
        az.id = StableIds::make(QStringLiteral("auth"), az.name);
        if (identity.contains(QLatin1String("ReauthorizeEvery")))
            az.resultTtlInSeconds = str(identity.value(QLatin1String("ReauthorizeEvery")), aw).toInt();
        az.identityValidationExpression = str(identity.value(QLatin1String("ValidationExpression")), aw);
        if (a.contains(QLatin1String("UserPoolArn"))) {
            az.type = AuthorizerType::CognitoUserPools;
            const QJsonValue arns = val(a.value(QLatin1String("UserPoolArn")), aw);
            az.providerArns = arns.isArray() ? stringList(arns) : QStringList{text(arns)};
            az.identitySource = {QStringLiteral("method.request.header.") + identity.value(QLatin1String("Header")).toString(QStringLiteral("Authorization"))};
            m_report.approximated(aw, QStringLiteral("Cognito authorizer %1: the user pool %2 is not reachable locally; tokens are checked as JWTs only when its issuer is reachable")
                                          .arg(az.name, az.providerArns.join(QLatin1Char(','))), QStringLiteral("cognito"));
        } else {
            az.functionName = functionOf(a.value(QLatin1String("FunctionArn")), aw);
            const QString payload = a.value(QLatin1String("FunctionPayloadType")).toString(QStringLiteral("TOKEN"));
            if (payload == QLatin1String("REQUEST")) {
                az.type = AuthorizerType::Request;
                for (const QString &h : stringList(identity.value(QLatin1String("Headers"))))
                    az.identitySource.append(QStringLiteral("method.request.header.") + h);
                for (const QString &q : stringList(identity.value(QLatin1String("QueryStrings"))))
                    az.identitySource.append(QStringLiteral("method.request.querystring.") + q);
                for (const QString &s : stringList(identity.value(QLatin1String("StageVariables"))))
                    az.identitySource.append(QStringLiteral("stageVariables.") + s);
                for (const QString &c : stringList(identity.value(QLatin1String("Context"))))
                    az.identitySource.append(QStringLiteral("context.") + c);
            } else {
                az.type = AuthorizerType::Token;
                az.identitySource = {QStringLiteral("method.request.header.") + identity.value(QLatin1String("Header")).toString(QStringLiteral("Authorization"))};
            }
        }
        api.authorizers.erase(std::remove_if(api.authorizers.begin(), api.authorizers.end(), [&az](const Authorizer &x) { return x.name == az.name; }),
                              api.authorizers.end());
        api.authorizers.append(az);
        m_report.mapped(aw, QStringLiteral("authorizer %1 (%2)").arg(az.name, toString(az.type)));
    }
    if (auth.contains(QLatin1String("DefaultAuthorizer")))
        m_defaultAuth.insert(logical, str(auth.value(QLatin1String("DefaultAuthorizer")), where));
    if (auth.value(QLatin1String("ApiKeyRequired")).toBool())
        m_defaultApiKey.insert(logical, true);
    if (auth.contains(QLatin1String("UsagePlan")))
        m_samUsagePlans.insert(logical, val(auth.value(QLatin1String("UsagePlan")), where).toObject());
    if (auth.contains(QLatin1String("ResourcePolicy"))) {
        api.extensions.insert(QStringLiteral("x-amazon-apigateway-policy"), val(auth.value(QLatin1String("ResourcePolicy")), where));
        m_report.approximated(where + QStringLiteral("/Properties/Auth/ResourcePolicy"),
                              QStringLiteral("resource policy kept for export; the local runtime does not enforce it"), QStringLiteral("kept-extension"));
    }
    if (p.contains(QLatin1String("Cors")))
        m_restCors.insert(logical, p.value(QLatin1String("Cors")));
    m_report.mapped(where, implicitApi ? QStringLiteral("implicit REST API %1 (stage %2), as SAM creates it").arg(name, stage.name)
                                       : QStringLiteral("REST API %1 (stage %2)").arg(name, stage.name));
}

void Importer::importServerlessHttpApi(const QString &logical, const QJsonObject &rawProps, bool implicitApi)
{
    const QJsonObject p = mergeGlobals(m_globals.value(QLatin1String("HttpApi")).toObject(), rawProps);
    const QString where = loc(logical);
    QString name = p.contains(QLatin1String("Name")) ? str(p.value(QLatin1String("Name")), where) : logical;
    if (name.contains(QStringLiteral("${")))
        name = logical;
    Api &api = addApi(logical, ApiType::Http, name);
    importDefinition(api, p, where + QStringLiteral("/Properties"));
    if (p.contains(QLatin1String("Description")))
        api.description = str(p.value(QLatin1String("Description")), where);
    Stage stage;
    stage.name = p.contains(QLatin1String("StageName")) ? str(p.value(QLatin1String("StageName")), where) : QStringLiteral("$default");
    const QJsonObject vars = p.value(QLatin1String("StageVariables")).toObject();
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
        stage.variables.insert(it.key(), str(it.value(), where));
    stage.throttle = throttleFrom(val(p.value(QLatin1String("DefaultRouteSettings")), where).toObject(), "ThrottlingRateLimit", "ThrottlingBurstLimit");
    const QJsonObject routeSettings = val(p.value(QLatin1String("RouteSettings")), where).toObject();
    for (auto it = routeSettings.constBegin(); it != routeSettings.constEnd(); ++it)
    {
        const ThrottleSettings t = throttleFrom(it.value().toObject(), "ThrottlingRateLimit", "ThrottlingBurstLimit");
        bool onRoute = false;
        for (Route &rt : api.routes) {
            if (rt.routeKey == it.key()) {
                rt.throttle = t;
                onRoute = true;
            }
        }
        if (!onRoute)
            stage.methodThrottle.insert(it.key(), t);
    }
    const QJsonObject studioMeta = m_resources.value(logical).toObject().value(QLatin1String("Metadata")).toObject().value(QLatin1String("ApigwStudio")).toObject();
    stage.description = studioMeta.value(QLatin1String("StageDescription")).toString();
    if (studioMeta.contains(QLatin1String("AutoDeploy")))
        stage.autoDeploy = studioMeta.value(QLatin1String("AutoDeploy")).toBool();
    api.stages = {stage};
    const QJsonValue cors = p.value(QLatin1String("CorsConfiguration"));
    if (cors.isBool() && cors.toBool()) {
        CorsConfiguration c;
        c.allowOrigins = {QStringLiteral("*")};
        c.allowMethods = {QStringLiteral("*")};
        c.allowHeaders = {QStringLiteral("*")};
        api.cors = c;
    } else if (cors.isObject()) {
        const QJsonObject o = val(cors, where).toObject();
        CorsConfiguration c;
        c.allowOrigins = stringList(o.value(QLatin1String("AllowOrigins")));
        c.allowMethods = stringList(o.value(QLatin1String("AllowMethods")));
        c.allowHeaders = stringList(o.value(QLatin1String("AllowHeaders")));
        c.exposeHeaders = stringList(o.value(QLatin1String("ExposeHeaders")));
        if (o.contains(QLatin1String("MaxAge")))
            c.maxAge = text(o.value(QLatin1String("MaxAge"))).toInt();
        c.allowCredentials = o.value(QLatin1String("AllowCredentials")).toBool();
        api.cors = c;
    }
    const QJsonObject auth = p.value(QLatin1String("Auth")).toObject();
    const QJsonObject authorizers = auth.value(QLatin1String("Authorizers")).toObject();
    for (auto it = authorizers.constBegin(); it != authorizers.constEnd(); ++it) {
        const QString aw = where + QStringLiteral("/Properties/Auth/Authorizers/") + it.key();
        const QJsonObject a = val(it.value(), aw).toObject();
        Authorizer az;
        az.name = it.key();
        az.id = StableIds::make(QStringLiteral("auth"), az.name);
        if (a.contains(QLatin1String("JwtConfiguration"))) {
            az.type = AuthorizerType::Jwt;
            const QJsonObject jwt = a.value(QLatin1String("JwtConfiguration")).toObject();
            az.jwtIssuer = text(jwt.value(QLatin1String("issuer")).isUndefined() ? jwt.value(QLatin1String("Issuer")) : jwt.value(QLatin1String("issuer")));
            az.jwtAudiences = stringList(jwt.value(QLatin1String("audience")).isUndefined() ? jwt.value(QLatin1String("Audience")) : jwt.value(QLatin1String("audience")));
            az.identitySource = stringList(a.value(QLatin1String("IdentitySource")));
            if (az.jwtIssuer.contains(QStringLiteral("${")))
                m_report.approximated(aw, QStringLiteral("JWT issuer %1 is only known once deployed: set a reachable issuer to validate tokens locally").arg(az.jwtIssuer),
                                      QStringLiteral("symbolic-reference"));
        } else {
            az.type = AuthorizerType::Request;
            az.functionName = LambdaUri::functionName(text(a.value(QLatin1String("FunctionArn"))));
            if (a.contains(QLatin1String("AuthorizerPayloadFormatVersion")))
                az.payloadFormatVersion = versionText(a.value(QLatin1String("AuthorizerPayloadFormatVersion")));
            az.enableSimpleResponses = a.value(QLatin1String("EnableSimpleResponses")).toBool();
            const QJsonObject identity = a.value(QLatin1String("Identity")).toObject();
            for (const QString &h : stringList(identity.value(QLatin1String("Headers"))))
                az.identitySource.append(QStringLiteral("$request.header.") + h);
            for (const QString &q : stringList(identity.value(QLatin1String("QueryStrings"))))
                az.identitySource.append(QStringLiteral("$request.querystring.") + q);
            if (identity.contains(QLatin1String("ReauthorizeEvery")))
                az.resultTtlInSeconds = identity.value(QLatin1String("ReauthorizeEvery")).toInt();
        }
        api.authorizers.append(az);
        m_report.mapped(aw, QStringLiteral("authorizer %1 (%2)").arg(az.name, toString(az.type)));
    }
    if (auth.contains(QLatin1String("DefaultAuthorizer")))
        m_defaultAuth.insert(logical, str(auth.value(QLatin1String("DefaultAuthorizer")), where));
    m_report.mapped(where, implicitApi ? QStringLiteral("implicit HTTP API %1 (stage $default), as SAM creates it").arg(name)
                                       : QStringLiteral("HTTP API %1 (stage %2)").arg(name, stage.name));
}

void Importer::importEvents(const QString &logical)
{
    const QJsonObject events = props(logical).value(QLatin1String("Events")).toObject();
    const QString fn = m_functionNames.value(logical, logical);
    for (auto it = events.constBegin(); it != events.constEnd(); ++it) {
        const QJsonObject e = it.value().toObject();
        const QString type = e.value(QLatin1String("Type")).toString();
        const QJsonObject p = e.value(QLatin1String("Properties")).toObject();
        const QString where = loc(logical, QStringLiteral("Events/") + it.key());
        if (type == QLatin1String("Api")) {
            QString apiLogical = CfnIntrinsics::referencedLogicalId(p.value(QLatin1String("RestApiId")));
            if (apiLogical.isEmpty())
                apiLogical = QStringLiteral("ServerlessRestApi");
            if (!apiByLogical(apiLogical)) {
                if (apiLogical != QLatin1String("ServerlessRestApi")) {
                    m_report.skipped(where, QStringLiteral("event refers to %1, which is not an API of this template").arg(apiLogical));
                    continue;
                }
                importServerlessApi(apiLogical, {}, true);
            }
            Api &api = *apiByLogical(apiLogical);
            const QString path = str(p.value(QLatin1String("Path")), where);
            QString verb = str(p.value(QLatin1String("Method")), where).toUpper();
            if (verb == QLatin1String("ANY") || verb == QLatin1String("X-AMAZON-APIGATEWAY-ANY-METHOD"))
                verb = QStringLiteral("ANY");
            if (findMethod(api, path, verb)) {
                m_report.approximated(where, QStringLiteral("%1 %2 is already defined by the API's definition: the event's method is not added").arg(verb, path));
                continue;
            }
            Method m;
            m.httpMethod = verb;
            m.id = StableIds::make(QStringLiteral("mth"), path + QLatin1Char(' ') + verb);
            m.integration.type = IntegrationType::AwsProxy;
            m.integration.httpMethod = QStringLiteral("POST");
            m.integration.functionName = fn;
            m.integration.uri = LambdaUri::invocationUri(fn);
            const QJsonObject auth = p.value(QLatin1String("Auth")).toObject();
            QString authorizer = auth.contains(QLatin1String("Authorizer")) ? str(auth.value(QLatin1String("Authorizer")), where)
                                                                            : m_defaultAuth.value(apiLogical);
            if (authorizer == QLatin1String("AWS_IAM")) {
                m.authorizationType = AuthorizationType::AwsIam;
            } else if (!authorizer.isEmpty() && authorizer != QLatin1String("NONE")) {
                m.authorizerId = authorizerIdByName(api, authorizer);
                for (const Authorizer &a : api.authorizers) {
                    if (a.id == m.authorizerId)
                        m.authorizationType = a.type == AuthorizerType::CognitoUserPools ? AuthorizationType::CognitoUserPools
                                                                                          : AuthorizationType::Custom;
                }
                if (m.authorizerId.isEmpty())
                    m_report.skipped(where, QStringLiteral("authorizer %1 is not defined on the API").arg(authorizer));
            }
            m.authorizationScopes = stringList(val(auth.value(QLatin1String("AuthorizationScopes")), where));
            m.apiKeyRequired = auth.contains(QLatin1String("ApiKeyRequired")) ? auth.value(QLatin1String("ApiKeyRequired")).toBool()
                                                                              : m_defaultApiKey.value(apiLogical);
            const QJsonObject rm = p.value(QLatin1String("RequestModel")).toObject();
            if (!rm.isEmpty()) {
                m.requestModels.insert(QStringLiteral("application/json"), rm.value(QLatin1String("Model")).toString());
                const bool body = rm.value(QLatin1String("ValidateBody")).toBool(true);
                const bool params = rm.value(QLatin1String("ValidateParameters")).toBool(false);
                if (body || params) {
                    const QString vname = body && params ? QStringLiteral("body-and-params") : body ? QStringLiteral("body-only") : QStringLiteral("params-only");
                    QString vid = StableIds::make(QStringLiteral("val"), vname);
                    bool exists = false;
                    for (const RequestValidator &v : api.requestValidators)
                        exists = exists || v.name == vname;
                    if (!exists)
                        api.requestValidators.append({vid, vname, body, params});
                    for (const RequestValidator &v : api.requestValidators) {
                        if (v.name == vname)
                            vid = v.id;
                    }
                    m.requestValidatorId = vid;
                }
            }
            for (const QJsonValue &rp : p.value(QLatin1String("RequestParameters")).toArray()) {
                if (rp.isString())
                    m.requestParameters.insert(rp.toString(), false);
                else {
                    const QJsonObject o = rp.toObject();
                    for (auto k = o.constBegin(); k != o.constEnd(); ++k)
                        m.requestParameters.insert(k.key(), k.value().toObject().value(QLatin1String("Required")).toBool());
                }
            }
            m_eventMethods.insert(m.id);
            resourceFor(api, path).methods.append(m);
            m_report.mapped(where, QStringLiteral("%1 %2 on %3 -> function %4").arg(verb, path, api.name, fn));
        } else if (type == QLatin1String("HttpApi")) {
            QString apiLogical = CfnIntrinsics::referencedLogicalId(p.value(QLatin1String("ApiId")));
            if (apiLogical.isEmpty())
                apiLogical = QStringLiteral("ServerlessHttpApi");
            if (!apiByLogical(apiLogical)) {
                if (apiLogical != QLatin1String("ServerlessHttpApi")) {
                    m_report.skipped(where, QStringLiteral("event refers to %1, which is not an API of this template").arg(apiLogical));
                    continue;
                }
                importServerlessHttpApi(apiLogical, {}, true);
            }
            Api &api = *apiByLogical(apiLogical);
            QString routeKey = QStringLiteral("$default");
            if (p.contains(QLatin1String("Path")) || p.contains(QLatin1String("Method"))) {
                QString verb = str(p.value(QLatin1String("Method")), where).toUpper();
                if (verb.isEmpty() || verb == QLatin1String("X-AMAZON-APIGATEWAY-ANY-METHOD"))
                    verb = QStringLiteral("ANY");
                routeKey = verb + QLatin1Char(' ') + str(p.value(QLatin1String("Path")), where);
            }
            bool exists = false;
            for (const Route &r : api.routes)
                exists = exists || r.routeKey == routeKey;
            if (exists) {
                m_report.approximated(where, QStringLiteral("route %1 is already defined by the API's definition").arg(routeKey));
                continue;
            }
            Route rt;
            rt.routeKey = routeKey;
            rt.id = StableIds::make(QStringLiteral("rt"), routeKey);
            rt.integration.type = IntegrationType::AwsProxy;
            rt.integration.httpMethod = QStringLiteral("POST");
            rt.integration.functionName = fn;
            rt.integration.uri = LambdaUri::invocationUri(fn);
            rt.integration.payloadFormatVersion = p.contains(QLatin1String("PayloadFormatVersion"))
                                                      ? versionText(p.value(QLatin1String("PayloadFormatVersion")))
                                                      : QStringLiteral("2.0");
            if (p.contains(QLatin1String("TimeoutInMillis")))
                rt.integration.timeoutInMillis = text(p.value(QLatin1String("TimeoutInMillis"))).toInt();
            const QJsonObject auth = p.value(QLatin1String("Auth")).toObject();
            const QString authorizer = auth.contains(QLatin1String("Authorizer")) ? str(auth.value(QLatin1String("Authorizer")), where)
                                                                                  : m_defaultAuth.value(apiLogical);
            if (authorizer == QLatin1String("AWS_IAM")) {
                rt.authorizationType = AuthorizationType::AwsIam;
            } else if (!authorizer.isEmpty() && authorizer != QLatin1String("NONE")) {
                rt.authorizerId = authorizerIdByName(api, authorizer);
                for (const Authorizer &a : api.authorizers) {
                    if (a.id == rt.authorizerId)
                        rt.authorizationType = a.type == AuthorizerType::Jwt ? AuthorizationType::Jwt : AuthorizationType::Custom;
                }
                if (rt.authorizerId.isEmpty())
                    m_report.skipped(where, QStringLiteral("authorizer %1 is not defined on the API").arg(authorizer));
            }
            rt.authorizationScopes = stringList(val(auth.value(QLatin1String("AuthorizationScopes")), where));
            rt.throttle = throttleFrom(val(p.value(QLatin1String("RouteSettings")), where).toObject(), "ThrottlingRateLimit", "ThrottlingBurstLimit");
            api.routes.append(rt);
            m_report.mapped(where, QStringLiteral("route %1 on %2 -> function %3").arg(routeKey, api.name, fn));
        } else {
            m_report.skipped(where, QStringLiteral("%1 event source is not emulated locally; invoke the function from the console instead").arg(type),
                             QStringLiteral("event-source"));
        }
    }
}

Integration Importer::parseRestIntegration(const QJsonObject &raw, const QString &where)
{
    const QJsonObject o = val(raw, where).toObject();
    Integration i;
    if (const auto t = integrationTypeFromString(o.value(QLatin1String("Type")).toString().toUpper()))
        i.type = *t;
    i.httpMethod = o.value(QLatin1String("IntegrationHttpMethod")).toString().toUpper();
    i.uri = text(o.value(QLatin1String("Uri")));
    if (i.type == IntegrationType::AwsProxy || i.type == IntegrationType::Aws)
        i.functionName = LambdaUri::functionName(i.uri);
    i.requestParameters = stringMap(o.value(QLatin1String("RequestParameters")));
    i.requestTemplates = stringMap(o.value(QLatin1String("RequestTemplates")));
    if (const auto pb = passthroughBehaviorFromString(o.value(QLatin1String("PassthroughBehavior")).toString().toUpper()))
        i.passthroughBehavior = *pb;
    i.contentHandling = o.value(QLatin1String("ContentHandling")).toString();
    if (o.contains(QLatin1String("TimeoutInMillis")))
        i.timeoutInMillis = text(o.value(QLatin1String("TimeoutInMillis"))).toInt();
    i.credentials = text(o.value(QLatin1String("Credentials")));
    i.connectionType = o.value(QLatin1String("ConnectionType")).toString();
    for (const QJsonValue &rv : o.value(QLatin1String("IntegrationResponses")).toArray()) {
        const QJsonObject r = rv.toObject();
        IntegrationResponse ir;
        ir.statusCode = text(r.value(QLatin1String("StatusCode")));
        ir.selectionPattern = text(r.value(QLatin1String("SelectionPattern")));
        ir.responseParameters = stringMap(r.value(QLatin1String("ResponseParameters")));
        ir.responseTemplates = stringMap(r.value(QLatin1String("ResponseTemplates")));
        ir.contentHandling = r.value(QLatin1String("ContentHandling")).toString();
        i.responses.append(ir);
    }
    if (i.type == IntegrationType::Aws && i.functionName.isEmpty())
        m_report.approximated(where, QStringLiteral("AWS service integration %1 cannot reach AWS locally: the local run answers with the integration's stub response").arg(i.uri),
                              QStringLiteral("aws-service-integration"));
    return i;
}

void Importer::importRawRestApis()
{
    // APIs first, then their parts in dependency order.
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        if (typeOf(it.key()) != QLatin1String("AWS::ApiGateway::RestApi"))
            continue;
        const QString where = loc(it.key());
        const QJsonObject p = props(it.key());
        QString name = p.contains(QLatin1String("Name")) ? str(p.value(QLatin1String("Name")), where) : it.key();
        if (name.contains(QStringLiteral("${")))
            name = it.key();
        Api &api = addApi(it.key(), ApiType::Rest, name);
        if (p.contains(QLatin1String("Body")) || p.contains(QLatin1String("BodyS3Location")))
            importDefinition(api, p, where + QStringLiteral("/Properties"));
        api.description = str(p.value(QLatin1String("Description")), where);
        if (p.contains(QLatin1String("BinaryMediaTypes")))
            api.binaryMediaTypes = stringList(val(p.value(QLatin1String("BinaryMediaTypes")), where));
        if (p.contains(QLatin1String("ApiKeySourceType")))
            api.apiKeySource = str(p.value(QLatin1String("ApiKeySourceType")), where);
        if (p.contains(QLatin1String("Policy"))) {
            api.extensions.insert(QStringLiteral("x-amazon-apigateway-policy"), val(p.value(QLatin1String("Policy")), where));
            m_report.approximated(where, QStringLiteral("resource policy kept for export; the local runtime does not enforce it"), QStringLiteral("kept-extension"));
        }
        if (p.contains(QLatin1String("EndpointConfiguration"))) {
            const QJsonObject ec = val(p.value(QLatin1String("EndpointConfiguration")), where).toObject();
            api.extensions.insert(QStringLiteral("x-amazon-apigateway-endpoint-configuration"),
                                  QJsonObject{{QStringLiteral("types"), ec.value(QLatin1String("Types"))}});
            m_report.approximated(where, QStringLiteral("endpoint configuration kept for export; locally the API is served on loopback"), QStringLiteral("kept-extension"));
        }
        m_report.mapped(where, QStringLiteral("REST API %1").arg(name));
    }
    // Resource paths: ParentId is the API's RootResourceId or another resource.
    QHash<QString, QString> resourcePaths;
    std::function<QString(const QString &, int)> pathOf = [&](const QString &logical, int depth) -> QString {
        if (depth > 64)
            return {};
        if (resourcePaths.contains(logical))
            return resourcePaths.value(logical);
        const QJsonObject p = props(logical);
        const QJsonValue parent = p.value(QLatin1String("ParentId"));
        const QString parentLogical = CfnIntrinsics::referencedLogicalId(parent);
        QString base;
        if (typeOf(parentLogical) == QLatin1String("AWS::ApiGateway::Resource"))
            base = pathOf(parentLogical, depth + 1);
        const QString path = (base == QLatin1String("/") ? QString() : base) + QLatin1Char('/') + str(p.value(QLatin1String("PathPart")), loc(logical));
        resourcePaths.insert(logical, path);
        return path;
    };
    auto apiOf = [&](const QString &logical) -> Api * {
        return apiByLogical(CfnIntrinsics::referencedLogicalId(props(logical).value(QLatin1String("RestApiId"))));
    };
    auto pathOfResourceRef = [&](const QJsonValue &v) -> QString {
        const QString target = CfnIntrinsics::referencedLogicalId(v);
        if (typeOf(target) == QLatin1String("AWS::ApiGateway::Resource"))
            return pathOf(target, 0);
        return QStringLiteral("/");
    };
    // Authorizers, models, validators before methods refer to them.
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        const QString type = typeOf(it.key());
        const QString where = loc(it.key());
        const QJsonObject p = props(it.key());
        if (!type.startsWith(QLatin1String("AWS::ApiGateway::")) || type == QLatin1String("AWS::ApiGateway::RestApi"))
            continue;
        Api *api = apiOf(it.key());
        if (type == QLatin1String("AWS::ApiGateway::Resource")) {
            if (api)
                resourceFor(*api, pathOf(it.key(), 0));
            m_handled.insert(it.key());
        } else if (type == QLatin1String("AWS::ApiGateway::Authorizer") && api) {
            Authorizer az;
            az.name = p.contains(QLatin1String("Name")) ? str(p.value(QLatin1String("Name")), where) : it.key();
            az.id = StableIds::make(QStringLiteral("auth"), it.key());
            if (const auto t = authorizerTypeFromString(str(p.value(QLatin1String("Type")), where)))
                az.type = *t;
            az.functionName = LambdaUri::functionName(str(p.value(QLatin1String("AuthorizerUri")), where));
            az.identitySource = stringList(str(p.value(QLatin1String("IdentitySource")), where));
            az.identityValidationExpression = str(p.value(QLatin1String("IdentityValidationExpression")), where);
            if (p.contains(QLatin1String("AuthorizerResultTtlInSeconds")))
                az.resultTtlInSeconds = str(p.value(QLatin1String("AuthorizerResultTtlInSeconds")), where).toInt();
            az.providerArns = stringList(val(p.value(QLatin1String("ProviderARNs")), where));
            api->authorizers.append(az);
            m_handled.insert(it.key());
            m_report.mapped(where, QStringLiteral("authorizer %1 (%2)").arg(az.name, toString(az.type)));
        } else if (type == QLatin1String("AWS::ApiGateway::Model") && api) {
            ApiModel m;
            m.name = p.contains(QLatin1String("Name")) ? str(p.value(QLatin1String("Name")), where) : it.key();
            m.id = StableIds::make(QStringLiteral("mdl"), it.key());
            if (p.contains(QLatin1String("ContentType")))
                m.contentType = str(p.value(QLatin1String("ContentType")), where);
            m.description = str(p.value(QLatin1String("Description")), where);
            const QJsonValue schema = val(p.value(QLatin1String("Schema")), where);
            m.schema = schema.isString() ? QJsonDocument::fromJson(schema.toString().toUtf8()).object() : schema.toObject();
            api->models.append(m);
            m_handled.insert(it.key());
            m_report.mapped(where, QStringLiteral("model %1").arg(m.name));
        } else if (type == QLatin1String("AWS::ApiGateway::RequestValidator") && api) {
            RequestValidator v;
            v.name = p.contains(QLatin1String("Name")) ? str(p.value(QLatin1String("Name")), where) : it.key();
            v.id = StableIds::make(QStringLiteral("val"), it.key());
            v.validateRequestBody = p.value(QLatin1String("ValidateRequestBody")).toBool();
            v.validateRequestParameters = p.value(QLatin1String("ValidateRequestParameters")).toBool();
            api->requestValidators.append(v);
            m_handled.insert(it.key());
            m_report.mapped(where, QStringLiteral("request validator %1").arg(v.name));
        } else if (type == QLatin1String("AWS::ApiGateway::GatewayResponse") && api) {
            GatewayResponse r;
            r.responseType = str(p.value(QLatin1String("ResponseType")), where);
            r.statusCode = str(p.value(QLatin1String("StatusCode")), where);
            r.responseParameters = stringMap(val(p.value(QLatin1String("ResponseParameters")), where));
            r.responseTemplates = stringMap(val(p.value(QLatin1String("ResponseTemplates")), where));
            api->gatewayResponses.append(r);
            m_handled.insert(it.key());
            m_report.mapped(where, QStringLiteral("gateway response %1").arg(r.responseType));
        }
    }
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        const QString type = typeOf(it.key());
        const QString where = loc(it.key());
        const QJsonObject p = props(it.key());
        Api *api = apiOf(it.key());
        if (type == QLatin1String("AWS::ApiGateway::Method") && api) {
            const QString path = pathOfResourceRef(p.value(QLatin1String("ResourceId")));
            Method m;
            m.httpMethod = str(p.value(QLatin1String("HttpMethod")), where).toUpper();
            m.id = StableIds::make(QStringLiteral("mth"), it.key());
            m.operationName = str(p.value(QLatin1String("OperationName")), where);
            if (const auto t = authorizationTypeFromString(str(p.value(QLatin1String("AuthorizationType")), where)))
                m.authorizationType = *t;
            const QString authLogical = CfnIntrinsics::referencedLogicalId(p.value(QLatin1String("AuthorizerId")));
            if (!authLogical.isEmpty())
                m.authorizerId = StableIds::make(QStringLiteral("auth"), authLogical);
            m.authorizationScopes = stringList(val(p.value(QLatin1String("AuthorizationScopes")), where));
            m.apiKeyRequired = val(p.value(QLatin1String("ApiKeyRequired")), where).toBool();
            const QString valLogical = CfnIntrinsics::referencedLogicalId(p.value(QLatin1String("RequestValidatorId")));
            if (!valLogical.isEmpty())
                m.requestValidatorId = StableIds::make(QStringLiteral("val"), valLogical);
            const QJsonObject rp = val(p.value(QLatin1String("RequestParameters")), where).toObject();
            for (auto k = rp.constBegin(); k != rp.constEnd(); ++k)
                m.requestParameters.insert(k.key(), k.value().toBool());
            const QJsonObject models = p.value(QLatin1String("RequestModels")).toObject();
            for (auto k = models.constBegin(); k != models.constEnd(); ++k) {
                const QString ml = CfnIntrinsics::referencedLogicalId(k.value());
                m.requestModels.insert(k.key(), ml.isEmpty() ? str(k.value(), where)
                                                             : (props(ml).contains(QLatin1String("Name")) ? str(props(ml).value(QLatin1String("Name")), where) : ml));
            }
            for (const QJsonValue &mrv : p.value(QLatin1String("MethodResponses")).toArray()) {
                const QJsonObject mro = mrv.toObject();
                MethodResponse mr;
                mr.statusCode = str(mro.value(QLatin1String("StatusCode")), where);
                const QJsonObject params = val(mro.value(QLatin1String("ResponseParameters")), where).toObject();
                for (auto k = params.constBegin(); k != params.constEnd(); ++k)
                    mr.responseParameters.insert(k.key(), k.value().toBool());
                const QJsonObject rm = mro.value(QLatin1String("ResponseModels")).toObject();
                for (auto k = rm.constBegin(); k != rm.constEnd(); ++k) {
                    const QString ml = CfnIntrinsics::referencedLogicalId(k.value());
                    mr.responseModels.insert(k.key(), ml.isEmpty() ? str(k.value(), where)
                                                                   : (props(ml).contains(QLatin1String("Name")) ? str(props(ml).value(QLatin1String("Name")), where) : ml));
                }
                m.methodResponses.append(mr);
            }
            m.integration = parseRestIntegration(p.value(QLatin1String("Integration")).toObject(), where + QStringLiteral("/Properties/Integration"));
            resourceFor(*api, path).methods.append(m);
            m_handled.insert(it.key());
            m_report.mapped(where, QStringLiteral("method %1 %2").arg(m.httpMethod, path));
        } else if ((type == QLatin1String("AWS::ApiGateway::Stage") || type == QLatin1String("AWS::ApiGateway::Deployment")) && api) {
            const QString stageName = str(p.value(QLatin1String("StageName")), where);
            m_handled.insert(it.key());
            if (stageName.isEmpty())
                continue;
            Stage s;
            s.name = stageName;
            const QJsonObject source = type == QLatin1String("AWS::ApiGateway::Stage") ? p : p.value(QLatin1String("StageDescription")).toObject();
            s.description = str(source.value(QLatin1String("Description")), where);
            const QJsonObject vars = val(source.value(QLatin1String("Variables")), where).toObject();
            for (auto k = vars.constBegin(); k != vars.constEnd(); ++k)
                s.variables.insert(k.key(), text(k.value()));
            for (const QJsonValue &ms : val(source.value(QLatin1String("MethodSettings")), where).toArray()) {
                const QJsonObject o = ms.toObject();
                const ThrottleSettings t = throttleFrom(o, "ThrottlingRateLimit", "ThrottlingBurstLimit");
                const QString rp = o.value(QLatin1String("ResourcePath")).toString(QStringLiteral("/*"));
                const QString hm = o.value(QLatin1String("HttpMethod")).toString(QStringLiteral("*"));
                if (!t.isSet())
                    continue;
                if (rp == QLatin1String("/*") && hm == QLatin1String("*"))
                    s.throttle = t;
                else
                    s.methodThrottle.insert(rp + QLatin1Char('/') + hm, t);
            }
            bool exists = false;
            for (const Stage &x : api->stages)
                exists = exists || x.name == s.name;
            if (!exists)
                api->stages.append(s);
            m_report.mapped(where, QStringLiteral("stage %1").arg(s.name));
        }
    }
    for (auto it = m_apiIndex.constBegin(); it != m_apiIndex.constEnd(); ++it) {
        Api &api = m_doc.apis[it.value()];
        if (typeOf(it.key()) == QLatin1String("AWS::ApiGateway::RestApi") && api.stages.isEmpty()) {
            api.stages.append(Stage{QStringLiteral("dev"), {}, {}, {}, {}, std::nullopt, true});
            m_report.approximated(loc(it.key()), QStringLiteral("no stage in the template: stage dev created for the local run"), QStringLiteral("default-stage"));
        }
    }
}

Integration Importer::parseV2Integration(const QString &logical, bool websocket)
{
    const QString where = loc(logical);
    const QJsonObject p = val(props(logical), where).toObject();
    Integration i;
    QString type = p.value(QLatin1String("IntegrationType")).toString().toUpper();
    if (const auto t = integrationTypeFromString(type))
        i.type = *t;
    i.httpMethod = p.value(QLatin1String("IntegrationMethod")).toString().toUpper();
    i.uri = text(p.value(QLatin1String("IntegrationUri")));
    if (i.type == IntegrationType::AwsProxy || i.type == IntegrationType::Aws) {
        i.functionName = LambdaUri::functionName(i.uri);
        if (!i.functionName.isEmpty() && i.httpMethod.isEmpty())
            i.httpMethod = QStringLiteral("POST");
    }
    if (p.contains(QLatin1String("PayloadFormatVersion")))
        i.payloadFormatVersion = versionText(p.value(QLatin1String("PayloadFormatVersion")));
    i.requestParameters = stringMap(p.value(QLatin1String("RequestParameters")));
    i.requestTemplates = stringMap(p.value(QLatin1String("RequestTemplates")));
    if (const auto pb = passthroughBehaviorFromString(p.value(QLatin1String("PassthroughBehavior")).toString()))
        i.passthroughBehavior = *pb;
    i.contentHandling = p.value(QLatin1String("ContentHandlingStrategy")).toString();
    if (p.contains(QLatin1String("TimeoutInMillis")))
        i.timeoutInMillis = text(p.value(QLatin1String("TimeoutInMillis"))).toInt();
    i.credentials = text(p.value(QLatin1String("CredentialsArn")));
    i.connectionType = p.value(QLatin1String("ConnectionType")).toString();
    if (p.contains(QLatin1String("IntegrationSubtype"))) {
        i.type = IntegrationType::Aws;
        m_report.approximated(where, QStringLiteral("AWS service integration %1 cannot reach AWS locally: the local run answers with the integration's stub response")
                                         .arg(p.value(QLatin1String("IntegrationSubtype")).toString()), QStringLiteral("aws-service-integration"));
    } else if (i.type == IntegrationType::Aws && i.functionName.isEmpty()) {
        m_report.approximated(where, QStringLiteral("AWS service integration %1 cannot reach AWS locally: the local run answers with the integration's stub response").arg(i.uri),
                              QStringLiteral("aws-service-integration"));
    }
    if (websocket && p.contains(QLatin1String("TemplateSelectionExpression")))
        m_report.approximated(where, QStringLiteral("template selection expression %1: the local run picks the template by content type")
                                         .arg(p.value(QLatin1String("TemplateSelectionExpression")).toString()));
    // Integration responses of this integration.
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        if (typeOf(it.key()) != QLatin1String("AWS::ApiGatewayV2::IntegrationResponse"))
            continue;
        const QJsonObject rp = props(it.key());
        if (CfnIntrinsics::referencedLogicalId(rp.value(QLatin1String("IntegrationId"))) != logical)
            continue;
        IntegrationResponse ir;
        const QString key = str(rp.value(QLatin1String("IntegrationResponseKey")), loc(it.key()));
        ir.selectionPattern = key == QLatin1String("$default") ? QString() : key;
        ir.responseTemplates = stringMap(val(rp.value(QLatin1String("ResponseTemplates")), loc(it.key())));
        ir.responseParameters = stringMap(val(rp.value(QLatin1String("ResponseParameters")), loc(it.key())));
        i.responses.append(ir);
        m_handled.insert(it.key());
        m_report.mapped(loc(it.key()), QStringLiteral("integration response %1").arg(key));
    }
    m_handled.insert(logical);
    return i;
}

void Importer::importRawV2Apis()
{
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        if (typeOf(it.key()) != QLatin1String("AWS::ApiGatewayV2::Api"))
            continue;
        const QString where = loc(it.key());
        const QJsonObject p = props(it.key());
        const bool ws = str(p.value(QLatin1String("ProtocolType")), where) == QLatin1String("WEBSOCKET");
        QString name = p.contains(QLatin1String("Name")) ? str(p.value(QLatin1String("Name")), where) : it.key();
        if (name.contains(QStringLiteral("${")))
            name = it.key();
        Api &api = addApi(it.key(), ws ? ApiType::WebSocket : ApiType::Http, name);
        if (!ws && (p.contains(QLatin1String("Body")) || p.contains(QLatin1String("BodyS3Location"))))
            importDefinition(api, p, where + QStringLiteral("/Properties"));
        api.description = str(p.value(QLatin1String("Description")), where);
        api.routeSelectionExpression = str(p.value(QLatin1String("RouteSelectionExpression")), where);
        if (!ws && api.routeSelectionExpression == QLatin1String("$request.method $request.path"))
            api.routeSelectionExpression.clear();
        if (p.contains(QLatin1String("CorsConfiguration"))) {
            const QJsonObject o = val(p.value(QLatin1String("CorsConfiguration")), where).toObject();
            CorsConfiguration c;
            c.allowOrigins = stringList(o.value(QLatin1String("AllowOrigins")));
            c.allowMethods = stringList(o.value(QLatin1String("AllowMethods")));
            c.allowHeaders = stringList(o.value(QLatin1String("AllowHeaders")));
            c.exposeHeaders = stringList(o.value(QLatin1String("ExposeHeaders")));
            if (o.contains(QLatin1String("MaxAge")))
                c.maxAge = text(o.value(QLatin1String("MaxAge"))).toInt();
            c.allowCredentials = o.value(QLatin1String("AllowCredentials")).toBool();
            api.cors = c;
        }
        if (p.contains(QLatin1String("Target"))) { // quick create: $default route + stage
            Route rt;
            rt.routeKey = p.contains(QLatin1String("RouteKey")) ? str(p.value(QLatin1String("RouteKey")), where) : QStringLiteral("$default");
            rt.id = StableIds::make(QStringLiteral("rt"), rt.routeKey);
            rt.integration.type = IntegrationType::AwsProxy;
            rt.integration.httpMethod = QStringLiteral("POST");
            rt.integration.uri = str(p.value(QLatin1String("Target")), where);
            rt.integration.functionName = LambdaUri::functionName(rt.integration.uri);
            rt.integration.payloadFormatVersion = QStringLiteral("2.0");
            api.routes.append(rt);
        }
        m_report.mapped(where, QStringLiteral("%1 API %2").arg(ws ? QStringLiteral("WebSocket") : QStringLiteral("HTTP"), name));
    }
    auto apiOf = [&](const QString &logical) -> Api * {
        return apiByLogical(CfnIntrinsics::referencedLogicalId(props(logical).value(QLatin1String("ApiId"))));
    };
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        if (typeOf(it.key()) != QLatin1String("AWS::ApiGatewayV2::Authorizer"))
            continue;
        Api *api = apiOf(it.key());
        if (!api)
            continue;
        const QString where = loc(it.key());
        const QJsonObject p = val(props(it.key()), where).toObject();
        Authorizer az;
        az.name = p.contains(QLatin1String("Name")) ? text(p.value(QLatin1String("Name"))) : it.key();
        az.id = StableIds::make(QStringLiteral("auth"), it.key());
        az.type = p.value(QLatin1String("AuthorizerType")).toString() == QLatin1String("JWT") ? AuthorizerType::Jwt : AuthorizerType::Request;
        az.functionName = LambdaUri::functionName(text(p.value(QLatin1String("AuthorizerUri"))));
        az.identitySource = stringList(p.value(QLatin1String("IdentitySource")));
        const QJsonObject jwt = p.value(QLatin1String("JwtConfiguration")).toObject();
        az.jwtIssuer = text(jwt.value(QLatin1String("Issuer")));
        az.jwtAudiences = stringList(jwt.value(QLatin1String("Audience")));
        if (p.contains(QLatin1String("AuthorizerPayloadFormatVersion")))
            az.payloadFormatVersion = versionText(p.value(QLatin1String("AuthorizerPayloadFormatVersion")));
        az.enableSimpleResponses = p.value(QLatin1String("EnableSimpleResponses")).toBool();
        if (p.contains(QLatin1String("AuthorizerResultTtlInSeconds")))
            az.resultTtlInSeconds = text(p.value(QLatin1String("AuthorizerResultTtlInSeconds"))).toInt();
        api->authorizers.append(az);
        m_handled.insert(it.key());
        m_report.mapped(where, QStringLiteral("authorizer %1 (%2)").arg(az.name, toString(az.type)));
    }
    static const QRegularExpression targetRe(QStringLiteral("integrations/\\$\\{([A-Za-z0-9]+)\\}"));
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        const QString type = typeOf(it.key());
        Api *api = apiOf(it.key());
        if (!api)
            continue;
        const QString where = loc(it.key());
        const QJsonObject p = props(it.key());
        const bool ws = api->type == ApiType::WebSocket;
        if (type == QLatin1String("AWS::ApiGatewayV2::Route")) {
            Route rt;
            rt.routeKey = str(p.value(QLatin1String("RouteKey")), where);
            rt.id = StableIds::make(QStringLiteral("rt"), it.key());
            rt.operationName = str(p.value(QLatin1String("OperationName")), where);
            if (const auto t = authorizationTypeFromString(str(p.value(QLatin1String("AuthorizationType")), where)))
                rt.authorizationType = *t;
            const QString authLogical = CfnIntrinsics::referencedLogicalId(p.value(QLatin1String("AuthorizerId")));
            if (!authLogical.isEmpty())
                rt.authorizerId = StableIds::make(QStringLiteral("auth"), authLogical);
            rt.authorizationScopes = stringList(val(p.value(QLatin1String("AuthorizationScopes")), where));
            rt.apiKeyRequired = val(p.value(QLatin1String("ApiKeyRequired")), where).toBool();
            rt.routeResponseSelectionExpression = str(p.value(QLatin1String("RouteResponseSelectionExpression")), where);
            // Target is "integrations/<id>": read the integration's logical id without reporting it.
            const QString target = m_cfn.resolveString(p.value(QLatin1String("Target")), where, nullptr);
            const auto m = targetRe.match(target);
            if (m.hasMatch() && typeOf(m.captured(1)) == QLatin1String("AWS::ApiGatewayV2::Integration"))
                rt.integration = parseV2Integration(m.captured(1), ws);
            else
                m_report.approximated(where, QStringLiteral("route %1 has no integration in this template: MOCK stands in").arg(rt.routeKey),
                                      QStringLiteral("missing-integration"));
            api->routes.append(rt);
            m_handled.insert(it.key());
            m_report.mapped(where, QStringLiteral("route %1").arg(rt.routeKey));
        } else if (type == QLatin1String("AWS::ApiGatewayV2::Stage")) {
            Stage s;
            s.name = str(p.value(QLatin1String("StageName")), where);
            s.description = str(p.value(QLatin1String("Description")), where);
            const QJsonObject vars = val(p.value(QLatin1String("StageVariables")), where).toObject();
            for (auto k = vars.constBegin(); k != vars.constEnd(); ++k)
                s.variables.insert(k.key(), text(k.value()));
            if (p.contains(QLatin1String("AutoDeploy")))
                s.autoDeploy = val(p.value(QLatin1String("AutoDeploy")), where).toBool();
            s.throttle = throttleFrom(val(p.value(QLatin1String("DefaultRouteSettings")), where).toObject(), "ThrottlingRateLimit", "ThrottlingBurstLimit");
            const QJsonObject rs = val(p.value(QLatin1String("RouteSettings")), where).toObject();
            for (auto k = rs.constBegin(); k != rs.constEnd(); ++k) {
                const ThrottleSettings t = throttleFrom(k.value().toObject(), "ThrottlingRateLimit", "ThrottlingBurstLimit");
                if (t.isSet())
                    s.methodThrottle.insert(k.key(), t);
            }
            api->stages.append(s);
            m_handled.insert(it.key());
            m_report.mapped(where, QStringLiteral("stage %1").arg(s.name));
        } else if (type == QLatin1String("AWS::ApiGatewayV2::RouteResponse")) {
            m_handled.insert(it.key());
            m_report.approximated(where, QStringLiteral("route response %1: the local run returns the integration's response to the client (two-way route)")
                                             .arg(str(p.value(QLatin1String("RouteResponseKey")), where)));
        } else if (type == QLatin1String("AWS::ApiGatewayV2::Deployment")) {
            m_handled.insert(it.key());
        }
    }
    for (auto it = m_apiIndex.constBegin(); it != m_apiIndex.constEnd(); ++it) {
        Api &api = m_doc.apis[it.value()];
        if (typeOf(it.key()) == QLatin1String("AWS::ApiGatewayV2::Api") && api.stages.isEmpty()) {
            api.stages.append(Stage{api.type == ApiType::Http ? QStringLiteral("$default") : QStringLiteral("dev"), {}, {}, {}, {}, std::nullopt, true});
            m_report.approximated(loc(it.key()), QStringLiteral("no stage in the template: stage %1 created for the local run").arg(api.stages.first().name),
                                  QStringLiteral("default-stage"));
        }
    }
}

void Importer::importUsagePlans()
{
    // SAM Auth.UsagePlan on Serverless::Api resources.
    for (auto it = m_samUsagePlans.constBegin(); it != m_samUsagePlans.constEnd(); ++it) {
        const QJsonObject up = it.value();
        const QString mode = up.value(QLatin1String("CreateUsagePlan")).toString();
        if (mode == QLatin1String("NONE") || mode.isEmpty())
            continue;
        const Api *api = apiByLogical(it.key());
        if (!api)
            continue;
        const bool shared = mode == QLatin1String("SHARED");
        const QString planName = shared ? QStringLiteral("ServerlessUsagePlan") : it.key() + QStringLiteral("UsagePlan");
        const QString keyName = shared ? QStringLiteral("ServerlessApiKey") : it.key() + QStringLiteral("ApiKey");
        UsagePlan *plan = nullptr;
        for (UsagePlan &p : m_doc.usagePlans) {
            if (p.name == planName)
                plan = &p;
        }
        if (!plan) {
            UsagePlan p;
            p.name = up.contains(QLatin1String("UsagePlanName")) ? up.value(QLatin1String("UsagePlanName")).toString() : planName;
            p.id = StableIds::make(QStringLiteral("plan"), planName);
            p.throttle = throttleFrom(up.value(QLatin1String("Throttle")).toObject(), "RateLimit", "BurstLimit");
            const QJsonObject q = up.value(QLatin1String("Quota")).toObject();
            if (!q.isEmpty()) {
                QuotaSettings qs;
                qs.limit = text(q.value(QLatin1String("Limit"))).toInt();
                qs.offset = text(q.value(QLatin1String("Offset"))).toInt();
                qs.period = quotaPeriodFromString(q.value(QLatin1String("Period")).toString()).value_or(QuotaPeriod::Day);
                p.quota = qs;
            }
            ApiKey key;
            key.name = keyName;
            key.id = StableIds::make(QStringLiteral("key"), keyName);
            key.value = generatedKeyValue(keyName);
            m_doc.apiKeys.append(key);
            p.apiKeyIds.append(key.id);
            m_doc.usagePlans.append(p);
            plan = &m_doc.usagePlans.last();
            m_report.approximated(loc(it.key(), QStringLiteral("Auth/UsagePlan")),
                                  QStringLiteral("usage plan %1 with API key %2; AWS generates the key value, locally it is %3").arg(p.name, key.name, key.value),
                                  QStringLiteral("generated-api-key"));
        }
        plan->apiStages.append({api->id, api->stages.value(0).name});
    }
    // Raw usage plans, keys and their links.
    QHash<QString, QString> keyIds;
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        if (typeOf(it.key()) != QLatin1String("AWS::ApiGateway::ApiKey"))
            continue;
        const QString where = loc(it.key());
        const QJsonObject p = props(it.key());
        ApiKey key;
        key.name = p.contains(QLatin1String("Name")) ? str(p.value(QLatin1String("Name")), where) : it.key();
        if (key.name.contains(QStringLiteral("${")))
            key.name = it.key();
        key.id = StableIds::make(QStringLiteral("key"), it.key());
        key.enabled = p.contains(QLatin1String("Enabled")) ? val(p.value(QLatin1String("Enabled")), where).toBool() : false;
        key.value = str(p.value(QLatin1String("Value")), where);
        if (key.value.isEmpty() || key.value.contains(QStringLiteral("${"))) {
            key.value = generatedKeyValue(it.key());
            m_report.approximated(where, QStringLiteral("API key %1: AWS generates the value, locally it is %2").arg(key.name, key.value),
                                  QStringLiteral("generated-api-key"));
        } else {
            m_report.mapped(where, QStringLiteral("API key %1").arg(key.name));
        }
        keyIds.insert(it.key(), key.id);
        m_doc.apiKeys.append(key);
        m_handled.insert(it.key());
    }
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        if (typeOf(it.key()) != QLatin1String("AWS::ApiGateway::UsagePlan"))
            continue;
        const QString where = loc(it.key());
        const QJsonObject p = props(it.key());
        UsagePlan plan;
        plan.name = p.contains(QLatin1String("UsagePlanName")) ? str(p.value(QLatin1String("UsagePlanName")), where) : it.key();
        if (plan.name.contains(QStringLiteral("${")))
            plan.name = it.key();
        plan.id = StableIds::make(QStringLiteral("plan"), it.key());
        for (const QJsonValue &sv : p.value(QLatin1String("ApiStages")).toArray()) {
            const QJsonObject s = sv.toObject();
            const Api *api = apiByLogical(CfnIntrinsics::referencedLogicalId(s.value(QLatin1String("ApiId"))));
            if (!api) {
                m_report.skipped(where, QStringLiteral("usage plan stage refers to an API outside this template"));
                continue;
            }
            QString stage;
            const QString stageLogical = CfnIntrinsics::referencedLogicalId(s.value(QLatin1String("Stage")));
            if (!stageLogical.isEmpty() && m_resources.contains(stageLogical))
                stage = str(props(stageLogical).value(QLatin1String("StageName")), where);
            else if (stageLogical.endsWith(QLatin1String(".Stage")) && apiByLogical(stageLogical.chopped(6)))
                stage = apiByLogical(stageLogical.chopped(6))->stages.value(0).name; // SAM's MyApi.Stage
            else
                stage = str(s.value(QLatin1String("Stage")), where);
            plan.apiStages.append({api->id, stage});
        }
        plan.throttle = throttleFrom(val(p.value(QLatin1String("Throttle")), where).toObject(), "RateLimit", "BurstLimit");
        const QJsonObject q = val(p.value(QLatin1String("Quota")), where).toObject();
        if (!q.isEmpty()) {
            QuotaSettings qs;
            qs.limit = text(q.value(QLatin1String("Limit"))).toInt();
            qs.offset = text(q.value(QLatin1String("Offset"))).toInt();
            qs.period = quotaPeriodFromString(q.value(QLatin1String("Period")).toString()).value_or(QuotaPeriod::Day);
            plan.quota = qs;
        }
        for (auto k = m_resources.constBegin(); k != m_resources.constEnd(); ++k) {
            if (typeOf(k.key()) != QLatin1String("AWS::ApiGateway::UsagePlanKey"))
                continue;
            const QJsonObject kp = props(k.key());
            if (CfnIntrinsics::referencedLogicalId(kp.value(QLatin1String("UsagePlanId"))) != it.key())
                continue;
            const QString keyLogical = CfnIntrinsics::referencedLogicalId(kp.value(QLatin1String("KeyId")));
            if (keyIds.contains(keyLogical))
                plan.apiKeyIds.append(keyIds.value(keyLogical));
            m_handled.insert(k.key());
        }
        m_doc.usagePlans.append(plan);
        m_handled.insert(it.key());
        m_report.mapped(where, QStringLiteral("usage plan %1").arg(plan.name));
    }
}

Result<ApiDocument> Importer::run()
{
    if (!m_tmpl.value(QLatin1String("Resources")).isObject()) {
        return Diagnostics{{Diagnostic::Severity::Error, QStringLiteral("/Resources"),
                            QStringLiteral("the template has no Resources section"), {}}};
    }
    QFileInfo fi(m_options.sourcePath);
    m_doc.name = m_tmpl.value(QLatin1String("Description")).toString().section(QLatin1Char('\n'), 0, 0).trimmed();
    if (m_doc.name.isEmpty() || m_doc.name.size() > 80)
        m_doc.name = m_options.sourcePath.isEmpty() ? QStringLiteral("Imported template") : fi.completeBaseName();

    // Resources whose Condition is false locally do not exist.
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        const QString cond = it.value().toObject().value(QLatin1String("Condition")).toString();
        if (!cond.isEmpty() && m_cfn.condition(cond) == std::optional<bool>(false)) {
            m_report.skipped(loc(it.key()), QStringLiteral("condition %1 is false with the parameters' defaults").arg(cond));
            m_handled.insert(it.key());
        }
    }
    auto live = [this](const QString &logical) { return !m_handled.contains(logical); };

    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        const QString type = typeOf(it.key());
        if ((type == QLatin1String("AWS::Serverless::Function") || type == QLatin1String("AWS::Lambda::Function")) && live(it.key()))
            importFunction(it.key());
    }
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        if (typeOf(it.key()) == QLatin1String("AWS::Serverless::Api") && live(it.key()))
            importServerlessApi(it.key(), props(it.key()), false);
        else if (typeOf(it.key()) == QLatin1String("AWS::Serverless::HttpApi") && live(it.key()))
            importServerlessHttpApi(it.key(), props(it.key()), false);
    }
    importRawRestApis();
    importRawV2Apis();
    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        if (typeOf(it.key()) == QLatin1String("AWS::Serverless::Function") && m_functionNames.contains(it.key()))
            importEvents(it.key());
    }
    // SAM's Cors and DefaultAuthorizer apply to the whole API once all methods exist.
    for (auto it = m_apiIndex.constBegin(); it != m_apiIndex.constEnd(); ++it) {
        Api &api = m_doc.apis[it.value()];
        const QString def = m_defaultAuth.value(it.key());
        if (!def.isEmpty() && def != QLatin1String("NONE") && def != QLatin1String("AWS_IAM")) {
            const QString authId = authorizerIdByName(api, def);
            AuthorizationType t = AuthorizationType::Custom;
            for (const Authorizer &a : api.authorizers) {
                if (a.id == authId)
                    t = a.type == AuthorizerType::CognitoUserPools ? AuthorizationType::CognitoUserPools
                        : a.type == AuthorizerType::Jwt            ? AuthorizationType::Jwt
                                                                   : AuthorizationType::Custom;
            }
            for (Resource &r : api.resources) {
                for (Method &m : r.methods) {
                    // Event methods already chose (an Auth.Authorizer of NONE opts out).
                    if (m.authorizationType == AuthorizationType::None && m.httpMethod != QLatin1String("OPTIONS")
                        && !authId.isEmpty() && !m_eventMethods.contains(m.id)) {
                        m.authorizationType = t;
                        m.authorizerId = authId;
                    }
                }
            }
        }
        if (m_restCors.contains(it.key()))
            applyRestCors(api, m_restCors.value(it.key()), loc(it.key(), QStringLiteral("Cors")));
    }
    importUsagePlans();

    for (auto it = m_resources.constBegin(); it != m_resources.constEnd(); ++it) {
        if (m_handled.contains(it.key()))
            continue;
        const QString type = typeOf(it.key());
        if (type == QLatin1String("AWS::Lambda::Permission") || type == QLatin1String("AWS::IAM::Role")
            || type == QLatin1String("AWS::IAM::Policy") || type == QLatin1String("AWS::Logs::LogGroup")
            || type == QLatin1String("AWS::ApiGateway::Account") || type == QLatin1String("AWS::ApiGatewayV2::Integration")
            || type == QLatin1String("AWS::ApiGatewayV2::IntegrationResponse"))
            m_report.skipped(loc(it.key()), QStringLiteral("%1 is not needed locally").arg(type), QStringLiteral("not-needed-locally"));
        else
            m_report.skipped(loc(it.key()), QStringLiteral("%1 %2 is not run locally: integrations that call it answer with their stub response").arg(type, it.key()),
                             QStringLiteral("aws-resource"));
    }
    // Functions referenced by integrations/authorizers but defined elsewhere get a placeholder.
    QSet<QString> known;
    for (const LocalFunction &f : std::as_const(m_doc.functions))
        known.insert(f.name);
    auto need = [&](const QString &name, const QString &where) {
        if (name.isEmpty() || known.contains(name))
            return;
        known.insert(name);
        LocalFunction f;
        f.name = name;
        f.id = StableIds::make(QStringLiteral("fn"), name);
        m_doc.functions.append(f);
        m_report.approximated(where, QStringLiteral("function %1 is not defined in the template: a placeholder (no code directory) was added").arg(name),
                              QStringLiteral("placeholder-function"));
    };
    for (const Api &api : std::as_const(m_doc.apis)) {
        for (const Resource &r : api.resources) {
            for (const Method &m : r.methods)
                need(m.integration.functionName, api.name);
        }
        for (const Route &rt : api.routes)
            need(rt.integration.functionName, api.name);
        for (const Authorizer &a : api.authorizers)
            need(a.functionName, api.name);
    }
    return StableIds::canonicalized(m_doc);
}

} // namespace

bool SamImporter::isTemplate(const QJsonObject &doc)
{
    return doc.value(QLatin1String("Resources")).isObject() || doc.contains(QLatin1String("AWSTemplateFormatVersion"))
           || doc.contains(QLatin1String("Transform"));
}

Result<ApiDocument> SamImporter::import(const QJsonObject &templateJson, const Options &options, ImportReport &report)
{
    Importer importer(templateJson, options, report);
    return importer.run();
}

} // namespace Gw::Model::Interop
