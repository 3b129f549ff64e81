// The REST non-proxy path over loopback: request templates rendered with VTL, passthrough
// behaviours (415 cases), integration response selection by status (MOCK) and by errorMessage
// (Lambda custom, a real Python process), response parameters, response templates chosen by
// Accept, $context.responseOverride, template errors → 500, and AWS service stubs.
#include "runtime/runtimehost.h"
#include "runtime/server/httpmessage.h"
#include "runtime/trace/trace.h"

#include "tests/runtime/rawhttpclient.h"
#include "tests/runtime/testdocuments.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw::Runtime;
using GwTest::RawHttpClient;
using GwTest::RawResponse;

namespace {

const char *greeter = R"PY(
def handler(event, context):
    name = event.get("name", "")
    if name == "missing":
        raise LookupError("NotFound: no user called missing")
    if name == "odd":
        raise RuntimeError("something odd")
    return {"greeting": "hi " + name, "stage": event.get("stage")}
)PY";

Gw::Model::IntegrationResponse response(const QString &status, const QString &pattern,
                                        const QString &templ = {})
{
    Gw::Model::IntegrationResponse r;
    r.statusCode = status;
    r.selectionPattern = pattern;
    if (!templ.isNull())
        r.responseTemplates.insert(QStringLiteral("application/json"), templ);
    return r;
}

Gw::Model::Method method(const QString &id, const Gw::Model::Integration &integration)
{
    Gw::Model::Method m;
    m.id = id;
    m.httpMethod = QStringLiteral("POST");
    m.integration = integration;
    return m;
}

Gw::Model::Integration mock(const QString &requestTemplate, QList<Gw::Model::IntegrationResponse> responses)
{
    Gw::Model::Integration in;
    in.type = Gw::Model::IntegrationType::Mock;
    if (!requestTemplate.isNull())
        in.requestTemplates.insert(QStringLiteral("application/json"), requestTemplate);
    in.responses = responses;
    return in;
}

} // namespace

