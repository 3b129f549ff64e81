// Tests for the *.apigw.json project file: round trips, canonical bytes, strict reading with
// JSON-pointer diagnostics, migrations, atomic and careful saving.
#include "model/serialization/projectfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw::Model;

namespace {

QString samplesDir()
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples");
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString dump(const Diagnostics &d)
{
    QStringList lines;
    for (const Diagnostic &x : d)
        lines << x.format(QStringLiteral("<doc>"));
    return lines.join(QLatin1Char('\n'));
}

ThrottleSettings throttle(double rate, int burst)
{
    ThrottleSettings t;
    t.rateLimit = rate;
    t.burstLimit = burst;
    return t;
}

// A document in which every struct appears and every field differs from its default.
ApiDocument richDocument()
{
    ApiDocument doc;
    doc.name = QStringLiteral("Rich");

    IntegrationResponse ir;
    ir.selectionPattern = QStringLiteral(".*Not Found.*");
    ir.statusCode = QStringLiteral("404");
    ir.responseParameters = {{QStringLiteral("method.response.header.X-Err"), QStringLiteral("'1'")}};
    ir.responseTemplates = {{QStringLiteral("application/json"), QStringLiteral("{\"e\":\"$input.path('$.m')\"}")}};
    ir.contentHandling = QStringLiteral("CONVERT_TO_TEXT");

    Integration in;
    in.type = IntegrationType::Aws;
    in.httpMethod = QStringLiteral("POST");
    in.uri = QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/x/invocations");
    in.functionName = QStringLiteral("fn-one");
    in.payloadFormatVersion = QStringLiteral("2.0");
    in.requestParameters = {{QStringLiteral("integration.request.header.X-A"), QStringLiteral("method.request.header.A")}};
    in.requestTemplates = {{QStringLiteral("application/json"), QStringLiteral("#set($x = 1)\n{\"x\": $x}")},
                           {QStringLiteral("text/plain"), QStringLiteral("$input.body")}};
    in.passthroughBehavior = PassthroughBehavior::Never;
    in.contentHandling = QStringLiteral("CONVERT_TO_BINARY");
    in.timeoutInMillis = 5000;
    in.credentials = QStringLiteral("arn:aws:iam::123456789012:role/r");
    in.connectionType = QStringLiteral("INTERNET");
    in.responses = {ir, IntegrationResponse{}};
    in.responseParameters = {{QStringLiteral("200"), {{QStringLiteral("overwrite:header.x"), QStringLiteral("y")}}},
                             {QStringLiteral("500"), {}}};
    in.stubResponse = QStringLiteral("{\"ok\":true}");

    MethodResponse mr;
    mr.statusCode = QStringLiteral("201");
    mr.responseParameters = {{QStringLiteral("method.response.header.X-Err"), true},
                             {QStringLiteral("method.response.header.X-Opt"), false}};
    mr.responseModels = {{QStringLiteral("application/json"), QStringLiteral("Thing")}};

    Method m;
    m.id = QStringLiteral("mth_1");
    m.httpMethod = QStringLiteral("POST");
    m.operationName = QStringLiteral("CreateThing");
    m.authorizationType = AuthorizationType::Custom;
    m.authorizerId = QStringLiteral("auth_1");
    m.authorizationScopes = {QStringLiteral("a"), QStringLiteral("b")};
    m.apiKeyRequired = true;
    m.requestValidatorId = QStringLiteral("val_1");
    m.requestParameters = {{QStringLiteral("method.request.header.A"), true},
                           {QStringLiteral("method.request.querystring.q"), false}};
    m.requestModels = {{QStringLiteral("application/json"), QStringLiteral("Thing")}};
    m.integration = in;
    m.methodResponses = {mr, MethodResponse{}};

    Resource root;
    root.id = QStringLiteral("res_root");
    Resource things;
    things.id = QStringLiteral("res_things");
    things.parentId = root.id;
    things.pathPart = QStringLiteral("things");
    things.methods = {m};

    Authorizer au;
    au.id = QStringLiteral("auth_1");
    au.name = QStringLiteral("tok");
    au.type = AuthorizerType::Request;
    au.functionName = QStringLiteral("fn-one");
    au.identitySource = {QStringLiteral("method.request.header.Authorization")};
    au.identityValidationExpression = QStringLiteral("^Bearer .+$");
    au.resultTtlInSeconds = 0;
    au.payloadFormatVersion = QStringLiteral("1.0");
    au.enableSimpleResponses = true;
    au.jwtIssuer = QStringLiteral("https://issuer/");
    au.jwtAudiences = {QStringLiteral("aud")};
    au.providerArns = {QStringLiteral("arn:aws:cognito-idp:us-east-1:1:userpool/p")};

    RequestValidator val;
    val.id = QStringLiteral("val_1");
    val.name = QStringLiteral("all");
    val.validateRequestBody = true;
    val.validateRequestParameters = true;

    ApiModel model;
    model.id = QStringLiteral("mdl_1");
    model.name = QStringLiteral("Thing");
    model.contentType = QStringLiteral("application/xml");
    model.description = QStringLiteral("a thing");
    model.schema = QJsonDocument::fromJson(R"({"type":"object","properties":{"n":{"type":"number","minimum":0.5}},"required":["n"]})").object();

    GatewayResponse gr;
    gr.responseType = QStringLiteral("DEFAULT_4XX");
    gr.statusCode = QStringLiteral("418");
    gr.responseParameters = {{QStringLiteral("gatewayresponse.header.X"), QStringLiteral("'v'")}};
    gr.responseTemplates = {{QStringLiteral("application/json"), QStringLiteral("{\"m\":$context.error.messageString}")}};

    Stage stage;
    stage.name = QStringLiteral("prod");
    stage.description = QStringLiteral("production");
    stage.variables = {{QStringLiteral("url"), QStringLiteral("example.com")}};
    stage.throttle = throttle(100.5, 50);
    stage.methodThrottle = {{QStringLiteral("/things/POST"), throttle(10, 5)},
                            {QStringLiteral("/things/GET"), throttle(-1, 7)}};
    CanarySettings canary;
    canary.percentTraffic = 12.5;
    canary.stageVariableOverrides = {{QStringLiteral("url"), QStringLiteral("canary.example.com")}};
    stage.canary = canary;
    stage.autoDeploy = false;

    Api rest;
    rest.id = QStringLiteral("api_rest");
    rest.name = QStringLiteral("Rest");
    rest.description = QStringLiteral("the REST one");
    rest.type = ApiType::Rest;
    rest.resources = {root, things};
    rest.apiKeySource = QStringLiteral("AUTHORIZER");
    rest.binaryMediaTypes = {QStringLiteral("image/png"), QStringLiteral("*/*")};
    rest.authorizers = {au};
    rest.models = {model};
    rest.requestValidators = {val};
    rest.gatewayResponses = {gr};
    rest.stages = {stage, Stage{QStringLiteral("dev"), {}, {}, {}, {}, CanarySettings{}, true}};
    rest.extensions = QJsonDocument::fromJson(R"({"x-amazon-apigateway-policy":{"Version":"2012-10-17"}})").object();

    Route route;
    route.id = QStringLiteral("rt_1");
    route.routeKey = QStringLiteral("GET /things/{id}");
    route.operationName = QStringLiteral("GetThing");
    route.authorizationType = AuthorizationType::Jwt;
    route.authorizerId = QStringLiteral("auth_2");
    route.authorizationScopes = {QStringLiteral("read")};
    route.apiKeyRequired = true;
    route.routeResponseSelectionExpression = QStringLiteral("$default");
    route.integration.type = IntegrationType::HttpProxy;
    route.integration.uri = QStringLiteral("https://example.com/{id}");
    route.throttle = throttle(3, -1);

    CorsConfiguration cors;
    cors.allowOrigins = {QStringLiteral("https://a.example")};
    cors.allowMethods = {QStringLiteral("GET")};
    cors.allowHeaders = {QStringLiteral("authorization")};
    cors.exposeHeaders = {QStringLiteral("x-request-id")};
    cors.maxAge = 0;
    cors.allowCredentials = true;

    Api http;
    http.id = QStringLiteral("api_http");
    http.name = QStringLiteral("Http");
    http.type = ApiType::Http;
    http.routes = {route};
    http.cors = cors;
    http.stages = {Stage{QStringLiteral("$default"), {}, {}, {}, {}, std::nullopt, true}};

    Api ws;
    ws.id = QStringLiteral("api_ws");
    ws.name = QStringLiteral("Ws");
    ws.type = ApiType::WebSocket;
    ws.routeSelectionExpression = QStringLiteral("$request.body.action");
    Route connect;
    connect.id = QStringLiteral("rt_c");
    connect.routeKey = QStringLiteral("$connect");
    ws.routes = {connect};
    ws.cors = CorsConfiguration{}; // present but empty must survive as present

    doc.apis = {rest, http, ws};

    LocalFunction fn;
    fn.id = QStringLiteral("fn_1");
    fn.name = QStringLiteral("fn-one");
    fn.runtime = QStringLiteral("nodejs20.x");
    fn.handler = QStringLiteral("index.handler");
    fn.codeDirectory = QStringLiteral("functions/one");
    fn.environment = {{QStringLiteral("A"), QStringLiteral("1")}, {QStringLiteral("B"), QString()}};
    fn.timeout = 30;
    fn.memorySize = 512;
    fn.concurrency = 2;
    doc.functions = {fn};

    UsagePlan plan;
    plan.id = QStringLiteral("plan_1");
    plan.name = QStringLiteral("gold");
    plan.apiStages = {ApiStageRef{QStringLiteral("api_rest"), QStringLiteral("prod")}};
    plan.throttle = throttle(1000, 200);
    plan.quota = QuotaSettings{5000, QuotaPeriod::Month, 2};
    plan.apiKeyIds = {QStringLiteral("key_1")};
    UsagePlan freePlan;
    freePlan.id = QStringLiteral("plan_2");
    freePlan.name = QStringLiteral("free");
    freePlan.quota = QuotaSettings{};
    doc.usagePlans = {plan, freePlan};

    doc.apiKeys = {ApiKey{QStringLiteral("key_1"), QStringLiteral("k"),
                          QStringLiteral("abcdefghijklmnopqrstuvwxyz"), false}};
    doc.iamCredentials = {IamCredential{QStringLiteral("AKIDEXAMPLE"), QStringLiteral("secret"),
                                        QStringLiteral("token"),
                                        QStringLiteral("arn:aws:iam::1:user/me")}};
    return doc;
}

// A minimal valid file with `patch` spliced in as the first API's members.
QByteArray withApi(const char *apiMembers)
{
    return QByteArray(R"({"formatVersion": 1, "apis": [{"id": "api_1", "name": "A", )")
           + apiMembers + "}]}";
}

} // namespace

