// Tests for lint: every rule fires on a minimal bad document with its id, location and
// severity; clean documents and the shipped samples have no errors.
#include "model/serialization/projectfile.h"
#include "model/validation/lint.h"

#include <QSet>
#include <QTest>

#include <functional>

using namespace Gw::Model;

namespace {

Method method(const QString &id, const QString &httpMethod)
{
    Method m;
    m.id = id;
    m.httpMethod = httpMethod;
    m.integration.type = IntegrationType::Mock;
    return m;
}

Resource resource(const QString &id, const QString &parentId, const QString &pathPart,
                  const QList<Method> &methods = {})
{
    Resource r;
    r.id = id;
    r.parentId = parentId;
    r.pathPart = pathPart;
    r.methods = methods;
    return r;
}

Route route(const QString &id, const QString &key)
{
    Route r;
    r.id = id;
    r.routeKey = key;
    r.integration.type = IntegrationType::HttpProxy;
    r.integration.httpMethod = QStringLiteral("ANY");
    r.integration.uri = QStringLiteral("http://127.0.0.1:8080/pets");
    return r;
}

Stage stage(const QString &name)
{
    Stage s;
    s.name = name;
    return s;
}

// REST: "/" and "/pets" (GET MOCK), stage dev, one local function.
ApiDocument restDoc()
{
    ApiDocument doc;
    Api api;
    api.id = QStringLiteral("api_r");
    api.name = QStringLiteral("R");
    api.type = ApiType::Rest;
    api.resources = {resource(QStringLiteral("res_root"), {}, {}),
                     resource(QStringLiteral("res_pets"), QStringLiteral("res_root"),
                              QStringLiteral("pets"), {method(QStringLiteral("mth_1"), QStringLiteral("GET"))})};
    api.stages = {stage(QStringLiteral("dev"))};
    doc.apis = {api};
    LocalFunction fn;
    fn.id = QStringLiteral("fn_1");
    fn.name = QStringLiteral("handler");
    doc.functions = {fn};
    return doc;
}

// HTTP: GET /pets as HTTP_PROXY, stage $default.
ApiDocument httpDoc()
{
    ApiDocument doc;
    Api api;
    api.id = QStringLiteral("api_h");
    api.name = QStringLiteral("H");
    api.type = ApiType::Http;
    api.routes = {route(QStringLiteral("rt_1"), QStringLiteral("GET /pets"))};
    api.stages = {stage(QStringLiteral("$default"))};
    doc.apis = {api};
    LocalFunction fn;
    fn.id = QStringLiteral("fn_1");
    fn.name = QStringLiteral("handler");
    doc.functions = {fn};
    return doc;
}

// WebSocket: $connect and sendmessage on a local function.
ApiDocument wsDoc()
{
    ApiDocument doc = httpDoc();
    Api &api = doc.apis[0];
    api.type = ApiType::WebSocket;
    api.routeSelectionExpression = QStringLiteral("$request.body.action");
    Route connect = route(QStringLiteral("rt_1"), QStringLiteral("$connect"));
    connect.integration = Integration{};
    connect.integration.type = IntegrationType::AwsProxy;
    connect.integration.functionName = QStringLiteral("handler");
    Route send = connect;
    send.id = QStringLiteral("rt_2");
    send.routeKey = QStringLiteral("sendmessage");
    api.routes = {connect, send};
    api.stages = {stage(QStringLiteral("dev"))};
    return doc;
}

Method &restGet(ApiDocument &d) { return d.apis[0].resources[1].methods[0]; }
Route &firstRoute(ApiDocument &d) { return d.apis[0].routes[0]; }

Authorizer authorizer(const QString &id, AuthorizerType type)
{
    Authorizer a;
    a.id = id;
    a.name = id;
    a.type = type;
    if (type == AuthorizerType::Token || type == AuthorizerType::Request)
        a.functionName = QStringLiteral("handler");
    if (type == AuthorizerType::Jwt) {
        a.jwtIssuer = QStringLiteral("http://127.0.0.1:9400/");
        a.jwtAudiences = {QStringLiteral("x")};
    }
    return a;
}

struct Case
{
    const char *name;
    std::function<ApiDocument()> build;
    const char *ruleId;
    const char *location;
    Diagnostic::Severity severity = Diagnostic::Severity::Error;
};

using S = Diagnostic::Severity;

const QList<Case> &cases()
{
    static const QList<Case> list = {
        {"greedy-not-last rest",
         [] {
             ApiDocument d = restDoc();
             d.apis[0].resources << resource(QStringLiteral("res_g"), QStringLiteral("res_pets"), QStringLiteral("{proxy+}"))
                                 << resource(QStringLiteral("res_x"), QStringLiteral("res_g"), QStringLiteral("x"));
             return d;
         },
         "greedy-not-last", "/apis/0/resources/3/pathPart"},
        {"greedy-not-last http",
         [] {
             ApiDocument d = httpDoc();
             firstRoute(d).routeKey = QStringLiteral("GET /{proxy+}/x");
             return d;
         },
         "greedy-not-last", "/apis/0/routes/0/routeKey"},
        {"duplicate-route-key http",
         [] {
             ApiDocument d = httpDoc();
             d.apis[0].routes << route(QStringLiteral("rt_2"), QStringLiteral("GET /pets"));
             return d;
         },
         "duplicate-route-key", "/apis/0/routes/1/routeKey"},
        {"duplicate-route-key websocket",
         [] {
             ApiDocument d = wsDoc();
             d.apis[0].routes[0].routeKey = QStringLiteral("sendmessage");
             return d;
         },
         "duplicate-route-key", "/apis/0/routes/1/routeKey"},
        {"duplicate-method",
         [] {
             ApiDocument d = restDoc();
             d.apis[0].resources[1].methods << method(QStringLiteral("mth_2"), QStringLiteral("GET"));
             return d;
         },
         "duplicate-method", "/apis/0/resources/1/methods/1/httpMethod"},
        {"duplicate-path-part",
         [] {
             ApiDocument d = restDoc();
             d.apis[0].resources << resource(QStringLiteral("res_2"), QStringLiteral("res_root"), QStringLiteral("pets"));
             return d;
         },
         "duplicate-path-part", "/apis/0/resources/2/pathPart"},
        {"duplicate-path-part variables",
         [] {
             ApiDocument d = restDoc();
             d.apis[0].resources << resource(QStringLiteral("res_a"), QStringLiteral("res_pets"), QStringLiteral("{a}"))
                                 << resource(QStringLiteral("res_b"), QStringLiteral("res_pets"), QStringLiteral("{b}"));
             return d;
         },
         "duplicate-path-part", "/apis/0/resources/3/pathPart"},
        {"invalid-route-key shape",
         [] {
             ApiDocument d = httpDoc();
             firstRoute(d).routeKey = QStringLiteral("GET pets");
             return d;
         },
         "invalid-route-key", "/apis/0/routes/0/routeKey"},
        {"invalid-route-key method",
         [] {
             ApiDocument d = httpDoc();
             firstRoute(d).routeKey = QStringLiteral("FETCH /pets");
             return d;
         },
         "invalid-route-key", "/apis/0/routes/0/routeKey"},
        {"invalid-route-key websocket reserved",
         [] {
             ApiDocument d = wsDoc();
             d.apis[0].routes[1].routeKey = QStringLiteral("$send");
             return d;
         },
         "invalid-route-key", "/apis/0/routes/1/routeKey"},
        {"invalid-http-method",
         [] {
             ApiDocument d = restDoc();
             restGet(d).httpMethod = QStringLiteral("get");
             return d;
         },
         "invalid-http-method", "/apis/0/resources/1/methods/0/httpMethod"},
        {"invalid-path-part rest",
         [] {
             ApiDocument d = restDoc();
             d.apis[0].resources[1].pathPart = QStringLiteral("pe ts");
             return d;
         },
         "invalid-path-part", "/apis/0/resources/1/pathPart"},
        {"invalid-path-part http",
         [] {
             ApiDocument d = httpDoc();
             firstRoute(d).routeKey = QStringLiteral("GET /pets/a|b");
             return d;
         },
         "invalid-path-part", "/apis/0/routes/0/routeKey"},
        {"resource-tree missing parent",
         [] {
             ApiDocument d = restDoc();
             d.apis[0].resources[1].parentId = QStringLiteral("res_nope");
             return d;
         },
         "resource-tree", "/apis/0/resources/1/parentId"},
        {"missing-authorizer unknown id",
         [] {
             ApiDocument d = restDoc();
             restGet(d).authorizationType = AuthorizationType::Custom;
             restGet(d).authorizerId = QStringLiteral("auth_x");
             return d;
         },
         "missing-authorizer", "/apis/0/resources/1/methods/0/authorizerId"},
        {"missing-authorizer none set",
         [] {
             ApiDocument d = restDoc();
             restGet(d).authorizationType = AuthorizationType::CognitoUserPools;
             return d;
         },
         "missing-authorizer", "/apis/0/resources/1/methods/0/authorizationType"},
        {"missing-authorizer wrong kind",
         [] {
             ApiDocument d = httpDoc();
             d.apis[0].authorizers = {authorizer(QStringLiteral("auth_l"), AuthorizerType::Request)};
             firstRoute(d).authorizationType = AuthorizationType::Jwt;
             firstRoute(d).authorizerId = QStringLiteral("auth_l");
             return d;
         },
         "missing-authorizer", "/apis/0/routes/0/authorizerId"},
        {"missing-authorizer ignored",
         [] {
             ApiDocument d = httpDoc();
             d.apis[0].authorizers = {authorizer(QStringLiteral("auth_j"), AuthorizerType::Jwt)};
             firstRoute(d).authorizerId = QStringLiteral("auth_j");
             return d;
         },
         "missing-authorizer", "/apis/0/routes/0/authorizerId", S::Warning},
        {"missing-model request",
         [] {
             ApiDocument d = restDoc();
             restGet(d).requestModels = {{QStringLiteral("application/json"), QStringLiteral("Nope")}};
             return d;
         },
         "missing-model", "/apis/0/resources/1/methods/0/requestModels/application~1json"},
        {"missing-model response",
         [] {
             ApiDocument d = restDoc();
             MethodResponse ok;
             ok.responseModels = {{QStringLiteral("application/json"), QStringLiteral("Empty")}};
             MethodResponse bad;
             bad.statusCode = QStringLiteral("400");
             bad.responseModels = {{QStringLiteral("application/json"), QStringLiteral("Problem")}};
             restGet(d).methodResponses = {ok, bad};
             return d;
         },
         "missing-model", "/apis/0/resources/1/methods/0/methodResponses/1/responseModels/application~1json"},
        {"missing-function unknown",
         [] {
             ApiDocument d = restDoc();
             restGet(d).integration.type = IntegrationType::AwsProxy;
             restGet(d).integration.functionName = QStringLiteral("nope");
             return d;
         },
         "missing-function", "/apis/0/resources/1/methods/0/integration/functionName"},
        {"missing-function arn only",
         [] {
             ApiDocument d = wsDoc();
             firstRoute(d).integration.functionName.clear();
             firstRoute(d).integration.uri = QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations");
             return d;
         },
         "missing-function", "/apis/0/routes/0/integration/uri", S::Warning},
        {"missing-function nothing",
         [] {
             ApiDocument d = wsDoc();
             firstRoute(d).integration.functionName.clear();
             return d;
         },
         "missing-function", "/apis/0/routes/0/integration"},
        {"missing-function authorizer",
         [] {
             ApiDocument d = restDoc();
             Authorizer a = authorizer(QStringLiteral("auth_t"), AuthorizerType::Token);
             a.functionName = QStringLiteral("nope");
             d.apis[0].authorizers = {a};
             return d;
         },
         "missing-function", "/apis/0/authorizers/0/functionName"},
        {"missing-validator",
         [] {
             ApiDocument d = restDoc();
             restGet(d).requestValidatorId = QStringLiteral("val_x");
             return d;
         },
         "missing-validator", "/apis/0/resources/1/methods/0/requestValidatorId"},
        {"cors-credentials-wildcard",
         [] {
             ApiDocument d = httpDoc();
             CorsConfiguration cors;
             cors.allowOrigins = {QStringLiteral("https://a.example"), QStringLiteral("*")};
             cors.allowCredentials = true;
             d.apis[0].cors = cors;
             return d;
         },
         "cors-credentials-wildcard", "/apis/0/cors/allowOrigins/1"},
        {"limit-routes",
         [] {
             ApiDocument d = httpDoc();
             for (int i = 0; i < 300; ++i)
                 d.apis[0].routes << route(QStringLiteral("rt_x%1").arg(i), QStringLiteral("GET /r%1").arg(i));
             return d;
         },
         "limit-routes", "/apis/0/routes", S::Warning},
        {"limit-stages",
         [] {
             ApiDocument d = restDoc();
             for (int i = 0; i < 10; ++i)
                 d.apis[0].stages << stage(QStringLiteral("s%1").arg(i));
             return d;
         },
         "limit-stages", "/apis/0/stages", S::Warning},
        {"limit-authorizers",
         [] {
             ApiDocument d = httpDoc();
             for (int i = 0; i < 11; ++i)
                 d.apis[0].authorizers << authorizer(QStringLiteral("auth_%1").arg(i), AuthorizerType::Jwt);
             return d;
         },
         "limit-authorizers", "/apis/0/authorizers", S::Warning},
        {"http-integration-uri scheme",
         [] {
             ApiDocument d = httpDoc();
             firstRoute(d).integration.uri = QStringLiteral("ftp://127.0.0.1/x");
             return d;
         },
         "http-integration-uri", "/apis/0/routes/0/integration/uri"},
        {"http-integration-uri empty",
         [] {
             ApiDocument d = restDoc();
             restGet(d).integration.type = IntegrationType::Http;
             return d;
         },
         "http-integration-uri", "/apis/0/resources/1/methods/0/integration/uri"},
        {"mock-on-http-api",
         [] {
             ApiDocument d = httpDoc();
             firstRoute(d).integration = Integration{};
             return d;
         },
         "mock-on-http-api", "/apis/0/routes/0/integration/type"},
        {"integration-timeout",
         [] {
             ApiDocument d = restDoc();
             restGet(d).integration.timeoutInMillis = 29001;
             return d;
         },
         "integration-timeout", "/apis/0/resources/1/methods/0/integration/timeoutInMillis"},
        {"api-key-length",
         [] {
             ApiDocument d = restDoc();
             d.apiKeys = {ApiKey{QStringLiteral("key_1"), QStringLiteral("k"), QStringLiteral("short"), true}};
             return d;
         },
         "api-key-length", "/apiKeys/0/value"},
        {"stage-variable-limits name",
         [] {
             ApiDocument d = restDoc();
             d.apis[0].stages[0].variables = {{QStringLiteral("bad-name"), QStringLiteral("v")}};
             return d;
         },
         "stage-variable-limits", "/apis/0/stages/0/variables/bad-name"},
        {"stage-variable-limits value",
         [] {
             ApiDocument d = restDoc();
             d.apis[0].stages[0].variables = {{QStringLiteral("ok"), QString(513, QLatin1Char('v'))}};
             return d;
         },
         "stage-variable-limits", "/apis/0/stages/0/variables/ok"},
        {"function-timeout",
         [] {
             ApiDocument d = restDoc();
             d.functions[0].timeout = 901;
             return d;
         },
         "function-timeout", "/functions/0/timeout"},
        {"aws-service-stub",
         [] {
             ApiDocument d = restDoc();
             restGet(d).integration.type = IntegrationType::Aws;
             restGet(d).integration.uri = QStringLiteral("arn:aws:apigateway:us-east-1:sqs:action/SendMessage");
             return d;
         },
         "aws-service-stub", "/apis/0/resources/1/methods/0/integration/uri", S::Note},
    };
    return list;
}

QString dump(const Diagnostics &d)
{
    QStringList lines;
    for (const Diagnostic &x : d)
        lines << x.format(QStringLiteral("<doc>"));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_Lint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanDocumentsHaveNoDiagnostics();
    void ruleFires_data();
    void ruleFires();
    void boundariesAreAllowed();
    void everyRuleIsTested();
    void samplesHaveNoErrors_data();
    void samplesHaveNoErrors();
};

void tst_Lint::cleanDocumentsHaveNoDiagnostics()
{
    QVERIFY2(lint(restDoc()).isEmpty(), qPrintable(dump(lint(restDoc()))));
    QVERIFY2(lint(httpDoc()).isEmpty(), qPrintable(dump(lint(httpDoc()))));
    QVERIFY2(lint(wsDoc()).isEmpty(), qPrintable(dump(lint(wsDoc()))));
    QVERIFY(lint(ApiDocument{}).isEmpty());
}

void tst_Lint::ruleFires_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < cases().size(); ++i)
        QTest::newRow(cases().at(i).name) << i;
}