class tst_NonProxy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_port = 0;

    RawResponse post(const QByteArray &path, const QByteArray &body,
                     const QByteArray &contentType = "application/json", const QByteArray &extra = {})
    {
        RawHttpClient client;
        if (!client.connectTo(m_port))
            return {};
        QByteArray request = "POST /dev" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!contentType.isEmpty())
            request += "Content-Type: " + contentType + "\r\n";
        request += extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        client.send(request);
        return client.read(false, 15000);
    }

    static QString message(const RawResponse &r)
    {
        return QJsonDocument::fromJson(r.body).object().value(QLatin1String("message")).toString();
    }

    std::shared_ptr<Gw::Model::ApiDocument> document()
    {
        Gw::Model::Api api = GwTest::restApi();

        // VTL in both directions: status from the request, response from params, context, stage.
        Gw::Model::Integration echo = mock(
            QStringLiteral("{\"statusCode\": $input.json('$.code')}"),
            {response(QStringLiteral("200"), QString(),
                      QStringLiteral("{\"name\": \"$input.params('name')\", \"colour\": \"$stageVariables.color\", "
                                     "\"stage\": \"$context.stage\", \"rid\": \"$context.requestId\"}")),
             response(QStringLiteral("400"), QStringLiteral("4\\d{2}"),
                      QStringLiteral("{\"error\": \"client\"}"))});
        echo.responses[0].responseTemplates.insert(QStringLiteral("text/plain"),
                                                   QStringLiteral("plain $input.params('name')"));
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("echo"),
                            {method(QStringLiteral("mth_echo"), echo)});

        // Passthrough behaviours with a JSON-only template.
        for (auto [part, behaviour] : {std::pair{"nomatch", Gw::Model::PassthroughBehavior::WhenNoMatch},
                                       std::pair{"notemplates", Gw::Model::PassthroughBehavior::WhenNoTemplates},
                                       std::pair{"never", Gw::Model::PassthroughBehavior::Never}}) {
            Gw::Model::Integration in = mock(QStringLiteral("{\"statusCode\": 200}"),
                                             {response(QStringLiteral("200"), QString(), QStringLiteral("mapped"))});
            in.passthroughBehavior = behaviour;
            GwTest::addResource(api, QStringLiteral("res_root"), QLatin1String(part),
                                {method(QStringLiteral("mth_") + QLatin1String(part), in)});
        }
        // No templates at all: WHEN_NO_TEMPLATES passes, NEVER refuses.
        {
            Gw::Model::Integration in = mock(QString(), {response(QStringLiteral("200"), QString(), QStringLiteral("ok"))});
            in.passthroughBehavior = Gw::Model::PassthroughBehavior::WhenNoTemplates;
            GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("bare"),
                                {method(QStringLiteral("mth_bare"), in)});
        }
        // No match and no default → configuration error.
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("nodefault"),
                            {method(QStringLiteral("mth_nodefault"),
                                    mock(QStringLiteral("{\"statusCode\": 302}"),
                                         {response(QStringLiteral("400"), QStringLiteral("4\\d{2}"))}))});
        // A template that throws at run time.
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("broken"),
                            {method(QStringLiteral("mth_broken"),
                                    mock(QStringLiteral("{\"statusCode\": 200}"),
                                         {response(QStringLiteral("200"), QString(),
                                                   QStringLiteral("$util.parseJson('{not json')"))}))});
        // $context.responseOverride.
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("override"),
                            {method(QStringLiteral("mth_override"),
                                    mock(QStringLiteral("{\"statusCode\": 200}"),
                                         {response(QStringLiteral("200"), QString(),
                                                   QStringLiteral("#set($context.responseOverride.status = 418)"
                                                                  "#set($context.responseOverride.header.X-Teapot = 'yes')"
                                                                  "short and stout"))}))});

        // Lambda custom: the template output is the event; errors select by errorMessage.
        Gw::Model::Integration lambda;
        lambda.type = Gw::Model::IntegrationType::Aws;
        lambda.httpMethod = QStringLiteral("POST");
        lambda.uri = QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                    "arn:aws:lambda:us-east-1:123456789012:function:greeter/invocations");
        lambda.requestTemplates.insert(QStringLiteral("application/json"),
                                       QStringLiteral("{\"name\": \"$input.path('$.name')\", \"stage\": \"$context.stage\"}"));
        Gw::Model::IntegrationResponse ok = response(QStringLiteral("200"), QString(),
                                                     QStringLiteral("$input.path('$.greeting') at $input.path('$.stage')"));
        ok.responseParameters.insert(QStringLiteral("method.response.header.X-Greeting"),
                                     QStringLiteral("integration.response.body.greeting"));
        ok.responseParameters.insert(QStringLiteral("method.response.header.X-Static"), QStringLiteral("'fixed'"));
        ok.responseParameters.insert(QStringLiteral("method.response.header.X-Stage"), QStringLiteral("context.stage"));
        lambda.responses = {ok, response(QStringLiteral("404"), QStringLiteral("NotFound: .*"),
                                         QStringLiteral("{\"error\": \"$input.path('$.errorMessage')\"}"))};
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("greet"),
                            {method(QStringLiteral("mth_greet"), lambda)});

        // An AWS service the machine cannot reach: answered by the stub.
        Gw::Model::Integration sqs;
        sqs.type = Gw::Model::IntegrationType::Aws;
        sqs.uri = QStringLiteral("arn:aws:apigateway:us-east-1:sqs:action/SendMessage");
        sqs.requestTemplates.insert(QStringLiteral("application/json"),
                                    QStringLiteral("Action=SendMessage&MessageBody=$util.urlEncode($input.body)"));
        sqs.responses = {response(QStringLiteral("200"), QString())};
        sqs.requestParameters.insert(QStringLiteral("integration.request.header.Content-Type"),
                                     QStringLiteral("'application/x-www-form-urlencoded'"));
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("enqueue"),
                            {method(QStringLiteral("mth_enqueue"), sqs)});

        // $context.requestOverride reaches the request AWS would send.
        Gw::Model::Integration overridden = sqs;
        overridden.requestTemplates.insert(
            QStringLiteral("application/json"),
            QStringLiteral("#set($context.requestOverride.header.X-Tenant = $input.params('tenant'))"
                           "#set($context.requestOverride.querystring.QueueUrl = 'local-queue')"
                           "Action=SendMessage"));
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("overridden"),
                            {method(QStringLiteral("mth_overridden"), overridden)});

        // contentHandling both ways: binary request → base64 text; base64 stub → binary response.
        api.binaryMediaTypes = {QStringLiteral("application/octet-stream")};
        Gw::Model::Integration convert = sqs;
        convert.requestTemplates.clear();
        convert.contentHandling = QStringLiteral("CONVERT_TO_TEXT");
        convert.stubResponse = QStringLiteral("aGVsbG8gYmluYXJ5");
        convert.responses = {response(QStringLiteral("200"), QString())};
        convert.responses[0].contentHandling = QStringLiteral("CONVERT_TO_BINARY");
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("convert"),
                            {method(QStringLiteral("mth_convert"), convert)});

        auto doc = std::make_shared<Gw::Model::ApiDocument>();
        doc->apis.append(api);
        Gw::Model::LocalFunction f;
        f.id = QStringLiteral("fn_greeter");
        f.name = QStringLiteral("greeter");
        f.runtime = QStringLiteral("python3.11");
        f.handler = QStringLiteral("app.handler");
        f.codeDirectory = QStringLiteral("greeter");
        doc->functions.append(f);
        return doc;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QFAIL("python3 is needed (scripts/setup.sh installs it)");
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("greeter"));
        QFile code(m_dir.filePath(QStringLiteral("greeter/app.py")));
        QVERIFY(code.open(QIODevice::WriteOnly));
        code.write(greeter);
        code.close();
        m_host = std::make_unique<RuntimeHost>();
        RuntimeOptions options;
        options.projectDir = m_dir.path();
        QString error;
        QVERIFY2(m_host->start(document(), options, &error), qPrintable(error));
        m_port = quint16(m_host->endpoints().constFirst().baseUrl.port());
    }

    void cleanupTestCase() { m_host.reset(); }

    void templatesRenderBothWays()
    {
        RawResponse r = post("/echo?name=ada", "{\"code\": 200}");
        QCOMPARE(r.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(QLatin1String("name")).toString(), QStringLiteral("ada"));
        QCOMPARE(o.value(QLatin1String("colour")).toString(), QStringLiteral("blue"));
        QCOMPARE(o.value(QLatin1String("stage")).toString(), QStringLiteral("dev"));
        QCOMPARE(o.value(QLatin1String("rid")).toString(), QString::fromLatin1(r.header("x-amzn-RequestId")));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    }

    void selectionByStatusCode()
    {
        const RawResponse r = post("/echo", "{\"code\": 404}");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"error\": \"client\"}"));
    }

    void responseTemplateChosenByAccept()
    {
        const RawResponse r = post("/echo?name=bo", "{\"code\": 200}", "application/json", "Accept: text/plain\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("plain bo"));
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain"));
    }

    void passthroughBehaviours_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::newRow("json WHEN_NO_MATCH") << QByteArray("/nomatch") << QByteArray("application/json") << 200;
        QTest::newRow("xml WHEN_NO_MATCH passes") << QByteArray("/nomatch") << QByteArray("application/xml") << 200;
        QTest::newRow("xml WHEN_NO_TEMPLATES") << QByteArray("/notemplates") << QByteArray("application/xml") << 415;
        QTest::newRow("xml NEVER") << QByteArray("/never") << QByteArray("application/xml") << 415;
        QTest::newRow("no type NEVER is json") << QByteArray("/never") << QByteArray() << 200;
        QTest::newRow("json charset NEVER") << QByteArray("/never") << QByteArray("application/json; charset=utf-8") << 200;
        QTest::newRow("no templates WHEN_NO_TEMPLATES") << QByteArray("/bare") << QByteArray("application/xml") << 200;
    }

    void passthroughBehaviours()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        const RawResponse r = post(path, "<a/>", contentType);
        QCOMPARE(r.status, status);
        if (status == 415) {
            QCOMPARE(message(r), QStringLiteral("Unsupported Media Type"));
            QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("BadRequestException")); // reference §1.8
        }
    }

    void noMatchAndNoDefaultIsConfigurationError()
    {
        const RawResponse r = post("/nodefault", "{}");
        QCOMPARE(r.status, 500);
        QCOMPARE(message(r), QStringLiteral("Internal server error"));
    }

    void templateErrorIs500WithReasonInTrace()
    {
        QSignalSpy spy(m_host.get(), &RuntimeHost::traceRecorded);
        const RawResponse r = post("/broken", "{}");
        QCOMPARE(r.status, 500);
        QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 5000);
        bool explained = false;
        for (const QList<QVariant> &args : spy) {
            const TracePtr t = args.first().value<TracePtr>();
            for (const TraceStep &s : t->steps) {
                for (const QString &n : s.notes)
                    explained |= s.name == QLatin1String("mapResponse") && n.contains(QLatin1String("line 1"));
            }
        }
        QVERIFY(explained);
    }

    void responseOverride()
    {
        const RawResponse r = post("/override", "{}");
        QCOMPARE(r.status, 418);
        QCOMPARE(r.header("X-Teapot"), QByteArray("yes"));
        QCOMPARE(r.body, QByteArray("short and stout"));
    }

    void lambdaCustomSuccessAndResponseParameters()
    {
        const RawResponse r = post("/greet", "{\"name\": \"ada\"}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("hi ada at dev"));
        QCOMPARE(r.header("X-Greeting"), QByteArray("hi ada"));
        QCOMPARE(r.header("X-Static"), QByteArray("fixed"));
        QCOMPARE(r.header("X-Stage"), QByteArray("dev"));
    }

    void lambdaCustomErrorSelectedByErrorMessage()
    {
        const RawResponse r = post("/greet", "{\"name\": \"missing\"}");
        QCOMPARE(r.status, 404);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toString(),
                 QStringLiteral("NotFound: no user called missing"));
    }

    void lambdaCustomUnmatchedErrorIsTheDefault200()
    {
        // AWS: without a matching pattern a function error answers through the default response.
        const RawResponse r = post("/greet", "{\"name\": \"odd\"}");
        QCOMPARE(r.status, 200);
    }

    void awsServiceStub()
    {
        QSignalSpy spy(m_host.get(), &RuntimeHost::traceRecorded);
        const RawResponse r = post("/enqueue", "{\"hello\": 1}");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("SendMessageResponse"));
        QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 5000);
        const TracePtr t = spy.constLast().first().value<TracePtr>();
        QCOMPARE(t->endpointUri, QStringLiteral("https://sqs.us-east-1.amazonaws.com/SendMessage"));
        QCOMPARE(t->endpointRequestBody, QByteArray("Action=SendMessage&MessageBody=%7B%22hello%22%3A+1%7D"));
        QCOMPARE(Gw::Runtime::headerValue(t->endpointRequestHeaders, "Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    }

    void requestOverride()
    {
        QSignalSpy spy(m_host.get(), &RuntimeHost::traceRecorded);
        const RawResponse r = post("/overridden?tenant=acme", "{}");
        QCOMPARE(r.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 5000);
        const TracePtr t = spy.constLast().first().value<TracePtr>();
        QCOMPARE(Gw::Runtime::headerValue(t->endpointRequestHeaders, "X-Tenant"), QByteArray("acme"));
        QVERIFY2(t->endpointUri.endsWith(QLatin1String("?QueueUrl=local-queue")), qPrintable(t->endpointUri));
        QCOMPARE(t->endpointRequestBody, QByteArray("Action=SendMessage"));
    }

    void contentHandlingConversions()
    {
        QSignalSpy spy(m_host.get(), &RuntimeHost::traceRecorded);
        const QByteArray binary("\x00\x01\xfe\xff", 4);
        const RawResponse r = post("/convert", binary, "application/octet-stream");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("hello binary"));
        QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 5000);
        const TracePtr t = spy.constLast().first().value<TracePtr>();
        QCOMPARE(t->endpointRequestBody, binary.toBase64());
    }
};

QTEST_GUILESS_MAIN(tst_NonProxy)
#include "tst_nonproxy.moc"
