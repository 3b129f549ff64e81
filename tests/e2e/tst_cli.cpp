// The command line as a user runs it: the real apigw-studio binary in a QProcess. import/export
// round trip through files, template render as a playground, token minting, and `serve` on a SAM
// template whose Python and Node functions the test writes, answered over loopback.
#include "tests/runtime/rawhttpclient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using GwTest::RawHttpClient;
using GwTest::RawResponse;

namespace {

const QString binary = QStringLiteral(GW_BINARY_DIR "/app/apigw-studio");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &args, const QString &workingDir = {})
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(binary, args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const char *samTemplate = R"YAML(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: two functions behind implicit APIs
Globals:
  Function:
    Timeout: 5
Resources:
  HelloPython:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/python/
      Handler: app.lambda_handler
      Runtime: python3.11
      Environment:
        Variables:
          GREETING: bonjour
      Events:
        Hello:
          Type: Api
          Properties:
            Path: /hello/{name}
            Method: get
  HelloNode:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/node
      Handler: index.handler
      Runtime: nodejs20.x
      Events:
        Hi:
          Type: HttpApi
          Properties:
            Path: /hi
            Method: get
)YAML";

const char *pythonCode = R"PY(
import json, os
def lambda_handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"say": os.environ["GREETING"] + " " + event["pathParameters"]["name"]})}
)PY";

