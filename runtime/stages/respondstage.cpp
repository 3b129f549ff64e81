// Respond: the gateway's own response headers (request ids) on every answer, success or error.
#include "runtime/stages/respondstage.h"

#include "runtime/pipeline/requestcontext.h"
#include "runtime/policies/corspolicy.h"

namespace Gw::Runtime {

const QString &RespondStage::name() const
{
    static const QString n = QStringLiteral("respond");
    return n;
}

StageResult RespondStage::decide(RequestContext &ctx)
{
    // HTTP API CorsConfiguration: every answer, errors included, gets the gateway's CORS headers.
    CorsPolicy::finishResponse(ctx);
    HttpResponse &r = ctx.response;
    if (!ctx.api || ctx.api->isRest()) {
        setHeader(r.headers, "x-amzn-RequestId", ctx.requestId.toLatin1());
        setHeader(r.headers, "x-amz-apigw-id", ctx.apiGatewayId);
    } else {
        setHeader(r.headers, "apigw-requestid", ctx.apiGatewayId);
    }
    if (!hasHeader(r.headers, "Content-Type"))
        r.headers.prepend({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    ctx.note(QStringLiteral("%1 %2, %3 body byte(s)%4")
                 .arg(r.status)
                 .arg(QString::fromLatin1(reasonPhrase(r.status)))
                 .arg(r.body.size())
                 .arg(ctx.request.isHead() ? QStringLiteral(" (HEAD: body not sent)") : QString()));
    return StageResult::next();
}

QByteArray RespondStage::payloadAfter(const RequestContext &ctx) const
{
    return ctx.response.body;
}

} // namespace Gw::Runtime
