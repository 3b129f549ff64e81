// `apigw-studio traces`: lists traces from the SQLite history for terminals and CI.
#include "app/cli/cli.h"
#include "app/cli/commandline.h"

#include "runtime/trace/har.h"
#include "runtime/trace/tracejson.h"
#include "runtime/trace/tracestore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace Gw::Cli {

int traces(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the calls the runtime served."));
    const QCommandLineOption failedOption(QStringLiteral("failed"),
                                          QStringLiteral("Only failed calls, with the failing "
                                                         "step and its reason."));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("Newest N traces (default 20)."),
                                         QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("Trace store (default: the app's history)."),
                                      QStringLiteral("F"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("text, json or har."),
                                          QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({failedOption, limitOption, dbOption, formatOption});
    if (auto exitCode = parseCommandLine(parser, QStringLiteral("traces"), args, 0, 0))
        return *exitCode;

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json")
        && format != QLatin1String("har")) {
        err << "apigw-studio traces: --format must be text, json or har\n";
        return UsageError;
    }
    bool limitOk = false;
    Runtime::TraceQuery query;
    query.limit = parser.value(limitOption).toInt(&limitOk);
    if (!limitOk || query.limit < 0) {
        err << "apigw-studio traces: --limit must be a number\n";
        return UsageError;
    }
    query.failedOnly = parser.isSet(failedOption);
    const QString db = parser.isSet(dbOption) ? parser.value(dbOption)
                                              : Runtime::TraceStore::defaultPath();
    if (!QFileInfo::exists(db)) {
        err << db << ": error: no trace store here (run `apigw-studio serve FILE --trace-db "
            << db << "` first)\n";
        return InputError;
    }
    QString error;
    const QList<Runtime::TracePtr> found = Runtime::TraceStore::read(db, query, &error);
    if (!error.isEmpty()) {
        err << db << ": error: " << error << '\n';
        return InputError;
    }
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const auto &t : found)
            array.append(Runtime::traceToJson(*t));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (format == QLatin1String("har")) {
        out << QJsonDocument(Runtime::tracesToHar(found)).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const auto &t : found) {
        out << t->startedAt.toString(Qt::ISODateWithMs) << "  " << t->method << ' ' << t->path
            << (t->rawQuery.isEmpty() ? QString() : QLatin1Char('?') + t->rawQuery) << "  "
            << t->status << "  " << QString::number(t->durationUs / 1000.0, 'f', 2) << " ms  "
            << t->requestId << '\n';
        if (query.failedOnly || t->failed()) {
            if (const Runtime::TraceStep *step = t->failingStep()) {
                out << "    failed at step " << step->name;
                if (!step->notes.isEmpty())
                    out << ": " << step->notes.join(QStringLiteral("; "));
                out << '\n';
            } else if (!t->errorType.isEmpty()) {
                out << "    gateway response " << t->errorType << '\n';
            }
        }
    }
    if (found.isEmpty())
        out << (query.failedOnly ? "no failed calls\n" : "no calls\n");
    return Success;
}

} // namespace Gw::Cli
