// AWS_IAM authorization through gw_auth's SigV4Verifier.
#include "runtime/policies/iamauthorizer.h"

#include "runtime/auth/sigv4verifier.h"
#include "runtime/gatewayresponses.h"
#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

namespace {
const QString accountId = QStringLiteral("123456789012");
}

StageResult IamAuthorizer::authorize(RequestContext &ctx)
{
    SigV4VerifierOptions options;
    options.expectedService = "execute-api";
    SigV4Verifier verifier(options);
    for (const Model::IamCredential &c : ctx.api->document().iamCredentials) {
        SigV4Principal p;
        p.accessKeyId = c.accessKeyId.toUtf8();
        p.secretAccessKey = c.secretAccessKey.toUtf8();
        p.sessionToken = c.sessionToken.toUtf8();
        p.principalArn = c.principalArn;
        const QStringList arn = c.principalArn.split(QLatin1Char(':'));
        p.accountId = arn.size() > 4 && !arn.at(4).isEmpty() ? arn.at(4) : accountId;
        verifier.addPrincipal(p);
    }
    SigV4Request request;
    request.method = ctx.request.method;
    request.rawPath = ctx.request.path;
    request.rawQuery = ctx.request.rawQuery;
    for (const auto &h : ctx.request.headers)
        request.headers.append({h.first, h.second});
    request.body = ctx.request.body;
    const SigV4VerifyResult r = verifier.verify(request, QDateTime::currentDateTimeUtc());
    if (!r.ok) {
        ctx.note(QStringLiteral("SigV4 verification failed: %1").arg(r.failure.detailedMessage()));
        if (!r.canonicalRequest.isEmpty())
            ctx.note(QStringLiteral("canonical request computed:\n%1").arg(QString::fromUtf8(r.canonicalRequest)));
        const QString type = r.failure.gatewayResponseType.isEmpty() ? QStringLiteral("INVALID_SIGNATURE")
                                                                     : r.failure.gatewayResponseType;
        if (!ctx.api->isRest()) {
            // HTTP APIs answer every IAM failure with a plain 403 Forbidden.
            ctx.setGatewayResponse(QStringLiteral("ACCESS_DENIED"));
            return StageResult::respond();
        }
        ctx.setGatewayResponse(type, r.failure.message);
        // The verifier's status (e.g. 400 for a malformed header) unless the API customised it.
        if (r.failure.statusCode > 0 && !GatewayResponses::hasCustomStatus(ctx.api->api(), type))
            ctx.response.status = r.failure.statusCode;
        return StageResult::respond();
    }
    ctx.authorizer.kind = AuthorizerResult::Kind::Iam;
    ctx.authorizer.principalId = r.identity.principalArn;
    ctx.authorizer.iam = QJsonObject{{QStringLiteral("accessKey"), QString::fromUtf8(r.identity.accessKeyId)},
                                     {QStringLiteral("accountId"), r.identity.accountId},
                                     {QStringLiteral("callerId"), QString::fromUtf8(r.identity.accessKeyId)},
                                     {QStringLiteral("userArn"), r.identity.principalArn},
                                     {QStringLiteral("userId"), QString::fromUtf8(r.identity.accessKeyId)}};
    ctx.note(QStringLiteral("SigV4 signature of %1 (%2) verified%3: access granted to %4")
                 .arg(QString::fromUtf8(r.identity.accessKeyId), r.identity.principalArn,
                      r.identity.presigned ? QStringLiteral(" (presigned URL)") : QString(),
                      QString::fromLatin1(ctx.request.method) + QLatin1Char(' ') + ctx.route.routeKey));
    return StageResult::next();
}

} // namespace Gw::Runtime