class tst_ProjectFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripRichDocument();
    void serializationIsDeterministicAndSorted();
    void defaultsAreOmitted();
    void samples_data();
    void samples();
    void samplePetstoreContent();
    void badFiles_data();
    void badFiles();
    void allErrorsAreReported();
    void invalidJsonGivesLineAndColumn();
    void migratesVersion0();
    void version1RoutesStillNeedRouteKey();
    void saveAndLoad();
    void saveRefusesUnreadableTarget_data();
    void saveRefusesUnreadableTarget();
    void saveFailsCleanly();
    void loadMissingFile();
};

void tst_ProjectFile::roundTripRichDocument()
{
    const ApiDocument doc = richDocument();
    const QByteArray bytes = ProjectFile::serialize(doc);
    const Result<ApiDocument> back = ProjectFile::parse(bytes);
    QVERIFY2(back.ok(), qPrintable(dump(back.diagnostics())));
    QVERIFY2(back.diagnostics().isEmpty(), qPrintable(dump(back.diagnostics())));
    // Compare piecewise first for a readable failure, then the whole.
    QCOMPARE(back.value().apis.size(), doc.apis.size());
    for (qsizetype i = 0; i < doc.apis.size(); ++i)
        QVERIFY2(back.value().apis.at(i) == doc.apis.at(i), qPrintable(doc.apis.at(i).name));
    QVERIFY(back.value().functions == doc.functions);
    QVERIFY(back.value().usagePlans == doc.usagePlans);
    QVERIFY(back.value().apiKeys == doc.apiKeys);
    QVERIFY(back.value().iamCredentials == doc.iamCredentials);
    QVERIFY(back.value() == doc);
    QCOMPARE(ProjectFile::serialize(back.value()), bytes);
}

