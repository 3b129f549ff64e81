// `apigw-studio invoke FILE --method M --path P`: runs one request through the same pipeline the
// server uses, without a socket, and prints the response and its trace.
#include "app/cli/cli.h"
#include "app/cli/commandline.h"

#include "runtime/gateway.h"
#include "runtime/trace/executionlog.h"
#include "runtime/trace/tracejson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

namespace Gw::Cli {

static void printTraceText(QTextStream &out, const Runtime::Trace &t)
{
    out << "\ntrace " << t.requestId << " (" << QString::number(t.durationUs / 1000.0, 'f', 3)
        << " ms)\n";
    for (const Runtime::TraceStep &s : t.steps) {
        out << "  " << s.name.leftJustified(12) << ' ' << Runtime::toString(s.outcome).leftJustified(9)
            << ' ' << QString::number(s.durationUs / 1000.0, 'f', 3).rightJustified(8) << " ms"
            << (s.flagged ? "  [flagged]" : "") << '\n';
        for (const QString &note : s.notes)
            out << "      " << note << '\n';
    }
    for (const QString &line : t.integrationLog)
        out << "  | " << line << '\n';
}

int invoke(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs one request through the gateway in "
                                                    "process and prints the response and trace."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("project file"));
    const QCommandLineOption methodOption(QStringLiteral("method"), QStringLiteral("HTTP method."),
                                          QStringLiteral("M"), QStringLiteral("GET"));
    const QCommandLineOption pathOption(QStringLiteral("path"),
                                        QStringLiteral("Path and query, e.g. /dev/pets?limit=2 "
                                                       "(REST paths start with the stage)."),
                                        QStringLiteral("P"));
    const QCommandLineOption headerOption({QStringLiteral("H"), QStringLiteral("header")},
                                          QStringLiteral("Request header 'K: V' (repeatable)."),
                                          QStringLiteral("HEADER"));
    const QCommandLineOption dataOption({QStringLiteral("d"), QStringLiteral("data")},
                                        QStringLiteral("Body, or @FILE to read it from a file."),
                                        QStringLiteral("BODY"));
    const QCommandLineOption traceOption(QStringLiteral("trace"),
                                         QStringLiteral("Trace format: text, json or log (AWS's "
                                                        "execution log)."),
                                         QStringLiteral("FORMAT"));
    const QCommandLineOption apiOption(QStringLiteral("api"),
                                       QStringLiteral("API name or id (default: the first)."),
                                       QStringLiteral("NAME"));
    parser.addOptions({methodOption, pathOption, headerOption, dataOption, traceOption, apiOption});
    if (auto exitCode = parseCommandLine(parser, QStringLiteral("invoke"), args, 1, 1))
        return *exitCode;

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parser.isSet(pathOption) || !parser.value(pathOption).startsWith(QLatin1Char('/'))) {
        err << "apigw-studio invoke: --path is required and must start with '/'\n";
        return UsageError;
    }
    const QString traceFormat = parser.value(traceOption);
    if (!traceFormat.isEmpty() && traceFormat != QLatin1String("text")
        && traceFormat != QLatin1String("json") && traceFormat != QLatin1String("log")) {
        err << "apigw-studio invoke: --trace must be text, json or log\n";
        return UsageError;
    }
    Runtime::HeaderList headers;
    for (const QString &h : parser.values(headerOption)) {
        const int colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            err << "apigw-studio invoke: header '" << h << "' must look like 'Name: value'\n";
            return UsageError;
        }
        headers.append({h.left(colon).trimmed().toLatin1(), h.mid(colon + 1).trimmed().toUtf8()});
    }
    QByteArray body;
    if (parser.isSet(dataOption)) {
        const QString data = parser.value(dataOption);
        if (data.startsWith(QLatin1Char('@'))) {
            QFile f(data.mid(1));
            if (!f.open(QIODevice::ReadOnly)) {
                err << data.mid(1) << ": error: cannot read body file: " << f.errorString() << '\n';
                return InputError;
            }
            body = f.readAll();
        } else {
            body = data.toUtf8();
        }
    }

    const QString path = parser.positionalArguments().constFirst();
    auto loaded = loadDocument(path);
    if (!loaded)
        return InputError;
    auto doc = std::make_shared<const Model::ApiDocument>(loaded.take());
    const Runtime::HttpRequest request = Runtime::HttpRequest::make(
        parser.value(methodOption).toUpper().toLatin1(), parser.value(pathOption).toUtf8(), headers, body);
    const Runtime::InvokeResult result = Runtime::Gateway::invoke(
        doc, parser.value(apiOption), QString(), request, Runtime::Gateway::DefaultTimeoutMs,
        QFileInfo(path).absolutePath());
    if (!result.ok()) {
        err << path << ": error: " << result.error << '\n';
        return InputError;
    }

    out << "HTTP/1.1 " << result.response.status << ' '
        << Runtime::reasonPhrase(result.response.status) << '\n';
    for (const auto &h : result.response.headers)
        out << h.first << ": " << h.second << '\n';
    out << '\n' << result.response.body;
    if (!result.response.body.endsWith('\n'))
        out << '\n';
    if (result.trace) {
        if (traceFormat == QLatin1String("text"))
            printTraceText(out, *result.trace);
        else if (traceFormat == QLatin1String("json"))
            out << QJsonDocument(Runtime::traceToJson(*result.trace)).toJson(QJsonDocument::Indented);
        else if (traceFormat == QLatin1String("log"))
            out << '\n' << Runtime::executionLog(*result.trace);
    }
    return Success;
}

} // namespace Gw::Cli