void tst_Lint::ruleFires()
{
    QFETCH(int, index);
    const Case &c = cases().at(index);
    const Diagnostics diagnostics = lint(c.build());
    QVERIFY2(!diagnostics.isEmpty(), "no diagnostic at all");
    // The bad document is minimal: only the rule under test speaks, exactly once.
    const Diagnostic &d = diagnostics.constFirst();
    QVERIFY2(diagnostics.size() == 1, qPrintable(dump(diagnostics)));
    QCOMPARE(d.ruleId, QString::fromLatin1(c.ruleId));
    QCOMPARE(d.location, QString::fromLatin1(c.location));
    QVERIFY2(d.severity == c.severity, qPrintable(d.format(QStringLiteral("<doc>"))));
    QVERIFY(!d.message.isEmpty());
    QVERIFY(d.format(QStringLiteral("f")).endsWith(QStringLiteral(" [") + d.ruleId + QLatin1Char(']')));
}

void tst_Lint::boundariesAreAllowed()
{
    ApiDocument d = restDoc();
    d.functions[0].timeout = 900;
    d.apiKeys = {ApiKey{QStringLiteral("key_1"), QStringLiteral("k"), QString(20, QLatin1Char('k')), true},
                 ApiKey{QStringLiteral("key_2"), QStringLiteral("k2"), QString(128, QLatin1Char('k')), true}};
    d.apis[0].stages[0].variables = {{QString(64, QLatin1Char('n')), QString(512, QLatin1Char('v'))}};
    for (int i = 0; i < 9; ++i)
        d.apis[0].stages << stage(QStringLiteral("s%1").arg(i)); // 10 stages in all
    restGet(d).integration.timeoutInMillis = 29000;
    // A greedy part that is last, a stage-variable host and {proxy} in an HTTP_PROXY URI.
    Method any = method(QStringLiteral("mth_any"), QStringLiteral("ANY"));
    any.integration.type = IntegrationType::HttpProxy;
    any.integration.uri = QStringLiteral("http://${stageVariables.host}/{proxy}");
    d.apis[0].resources << resource(QStringLiteral("res_g"), QStringLiteral("res_pets"), QStringLiteral("{proxy+}"), {any});
    QVERIFY2(lint(d).isEmpty(), qPrintable(dump(lint(d))));

    ApiDocument h = httpDoc();
    h.apis[0].routes << route(QStringLiteral("rt_d"), QStringLiteral("$default"))
                     << route(QStringLiteral("rt_g"), QStringLiteral("ANY /items/{proxy+}"))
                     << route(QStringLiteral("rt_r"), QStringLiteral("GET /"));
    QVERIFY2(lint(h).isEmpty(), qPrintable(dump(lint(h))));
}