const char *nodeCode = R"JS(
exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ from: 'node', path: event.rawPath }) });
)JS";

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(binary), qPrintable(binary));
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("sam/template.yaml")), samTemplate));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("sam/src/python/app.py")), pythonCode));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("sam/src/node/index.js")), nodeCode));
    }

    void importThenExportOpenApiAndSam()
    {
        const QString project = m_dir.filePath(QStringLiteral("sam/imported.apigw.json"));
        Run r = run({QStringLiteral("import"), m_dir.filePath(QStringLiteral("sam/template.yaml")),
                     QStringLiteral("-o"), project});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("SAM"));
        const QJsonObject saved = QJsonDocument::fromJson(readFile(project)).object();
        QCOMPARE(saved.value(QLatin1String("formatVersion")).toInt(), 1);

        r = run({QStringLiteral("lint"), project});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());

        r = run({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("sam")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("AWS::Serverless::Function"));
        QVERIFY(r.out.contains("Handler: app.lambda_handler"));

        const QString openapi = m_dir.filePath(QStringLiteral("sam/rest.json"));
        r = run({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("openapi"),
                 QStringLiteral("--api"), QStringLiteral("ServerlessRestApi"), QStringLiteral("-o"), openapi});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject oas = QJsonDocument::fromJson(readFile(openapi)).object();
        QVERIFY(oas.value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3.0")));
        const QJsonObject get = oas.value(QLatin1String("paths")).toObject()
                                    .value(QLatin1String("/hello/{name}")).toObject()
                                    .value(QLatin1String("get")).toObject();
        QCOMPARE(get.value(QLatin1String("x-amazon-apigateway-integration")).toObject()
                     .value(QLatin1String("type")).toString().toLower(),
                 QStringLiteral("aws_proxy"));
    }

    void exportNeedsAnApiWhenThereAreSeveral()
    {
        const Run r = run({QStringLiteral("export"), m_dir.filePath(QStringLiteral("sam/template.yaml")),
                           QStringLiteral("--format"), QStringLiteral("openapi")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("error"), r.err.constData());
    }

    void importNeverOverwritesAnUnreadableProject()
    {
        const QString target = m_dir.filePath(QStringLiteral("sam/garbage.apigw.json"));
        QVERIFY(writeFile(target, "this is not a project"));
        const Run r = run({QStringLiteral("import"), m_dir.filePath(QStringLiteral("sam/template.yaml")),
                           QStringLiteral("-o"), target});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(readFile(target), QByteArray("this is not a project"));
    }

    void badUsageExitsTwo()
    {
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("x"), QStringLiteral("--format"),
                      QStringLiteral("raml")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("x.yaml")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("template"), QStringLiteral("draw")}).exitCode, 2);
    }

    void helpNamesTheCommand()
    {
        for (const QStringList &command : {QStringList{QStringLiteral("import")}, QStringList{QStringLiteral("export")},
                                           QStringList{QStringLiteral("template"), QStringLiteral("render")},
                                           QStringList{QStringLiteral("token")}, QStringList{QStringLiteral("serve")}}) {
            const Run r = run(command + QStringList{QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            const QByteArray expected = "Usage: apigw-studio " + command.join(QLatin1Char(' ')).toUtf8() + " [options]";
            QVERIFY2(r.out.startsWith(expected),
                     r.out.constData());
        }
    }

    void templateRender()
    {
        const QString templ = m_dir.filePath(QStringLiteral("t.vtl"));
        const QString body = m_dir.filePath(QStringLiteral("body.json"));
        QVERIFY(writeFile(templ, "#set($items = $input.path('$.items'))"
                                 "{\"count\": $items.size(), \"id\": \"$input.params('id')\", "
                                 "\"stage\": \"$stageVariables.env\", \"req\": \"$context.requestId\"}"));
        QVERIFY(writeFile(body, "{\"items\": [1, 2, 3]}"));
        const Run r = run({QStringLiteral("template"), QStringLiteral("render"), templ,
                           QStringLiteral("--body"), body,
                           QStringLiteral("--params"), QStringLiteral("{\"path\":{\"id\":\"42\"}}"),
                           QStringLiteral("--context"), QStringLiteral("{\"requestId\":\"r-1\"}"),
                           QStringLiteral("--stage-variables"), QStringLiteral("{\"env\":\"test\"}")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object(),
                 QJsonObject({{"count", 3}, {"id", "42"}, {"stage", "test"}, {"req", "r-1"}}));
    }

    void templateErrorsNameLineAndColumn()
    {
        const QString templ = m_dir.filePath(QStringLiteral("bad.vtl"));
        QVERIFY(writeFile(templ, "line one\n#if($x"));
        const Run r = run({QStringLiteral("template"), QStringLiteral("render"), templ});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QRegularExpression(QStringLiteral("bad\\.vtl:2:\\d+: error: ")).match(QString::fromUtf8(r.err)).hasMatch(),
                 r.err.constData());
    }

    void tokenMintsAJwt()
    {
        const Run r = run({QStringLiteral("token"), QStringLiteral("--aud"), QStringLiteral("my-api"),
                           QStringLiteral("--scope"), QStringLiteral("pets:read"),
                           QStringLiteral("--keys"), m_dir.filePath(QStringLiteral("keys"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> parts = r.out.trimmed().split('.');
        QCOMPARE(parts.size(), 3);
        const QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(
                                       parts.at(1), QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(claims.value(QLatin1String("aud")).toVariant().toString(), QStringLiteral("my-api"));
        QVERIFY(claims.value(QLatin1String("scope")).toString().contains(QLatin1String("pets:read")));
    }

    void serveRunsASamProjectInPlace()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            QFAIL("python3 and node are needed (scripts/setup.sh installs them)");
        QProcess serve;
        serve.setProcessChannelMode(QProcess::SeparateChannels);
        const QString history = m_dir.filePath(QStringLiteral("history.sqlite"));
        serve.start(binary, {QStringLiteral("serve"), m_dir.filePath(QStringLiteral("sam/template.yaml")),
                             QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--trace-db"), history});
        QVERIFY(serve.waitForStarted());
        // "API <name> (REST) at http://127.0.0.1:PORT" lines tell where each API listens.
        QByteArray out;
        QRegularExpression endpoint(QStringLiteral("API (\\S+) \\((REST|HTTP)\\) at http://127\\.0\\.0\\.1:(\\d+)"));
        quint16 restPort = 0, httpPort = 0;
        QElapsedTimer timer;
        timer.start();
        while ((!restPort || !httpPort) && timer.elapsed() < 20000) {
            serve.waitForReadyRead(200);
            out += serve.readAllStandardOutput();
            auto it = endpoint.globalMatch(QString::fromUtf8(out));
            while (it.hasNext()) {
                const auto m = it.next();
                (m.captured(2) == QLatin1String("REST") ? restPort : httpPort) = quint16(m.captured(3).toUInt());
            }
        }
        QVERIFY2(restPort && httpPort, QByteArray(out + serve.readAllStandardError()).constData());

        RawHttpClient rest;
        QVERIFY(rest.connectTo(restPort));
        RawResponse r = rest.request("GET /Prod/hello/ada HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("say")).toString(),
                 QStringLiteral("bonjour ada"));

        RawHttpClient http;
        QVERIFY(http.connectTo(httpPort));
        r = http.request("GET /hi HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("from")).toString(),
                 QStringLiteral("node"));

        r = rest.request("GET /Prod/nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(r.status, 403);

        serve.terminate(); // SIGTERM: graceful stop, the history is flushed
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);

        // Every call is in the history; --failed shows the failing step and why.
        Run t = run({QStringLiteral("traces"), QStringLiteral("--db"), history});
        QVERIFY2(t.exitCode == 0, t.err.constData());
        QVERIFY2(t.out.contains("GET /Prod/hello/ada") && t.out.contains("GET /hi"), t.out.constData());
        t = run({QStringLiteral("traces"), QStringLiteral("--db"), history, QStringLiteral("--failed")});
        QCOMPARE(t.exitCode, 0);
        QVERIFY2(t.out.contains("/Prod/nowhere") && t.out.contains("failed at step route"), t.out.constData());
        QVERIFY(!t.out.contains("/Prod/hello/ada"));
        t = run({QStringLiteral("traces"), QStringLiteral("--db"), history, QStringLiteral("--format"),
                 QStringLiteral("har")});
        QCOMPARE(QJsonDocument::fromJson(t.out).object().value(QLatin1String("log")).toObject()
                     .value(QLatin1String("version")).toString(),
                 QStringLiteral("1.2"));
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