void tst_ProjectFile::serializationIsDeterministicAndSorted()
{
    const ApiDocument doc = richDocument();
    QCOMPARE(ProjectFile::serialize(doc), ProjectFile::serialize(richDocument()));
    const QByteArray bytes = ProjectFile::serialize(doc);
    QVERIFY(bytes.startsWith("{\n    \"apiKeys\": ["));
    // Lists keep the document's order.
    QVERIFY(bytes.indexOf("\"api_rest\"") < bytes.indexOf("\"api_http\""));
    QVERIFY(bytes.indexOf("\"api_http\"") < bytes.indexOf("\"api_ws\""));
}

void tst_ProjectFile::defaultsAreOmitted()
{
    ApiDocument doc;
    Api api;
    api.id = QStringLiteral("api_1");
    api.name = QStringLiteral("A");
    Resource root;
    root.id = QStringLiteral("res_1");
    Method m;
    m.id = QStringLiteral("mth_1");
    m.httpMethod = QStringLiteral("GET");
    root.methods = {m};
    api.resources = {root};
    doc.apis = {api};
    LocalFunction fn;
    fn.id = QStringLiteral("fn_1");
    fn.name = QStringLiteral("f");
    doc.functions = {fn};

    const QJsonObject json = ProjectFile::toJson(doc);
    QCOMPARE(json.keys(), (QStringList{QStringLiteral("apis"), QStringLiteral("formatVersion"),
                                       QStringLiteral("functions")}));
    const QJsonObject apiJson = json.value(QStringLiteral("apis")).toArray().at(0).toObject();
    QCOMPARE(apiJson.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("name"),
                                          QStringLiteral("resources"), QStringLiteral("type")}));
    const QJsonObject methodJson = apiJson.value(QStringLiteral("resources")).toArray().at(0)
                                       .toObject().value(QStringLiteral("methods")).toArray()
                                       .at(0).toObject();
    QCOMPARE(methodJson, QJsonDocument::fromJson(R"({"id":"mth_1","httpMethod":"GET","integration":{"type":"MOCK"}})").object());
    QCOMPARE(json.value(QStringLiteral("functions")).toArray().at(0).toObject(),
             QJsonDocument::fromJson(R"({"id":"fn_1","name":"f"})").object());
    QCOMPARE(json.value(QStringLiteral("formatVersion")).toInt(), ProjectFile::CurrentFormatVersion);
}

