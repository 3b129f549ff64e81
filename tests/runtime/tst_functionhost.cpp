// Tests the local function host with real Python, Node and bash (custom runtime) processes speaking
// the Lambda Runtime API over loopback: events, context, errors, timeouts, crashes, concurrency,
// warm reuse, code reloads and logs.
#include "runtime/lambda/functionhost.h"
#include "tests/runtime/customruntimefixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <future>

using namespace Gw::Runtime;
using Gw::Model::LocalFunction;


class TestFunctionHost : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeCode(const QString &folder, const QString &file, const QByteArray &code)
    {
        QDir(m_dir.path()).mkpath(folder);
        QFile f(m_dir.filePath(folder + QLatin1Char('/') + file));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write test code");
        f.write(code);
        f.close();
        return m_dir.filePath(folder);
    }

    static LocalFunction function(const QString &name, const QString &runtime, const QString &handler,
                                  const QString &folder, int timeout = 3, int concurrency = 10)
    {
        LocalFunction fn;
        fn.id = QStringLiteral("fn_") + name;
        fn.name = name;
        fn.runtime = runtime;
        fn.handler = handler;
        fn.codeDirectory = folder;
        fn.timeout = timeout;
        fn.concurrency = concurrency;
        fn.environment.insert(QStringLiteral("GREETING"), QStringLiteral("hola"));
        return fn;
    }

    static FunctionHost::Options options()
    {
        FunctionHost::Options o;
        o.runtimesDir = QStringLiteral(GW_SOURCE_DIR "/resources/runtimes");
        return o;
    }

    static QJsonObject json(const QByteArray &bytes)
    {
        return QJsonDocument::fromJson(bytes).object();
    }

    static FunctionInvocation call(const QString &name, const QByteArray &payload = "{}")
    {
        FunctionInvocation r;
        r.functionName = name;
        r.payload = payload;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed");
    }

    void pythonEventContextAndWarmReuse()
    {
        writeCode(QStringLiteral("py"), QStringLiteral("app.py"), R"(
import os
print("module loaded")
def handler(event, context):
    print("handling", event.get("n"))
    return {
        "echo": event,
        "requestId": context.aws_request_id,
        "remaining": context.get_remaining_time_in_millis(),
        "arn": context.invoked_function_arn,
        "name": context.function_name,
        "memory": context.memory_limit_in_mb,
        "pid": os.getpid(),
        "env": {k: os.environ.get(k) for k in ["AWS_LAMBDA_FUNCTION_NAME", "_HANDLER", "LAMBDA_TASK_ROOT",
                 "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_REGION", "GREETING"]},
    }
)");
        FunctionHost host(options());
        host.setFunctions({function(QStringLiteral("py"), QStringLiteral("python3.11"),
                                    QStringLiteral("app.handler"), QStringLiteral("py"))},
                          m_dir.path());
        const FunctionResult first = host.invokeSync(call(QStringLiteral("py"), R"({"n":1})"));
        QVERIFY2(first.ok(), qPrintable(first.errorMessage + first.log.join('\n')));
        const QJsonObject r1 = json(first.payload);
        QCOMPARE(r1.value("echo").toObject().value("n").toInt(), 1);
        QCOMPARE(r1.value("requestId").toString(), first.requestId);
        QVERIFY(r1.value("remaining").toInt() > 0 && r1.value("remaining").toInt() <= 3000);
        QCOMPARE(r1.value("arn").toString(),
                 QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:py"));
        QCOMPARE(r1.value("memory").toString(), QStringLiteral("128"));
        const QJsonObject env = r1.value("env").toObject();
        QCOMPARE(env.value("AWS_LAMBDA_FUNCTION_NAME").toString(), QStringLiteral("py"));
        QCOMPARE(env.value("_HANDLER").toString(), QStringLiteral("app.handler"));
        QCOMPARE(env.value("LAMBDA_TASK_ROOT").toString(), m_dir.filePath("py"));
        QCOMPARE(env.value("AWS_LAMBDA_FUNCTION_VERSION").toString(), QStringLiteral("$LATEST"));
        QCOMPARE(env.value("AWS_REGION").toString(), QStringLiteral("us-east-1"));
        QCOMPARE(env.value("GREETING").toString(), QStringLiteral("hola"));
        QVERIFY(first.coldStart);
        QVERIFY(first.initDurationMs > 0);

        // Logs: init output, START, the handler's print, END, REPORT with Init Duration.
        const QString log = first.log.join('\n');
        QVERIFY2(log.contains("module loaded"), qPrintable(log));
        QVERIFY(first.log.indexOf(QRegularExpression("START RequestId: " + first.requestId
                                                     + " Version: \\$LATEST")) >= 0);
        QVERIFY(log.contains("handling 1"));
        QVERIFY(first.log.at(first.log.size() - 2).startsWith("END RequestId: " + first.requestId));
        QVERIFY(first.log.constLast().startsWith("REPORT RequestId: " + first.requestId));
        QVERIFY(first.log.constLast().contains("Init Duration:"));

        const FunctionResult second = host.invokeSync(call(QStringLiteral("py"), R"({"n":2})"));
        QVERIFY(second.ok());
        QVERIFY(!second.coldStart);
        QVERIFY(!second.log.constLast().contains("Init Duration:"));
        QCOMPARE(json(second.payload).value("pid").toInt(), r1.value("pid").toInt()); // warm reuse
        QVERIFY(second.requestId != first.requestId);
        QCOMPARE(host.processCount(QStringLiteral("py")), 1);
    }

    void pythonErrorsAndInitErrors()
    {
        writeCode(QStringLiteral("pyerr"), QStringLiteral("app.py"), R"(
def handler(event, context):
    raise ValueError("bad input: " + str(event.get("x")))
)");
        writeCode(QStringLiteral("pyinit"), QStringLiteral("app.py"), "import does_not_exist_module\n");
        FunctionHost host(options());
        host.setFunctions({function("err", "python3.11", "app.handler", "pyerr"),
                           function("init", "python3.11", "app.handler", "pyinit"),
                           function("nohandler", "python3.11", "app.missing", "pyerr")},
                          m_dir.path());
        const FunctionResult e = host.invokeSync(call("err", R"({"x":42})"));
        QCOMPARE(toString(e.status), toString(FunctionResult::Status::FunctionError));
        QCOMPARE(e.errorType, QStringLiteral("ValueError"));
        QCOMPARE(e.errorMessage, QStringLiteral("bad input: 42"));
        QVERIFY(e.log.join('\n').contains("Traceback"));
        // The process survives a handler error and serves again.
        QCOMPARE(toString(host.invokeSync(call("err")).status), toString(FunctionResult::Status::FunctionError));
        QCOMPARE(host.processCount("err"), 1);

        const FunctionResult i = host.invokeSync(call("init"));
        QCOMPARE(toString(i.status), toString(FunctionResult::Status::InitError));
        QCOMPARE(i.errorType, QStringLiteral("Runtime.ImportModuleError"));
        QVERIFY(i.errorMessage.contains("does_not_exist_module"));

        const FunctionResult h = host.invokeSync(call("nohandler"));
        QCOMPARE(toString(h.status), toString(FunctionResult::Status::InitError));
        QCOMPARE(h.errorType, QStringLiteral("Runtime.HandlerNotFound"));

        QCOMPARE(toString(host.invokeSync(call("nope")).status), toString(FunctionResult::Status::NotFound));
    }

    void timeoutKillsAndRecovers()
    {
        writeCode(QStringLiteral("slow"), QStringLiteral("app.py"), R"(
import time, os
def handler(event, context):
    if event.get("sleep"):
        time.sleep(event["sleep"])
    return {"pid": os.getpid()}
)");
        FunctionHost host(options());
        host.setFunctions({function("slow", "python3.11", "app.handler", "slow", 1)}, m_dir.path());
        const int pid = json(host.invokeSync(call("slow")).payload).value("pid").toInt();
        QVERIFY(pid > 0);
        QElapsedTimer t;
        t.start();
        const FunctionResult r = host.invokeSync(call("slow", R"({"sleep": 10})"));
        QCOMPARE(toString(r.status), toString(FunctionResult::Status::Timeout));
        QVERIFY2(t.elapsed() >= 950 && t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(r.errorMessage.contains("Task timed out after"));
        QVERIFY(r.log.join('\n').contains("Task timed out after"));
        // The killed process is replaced by a fresh one.
        const FunctionResult after = host.invokeSync(call("slow"));
        QVERIFY(after.ok());
        QVERIFY(after.coldStart);
        QVERIFY(json(after.payload).value("pid").toInt() != pid);

        // The API's deadline (shorter than the function's) also kills.
        FunctionInvocation api = call("slow", R"({"sleep": 10})");
        api.timeoutMs = 300;
        t.restart();
        const FunctionResult apiTimeout = host.invokeSync(api);
        QCOMPARE(toString(apiTimeout.status), toString(FunctionResult::Status::Timeout));
        QCOMPARE(apiTimeout.errorType, QStringLiteral("Gateway.IntegrationTimeout"));
        QVERIFY(t.elapsed() < 1000);
    }

    void crashIsReportedAndRecovers()
    {
        writeCode(QStringLiteral("crash"), QStringLiteral("app.py"), R"(
import os, sys
def handler(event, context):
    if event.get("crash"):
        print("about to die", flush=True)
        os._exit(3)
    return "fine"
)");
        FunctionHost host(options());
        host.setFunctions({function("crash", "python3.11", "app.handler", "crash")}, m_dir.path());
        const FunctionResult r = host.invokeSync(call("crash", R"({"crash": true})"));
        QCOMPARE(toString(r.status), toString(FunctionResult::Status::Crashed));
        QVERIFY(r.errorMessage.contains("exit status 3"));
        QVERIFY(r.log.join('\n').contains("about to die"));
        const FunctionResult ok = host.invokeSync(call("crash"));
        QVERIFY(ok.ok());
        QCOMPARE(ok.payload, QByteArray("\"fine\""));
    }

    void concurrencyLimitQueuesTheNextCall()
    {
        writeCode(QStringLiteral("conc"), QStringLiteral("app.py"), R"(
import time, os
def handler(event, context):
    time.sleep(0.6)
    return {"pid": os.getpid()}
)");
        FunctionHost host(options());
        host.setFunctions({function("conc", "python3.11", "app.handler", "conc", 5, 3)}, m_dir.path());
        QElapsedTimer t;
        t.start();
        std::vector<std::future<std::pair<FunctionResult, qint64>>> calls;
        for (int i = 0; i < 4; ++i) {
            calls.push_back(std::async(std::launch::async, [&host, &t] {
                FunctionResult r = host.invokeSync(call("conc"));
                return std::make_pair(r, t.elapsed());
            }));
            QThread::msleep(20); // keep the arrival order
        }
        QSet<int> pids;
        QList<qint64> finishedAt;
        for (auto &c : calls) {
            auto [r, at] = c.get();
            QVERIFY2(r.ok(), qPrintable(r.errorMessage));
            pids.insert(json(r.payload).value("pid").toInt());
            finishedAt << at;
        }
        QCOMPARE(pids.size(), 3); // N parallel calls reach N processes, never more
        std::sort(finishedAt.begin(), finishedAt.end());
        // The fourth call waited for a process to be free: it ends a full handler time later.
        QVERIFY2(finishedAt.constLast() - finishedAt.at(2) >= 450,
                 qPrintable(QString::number(finishedAt.constLast() - finishedAt.at(2))));
        QCOMPARE(host.processCount("conc"), 3);
    }

    void codeChangeRestartsWarmProcesses()
    {
        const QString dir = writeCode(QStringLiteral("reload"), QStringLiteral("app.py"),
                                      "def handler(event, context):\n    return 'v1'\n");
        FunctionHost host(options());
        host.setFunctions({function("reload", "python3.11", "app.handler", "reload")}, m_dir.path());
        QCOMPARE(host.invokeSync(call("reload")).payload, QByteArray("\"v1\""));
        writeCode(QStringLiteral("reload"), QStringLiteral("app.py"),
                  "def handler(event, context):\n    return 'v2'\n");
        QTRY_COMPARE_WITH_TIMEOUT(host.invokeSync(call("reload")).payload, QByteArray("\"v2\""), 5000);
    }

    void nodeHandlersAsyncCallbackEsmAndCommonJs()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            QSKIP("node is not installed");
        writeCode(QStringLiteral("node"), QStringLiteral("index.mjs"), R"(
export const handler = async (event, context) => {
  console.log('node handling', event.n);
  return { n: event.n, requestId: context.awsRequestId, remaining: context.getRemainingTimeInMillis(),
           name: context.functionName, greeting: process.env.GREETING };
};
export const fails = async () => { throw new TypeError('nope'); };
)");
        writeCode(QStringLiteral("nodecjs"), QStringLiteral("cb.js"), R"(
exports.handler = function (event, context, callback) {
  setTimeout(() => callback(null, { viaCallback: true, n: event.n }), 10);
};
)");
        FunctionHost host(options());
        host.setFunctions({function("node", "nodejs20.x", "index.handler", "node"),
                           function("nodefail", "nodejs20.x", "index.fails", "node"),
                           function("nodecb", "nodejs20.x", "cb.handler", "nodecjs")},
                          m_dir.path());
        const FunctionResult r = host.invokeSync(call("node", R"({"n":7})"));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage + r.log.join('\n')));
        const QJsonObject o = json(r.payload);
        QCOMPARE(o.value("n").toInt(), 7);
        QCOMPARE(o.value("requestId").toString(), r.requestId);
        QVERIFY(o.value("remaining").toInt() > 0);
        QCOMPARE(o.value("name").toString(), QStringLiteral("node"));
        QCOMPARE(o.value("greeting").toString(), QStringLiteral("hola"));
        QVERIFY(r.log.join('\n').contains("node handling 7"));

        const FunctionResult f = host.invokeSync(call("nodefail"));
        QCOMPARE(toString(f.status), toString(FunctionResult::Status::FunctionError));
        QCOMPARE(f.errorType, QStringLiteral("TypeError"));
        QCOMPARE(f.errorMessage, QStringLiteral("nope"));

        const FunctionResult cb = host.invokeSync(call("nodecb", R"({"n":3})"));
        QVERIFY2(cb.ok(), qPrintable(cb.errorMessage + cb.log.join('\n')));
        QCOMPARE(json(cb.payload).value("viaCallback").toBool(), true);
    }

    void customRuntimeBashBootstrapFromTheAwsTutorial()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        // AWS's custom-runtime tutorial bootstrap (bash; the tutorial's /bin/sh is bash on AL2).
        writeCode(QStringLiteral("custom"), QStringLiteral("bootstrap"), customRuntimeBootstrap);
        writeCode(QStringLiteral("custom"), QStringLiteral("function.sh"), customRuntimeFunction);
        QFile::setPermissions(m_dir.filePath("custom/bootstrap"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        FunctionHost host(options());
        host.setFunctions({function("custom", "provided.al2023", "function.handler", "custom")},
                          m_dir.path());
        const FunctionResult r = host.invokeSync(call("custom", R"({"text":"hi"})"));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage + r.log.join('\n')));
        QCOMPARE(r.payload, QByteArray(R"(Echoing request: '{"text":"hi"}')"));
        QVERIFY(r.log.join('\n').contains(R"({"text":"hi"})")); // the handler's stderr
        const FunctionResult again = host.invokeSync(call("custom", R"({"text":"again"})"));
        QVERIFY(again.ok());
        QVERIFY(!again.coldStart);

        host.setFunctions({function("nobootstrap", "provided.al2023", "x.y", "py")}, m_dir.path());
        const FunctionResult missing = host.invokeSync(call("nobootstrap"));
        QCOMPARE(toString(missing.status), toString(FunctionResult::Status::StartFailed));
        QVERIFY(missing.errorMessage.contains("bootstrap"));
    }
};

QTEST_GUILESS_MAIN(TestFunctionHost)
#include "tst_functionhost.moc"
