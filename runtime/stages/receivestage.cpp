// Receive: records the request as the server parsed it (request line, client, sizes).
#include "runtime/stages/receivestage.h"

#include "runtime/pipeline/requestcontext.h"

namespace Gw::Runtime {

const QString &ReceiveStage::name() const
{
    static const QString n = QStringLiteral("receive");
    return n;
}

StageResult ReceiveStage::decide(RequestContext &ctx)
{
    const HttpRequest &r = ctx.request;
    QString line = QString::fromLatin1(r.method) + QLatin1Char(' ') + QString::fromUtf8(r.path);
    if (!r.rawQuery.isEmpty())
        line += QLatin1Char('?') + QString::fromUtf8(r.rawQuery);
    ctx.note(QStringLiteral("%1 HTTP/1.%2 from %3: %4 header(s), %5 body byte(s)")
                 .arg(line)
                 .arg(r.httpMinor)
                 .arg(r.clientAddress.isEmpty() ? QStringLiteral("in-process") : r.clientAddress)
                 .arg(r.headers.size())
                 .arg(r.body.size()));
    if (ctx.api) {
        for (const QString &n : ctx.api->compileNotes())
            ctx.note(n);
    }
    return StageResult::next();
}

} // namespace Gw::Runtime