void tst_ProjectFile::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("petstore") << QStringLiteral("petstore-rest.apigw.json");
    QTest::newRow("jwt-http") << QStringLiteral("jwt-http-api.apigw.json");
    QTest::newRow("websocket") << QStringLiteral("websocket-chat.apigw.json");
}

void tst_ProjectFile::samples()
{
    QFETCH(QString, file);
    const QByteArray bytes = readAll(samplesDir() + QLatin1Char('/') + file);
    QVERIFY(!bytes.isEmpty());
    const Result<ApiDocument> doc = ProjectFile::parse(bytes);
    QVERIFY2(doc.ok(), qPrintable(dump(doc.diagnostics())));
    QVERIFY2(doc.diagnostics().isEmpty(), qPrintable(dump(doc.diagnostics())));
    QVERIFY(!doc.value().apis.isEmpty());
    // Re-saving a loaded file gives back the same bytes.
    QCOMPARE(ProjectFile::serialize(doc.value()), bytes);
}

void tst_ProjectFile::samplePetstoreContent()
{
    const Result<ApiDocument> doc = ProjectFile::load(samplesDir() + QStringLiteral("/petstore-rest.apigw.json"));
    QVERIFY(doc.ok());
    const Api &api = doc.value().apis.at(0);
    QCOMPARE(toString(api.type), toString(ApiType::Rest));
    QStringList paths;
    for (const Resource &r : api.resources)
        paths << resourcePath(api, r.id);
    QCOMPARE(paths, (QStringList{"/", "/pets", "/pets/{petId}", "/health", "/proxy", "/proxy/{proxy+}"}));
    const LocalFunction *fn = doc.value().findFunction(QStringLiteral("pets-handler"));
    QVERIFY(fn);
    QCOMPARE(fn->runtime, QStringLiteral("python3.11"));
    QCOMPARE(fn->handler, QStringLiteral("app.handler"));
    QVERIFY(QFile::exists(samplesDir() + QLatin1Char('/') + fn->codeDirectory + QStringLiteral("/app.py")));
}

