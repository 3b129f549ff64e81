// The request console's "Done when" cases, driven through the composer's widgets against a
// project the test writes to a temporary directory and serves: real HTTP to the runtime, real
// Python Lambda functions (written here) for the crash and the timeout, the local identity
// provider for tokens. Each case asserts the response the console shows, the trace steps and the
// failing step's reason: success, missing auth, bad token, bad body, throttled, Lambda crash and
// timeout. Then cancel, a binary body's round trip and the response viewers.
#include "model/documentsession.h"
#include "runtime/auth/localidentityprovider.h"
#include "runtime/runtimehost.h"
#include "ui/code/codeeditor.h"
#include "ui/console/authpanel.h"
#include "ui/console/bodyeditor.h"
#include "ui/console/curlcommand.h"
#include "ui/console/requestconsole.h"
#include "ui/console/responseview.h"
#include "ui/runtimecontroller.h"

#include <QBuffer>
#include <QComboBox>
#include <QImage>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw;
using Mode = Ui::AuthPanel::Mode;
using Outcome = Runtime::TraceStep::Outcome;
using BodyKind = Ui::ResponseView::BodyKind;
using Ui::toString;

namespace {

// Echoes what it was given, or misbehaves on purpose depending on the last path segment.
const char *pythonHandler = R"PY(
import base64, json, os, time

def handler(event, context):
    path = event.get("path") or event.get("rawPath") or ""
    last = path.rstrip("/").split("/")[-1]
    if last == "crash":
        os._exit(7)
    if last == "sleep":
        time.sleep(10)
    if last == "slow":
        time.sleep(4)
    if last == "png":
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pixel.png"), "rb") as f:
            data = f.read()
        return {"statusCode": 200, "headers": {"content-type": "image/png"},
                "body": base64.b64encode(data).decode(), "isBase64Encoded": True}
    if last == "xml":
        return {"statusCode": 200, "headers": {"content-type": "application/xml"},
                "body": "<pets><pet id=\"1\"><name>rex</name></pet><pet id=\"2\"/></pets>"}
    if last == "bytes":
        return {"statusCode": 200, "headers": {"content-type": "application/octet-stream"},
                "body": base64.b64encode(bytes(range(40))).decode(), "isBase64Encoded": True}
    print("handled " + path)
    return {"statusCode": 200, "headers": {"content-type": "application/json"},
            "body": json.dumps({"path": path, "body": event.get("body"),
                                "isBase64Encoded": event.get("isBase64Encoded"),
                                "contentType": (event.get("headers") or {}).get("content-type")
                                               or (event.get("headers") or {}).get("Content-Type")})}
)PY";

Model::LocalFunction function(const QString &name, int timeout)
{
    Model::LocalFunction f;
    f.id = QStringLiteral("fn_") + name;
    f.name = name;
    f.runtime = QStringLiteral("python3.11");
    f.handler = QStringLiteral("app.handler");
    f.codeDirectory = QStringLiteral("functions");
    f.timeout = timeout;
    f.concurrency = 2;
    return f;
}

Model::Integration lambda(const QString &name, const QString &version = {})
{
    Model::Integration in;
    in.type = Model::IntegrationType::AwsProxy;
    in.httpMethod = QStringLiteral("POST");
    in.functionName = name;
    if (!version.isEmpty())
        in.payloadFormatVersion = version;
    return in;
}

Model::Method method(const QString &id, const QString &verb, const Model::Integration &integration)
{
    Model::Method m;
    m.id = id;
    m.httpMethod = verb;
    m.integration = integration;
    return m;
}

Model::Method mock(const QString &id)
{
    Model::Integration in;
    in.type = Model::IntegrationType::Mock;
    in.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}"));
    Model::IntegrationResponse ir;
    ir.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"ok\": true}"));
    in.responses.append(ir);
    return method(id, QStringLiteral("GET"), in);
}

QString addResource(Model::Api &api, const QString &parentId, const QString &pathPart,
                    const QList<Model::Method> &methods = {})
{
    Model::Resource r;
    r.id = QStringLiteral("res_%1").arg(api.resources.size());
    r.parentId = parentId;
    r.pathPart = pathPart;
    r.methods = methods;
    api.resources.append(r);
    return r.id;
}

