// Validate: REST request validators (reference §1.3): required parameters present and non-blank
// (400 "Missing required request parameters: [a, b]"), then the body against the draft-4 model
// chosen by Content-Type with the $default fallback (400 "Invalid request body"). The order —
// parameters first, then body — and the empty-body-is-{} rule follow AWS-recorded behaviour.
#include "runtime/stages/validatestage.h"

#include "runtime/pipeline/requestcontext.h"
#include "runtime/policies/requestparameters.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Gw::Runtime {

namespace {

const Model::RequestValidator *findValidator(const Model::Api &api, const QString &id)
{
    for (const Model::RequestValidator &v : api.requestValidators) {
        if (v.id == id || v.name == id)
            return &v;
    }
    return nullptr;
}

const Model::ApiModel *findModel(const Model::Api &api, const QString &name)
{
    for (const Model::ApiModel &m : api.models) {
        if (m.name == name || m.id == name)
            return &m;
    }
    return nullptr;
}

// Any JSON text, scalars included (QJsonDocument only parses objects and arrays on its own).
std::optional<QJsonValue> parseJsonText(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + body + "]", &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

} // namespace

const QString &ValidateStage::name() const
{
    static const QString n = QStringLiteral("validate");
    return n;
}

QStringList ValidateStage::missingParameters(const RequestContext &ctx, const Model::Method &method)
{
    // AWS lists them sorted by "method.request.<location>.<name>": headers, then path, then query.
    QStringList missing;
    const QList<QPair<QString, QString>> query = RequestParameters::queryItems(ctx.request.rawQuery);
    for (auto it = method.requestParameters.cbegin(); it != method.requestParameters.cend(); ++it) {
        if (!it.value())
            continue;
        const QString key = it.key();
        static const QString prefix = QStringLiteral("method.request.");
        if (!key.startsWith(prefix))
            continue;
        const QString rest = key.mid(prefix.size());
        const QString location = rest.section(QLatin1Char('.'), 0, 0);
        const QString name = rest.section(QLatin1Char('.'), 1);
        std::optional<QString> value;
        if (location == QLatin1String("header")) {
            if (hasHeader(ctx.request.headers, name.toLatin1()))
                value = QString::fromUtf8(ctx.request.header(name.toLatin1()));
        } else if (location == QLatin1String("querystring")) {
            for (const auto &item : query) {
                if (item.first == name) { // query names are case-sensitive
                    value = item.second;
                    break;
                }
            }
        } else if (location == QLatin1String("path")) {
            for (const auto &p : ctx.route.pathParameters) {
                if (p.first == name)
                    value = p.second;
            }
        } else {
            continue;
        }
        // "Present and non-blank": an empty or whitespace-only value counts as missing.
        if (!value || value->trimmed().isEmpty())
            missing.append(name);
    }
    return missing;
}

StageResult ValidateStage::validateBody(RequestContext &ctx, const Model::Method &method)
{
    const Model::Api &api = ctx.api->api();
    QByteArray header = ctx.request.header("Content-Type");
    // AWS reads a request without Content-Type as application/json.
    const QString contentType = header.trimmed().isEmpty()
                                    ? QStringLiteral("application/json")
                                    : QString::fromLatin1(header).section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    QString modelName;
    QString chosenBy;
    for (auto it = method.requestModels.cbegin(); it != method.requestModels.cend(); ++it) {
        if (it.key().compare(contentType, Qt::CaseInsensitive) == 0) {
            modelName = it.value();
            chosenBy = it.key();
        }
    }
    if (modelName.isEmpty() && method.requestModels.contains(QStringLiteral("$default"))) {
        modelName = method.requestModels.value(QStringLiteral("$default"));
        chosenBy = QStringLiteral("$default");
    }
    if (modelName.isEmpty()) {
        ctx.note(QStringLiteral("no request model for content type %1 (and no $default): the body is not "
                                "validated, as AWS does")
                     .arg(contentType));
        return StageResult::next();
    }
    const Model::ApiModel *model = findModel(api, modelName);
    if (!model) {
        if (modelName == QLatin1String("Empty")) {
            ctx.note(QStringLiteral("model Empty (AWS's built-in empty schema) for %1: any body is valid").arg(contentType));
            return StageResult::next();
        }
        ctx.note(QStringLiteral("request model '%1' (for %2) does not exist in the API: the body cannot be "
                                "validated").arg(modelName, chosenBy));
        ctx.trace().executionFailure = QStringLiteral("Execution failed due to configuration error: model %1 not found").arg(modelName);
        ctx.setInternalError();
        return StageResult::respond();
    }
    const ModelSchemaCache::Compiled compiled = m_schemas.validatorFor(api, *model);
    if (!compiled.validator) {
        ctx.note(QStringLiteral("model '%1' is not a valid draft-4 schema: %2").arg(model->name, compiled.error));
        ctx.setInternalError();
        return StageResult::respond();
    }
    // AWS validates an empty body as the empty object {}.
    const QByteArray body = ctx.request.body.trimmed().isEmpty() ? QByteArrayLiteral("{}") : ctx.request.body;
    const std::optional<QJsonValue> instance = parseJsonText(body);
    QStringList problems;
    if (!instance) {
        problems.append(QStringLiteral("Unknown error parsing request body"));
        ctx.note(QStringLiteral("the body is not JSON: Unknown error parsing request body"));
    } else {
        for (const Model::SchemaViolation &v : compiled.validator->validate(*instance)) {
            problems.append(QStringLiteral("%1: %2").arg(v.path, v.message));
            ctx.note(QStringLiteral("schema violation at %1: %2").arg(v.path, v.message));
        }
    }
    if (problems.isEmpty()) {
        ctx.note(QStringLiteral("Request validation succeeded for content type %1 (model '%2', chosen by %3)")
                     .arg(contentType, model->name, chosenBy));
        return StageResult::next();
    }
    const QString detail = QStringLiteral("[%1]").arg(problems.join(QStringLiteral(", ")));
    ctx.note(QStringLiteral("Request body does not match model schema for content type %1: %2 (model '%3')")
                 .arg(contentType, detail, model->name));
    ctx.validationErrorString = detail;
    ctx.setGatewayResponse(QStringLiteral("BAD_REQUEST_BODY"), QStringLiteral("Invalid request body"));
    return StageResult::respond();
}

StageResult ValidateStage::decide(RequestContext &ctx)
{
    const Model::Method *m = ctx.route.method;
    if (!m) {
        static const QString http = QStringLiteral("HTTP APIs do not validate requests");
        ctx.note(http);
        return StageResult::next();
    }
    if (m->requestValidatorId.trimmed().isEmpty()) {
        static const QString none = QStringLiteral("no request validator on the method: nothing validated");
        ctx.note(none);
        return StageResult::next();
    }
    const Model::RequestValidator *v = findValidator(ctx.api->api(), m->requestValidatorId);
    if (!v) {
        ctx.note(QStringLiteral("request validator %1 does not exist in the API: nothing validated")
                     .arg(m->requestValidatorId));
        return StageResult::next();
    }
    ctx.note(QStringLiteral("request validator '%1' (parameters: %2, body: %3)")
                 .arg(v->name, v->validateRequestParameters ? QStringLiteral("yes") : QStringLiteral("no"),
                      v->validateRequestBody ? QStringLiteral("yes") : QStringLiteral("no")));
    if (v->validateRequestParameters) {
        const QStringList missing = missingParameters(ctx, *m);
        if (!missing.isEmpty()) {
            const QString message = QStringLiteral("Missing required request parameters: [%1]")
                                        .arg(missing.join(QStringLiteral(", ")));
            ctx.note(message + QStringLiteral(" (absent or blank)"));
            ctx.validationErrorString = message;
            ctx.setGatewayResponse(QStringLiteral("BAD_REQUEST_PARAMETERS"), message);
            return StageResult::respond();
        }
        ctx.note(QStringLiteral("every required request parameter is present and non-blank"));
    }
    if (v->validateRequestBody)
        return validateBody(ctx, *m);
    return StageResult::next();
}

} // namespace Gw::Runtime