void tst_ProjectFile::badFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");

    QTest::newRow("wrong type: name") << QByteArray(R"({"formatVersion": 1, "name": 5})")
                                      << "/name" << "expected a string, found a number";
    QTest::newRow("unknown root key") << QByteArray(R"({"formatVersion": 1, "nmae": "x"})")
                                      << "/nmae" << "unknown key \"nmae\"";
    QTest::newRow("api missing id") << QByteArray(R"({"formatVersion": 1, "apis": [{"name": "A", "type": "REST"}]})")
                                    << "/apis/0/id" << "missing required field \"id\"";
    QTest::newRow("api missing type") << withApi(R"("description": "d")")
                                      << "/apis/0/type" << "missing required field \"type\"";
    QTest::newRow("unknown api type") << withApi(R"("type": "GRAPHQL")")
                                      << "/apis/0/type" << "unknown API type \"GRAPHQL\" (expected one of REST, HTTP, WEBSOCKET)";
    QTest::newRow("unknown api key") << withApi(R"("type": "REST", "foo": 1)")
                                     << "/apis/0/foo" << "unknown key \"foo\"";
    QTest::newRow("api not an object") << QByteArray(R"({"formatVersion": 1, "apis": [1]})")
                                       << "/apis/0" << "expected an object, found a number";
    QTest::newRow("apis not an array") << QByteArray(R"({"formatVersion": 1, "apis": {}})")
                                       << "/apis" << "expected an array, found an object";
    QTest::newRow("unknown integration type")
        << withApi(R"("type": "REST", "resources": [{"id": "r0"}, {"id": "r1"}, {"id": "r2"}, {"id": "r3", "methods": [{"id": "m", "httpMethod": "GET", "integration": {"type": "LAMBDA"}}]}])")
        << "/apis/0/resources/3/methods/0/integration/type"
        << "unknown integration type \"LAMBDA\" (expected one of MOCK, AWS_PROXY, AWS, HTTP, HTTP_PROXY)";
    QTest::newRow("missing httpMethod")
        << withApi(R"("type": "REST", "resources": [{"id": "r0", "methods": [{"id": "m"}]}])")
        << "/apis/0/resources/0/methods/0/httpMethod" << "missing required field \"httpMethod\"";
    QTest::newRow("missing integration type")
        << withApi(R"("type": "REST", "resources": [{"id": "r0", "methods": [{"id": "m", "httpMethod": "GET", "integration": {}}]}])")
        << "/apis/0/resources/0/methods/0/integration/type" << "missing required field \"type\"";
    QTest::newRow("unknown passthrough")
        << withApi(R"("type": "REST", "resources": [{"id": "r0", "methods": [{"id": "m", "httpMethod": "GET", "integration": {"type": "MOCK", "passthroughBehavior": "ALWAYS"}}]}])")
        << "/apis/0/resources/0/methods/0/integration/passthroughBehavior"
        << "unknown passthrough behavior \"ALWAYS\" (expected one of WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER)";
    QTest::newRow("template not a string (pointer escaping)")
        << withApi(R"("type": "REST", "resources": [{"id": "r0", "methods": [{"id": "m", "httpMethod": "GET", "integration": {"type": "MOCK", "requestTemplates": {"application/json": 5}}}]}])")
        << "/apis/0/resources/0/methods/0/integration/requestTemplates/application~1json"
        << "expected a string, found a number";
    QTest::newRow("required flag not a bool")
        << withApi(R"("type": "REST", "resources": [{"id": "r0", "methods": [{"id": "m", "httpMethod": "GET", "requestParameters": {"method.request.path.id": "yes"}}]}])")
        << "/apis/0/resources/0/methods/0/requestParameters/method.request.path.id"
        << "expected a boolean, found a string";
    QTest::newRow("integration response without status")
        << withApi(R"("type": "REST", "resources": [{"id": "r0", "methods": [{"id": "m", "httpMethod": "GET", "integration": {"type": "MOCK", "integrationResponses": [{}, {"selectionPattern": "x"}]}}]}])")
        << "/apis/0/resources/0/methods/0/integration/integrationResponses/0/statusCode"
        << "missing required field \"statusCode\"";
    QTest::newRow("missing routeKey")
        << withApi(R"("type": "HTTP", "routes": [{"id": "rt", "integration": {"type": "HTTP_PROXY"}}])")
        << "/apis/0/routes/0/routeKey" << "missing required field \"routeKey\"";
    QTest::newRow("unknown authorization type")
        << withApi(R"("type": "HTTP", "routes": [{"id": "rt", "routeKey": "GET /", "authorizationType": "OAUTH"}])")
        << "/apis/0/routes/0/authorizationType"
        << "unknown authorization type \"OAUTH\" (expected one of NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT)";
    QTest::newRow("http response parameter not a string")
        << withApi(R"("type": "HTTP", "routes": [{"id": "rt", "routeKey": "GET /", "integration": {"type": "HTTP_PROXY", "responseParameters": {"200": {"overwrite:header.x": 1}}}}])")
        << "/apis/0/routes/0/integration/responseParameters/200/overwrite:header.x"
        << "expected a string, found a number";
    QTest::newRow("burst limit not an integer")
        << withApi(R"("type": "HTTP", "routes": [{"id": "rt", "routeKey": "GET /", "throttle": {"burstLimit": 2.5}}])")
        << "/apis/0/routes/0/throttle/burstLimit" << "expected an integer, found 2.5";
    QTest::newRow("unknown authorizer type")
        << withApi(R"("type": "HTTP", "authorizers": [{"id": "a", "name": "n", "type": "OIDC"}])")
        << "/apis/0/authorizers/0/type"
        << "unknown authorizer type \"OIDC\" (expected one of TOKEN, REQUEST, COGNITO_USER_POOLS, JWT)";
    QTest::newRow("audience not a string")
        << withApi(R"("type": "HTTP", "authorizers": [{"id": "a", "name": "n", "type": "JWT", "jwtAudiences": ["x", null]}])")
        << "/apis/0/authorizers/0/jwtAudiences/1" << "expected a string, found null";
    QTest::newRow("stage missing name")
        << withApi(R"("type": "REST", "stages": [{"variables": {}}])")
        << "/apis/0/stages/0/name" << "missing required field \"name\"";
    QTest::newRow("method throttle entry not an object")
        << withApi(R"("type": "REST", "stages": [{"name": "dev", "methodThrottle": {"/pets/GET": 5}}])")
        << "/apis/0/stages/0/methodThrottle/~1pets~1GET" << "expected an object, found a number";
    QTest::newRow("unknown key in canary")
        << withApi(R"("type": "REST", "stages": [{"name": "dev", "canary": {"percent": 5}}])")
        << "/apis/0/stages/0/canary/percent" << "unknown key \"percent\"";
    QTest::newRow("model schema not an object")
        << withApi(R"("type": "REST", "models": [{"id": "m", "name": "M", "schema": "{}"}])")
        << "/apis/0/models/0/schema" << "expected an object, found a string";
    QTest::newRow("cors maxAge wrong type")
        << withApi(R"("type": "HTTP", "cors": {"maxAge": "600"})")
        << "/apis/0/cors/maxAge" << "expected a number, found a string";
    QTest::newRow("function timeout fractional")
        << QByteArray(R"({"formatVersion": 1, "functions": [{"id": "f", "name": "f", "timeout": 1.5}]})")
        << "/functions/0/timeout" << "expected an integer, found 1.5";
    QTest::newRow("function missing name")
        << QByteArray(R"({"formatVersion": 1, "functions": [{"id": "f"}]})")
        << "/functions/0/name" << "missing required field \"name\"";
    QTest::newRow("quota period unknown")
        << QByteArray(R"({"formatVersion": 1, "usagePlans": [{"id": "p", "name": "p", "quota": {"limit": 5, "period": "YEAR"}}]})")
        << "/usagePlans/0/quota/period" << "unknown quota period \"YEAR\" (expected one of DAY, WEEK, MONTH)";
    QTest::newRow("api stage missing stage")
        << QByteArray(R"({"formatVersion": 1, "usagePlans": [{"id": "p", "name": "p", "apiStages": [{"apiId": "a"}]}]})")
        << "/usagePlans/0/apiStages/0/stage" << "missing required field \"stage\"";
    QTest::newRow("api key enabled wrong type")
        << QByteArray(R"({"formatVersion": 1, "apiKeys": [{"id": "k", "name": "k", "enabled": "yes"}]})")
        << "/apiKeys/0/enabled" << "expected a boolean, found a string";
    QTest::newRow("iam credential missing secret")
        << QByteArray(R"({"formatVersion": 1, "iamCredentials": [{"accessKeyId": "AKID"}]})")
        << "/iamCredentials/0/secretAccessKey" << "missing required field \"secretAccessKey\"";
    QTest::newRow("formatVersion missing")
        << QByteArray(R"({"name": "x"})")
        << "/formatVersion" << "missing required field \"formatVersion\"; is this an apigw-studio project file?";
    QTest::newRow("formatVersion a string")
        << QByteArray(R"({"formatVersion": "1"})")
        << "/formatVersion" << "expected a non-negative integer, found a string";
    QTest::newRow("formatVersion newer")
        << QByteArray(R"({"formatVersion": 2, "whatever": {"new": true}})")
        << "/formatVersion" << "file was written by a newer apigw-studio (formatVersion 2, this build reads up to 1)";
    QTest::newRow("root not an object") << QByteArray("[1, 2]") << ""
                                        << "expected a JSON object at the top level of a project file";
    QTest::newRow("legacy version unknown") << QByteArray(R"({"version": 3})") << "/version"
                                            << "legacy \"version\" 3 is unknown; only version 0 used this key";
    QTest::newRow("legacy route without method")
        << QByteArray(R"({"version": 0, "apis": [{"id": "a", "name": "A", "type": "HTTP", "routes": [{"id": "r1", "path": "/x", "method": "GET"}, {"id": "r2", "path": "/y"}]}]})")
        << "/apis/0/routes/1/method" << "legacy route needs a string \"method\"";
}