// REST "cases" (stage dev) and HTTP "cases-http" ($default), every case one route.
Model::ApiDocument casesDocument(const QString &issuer)
{
    Model::ApiDocument doc;
    doc.name = QStringLiteral("console cases");
    doc.functions = {function(QStringLiteral("py"), 1), function(QStringLiteral("pyslow"), 10)};

    Model::Api rest;
    rest.id = QStringLiteral("api_cases");
    rest.name = QStringLiteral("cases");
    rest.type = Model::ApiType::Rest;
    rest.binaryMediaTypes = {QStringLiteral("application/octet-stream"), QStringLiteral("image/*")};
    Model::Resource root;
    root.id = QStringLiteral("res_root");
    rest.resources.append(root);
    Model::RequestValidator body;
    body.id = QStringLiteral("val_body");
    body.name = QStringLiteral("body");
    body.validateRequestBody = true;
    rest.requestValidators.append(body);
    Model::ApiModel pet;
    pet.id = QStringLiteral("mdl_pet");
    pet.name = QStringLiteral("Pet");
    pet.schema = QJsonObject{{"type", "object"},
                             {"required", QJsonArray{"name"}},
                             {"properties", QJsonObject{{"name", QJsonObject{{"type", "string"}}}}}};
    rest.models.append(pet);
    // POST /pets: a validated body, then the Python echo.
    Model::Method createPet = method(QStringLiteral("mth_pets_post"), QStringLiteral("POST"), lambda(QStringLiteral("py")));
    createPet.requestValidatorId = body.id;
    createPet.requestModels.insert(QStringLiteral("application/json"), pet.name);
    addResource(rest, root.id, QStringLiteral("pets"), {createPet});
    // GET /keyed: an API key is required.
    Model::Method keyed = mock(QStringLiteral("mth_keyed"));
    keyed.apiKeyRequired = true;
    addResource(rest, root.id, QStringLiteral("keyed"), {keyed});
    // GET /throttled: a method throttle of rate 0, burst 0.
    addResource(rest, root.id, QStringLiteral("throttled"), {mock(QStringLiteral("mth_throttled"))});
    // ANY /fn/{proxy+}: the Python function (1 s timeout) — crash, sleep, anything else echoes.
    const QString fn = addResource(rest, root.id, QStringLiteral("fn"));
    addResource(rest, fn, QStringLiteral("{proxy+}"),
                {method(QStringLiteral("mth_fn_any"), QStringLiteral("ANY"), lambda(QStringLiteral("py")))});
    // ANY /slow/{proxy+}: the same code with a 10 s timeout, to cancel a call in flight.
    const QString slow = addResource(rest, root.id, QStringLiteral("slow"));
    addResource(rest, slow, QStringLiteral("{proxy+}"),
                {method(QStringLiteral("mth_slow_any"), QStringLiteral("ANY"), lambda(QStringLiteral("pyslow")))});
    Model::Stage dev;
    dev.name = QStringLiteral("dev");
    Model::ThrottleSettings none;
    none.rateLimit = 0;
    none.burstLimit = 0;
    dev.methodThrottle.insert(QStringLiteral("/throttled/GET"), none);
    rest.stages.append(dev);

    Model::Api http;
    http.id = QStringLiteral("api_cases_http");
    http.name = QStringLiteral("cases-http");
    http.type = Model::ApiType::Http;
    Model::Authorizer jwt;
    jwt.id = QStringLiteral("auth_jwt");
    jwt.name = QStringLiteral("local-jwt");
    jwt.type = Model::AuthorizerType::Jwt;
    jwt.identitySource = {QStringLiteral("$request.header.Authorization")};
    jwt.jwtIssuer = issuer;
    jwt.jwtAudiences = {QStringLiteral("apigw-studio")};
    http.authorizers.append(jwt);
    Model::Route items;
    items.id = QStringLiteral("rt_items");
    items.routeKey = QStringLiteral("GET /items");
    items.authorizationType = Model::AuthorizationType::Jwt;
    items.authorizerId = jwt.id;
    items.authorizationScopes = {QStringLiteral("items.read")};
    items.integration = lambda(QStringLiteral("py"), QStringLiteral("2.0"));
    Model::Route fnRoute;
    fnRoute.id = QStringLiteral("rt_fn");
    fnRoute.routeKey = QStringLiteral("GET /fn/{what}");
    fnRoute.integration = lambda(QStringLiteral("py"), QStringLiteral("2.0"));
    http.routes = {items, fnRoute};
    Model::Stage def;
    def.name = QStringLiteral("$default");
    http.stages.append(def);

    doc.apis = {rest, http};
    return doc;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

const Runtime::TraceStep *step(const Runtime::Trace &trace, const QString &name)
{
    for (const Runtime::TraceStep &s : trace.steps)
        if (s.name == name)
            return &s;
    return nullptr;
}

QStringList stepNames(const Runtime::Trace &trace)
{
    QStringList out;
    for (const Runtime::TraceStep &s : trace.steps)
        out << s.name;
    return out;
}

QByteArray pngBytes(const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestConsoleCases : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTemporaryDir m_keys;
    std::unique_ptr<Runtime::LocalIdentityProvider> m_idp;
    Model::DocumentSession m_session;
    Runtime::RuntimeHost m_host;
    std::unique_ptr<Ui::RuntimeController> m_controller;
    QString m_rest; // http://127.0.0.1:port (REST; add /dev/…)
    QString m_http; // HTTP API, $default stage

    // Fills the composer through its widgets, as a user would.
    static void compose(Ui::RequestConsole &console, const QString &verb, const QString &url,
                        const QString &body = {})
    {
        auto *method = console.findChild<QComboBox *>(QStringLiteral("consoleMethod"));
        auto *line = console.findChild<QLineEdit *>(QStringLiteral("consoleUrl"));
        QVERIFY(method && line);
        method->setCurrentText(verb);
        line->setText(url);
        console.setBody(body);
    }

    // Clicks Send and waits for the response and then its trace.
    static bool clickSend(Ui::RequestConsole &console)
    {
        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        auto *send = console.findChild<QPushButton *>(QStringLiteral("consoleSend"));
        if (!send || !send->isEnabled())
            return false;
        QTest::mouseClick(send, Qt::LeftButton);
        if (!responses.wait(20000))
            return false;
        return QTest::qWaitFor([&] { return console.lastTrace() != nullptr; }, 5000);
    }

    static QString statusText(Ui::RequestConsole &console)
    {
        auto *status = console.findChild<QLabel *>(QStringLiteral("consoleStatus"));
        return status ? status->text() : QString();
    }

    // The trace pane lists the step (and, when given, a piece of its notes) for the shown call.
    static bool showsStep(Ui::RequestConsole &console, const QString &name, const QString &noteFragment = {})
    {
        auto *table = console.findChild<QTableWidget *>(QStringLiteral("consoleTraceSteps"));
        if (!table)
            return false;
        for (int r = 0; r < table->rowCount(); ++r) {
            const QTableWidgetItem *step = table->item(r, Ui::RequestConsole::StepColumn);
            const QTableWidgetItem *notes = table->item(r, Ui::RequestConsole::NotesColumn);
            if (step && step->text() == name
                && (noteFragment.isEmpty() || (notes && notes->text().contains(noteFragment))))
                return true;
        }
        return false;
    }

    static QString reason(const Runtime::Trace &trace)
    {
        const Runtime::TraceStep *failing = trace.failingStep();
        return failing ? failing->name + QStringLiteral(": ") + failing->notes.join(QStringLiteral("; ")) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QFAIL("python3 is needed (scripts/setup.sh installs it)");
        QVERIFY(m_dir.isValid() && m_keys.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("functions/app.py")), pythonHandler));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("functions/pixel.png")), pngBytes(QSize(3, 2))));

        m_idp = std::make_unique<Runtime::LocalIdentityProvider>(m_keys.path());
        QString error;
        QVERIFY2(m_idp->start(0, &error), qPrintable(error));

        // A real project file beside the functions, opened like the app opens one.
        const QString project = m_dir.filePath(QStringLiteral("cases.apigw.json"));
        m_session.reset(casesDocument(m_idp->issuer()), project);
        QVERIFY2(m_session.save(project).isEmpty(), "the project file is written");
        QVERIFY(!Model::hasErrors(m_session.open(project)));

        Runtime::RuntimeOptions options;
        options.port = 0;
        options.projectDir = m_dir.path();
        QVERIFY2(m_host.start(m_session.snapshot(), options, &error), qPrintable(error));
        m_controller = std::make_unique<Ui::RuntimeController>(&m_session, &m_host, nullptr);
        for (const Runtime::ApiEndpoint &e : m_host.endpoints())
            (e.apiId == QLatin1String("api_cases") ? m_rest : m_http) = e.baseUrl.toString();
        QVERIFY(!m_rest.isEmpty() && !m_http.isEmpty());
        if (m_rest.endsWith(u'/'))
            m_rest.chop(1);
        if (m_http.endsWith(u'/'))
            m_http.chop(1);
    }

    void cleanupTestCase()
    {
        m_controller.reset();
        m_host.stop();
        if (m_idp)
            m_idp->stop();
    }

    void success()
    {
        Ui::RequestConsole console(m_controller.get());
        console.resize(800, 700);
        console.show();
        compose(console, QStringLiteral("POST"), m_rest + QStringLiteral("/dev/pets"), QStringLiteral("{\"name\": \"rex\"}"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 200);
        QVERIFY2(statusText(console).contains(QStringLiteral("200")), qPrintable(statusText(console)));
        const QJsonObject echo = QJsonDocument::fromJson(console.lastResponseBody()).object();
        QCOMPARE(echo.value(QLatin1String("body")).toString(), QStringLiteral("{\"name\": \"rex\"}"));
        QCOMPARE(echo.value(QLatin1String("path")).toString(), QStringLiteral("/pets"));

        const Runtime::Trace &trace = *console.lastTrace();
        QCOMPARE(trace.status, 200);
        const QStringList names = stepNames(trace);
        for (const char *expected : {"route", "validate", "integrate", "respond"})
            QVERIFY2(names.contains(QLatin1String(expected)), qPrintable(names.join(u',')));
        QVERIFY2(trace.failingStep() == nullptr, qPrintable(reason(trace)));
        for (const char *shown : {"route", "validate", "integrate"})
            QVERIFY2(showsStep(console, QLatin1String(shown)), shown);
        const Runtime::TraceStep *validate = step(trace, QStringLiteral("validate"));
        QVERIFY2(validate->notes.join(u' ').contains(QStringLiteral("succeeded")), qPrintable(validate->notes.join(u' ')));
        QVERIFY2(trace.integrationLog.join(u'\n').contains(QStringLiteral("handled /pets")),
                 qPrintable(trace.integrationLog.join(u'\n')));
    }

    void missingAuth()
    {
        Ui::RequestConsole console(m_controller.get());
        // REST: an API key is required and none is sent — AWS's 403 Forbidden.
        compose(console, QStringLiteral("GET"), m_rest + QStringLiteral("/dev/keyed"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 403);
        QVERIFY2(console.lastResponseBody().contains("Forbidden"), console.lastResponseBody().constData());
        const Runtime::TraceStep *failing = console.lastTrace()->failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("apiKey"));
        QVERIFY2(showsStep(console, failing->name, failing->notes.value(0).left(24)), "the trace pane shows the failing step and why");
        QVERIFY2(failing->notes.join(u' ').contains(QStringLiteral("API key required")), qPrintable(reason(*console.lastTrace())));
        QVERIFY(!stepNames(*console.lastTrace()).contains(QStringLiteral("integrate")));

        // HTTP API: a JWT authorizer and no Authorization header — 401 Unauthorized.
        compose(console, QStringLiteral("GET"), m_http + QStringLiteral("/items"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 401);
        QVERIFY2(console.lastResponseBody().contains("Unauthorized"), console.lastResponseBody().constData());
        failing = console.lastTrace()->failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("authorize"));
        QVERIFY2(showsStep(console, failing->name, failing->notes.value(0).left(24)), "the trace pane shows the failing step and why");
        QVERIFY2(!failing->notes.isEmpty(), "the failing step says why");
    }

    void badToken_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("why");
        QTest::newRow("expired") << int(Ui::AuthPanel::TokenVariant::Expired) << QStringLiteral("exp");
        QTest::newRow("wrong audience") << int(Ui::AuthPanel::TokenVariant::WrongAudience) << QStringLiteral("aud");
    }

    void badToken()
    {
        QFETCH(int, variant);
        QFETCH(QString, why);
        Ui::RequestConsole console(m_controller.get());
        console.authPanel()->setIdentityProvider(m_idp.get());
        console.authPanel()->setMode(Mode::Bearer);
        console.authPanel()->setTokenAudience(QStringLiteral("apigw-studio"));
        console.authPanel()->setTokenScopes(QStringLiteral("items.read"));
        compose(console, QStringLiteral("GET"), m_http + QStringLiteral("/items"));
        // The valid token first: the route and the function work.
        QVERIFY(clickSend(console));
        QVERIFY2(console.lastStatus() == 200, console.lastResponseBody().constData());
        QVERIFY(console.lastTrace()->failingStep() == nullptr);

        console.authPanel()->setTokenVariant(Ui::AuthPanel::TokenVariant(variant));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 401);
        QVERIFY2(statusText(console).contains(QStringLiteral("401")), qPrintable(statusText(console)));
        const Runtime::TraceStep *failing = console.lastTrace()->failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("authorize"));
        QVERIFY2(showsStep(console, failing->name, failing->notes.value(0).left(24)), "the trace pane shows the failing step and why");
        QVERIFY2(failing->notes.join(u' ').contains(why, Qt::CaseInsensitive), qPrintable(reason(*console.lastTrace())));
        QVERIFY(!stepNames(*console.lastTrace()).contains(QStringLiteral("integrate")));
    }

    void badBody()
    {
        Ui::RequestConsole console(m_controller.get());
        compose(console, QStringLiteral("POST"), m_rest + QStringLiteral("/dev/pets"), QStringLiteral("{\"name\": 5}"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 400);
        QVERIFY2(console.lastResponseBody().contains("Invalid request body"), console.lastResponseBody().constData());
        const Runtime::TraceStep *failing = console.lastTrace()->failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("validate"));
        QVERIFY2(showsStep(console, failing->name, failing->notes.value(0).left(24)), "the trace pane shows the failing step and why");
        // The reason names the schema path that failed.
        QVERIFY2(failing->notes.join(u' ').contains(QStringLiteral("schema violation at $.name")),
                 qPrintable(reason(*console.lastTrace())));
        QVERIFY(!stepNames(*console.lastTrace()).contains(QStringLiteral("integrate")));

        // A body that is not JSON at all.
        console.setBody(QStringLiteral("{not json"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 400);
        QVERIFY2(reason(*console.lastTrace()).contains(QStringLiteral("not JSON")), qPrintable(reason(*console.lastTrace())));
    }

    void throttled()
    {
        Ui::RequestConsole console(m_controller.get());
        compose(console, QStringLiteral("GET"), m_rest + QStringLiteral("/dev/throttled"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 429);
        QVERIFY2(console.lastResponseBody().contains("Too Many Requests"), console.lastResponseBody().constData());
        const Runtime::TraceStep *failing = console.lastTrace()->failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("throttle"));
        QVERIFY2(showsStep(console, failing->name, failing->notes.value(0).left(24)), "the trace pane shows the failing step and why");
        QVERIFY2(failing->notes.join(u' ').contains(QStringLiteral("exceeded")), qPrintable(reason(*console.lastTrace())));
        QCOMPARE(console.lastTrace()->errorType, QStringLiteral("THROTTLED"));
    }

    void lambdaCrash()
    {
        Ui::RequestConsole console(m_controller.get());
        compose(console, QStringLiteral("GET"), m_rest + QStringLiteral("/dev/fn/crash"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 502);
        QVERIFY2(console.lastResponseBody().contains("Internal server error"), console.lastResponseBody().constData());
        const Runtime::Trace &trace = *console.lastTrace();
        const Runtime::TraceStep *failing = trace.failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("integrate"));
        QVERIFY2(showsStep(console, failing->name, failing->notes.value(0).left(24)), "the trace pane shows the failing step and why");
        QVERIFY2(failing->notes.join(u' ').contains(QStringLiteral("customer function error")), qPrintable(reason(trace)));
        QVERIFY2(trace.executionFailure.contains(QStringLiteral("Lambda execution failed")), qPrintable(trace.executionFailure));

        // The function host recovers: the next call through the same composer works.
        compose(console, QStringLiteral("GET"), m_rest + QStringLiteral("/dev/fn/after-crash"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 200);
    }

    void timeout()
    {
        Ui::RequestConsole console(m_controller.get());
        // REST: the function's 1 s timeout — 504 Endpoint request timed out.
        compose(console, QStringLiteral("GET"), m_rest + QStringLiteral("/dev/fn/sleep"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 504);
        QVERIFY2(console.lastResponseBody().contains("Endpoint request timed out"), console.lastResponseBody().constData());
        const Runtime::TraceStep *failing = console.lastTrace()->failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("integrate"));
        QVERIFY2(showsStep(console, failing->name, failing->notes.value(0).left(24)), "the trace pane shows the failing step and why");
        QVERIFY2(failing->notes.join(u' ').contains(QStringLiteral("timed out")), qPrintable(reason(*console.lastTrace())));
        QCOMPARE(console.lastTrace()->executionFailure, QStringLiteral("Execution failed due to a timeout error"));

        // HTTP API: the same timeout is a 503 Service Unavailable.
        compose(console, QStringLiteral("GET"), m_http + QStringLiteral("/fn/sleep"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 503);
        failing = console.lastTrace()->failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("integrate"));
        QVERIFY2(showsStep(console, failing->name, failing->notes.value(0).left(24)), "the trace pane shows the failing step and why");
        QVERIFY2(failing->notes.join(u' ').contains(QStringLiteral("timed out")), qPrintable(reason(*console.lastTrace())));
    }

    void cancel()
    {
        Ui::RequestConsole console(m_controller.get());
        console.show();
        auto *send = console.findChild<QPushButton *>(QStringLiteral("consoleSend"));
        auto *cancel = console.findChild<QPushButton *>(QStringLiteral("consoleCancel"));
        QVERIFY(send && cancel);
        QVERIFY(!cancel->isEnabled()); // nothing in flight

        // A function that takes 4 s (10 s timeout): send, then cancel while it runs.
        compose(console, QStringLiteral("GET"), m_rest + QStringLiteral("/dev/slow/slow"));
        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        QSignalSpy cancelled(&console, &Ui::RequestConsole::requestCancelled);
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(console.isBusy());
        QVERIFY(cancel->isEnabled());
        QVERIFY(!send->isEnabled());
        QTest::qWait(500);
        QVERIFY(console.isBusy());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!console.isBusy());
        QVERIFY(console.wasCancelled());
        QCOMPARE(console.lastStatus(), 0);
        QVERIFY2(statusText(console).contains(QStringLiteral("Cancelled")), qPrintable(statusText(console)));
        QVERIFY(console.lastElapsedMs() >= 400 && console.lastElapsedMs() < 4000);
        QVERIFY2(console.responseView()->infoText().contains(QStringLiteral("cancelled")),
                 qPrintable(console.responseView()->infoText()));
        QVERIFY(send->isEnabled());
        QVERIFY(!cancel->isEnabled());
        QTest::qWait(200);
        QCOMPARE(responses.count(), 0); // the aborted reply never reports a response

        // The composer is usable again: the next call goes through.
        compose(console, QStringLiteral("POST"), m_rest + QStringLiteral("/dev/pets"), QStringLiteral("{\"name\": \"next\"}"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 200);
        QVERIFY(!console.wasCancelled());
        QVERIFY(console.lastElapsedMs() >= 0);
        QVERIFY2(statusText(console).contains(QStringLiteral(" ms")), qPrintable(statusText(console)));
        QVERIFY2(console.responseView()->infoText().contains(QStringLiteral(" ms")), qPrintable(console.responseView()->infoText()));
        QVERIFY2(console.responseView()->infoText().contains(
                     Ui::ResponseView::sizeText(console.lastResponseBody().size())),
                 qPrintable(console.responseView()->infoText()));

        // Esc in the console cancels too.
        compose(console, QStringLiteral("GET"), m_rest + QStringLiteral("/dev/slow/slow"));
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(console.isBusy());
        QTest::qWait(200);
        console.activateWindow();
        console.findChild<QLineEdit *>(QStringLiteral("consoleUrl"))->setFocus();
        QTest::keyClick(console.findChild<QLineEdit *>(QStringLiteral("consoleUrl")), Qt::Key_Escape);
        QTRY_COMPARE(cancelled.count(), 2);
        QVERIFY(!console.isBusy());
        QVERIFY(send->isEnabled());
    }

    void binaryBodyRoundTrip()
    {
        // Every byte value, a NUL and an invalid UTF-8 sequence: what reaches the function must be
        // exactly the file (REST, application/octet-stream is a binary media type: base64 event).
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        bytes.append("\xc3\x28\x00tail", 8);
        const QString path = m_dir.filePath(QStringLiteral("payload.bin"));
        QVERIFY(writeFile(path, bytes));

        Ui::RequestConsole console(m_controller.get());
        console.show();
        compose(console, QStringLiteral("POST"), m_rest + QStringLiteral("/dev/fn/upload"));
        Ui::BodyEditor *body = console.bodyEditor();
        auto *kind = console.findChild<QComboBox *>(QStringLiteral("consoleBodyKind"));
        QVERIFY(body && kind);
        body->setKind(Ui::BodyEditor::Kind::Binary);
        QCOMPARE(kind->currentText(), QStringLiteral("Binary file"));
        QVERIFY(body->setFile(path));
        auto *info = console.findChild<QLabel *>(QStringLiteral("consoleBodyFileInfo"));
        QVERIFY2(info->text().contains(QStringLiteral("payload.bin")) && info->text().contains(QString::number(bytes.size())),
                 qPrintable(info->text()));
        QCOMPARE(body->contentType(), QByteArray("application/octet-stream"));

        QVERIFY(clickSend(console));
        QVERIFY2(console.lastStatus() == 200, console.lastResponseBody().constData());
        const QJsonObject echo = QJsonDocument::fromJson(console.lastResponseBody()).object();
        QCOMPARE(echo.value(QLatin1String("isBase64Encoded")).toBool(), true);
        QCOMPARE(QByteArray::fromBase64(echo.value(QLatin1String("body")).toString().toLatin1()), bytes);
        QCOMPARE(echo.value(QLatin1String("contentType")).toString(), QStringLiteral("application/octet-stream"));
        QCOMPARE(console.lastTrace()->requestBody, bytes);

        // Copy as cURL names the file; pasting it back picks the binary kind and the same file.
        const QString command = console.curlCommand();
        QVERIFY2(command.contains(QStringLiteral("--data-binary '@") + path + u'\''), qPrintable(command));
        const std::optional<Ui::Curl::Request> parsed = Ui::Curl::parse(command);
        QVERIFY(parsed);
        QCOMPARE(parsed->bodyFile, path);
        Ui::RequestConsole pasted(m_controller.get());
        QString error;
        QVERIFY2(pasted.fillFromCurl(command, &error), qPrintable(error));
        QCOMPARE(toString(pasted.bodyEditor()->kind()), toString(Ui::BodyEditor::Kind::Binary));
        QCOMPARE(pasted.bodyEditor()->filePath(), path);
        QCOMPARE(pasted.bodyEditor()->bytes(), bytes);

        // A stored call's request (the trace's headers and bytes) opened in a composer: the body is
        // binary in memory, Host and Content-Length are left to the transport, and it sends again.
        const Runtime::TracePtr stored = console.lastTrace();
        Ui::RequestConsole reopened(m_controller.get());
        reopened.openRequest(stored->method, m_rest + stored->path, stored->requestHeaders, stored->requestBody);
        QCOMPARE(toString(reopened.bodyEditor()->kind()), toString(Ui::BodyEditor::Kind::Binary));
        QCOMPARE(reopened.bodyEditor()->bytes(), bytes);
        QStringList names;
        auto *headers = reopened.findChild<QTableWidget *>(QStringLiteral("consoleHeaders"));
        for (int r = 0; r < headers->rowCount(); ++r)
            if (headers->item(r, 0))
                names << headers->item(r, 0)->text().toLower();
        QVERIFY2(names.contains(QStringLiteral("content-type")) && !names.contains(QStringLiteral("host"))
                     && !names.contains(QStringLiteral("content-length")),
                 qPrintable(names.join(u',')));
        QVERIFY(clickSend(reopened));
        QCOMPARE(reopened.lastStatus(), 200);
        QCOMPARE(reopened.lastTrace()->requestBody, bytes);

        // A text body opens as text of its kind.
        reopened.openRequest(QStringLiteral("POST"), m_rest + QStringLiteral("/dev/pets"),
                             {{"Content-Type", "application/json"}}, "{\"name\":\"again\"}");
        QCOMPARE(toString(reopened.bodyEditor()->kind()), toString(Ui::BodyEditor::Kind::Json));
        QCOMPARE(reopened.bodyEditor()->text(), QStringLiteral("{\"name\":\"again\"}"));
    }

    void formAndRawBodies()
    {
        Ui::RequestConsole console(m_controller.get());
        Ui::BodyEditor *body = console.bodyEditor();
        compose(console, QStringLiteral("POST"), m_rest + QStringLiteral("/dev/fn/form"));
        body->setKind(Ui::BodyEditor::Kind::Form);
        auto *form = console.findChild<QTableWidget *>(QStringLiteral("consoleBodyForm"));
        QVERIFY(form);
        // Typed into the table like a user: a blank row follows each filled one.
        form->setItem(0, 0, new QTableWidgetItem(QStringLiteral("name")));
        form->setItem(0, 1, new QTableWidgetItem(QStringLiteral("rex")));
        QCOMPARE(form->rowCount(), 2);
        form->setItem(1, 0, new QTableWidgetItem(QStringLiteral("note")));
        form->setItem(1, 1, new QTableWidgetItem(QStringLiteral("a b&c=d")));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastStatus(), 200);
        QJsonObject echo = QJsonDocument::fromJson(console.lastResponseBody()).object();
        QCOMPARE(echo.value(QLatin1String("body")).toString(), QStringLiteral("name=rex&note=a%20b%26c%3Dd"));
        QCOMPARE(echo.value(QLatin1String("contentType")).toString(), QStringLiteral("application/x-www-form-urlencoded"));

        // Pasted back as cURL, the form comes back as fields.
        Ui::RequestConsole pasted(m_controller.get());
        QVERIFY(pasted.fillFromCurl(console.curlCommand()));
        QCOMPARE(toString(pasted.bodyEditor()->kind()), toString(Ui::BodyEditor::Kind::Form));
        QCOMPARE(pasted.bodyEditor()->formFields(),
                 (QList<QPair<QString, QString>>{{QStringLiteral("name"), QStringLiteral("rex")},
                                                 {QStringLiteral("note"), QStringLiteral("a b&c=d")}}));

        // Saved and opened again, it is still a form (variables kept for send time).
        form->setItem(2, 0, new QTableWidgetItem(QStringLiteral("who")));
        form->setItem(2, 1, new QTableWidgetItem(QStringLiteral("{{user}}")));
        console.saveRequest(QStringLiteral("a form"));
        console.setBody(QStringLiteral("{}"));
        QCOMPARE(toString(body->kind()), toString(Ui::BodyEditor::Kind::Json));
        QVERIFY(console.openSavedRequest(QStringLiteral("a form")));
        QCOMPARE(toString(body->kind()), toString(Ui::BodyEditor::Kind::Form));
        QCOMPARE(body->formFields().value(2), qMakePair(QStringLiteral("who"), QStringLiteral("{{user}}")));
        // Opening put the saved Content-Type in the headers table; remove it: the kind decides again.
        {
            auto *headers = console.findChild<QTableWidget *>(QStringLiteral("consoleHeaders"));
            for (int r = headers->rowCount() - 1; r >= 0; --r)
                if (headers->item(r, 0) && headers->item(r, 0)->text() == QLatin1String("Content-Type"))
                    headers->removeRow(r);
        }

        // Raw text with its own Content-Type.
        body->setKind(Ui::BodyEditor::Kind::Raw);
        body->setText(QStringLiteral("id,name\n1,rex\n"));
        auto *rawType = console.findChild<QLineEdit *>(QStringLiteral("consoleBodyContentType"));
        QVERIFY(rawType);
        rawType->setText(QStringLiteral("text/csv"));
        QVERIFY(clickSend(console));
        echo = QJsonDocument::fromJson(console.lastResponseBody()).object();
        QCOMPARE(echo.value(QLatin1String("body")).toString(), QStringLiteral("id,name\n1,rex\n"));
        QCOMPARE(echo.value(QLatin1String("contentType")).toString(), QStringLiteral("text/csv"));

        // A Content-Type in the headers table wins over the body kind's.
        console.setHeader(QStringLiteral("Content-Type"), QStringLiteral("application/vnd.cases+csv"));
        QVERIFY(clickSend(console));
        echo = QJsonDocument::fromJson(console.lastResponseBody()).object();
        QCOMPARE(echo.value(QLatin1String("contentType")).toString(), QStringLiteral("application/vnd.cases+csv"));
        int contentTypes = 0;
        for (const auto &h : console.lastRequestHeaders())
            contentTypes += h.first.compare("content-type", Qt::CaseInsensitive) == 0;
        QCOMPARE(contentTypes, 1);
    }

    void responseViewersOverTheWire()
    {
        Ui::RequestConsole console(m_controller.get());
        console.show();
        Ui::ResponseView *view = console.responseView();
        QVERIFY(view);

        // JSON, indented.
        compose(console, QStringLiteral("POST"), m_rest + QStringLiteral("/dev/pets"), QStringLiteral("{\"name\":\"rex\"}"));
        QVERIFY(clickSend(console));
        QCOMPARE(toString(view->bodyKind()), toString(BodyKind::Json));
        QVERIFY2(view->bodyText().contains(QStringLiteral("\n    \"path\": \"/pets\"")), qPrintable(view->bodyText()));
        auto *text = console.findChild<Ui::CodeEditor *>(QStringLiteral("consoleResponseBody"));
        QVERIFY(text && text->isVisible());

        // XML, indented.
        compose(console, QStringLiteral("GET"), m_http + QStringLiteral("/fn/xml"));
        QVERIFY(clickSend(console));
        QCOMPARE(toString(view->bodyKind()), toString(BodyKind::Xml));
        QVERIFY2(view->bodyText().contains(QStringLiteral("<pets>\n  <pet id=\"1\">\n    <name>rex</name>")),
                 qPrintable(view->bodyText()));

        // An image (HTTP API decodes the function's base64 body): a preview, its size in the info.
        compose(console, QStringLiteral("GET"), m_http + QStringLiteral("/fn/png"));
        QVERIFY(clickSend(console));
        QCOMPARE(toString(view->bodyKind()), toString(BodyKind::Image));
        QCOMPARE(view->image().size(), QSize(3, 2));
        auto *image = console.findChild<QLabel *>(QStringLiteral("consoleResponseImage"));
        QVERIFY(image && image->isVisible());
        QVERIFY(!image->pixmap().isNull());
        QCOMPARE(image->pixmap().size(), QSize(3, 2) * 16); // a 3×2 image is shown enlarged, unsmoothed
        QVERIFY2(view->infoText().contains(QStringLiteral("image/png")) && view->infoText().contains(QStringLiteral("3×2")),
                 qPrintable(view->infoText()));

        // Binary: a hex dump.
        compose(console, QStringLiteral("GET"), m_http + QStringLiteral("/fn/bytes"));
        QVERIFY(clickSend(console));
        QCOMPARE(console.lastResponseBody().size(), 40);
        QCOMPARE(toString(view->bodyKind()), toString(BodyKind::Binary));
        QVERIFY2(view->bodyText().startsWith(QStringLiteral("00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f")),
                 qPrintable(view->bodyText()));
        QVERIFY(console.findChild<QWidget *>(QStringLiteral("consoleResponseHex"))->isVisible());
    }

    void responseViewers_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("shown"); // a piece of the Body tab's text

        QTest::newRow("json") << QByteArray("application/json; charset=utf-8") << QByteArray("{\"a\":[1,{\"b\":null}]}")
                              << int(BodyKind::Json) << QStringLiteral("{\n    \"a\": [\n        1,");
        QTest::newRow("json by shape") << QByteArray() << QByteArray("[1,2]") << int(BodyKind::Json)
                                       << QStringLiteral("[\n    1,\n    2\n]");
        QTest::newRow("problem+json") << QByteArray("application/problem+json") << QByteArray("{\"title\":\"x\"}")
                                      << int(BodyKind::Json) << QStringLiteral("\"title\": \"x\"");
        QTest::newRow("xml") << QByteArray("text/xml") << QByteArray("<?xml version=\"1.0\"?><a><b x=\"1\">t</b><c/></a>")
                             << int(BodyKind::Xml) << QStringLiteral("<a>\n  <b x=\"1\">t</b>\n  <c/>\n</a>");
        QTest::newRow("broken xml as text") << QByteArray("application/xml") << QByteArray("<a><b></a>")
                                            << int(BodyKind::Xml) << QStringLiteral("<a><b></a>");
        QTest::newRow("html source") << QByteArray("text/html") << QByteArray("<!doctype html><p>hi</p>")
                                     << int(BodyKind::Html) << QStringLiteral("<!doctype html><p>hi</p>");
        QTest::newRow("text") << QByteArray("text/plain") << QByteArray("just words") << int(BodyKind::Text)
                              << QStringLiteral("just words");
        QTest::newRow("octet-stream") << QByteArray("application/octet-stream") << QByteArray("AB\x00\x01\xff", 5)
                                      << int(BodyKind::Binary) << QStringLiteral("00000000  41 42 00 01 ff");
        QTest::newRow("not utf-8") << QByteArray("text/plain") << QByteArray("caf\xe9") << int(BodyKind::Binary)
                                   << QStringLiteral("|caf.|");
        QTest::newRow("png") << QByteArray("image/png") << pngBytes(QSize(4, 4)) << int(BodyKind::Image) << QString();
        QTest::newRow("png untyped") << QByteArray("application/octet-stream") << pngBytes(QSize(2, 2))
                                     << int(BodyKind::Image) << QString();
        QTest::newRow("broken image") << QByteArray("image/png") << QByteArray("\x89PNGnot really") << int(BodyKind::Binary)
                                      << QStringLiteral("00000000  89 50 4e 47");
        QTest::newRow("empty") << QByteArray("application/json") << QByteArray() << int(BodyKind::Empty) << QString();
    }

    void responseViewers()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, shown);
        Ui::ResponseView view;
        Ui::ResponseView::Headers headers;
        if (!contentType.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), contentType));
        headers.append(qMakePair(QByteArray("X-Other"), QByteArray("1")));
        view.setResponse(200, headers, body, 12);
        QCOMPARE(int(view.bodyKind()), kind);
        if (!shown.isEmpty())
            QVERIFY2(view.bodyText().contains(shown), qPrintable(view.bodyText()));
        if (kind == int(BodyKind::Image))
            QVERIFY(!view.image().isNull());
        QVERIFY2(view.infoText().contains(QStringLiteral("12 ms")), qPrintable(view.infoText()));
        QVERIFY2(view.infoText().contains(Ui::ResponseView::sizeText(body.size())), qPrintable(view.infoText()));
        auto *headerTable = view.findChild<QTableWidget *>(QStringLiteral("consoleResponseHeaders"));
        QCOMPARE(headerTable->rowCount(), int(headers.size()));

        // Any body can be looked at as hex, and back.
        view.setViewAs(Ui::ResponseView::ViewAs::Hex);
        if (!body.isEmpty())
            QVERIFY(view.bodyText().startsWith(QStringLiteral("00000000  ")));
        view.setViewAs(Ui::ResponseView::ViewAs::Auto);
        QCOMPARE(int(view.bodyKind()), kind);
    }

    void hexDumpLayout()
    {
        const QString dump = Ui::ResponseView::hexDump(QByteArray("0123456789abcdefXY"));
        QCOMPARE(dump, QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
                                      "00000010  58 59                                             |XY|\n"));
        QVERIFY(Ui::ResponseView::hexDump(QByteArray(100, 'x'), 32).contains(QStringLiteral("68 more bytes")));
    }
};

QTEST_MAIN(TestConsoleCases)
#include "tst_consolecases.moc"
