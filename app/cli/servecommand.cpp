// `apigw-studio serve FILE`: runs the gateway headless, reloading the design when the file changes.
#include "app/cli/cli.h"
#include "app/cli/commandline.h"
#include "app/cli/signalwatcher.h"

#include "model/validation/lint.h"
#include "runtime/auth/localidentityprovider.h"
#include "runtime/runtimehost.h"
#include "runtime/tls/localcertificate.h"
#include "runtime/trace/trace.h"
#include "runtime/trace/tracestore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTextStream>
#include <QTimer>

namespace Gw::Cli {

static void printEndpoints(const Model::ApiDocument &doc, const Runtime::RuntimeHost &host,
                           const QString &stage)
{
    QTextStream out(stdout);
    for (const Runtime::ApiEndpoint &e : host.endpoints()) {
        const Model::Api *api = doc.findApi(e.apiId);
        if (!api)
            continue;
        out << "API " << api->name << " (" << Model::toString(api->type) << ") at "
            << e.baseUrl.toString() << '\n';
        if (api->type == Model::ApiType::Rest) {
            QString stageName = stage;
            if (stageName.isEmpty() && !api->stages.isEmpty())
                stageName = api->stages.constFirst().name;
            for (const Model::Resource &r : api->resources) {
                for (const Model::Method &m : r.methods)
                    out << "  " << m.httpMethod.leftJustified(7) << ' ' << e.baseUrl.toString()
                        << '/' << stageName << Model::resourcePath(*api, r.id) << '\n';
            }
        } else {
            for (const Model::Route &r : api->routes)
                out << "  " << r.routeKey << '\n';
        }
    }
    out.flush();
}

int serve(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Serves a design on localhost."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("project file"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QStringLiteral("Address to bind (default 127.0.0.1)."),
                                        QStringLiteral("H"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port of the first API (default 3000; "
                                                       "0 picks a free port)."),
                                        QStringLiteral("N"), QStringLiteral("3000"));
    const QCommandLineOption stageOption(QStringLiteral("stage"),
                                         QStringLiteral("REST stage to serve."),
                                         QStringLiteral("S"));
    const QCommandLineOption traceDbOption(QStringLiteral("trace-db"),
                                           QStringLiteral("SQLite file for the trace history "
                                                          "(default: the app's history, which "
                                                          "`apigw-studio traces` reads)."),
                                           QStringLiteral("F"));
    const QCommandLineOption noHistoryOption(QStringLiteral("no-history"),
                                             QStringLiteral("Keep traces in memory only."));
    // HTTPS: the generated localhost certificate, or the user's; mTLS with a truststore.
    const QCommandLineOption tlsOption(QStringLiteral("tls"),
                                       QStringLiteral("Serve HTTPS with a self-signed localhost "
                                                      "certificate generated on first use."));
    const QCommandLineOption certOption(QStringLiteral("cert"),
                                        QStringLiteral("PEM certificate (chain) to serve HTTPS with; "
                                                       "implies --tls, needs --key."),
                                        QStringLiteral("F"));
    const QCommandLineOption keyOption(QStringLiteral("key"),
                                       QStringLiteral("PEM private key of --cert."), QStringLiteral("F"));
    const QCommandLineOption truststoreOption(QStringLiteral("truststore"),
                                              QStringLiteral("PEM CA certificates: require client "
                                                             "certificates signed by them (mutual "
                                                             "TLS); implies --tls."),
                                              QStringLiteral("F"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"),
                                         QStringLiteral("Do not print a line per request (the "
                                                        "traces are still recorded)."));
    parser.addOptions({hostOption, portOption, stageOption, traceDbOption, tlsOption, certOption,
                       keyOption, truststoreOption, quietOption, noHistoryOption});
    if (auto exitCode = parseCommandLine(parser, QStringLiteral("serve"), args, 1, 1))
        return *exitCode;

    QTextStream err(stderr);
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        err << "apigw-studio serve: --port must be a number from 0 to 65535\n";
        return UsageError;
    }
    QHostAddress host;
    if (!host.setAddress(parser.value(hostOption))) {
        err << "apigw-studio serve: --host must be an IP address, got '"
            << parser.value(hostOption) << "'\n";
        return UsageError;
    }

    if (parser.isSet(certOption) != parser.isSet(keyOption)) {
        err << "apigw-studio serve: --cert and --key go together\n";
        return UsageError;
    }

    const QString path = parser.positionalArguments().constFirst();
    auto loaded = loadDocument(path);
    if (!loaded)
        return InputError;
    const Model::Diagnostics problems = Model::lint(loaded.value());
    printDiagnostics(path, problems);

    Runtime::RuntimeOptions options;
    options.host = host;
    options.port = quint16(port);
    options.stage = parser.value(stageOption);
    options.projectDir = QFileInfo(path).absolutePath();
    options.traceDbPath = parser.isSet(noHistoryOption) ? QString()
                          : parser.isSet(traceDbOption) ? parser.value(traceDbOption)
                                                        : Runtime::TraceStore::defaultPath();
    options.tls.enabled = parser.isSet(tlsOption) || parser.isSet(certOption)
                          || parser.isSet(truststoreOption);
    options.tls.certificateFile = parser.value(certOption);
    options.tls.privateKeyFile = parser.value(keyOption);
    options.tls.truststoreFile = parser.value(truststoreOption);

    Runtime::RuntimeHost runtimeHost;
    QString error;
    auto doc = std::make_shared<const Model::ApiDocument>(loaded.take());
    if (!runtimeHost.start(doc, options, &error)) {
        err << "apigw-studio serve: " << error << '\n';
        return InputError;
    }
    printEndpoints(*doc, runtimeHost, options.stage);
    if (options.tls.enabled) {
        QTextStream out(stdout);
        if (options.tls.certificateFile.isEmpty()) {
            const QString cert = Runtime::LocalCertificate::defaultDirectory()
                                 + QStringLiteral("/localhost-cert.pem");
            out << "HTTPS with the generated certificate " << cert << " (trust it, e.g. curl --cacert "
                << cert << ")\n";
        }
        if (!options.tls.truststoreFile.isEmpty())
            out << "mutual TLS: clients must present a certificate signed by a CA in "
                << options.tls.truststoreFile << '\n';
        out.flush();
    }

    if (const Runtime::LocalIdentityProvider *idp = runtimeHost.identityProvider()) {
        QTextStream(stdout) << "local identity provider at " << idp->issuer()
                            << " (mint tokens with: apigw-studio token --aud ...)" << Qt::endl;
    }

    if (!parser.isSet(quietOption))
        QObject::connect(&runtimeHost, &Runtime::RuntimeHost::traceRecorded,
                     [](const Runtime::TracePtr &t) {
                         QTextStream(stdout)
                             << t->startedAt.toString(Qt::ISODateWithMs) << ' ' << t->method << ' '
                             << t->path << (t->rawQuery.isEmpty() ? QString() : '?' + t->rawQuery)
                             << ' ' << t->status << ' ' << QString::number(t->durationUs / 1000.0, 'f', 2)
                             << " ms " << t->requestId << Qt::endl;
                     });

    // Edits saved by an editor (or the GUI) are picked up without a restart.
    QFileSystemWatcher watcher({path});
    QTimer reloadDelay;
    reloadDelay.setSingleShot(true);
    reloadDelay.setInterval(150);
    QObject::connect(&watcher, &QFileSystemWatcher::fileChanged, &reloadDelay,
                     qOverload<>(&QTimer::start));
    QObject::connect(&reloadDelay, &QTimer::timeout, [&] {
        if (!watcher.files().contains(path))
            watcher.addPath(path); // atomic saves replace the file
        auto reloaded = loadDocument(path);
        if (!reloaded) {
            err << "apigw-studio serve: keeping the previous design until the file is fixed\n";
            err.flush();
            return;
        }
        runtimeHost.update(std::make_shared<const Model::ApiDocument>(reloaded.take()));
        QTextStream(stdout) << "reloaded " << path << Qt::endl;
    });

    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, [&] {
        QTextStream(stdout) << "stopping" << Qt::endl;
        if (const Runtime::TraceStore *store = runtimeHost.traceStore(); store && store->droppedCount() > 0) {
            err << "apigw-studio serve: " << store->droppedCount()
                << " traces were not written to the history (the writer fell behind the load; "
                   "the in-memory ring kept the newest)\n";
            err.flush();
        }
        runtimeHost.stop();
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

} // namespace Gw::Cli