void tst_ProjectFile::badFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    const Result<ApiDocument> doc = ProjectFile::parse(json);
    QVERIFY(!doc.ok());
    QVERIFY(hasErrors(doc.diagnostics()));
    const Diagnostic &first = doc.diagnostics().constFirst();
    QCOMPARE(first.location, pointer);
    QCOMPARE(first.message, message);
    QVERIFY(first.isError());
    QVERIFY(first.ruleId.isEmpty());
}

void tst_ProjectFile::allErrorsAreReported()
{
    const Result<ApiDocument> doc = ProjectFile::parse(
        withApi(R"("type": "REST", "a": 1, "b": 2, "resources": [{"methods": [{"id": "m"}]}])"));
    QVERIFY(!doc.ok());
    QStringList locations;
    for (const Diagnostic &d : doc.diagnostics())
        locations << d.location;
    locations.sort();
    QCOMPARE(locations, (QStringList{"/apis/0/a", "/apis/0/b", "/apis/0/resources/0/id",
                                     "/apis/0/resources/0/methods/0/httpMethod"}));
}

void tst_ProjectFile::invalidJsonGivesLineAndColumn()
{
    // The parser stops at the "}" on line 4, column 1 (a value was expected).
    const QByteArray json = "{\n  \"formatVersion\": 1,\n  \"name\":\n}\n";
    const Result<ApiDocument> doc = ProjectFile::parse(json);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.diagnostics().size(), 1);
    const Diagnostic &d = doc.diagnostics().constFirst();
    QCOMPARE(d.location, QStringLiteral("4:1"));
    QVERIFY2(d.message.startsWith(QStringLiteral("invalid JSON: ")), qPrintable(d.message));

    // Columns count characters, not bytes: "x" is byte 17 but character 15.
    const QByteArray utf8 = "{\"name\": \"\xc3\xa9\xc3\xa9\" x}";
    const Result<ApiDocument> doc2 = ProjectFile::parse(utf8);
    QVERIFY(!doc2.ok());
    QCOMPARE(doc2.diagnostics().constFirst().location, QStringLiteral("1:15"));
}

