// Lambda authorizers (reference §1.9, §3.3, §3.4). Outcomes as AWS: Allow → continue; explicit
// Deny → 403 "…with an explicit deny"; no matching Allow → 403; the error "Unauthorized" → 401;
// any other error, or output that is not a valid policy / simple response → 500
// AuthorizerConfigurationException (HTTP APIs: 500 Internal Server Error).
#include "runtime/policies/lambdaauthorizer.h"

#include "runtime/lambda/functionhost.h"
#include "runtime/pipeline/requestcontext.h"
#include "runtime/policies/authorizerevents.h"
#include "runtime/policies/iampolicy.h"
#include "runtime/policies/identitysources.h"

#include <QAbstractEventDispatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThread>

namespace Gw::Runtime {

namespace {

constexpr int authorizerTimeoutMs = 10000; // AWS's Lambda authorizer response timeout

bool isHttpApiV2(const RequestContext &ctx, const Model::Authorizer &a)
{
    return !ctx.api->isRest() && a.payloadFormatVersion != QLatin1String("1.0");
}

void configurationError(RequestContext &ctx, const QString &why)
{
    ctx.note(QStringLiteral("authorizer configuration error: %1").arg(why));
    ctx.trace().executionFailure = QStringLiteral("Execution failed due to configuration error: %1").arg(why);
    ctx.setGatewayResponse(QStringLiteral("AUTHORIZER_CONFIGURATION_ERROR"));
}

// REST context values must be strings, numbers or booleans, and reach the integration as strings.
bool stringifyContext(const QJsonObject &in, QJsonObject *out, QString *bad)
{
    for (auto it = in.begin(); it != in.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isString())
            out->insert(it.key(), v);
        else if (v.isBool())
            out->insert(it.key(), v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (v.isDouble()) {
            const double d = v.toDouble();
            out->insert(it.key(), d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d));
        } else if (v.isNull())
            continue;
        else {
            *bad = it.key();
            return false;
        }
    }
    return true;
}

} // namespace

StageResult LambdaAuthorizer::judge(RequestContext &ctx, const Model::Authorizer &a, const QJsonObject &output)
{
    const bool rest = ctx.api->isRest();
    // Simple responses (HTTP API, payload 2.0, enableSimpleResponses).
    if (isHttpApiV2(ctx, a) && a.enableSimpleResponses) {
        if (!output.value(QLatin1String("isAuthorized")).isBool()) {
            configurationError(ctx, QStringLiteral("the simple response has no boolean isAuthorized"));
            return StageResult::respond();
        }
        if (!output.value(QLatin1String("isAuthorized")).toBool()) {
            ctx.note(QStringLiteral("simple response isAuthorized: false: Forbidden"));
            ctx.setGatewayResponse(QStringLiteral("ACCESS_DENIED"));
            return StageResult::respond();
        }
        ctx.authorizer.kind = AuthorizerResult::Kind::Lambda;
        ctx.authorizer.simpleResponse = true;
        ctx.authorizer.context = output.value(QLatin1String("context")).toObject();
        ctx.note(QStringLiteral("simple response isAuthorized: true"));
        return StageResult::next();
    }

    const QJsonValue principal = output.value(QLatin1String("principalId"));
    const QJsonValue policy = output.value(QLatin1String("policyDocument"));
    if (!policy.isObject() || (rest && !principal.isString())) {
        configurationError(ctx, rest ? QStringLiteral("the authorizer output needs a string principalId and a policyDocument object")
                                     : QStringLiteral("the authorizer output needs a policyDocument object"));
        return StageResult::respond();
    }
    const QJsonValue contextValue = output.value(QLatin1String("context"));
    if (!contextValue.isUndefined() && !contextValue.isNull() && !contextValue.isObject()) {
        configurationError(ctx, QStringLiteral("the authorizer's context is not an object"));
        return StageResult::respond();
    }
    QJsonObject context = contextValue.toObject();
    if (rest || a.payloadFormatVersion == QLatin1String("1.0")) {
        QJsonObject stringified;
        QString bad;
        if (!stringifyContext(context, &stringified, &bad) && rest) {
            configurationError(ctx, QStringLiteral("context value '%1' is an object or array (only strings, "
                                                   "numbers and booleans are allowed)").arg(bad));
            return StageResult::respond();
        }
        if (rest)
            context = stringified;
    }
    const QString arn = AuthorizerEvents::methodArn(ctx);
    const PolicyDecision decision = IamPolicy::evaluate(policy.toObject(), arn);
    switch (decision.effect) {
    case PolicyDecision::Effect::Malformed:
        configurationError(ctx, QStringLiteral("invalid policy document: %1").arg(decision.statement));
        return StageResult::respond();
    case PolicyDecision::Effect::ExplicitDeny:
        ctx.note(QStringLiteral("policy for principal '%1' denies %2 explicitly (%3): explicit Deny wins")
                     .arg(principal.toString(), arn, decision.statement));
        ctx.setGatewayResponse(QStringLiteral("ACCESS_DENIED"),
                               QStringLiteral("User is not authorized to access this resource with an explicit deny"));
        return StageResult::respond();
    case PolicyDecision::Effect::ImplicitDeny:
        ctx.note(QStringLiteral("policy for principal '%1': %2 (implicit deny)").arg(principal.toString(), decision.statement));
        ctx.setGatewayResponse(QStringLiteral("ACCESS_DENIED"),
                               QStringLiteral("User is not authorized to access this resource"));
        return StageResult::respond();
    case PolicyDecision::Effect::Allow:
        break;
    }
    ctx.authorizer.kind = AuthorizerResult::Kind::Lambda;
    ctx.authorizer.principalId = principal.toString();
    ctx.authorizer.context = context;
    ctx.authorizer.usageIdentifierKey = output.value(QLatin1String("usageIdentifierKey")).toString();
    ctx.note(QStringLiteral("policy for principal '%1' allows %2 (%3)%4")
                 .arg(principal.toString(), arn, decision.statement,
                      context.isEmpty() ? QString()
                                        : QStringLiteral("; context keys: %1").arg(context.keys().join(QStringLiteral(", ")))));
    return StageResult::next();
}

