// MOCK: answers from the integration itself; the status comes from "statusCode" in the mapped
// request template, as AWS does.
#include "runtime/integrations/mockintegration.h"

#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

int MockIntegration::statusCodeIn(const QByteArray &text)
{
    static const QByteArray key = QByteArrayLiteral("\"statusCode\"");
    qsizetype from = 0;
    while ((from = text.indexOf(key, from)) >= 0) {
        qsizetype i = from + key.size();
        from = i;
        auto skipSpace = [&] {
            while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\t' || text.at(i) == '\r'
                                       || text.at(i) == '\n'))
                ++i;
        };
        skipSpace();
        if (i >= text.size() || text.at(i) != ':')
            continue;
        ++i;
        skipSpace();
        const bool quoted = i < text.size() && text.at(i) == '"';
        if (quoted)
            ++i;
        int value = 0;
        int digits = 0;
        while (i < text.size() && text.at(i) >= '0' && text.at(i) <= '9' && digits < 4) {
            value = value * 10 + (text.at(i) - '0');
            ++i;
            ++digits;
        }
        if (digits > 0)
            return value;
    }
    return -1;
}

StageResult MockIntegration::invoke(RequestContext &ctx)
{
    const int status = statusCodeIn(ctx.integrationRequestBody);
    if (status < 0) {
        ctx.integrationStatus = 200;
        static const QString none = QStringLiteral("MOCK: no \"statusCode\" in the integration request: 200");
        ctx.note(none);
    } else {
        ctx.integrationStatus = status;
        ctx.note(QStringLiteral("MOCK: statusCode %1 from the integration request").arg(status));
    }
    ctx.integrationResponseBody.clear();
    ctx.integrationResponseHeaders.clear();
    return StageResult::next();
}

} // namespace Gw::Runtime