void tst_Lint::everyRuleIsTested()
{
    QSet<QString> tested;
    for (const Case &c : cases())
        tested.insert(QString::fromLatin1(c.ruleId));
    QSet<QString> ids;
    for (const LintRule &r : lintRules()) {
        QVERIFY2(!ids.contains(r.id), qPrintable(r.id));
        ids.insert(r.id);
        QVERIFY(!r.description.isEmpty());
        QVERIFY2(tested.contains(r.id), qPrintable(QStringLiteral("no test case for rule ") + r.id));
    }
    QCOMPARE(tested, ids);
}

void tst_Lint::samplesHaveNoErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("petstore") << QStringLiteral("petstore-rest.apigw.json");
    QTest::newRow("jwt-http") << QStringLiteral("jwt-http-api.apigw.json");
    QTest::newRow("websocket") << QStringLiteral("websocket-chat.apigw.json");
}

void tst_Lint::samplesHaveNoErrors()
{
    QFETCH(QString, file);
    const Result<ApiDocument> doc = ProjectFile::load(QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + file);
    QVERIFY2(doc.ok(), qPrintable(dump(doc.diagnostics())));
    const Diagnostics diagnostics = lint(doc.value());
    QVERIFY2(!hasErrors(diagnostics), qPrintable(dump(diagnostics)));
    QVERIFY2(diagnostics.isEmpty(), qPrintable(dump(diagnostics))); // and no warnings either
}

QTEST_GUILESS_MAIN(tst_Lint)
#include "tst_lint.moc"