StageResult LambdaAuthorizer::authorize(RequestContext &ctx, const Model::Authorizer &a)
{
    const bool rest = ctx.api->isRest();
    QStringList sources = a.identitySource;
    if (a.type == Model::AuthorizerType::Token && sources.isEmpty())
        sources = {QStringLiteral("method.request.header.Authorization")};
    const IdentityValues identity = IdentitySources::read(ctx, sources);
    if (!identity.complete()) {
        ctx.note(QStringLiteral("identity source %1 missing or empty: Unauthorized, the authorizer function is "
                                "not invoked").arg(identity.missing.join(QStringLiteral(", "))));
        ctx.setGatewayResponse(QStringLiteral("UNAUTHORIZED"));
        return StageResult::respond();
    }
    QJsonObject event;
    if (a.type == Model::AuthorizerType::Token) {
        const QString token = identity.values.value(0);
        if (!a.identityValidationExpression.isEmpty()) {
            const QRegularExpression re(QRegularExpression::anchoredPattern(a.identityValidationExpression));
            if (!re.isValid() || !re.match(token).hasMatch()) {
                ctx.note(QStringLiteral("the token does not match identityValidationExpression %1: Unauthorized, "
                                        "the authorizer function is not invoked").arg(a.identityValidationExpression));
                ctx.setGatewayResponse(QStringLiteral("UNAUTHORIZED"));
                return StageResult::respond();
            }
        }
        event = AuthorizerEvents::restToken(ctx, token);
    } else {
        event = rest ? AuthorizerEvents::restRequest(ctx)
                     : AuthorizerEvents::httpRequest(ctx, a.payloadFormatVersion, identity.values);
    }

    // The cache key is the identity; without identity sources AWS cannot cache.
    const bool caching = a.resultTtlInSeconds > 0 && !identity.values.isEmpty();
    const QString cacheKey = a.id + QLatin1Char('\n') + identity.values.join(QLatin1Char('\n'));
    if (caching) {
        if (const auto cached = m_cache->find(cacheKey, AuthorizerCache::Clock::now())) {
            ctx.note(QStringLiteral("cached decision of authorizer '%1' (identity cached for up to %2 s): "
                                    "the function is not invoked").arg(a.name).arg(a.resultTtlInSeconds));
            return judge(ctx, a, *cached);
        }
    } else {
        ctx.note(a.resultTtlInSeconds > 0 ? QStringLiteral("no identity sources: results are not cached")
                                          : QStringLiteral("authorizer caching is off (TTL 0)"));
    }

    const QString functionName = a.functionName;
    if (functionName.isEmpty() || !m_functions) {
        configurationError(ctx, functionName.isEmpty() ? QStringLiteral("the authorizer names no local function")
                                                       : QStringLiteral("no function host is running"));
        return StageResult::respond();
    }
    FunctionInvocation call;
    call.functionName = functionName;
    call.payload = QJsonDocument(event).toJson(QJsonDocument::Compact);
    call.timeoutMs = authorizerTimeoutMs;
    ctx.note(QStringLiteral("invoking authorizer function %1 with a %2 event").arg(functionName, event.value(QLatin1String("type")).toString()));
    QObject *here = QAbstractEventDispatcher::instance(QThread::currentThread());
    RequestContextPtr self = ctx.shared_from_this();
    const Model::Authorizer authorizer = a;
    const int ttl = caching ? a.resultTtlInSeconds : 0;
    m_functions->invoke(call, here, [cache = m_cache, self, authorizer, cacheKey, ttl](const FunctionResult &r) {
        RequestContext &c = *self;
        c.note(QStringLiteral("authorizer function %1: %2 in %3 ms")
                   .arg(authorizer.functionName, toString(r.status), QString::number(r.durationMs, 'f', 2)));
        for (const QString &line : r.log)
            c.trace().integrationLog.append(QStringLiteral("[authorizer] ") + line);
        if (r.status != FunctionResult::Status::Success) {
            if (r.status == FunctionResult::Status::FunctionError && r.errorMessage == QLatin1String("Unauthorized")) {
                c.note(QStringLiteral("the authorizer raised \"Unauthorized\": 401"));
                c.setGatewayResponse(QStringLiteral("UNAUTHORIZED"));
            } else {
                configurationError(c, QStringLiteral("the authorizer failed (%1): %2")
                                          .arg(toString(r.status), r.errorMessage.isEmpty() ? r.errorType : r.errorMessage));
            }
            c.resume(StageResult::respond());
            return;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.payload, &error);
        if (!doc.isObject()) {
            configurationError(c, QStringLiteral("the authorizer's output is not a JSON object"));
            c.resume(StageResult::respond());
            return;
        }
        const StageResult result = judge(c, authorizer, doc.object());
        // Policies are cached whatever they decide (AWS caches Deny too); configuration errors are not.
        if (ttl > 0 && c.errorType != QLatin1String("AUTHORIZER_CONFIGURATION_ERROR"))
            cache->insert(cacheKey, doc.object(), ttl, AuthorizerCache::Clock::now());
        c.resume(result);
    });
    return StageResult::pending();
}

} // namespace Gw::Runtime