void tst_ProjectFile::migratesVersion0()
{
    const QByteArray v0 = R"({
        "version": 0,
        "name": "legacy",
        "apis": [
            {"id": "api_h", "name": "H", "type": "HTTP", "routes": [
                {"id": "rt_1", "method": "get", "path": "/pets/{id}",
                 "integration": {"type": "HTTP_PROXY", "uri": "http://127.0.0.1:1/{id}"}},
                {"id": "rt_2", "method": "ANY", "path": "/{proxy+}"},
                {"id": "rt_3", "path": "$default"}
            ]},
            {"id": "api_w", "name": "W", "type": "WEBSOCKET", "routes": [
                {"id": "rt_4", "routeKey": "$connect"}
            ]}
        ]
    })";
    const Result<ApiDocument> doc = ProjectFile::parse(v0);
    QVERIFY2(doc.ok(), qPrintable(dump(doc.diagnostics())));
    QCOMPARE(doc.value().name, QStringLiteral("legacy"));
    const Api &http = doc.value().apis.at(0);
    QCOMPARE(http.routes.size(), 3);
    QCOMPARE(http.routes.at(0).routeKey, QStringLiteral("GET /pets/{id}"));
    QCOMPARE(toString(http.routes.at(0).integration.type), toString(IntegrationType::HttpProxy));
    QCOMPARE(http.routes.at(1).routeKey, QStringLiteral("ANY /{proxy+}"));
    QCOMPARE(http.routes.at(2).routeKey, QStringLiteral("$default"));
    QCOMPARE(doc.value().apis.at(1).routes.at(0).routeKey, QStringLiteral("$connect"));

    // Saving writes the current format.
    const QJsonObject json = QJsonDocument::fromJson(ProjectFile::serialize(doc.value())).object();
    QCOMPARE(json.value(QStringLiteral("formatVersion")).toInt(), 1);
    QVERIFY(!json.contains(QStringLiteral("version")));
    const QJsonObject route = json.value(QStringLiteral("apis")).toArray().at(0).toObject()
                                  .value(QStringLiteral("routes")).toArray().at(0).toObject();
    QVERIFY(!route.contains(QStringLiteral("method")));
    QVERIFY(!route.contains(QStringLiteral("path")));
    QCOMPARE(route.value(QStringLiteral("routeKey")).toString(), QStringLiteral("GET /pets/{id}"));
}

