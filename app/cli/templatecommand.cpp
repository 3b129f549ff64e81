// `apigw-studio template render TEMPLATE.vtl [--body F] [--params JSON] [--context JSON]
// [--stage-variables JSON]`: renders a mapping template as API Gateway would, outside any API.
#include "app/cli/cli.h"

#include "app/cli/commandline.h"
#include "runtime/vtl/apigatewayroots.h"
#include "runtime/vtl/jsonvalue.h"
#include "runtime/vtl/template.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace Gw::Cli {

// A JSON argument given inline or as @FILE.
static bool readJsonArgument(const QString &option, const QString &text, QByteArray *json)
{
    if (!text.startsWith(QLatin1Char('@'))) {
        *json = text.toUtf8();
        return true;
    }
    QFile file(text.mid(1));
    if (!file.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << text.mid(1) << ": error: cannot open --" << option << " file: "
                            << file.errorString() << '\n';
        return false;
    }
    *json = file.readAll();
    return true;
}

static bool parseParams(const QByteArray &json, Vtl::InputParams *params)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject()) {
        QTextStream(stderr) << "--params: error: expected a JSON object like "
                               "{\"path\":{},\"querystring\":{},\"header\":{}}"
                            << (error.error ? QStringLiteral(" (%1 at offset %2)")
                                                  .arg(error.errorString()).arg(error.offset)
                                            : QString())
                            << '\n';
        return false;
    }
    const QJsonObject root = doc.object();
    const auto take = [&](const char *key, Vtl::NameValueList *list) {
        const QJsonObject o = root.value(QLatin1String(key)).toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            list->append({it.key(), it.value().toVariant().toString()});
    };
    take("path", &params->path);
    take("querystring", &params->querystring);
    take("header", &params->header);
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != QLatin1String("path") && it.key() != QLatin1String("querystring")
            && it.key() != QLatin1String("header")) {
            QTextStream(stderr) << "--params: error: /" << it.key()
                                << ": unknown location (path, querystring or header)\n";
            return false;
        }
    }
    return true;
}

static bool parseMap(const QString &option, const QByteArray &json, Vtl::Value *value)
{
    const Vtl::JsonParseResult parsed = Vtl::parseJson(QString::fromUtf8(json));
    if (!parsed.ok() || !parsed.value.isMap()) {
        QTextStream(stderr) << "--" << option << ": error: expected a JSON object"
                            << (parsed.ok() ? QString() : QStringLiteral(" (%1)").arg(parsed.error))
                            << '\n';
        return false;
    }
    *value = parsed.value;
    return true;
}

int templateCommand(const QStringList &args)
{
    QTextStream err(stderr);
    if (args.isEmpty() || (args.constFirst() != QLatin1String("render")
                           && !args.constFirst().startsWith(QLatin1Char('-')))) {
        err << "apigw-studio template: the sub-command is `render`\n";
        return UsageError;
    }
    const QStringList rest = args.constFirst() == QLatin1String("render") ? args.mid(1) : args;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Renders an API Gateway mapping template (VTL) with $input, $util, "
                       "$context and $stageVariables."));
    parser.addPositionalArgument(QStringLiteral("TEMPLATE.vtl"), QStringLiteral("the template"));
    const QCommandLineOption bodyOption(QStringLiteral("body"), QStringLiteral("request body file"),
                                        QStringLiteral("F"));
    const QCommandLineOption paramsOption(
        QStringLiteral("params"),
        QStringLiteral("{\"path\":{..},\"querystring\":{..},\"header\":{..}} or @FILE"),
        QStringLiteral("JSON"));
    const QCommandLineOption contextOption(QStringLiteral("context"),
                                           QStringLiteral("$context as a JSON object or @FILE"),
                                           QStringLiteral("JSON"));
    const QCommandLineOption stageOption(QStringLiteral("stage-variables"),
                                         QStringLiteral("$stageVariables as a JSON object or @FILE"),
                                         QStringLiteral("JSON"));
    parser.addOptions({bodyOption, paramsOption, contextOption, stageOption});
    if (auto exitCode = parseCommandLine(parser, QStringLiteral("template render"), rest, 1, 1))
        return *exitCode;

    const QString path = parser.positionalArguments().constFirst();
    QFile templateFile(path);
    if (!templateFile.open(QIODevice::ReadOnly)) {
        err << path << ": error: cannot open: " << templateFile.errorString() << '\n';
        return InputError;
    }
    Vtl::ApiGatewayRoots roots;
    roots.context = Vtl::Value::newMap();
    roots.stageVariables = Vtl::Value::newMap();
    if (parser.isSet(bodyOption)) {
        QFile body(parser.value(bodyOption));
        if (!body.open(QIODevice::ReadOnly)) {
            err << body.fileName() << ": error: cannot open --body file: " << body.errorString() << '\n';
            return InputError;
        }
        roots.body = body.readAll();
    }
    QByteArray json;
    if (parser.isSet(paramsOption)) {
        if (!readJsonArgument(QStringLiteral("params"), parser.value(paramsOption), &json)
            || !parseParams(json, &roots.params))
            return InputError;
    }
    if (parser.isSet(contextOption)) {
        if (!readJsonArgument(QStringLiteral("context"), parser.value(contextOption), &json)
            || !parseMap(QStringLiteral("context"), json, &roots.context))
            return InputError;
    }
    if (parser.isSet(stageOption)) {
        if (!readJsonArgument(QStringLiteral("stage-variables"), parser.value(stageOption), &json)
            || !parseMap(QStringLiteral("stage-variables"), json, &roots.stageVariables))
            return InputError;
    }

    const Vtl::ParseResult parsed = Vtl::Template::parse(QString::fromUtf8(templateFile.readAll()));
    for (const Vtl::Error &e : parsed.errors)
        err << path << ':' << e.line << ':' << e.column << ": error: " << e.message << '\n';
    if (!parsed.ok())
        return InputError;
    Vtl::Context context;
    Vtl::installApiGatewayRoots(context, roots);
    const Vtl::RenderResult rendered = parsed.templ->render(context);
    for (const Vtl::Error &e : rendered.warnings)
        err << path << ':' << e.line << ':' << e.column << ": warning: " << e.message << '\n';
    for (const Vtl::Error &e : rendered.errors)
        err << path << ':' << e.line << ':' << e.column << ": error: " << e.message << '\n';
    QTextStream(stdout) << rendered.output;
    return rendered.ok() ? Success : InputError;
}

} // namespace Gw::Cli