void tst_ProjectFile::version1RoutesStillNeedRouteKey()
{
    // The legacy shape is only accepted in a v0 file.
    const Result<ApiDocument> doc = ProjectFile::parse(
        withApi(R"("type": "HTTP", "routes": [{"id": "r", "method": "GET", "path": "/x"}])"));
    QVERIFY(!doc.ok());
    QStringList locations;
    for (const Diagnostic &d : doc.diagnostics())
        locations << d.location;
    QVERIFY(locations.contains(QStringLiteral("/apis/0/routes/0/routeKey")));
    QVERIFY(locations.contains(QStringLiteral("/apis/0/routes/0/method")));
}

void tst_ProjectFile::saveAndLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("p.apigw.json"));
    const ApiDocument doc = richDocument();
    QCOMPARE(ProjectFile::save(doc, path), QString());
    QCOMPARE(readAll(path), ProjectFile::serialize(doc));
    const Result<ApiDocument> back = ProjectFile::load(path);
    QVERIFY(back.ok());
    QVERIFY(back.value() == doc);
    // Only the target exists: no temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("p.apigw.json")});

    // Overwriting a readable project file is fine.
    ApiDocument changed = doc;
    changed.name = QStringLiteral("Changed");
    QCOMPARE(ProjectFile::save(changed, path), QString());
    QCOMPARE(ProjectFile::load(path).value().name, QStringLiteral("Changed"));
}

void tst_ProjectFile::saveRefusesUnreadableTarget_data()
{
    QTest::addColumn<QByteArray>("existing");
    QTest::newRow("not json") << QByteArray("openapi: 3.0.0\ninfo: {}\n");
    QTest::newRow("foreign json") << QByteArray(R"({"openapi": "3.0.0"})");
    QTest::newRow("corrupt project") << QByteArray(R"({"formatVersion": 1, "apis": [)");
    QTest::newRow("newer project") << QByteArray(R"({"formatVersion": 7})");
}

void tst_ProjectFile::saveRefusesUnreadableTarget()
{
    QFETCH(QByteArray, existing);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.json"));
    QVERIFY(writeAll(path, existing));
    const QString error = ProjectFile::save(richDocument(), path);
    QVERIFY(error.contains(QStringLiteral("exists and is not a project file this version can read; not overwriting")));
    QCOMPARE(readAll(path), existing);
    // The unchecked writer does replace it (DocumentSession uses it for its own file).
    QCOMPARE(ProjectFile::write(richDocument(), path), QString());
    QVERIFY(ProjectFile::load(path).ok());
}

void tst_ProjectFile::saveFailsCleanly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-dir/p.apigw.json"));
    const QString error = ProjectFile::save(richDocument(), path);
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
}

void tst_ProjectFile::loadMissingFile()
{
    const Result<ApiDocument> doc = ProjectFile::load(QStringLiteral("/nonexistent/x.apigw.json"));
    QVERIFY(!doc.ok());
    QVERIFY(doc.diagnostics().constFirst().message.startsWith(QStringLiteral("cannot open")));
}

QTEST_GUILESS_MAIN(tst_ProjectFile)
#include "tst_projectfile.moc"
