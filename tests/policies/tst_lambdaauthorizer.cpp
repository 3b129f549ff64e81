// Lambda authorizers over loopback with a real Python authorizer function (reference §1.9, §3.3,
// §3.4): REST TOKEN (identityValidationExpression and missing token → 401 without invoking) and
// REQUEST (cached by identity, the cached decision noted), IAM policies with wildcards where an
// explicit Deny wins, "Unauthorized" → 401, other errors and malformed output → 500
// AuthorizerConfigurationException, context stringified into the proxy event, usageIdentifierKey
// as the API key (key source AUTHORIZER); HTTP API payload 1.0 and 2.0 simple responses.
#include "policytest.h"
#include "pythonfunctions.h"

#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Gw::Runtime;
using GwTest::RawResponse;

namespace {

// The authorizer's code lives beside the test (moc cannot read raw strings of Python).
QByteArray authorizerCode()
{
    QFile f(QStringLiteral(GW_SOURCE_DIR "/tests/policies/authorizer.py"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Gw::Model::Method method(const QString &id, const QString &authorizer, Gw::Model::IntegrationType type)
{
    Gw::Model::Method m;
    m.id = id;
    m.httpMethod = QStringLiteral("GET");
    m.authorizationType = Gw::Model::AuthorizationType::Custom;
    m.authorizerId = authorizer;
    m.integration.type = type;
    if (type == Gw::Model::IntegrationType::AwsProxy) {
        m.integration.functionName = QStringLiteral("echo");
    } else {
        m.integration.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}"));
        Gw::Model::IntegrationResponse ir;
        ir.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"ok\": \"$context.authorizer.principalId\"}"));
        m.integration.responses = {ir};
    }
    return m;
}

Gw::Model::Resource resource(const QString &id, const QString &part, const Gw::Model::Method &m)
{
    Gw::Model::Resource r;
    r.id = id;
    r.parentId = QStringLiteral("res_root");
    r.pathPart = part;
    r.methods = {m};
    return r;
}

Gw::Model::Api restApi(const QString &id)
{
    Gw::Model::Api api;
    api.id = id;
    api.name = id;
    api.type = Gw::Model::ApiType::Rest;
    Gw::Model::Resource root;
    root.id = QStringLiteral("res_root");
    api.resources = {root};
    Gw::Model::Stage dev;
    dev.name = QStringLiteral("dev");
    api.stages = {dev};
    Gw::Model::Authorizer token;
    token.id = QStringLiteral("auth_token");
    token.name = QStringLiteral("token");
    token.type = Gw::Model::AuthorizerType::Token;
    token.functionName = QStringLiteral("authorizer");
    token.identitySource = {QStringLiteral("method.request.header.Authorization")};
    token.identityValidationExpression = QStringLiteral("(allow|deny|nothing|unauthorized|boom|malformed|badcontext).*");
    token.resultTtlInSeconds = 0;
    Gw::Model::Authorizer request;
    request.id = QStringLiteral("auth_request");
    request.name = QStringLiteral("request");
    request.type = Gw::Model::AuthorizerType::Request;
    request.functionName = QStringLiteral("authorizer");
    request.identitySource = {QStringLiteral("method.request.header.X-User"), QStringLiteral("method.request.querystring.tenant")};
    request.resultTtlInSeconds = 300;
    api.authorizers = {token, request};
    return api;
}

} // namespace

class tst_LambdaAuthorizer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_rest = 0, m_keys = 0, m_http = 0;

    int invocations() const
    {
        QFile f(m_dir.filePath(QStringLiteral("count.log")));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return int(f.readAll().count('\n'));
    }

    RawResponse get(quint16 port, const QByteArray &target, QList<QPair<QByteArray, QByteArray>> headers)
    {
        return GwTest::request(port, "GET", target, headers, {}, 30000);
    }

    QJsonObject eventOf(const RawResponse &r)
    {
        return QJsonDocument::fromJson(r.body).object();
    }

    std::shared_ptr<Gw::Model::ApiDocument> document()
    {
        Gw::Model::Api rest = restApi(QStringLiteral("api_rest"));
        rest.resources.append(resource(QStringLiteral("res_pets"), QStringLiteral("pets"),
                                       method(QStringLiteral("mth_pets"), QStringLiteral("auth_token"), Gw::Model::IntegrationType::AwsProxy)));
        rest.resources.append(resource(QStringLiteral("res_secret"), QStringLiteral("secret"),
                                       method(QStringLiteral("mth_secret"), QStringLiteral("auth_token"), Gw::Model::IntegrationType::Mock)));
        Gw::Model::Method both = method(QStringLiteral("mth_both"), QStringLiteral("auth_token"), Gw::Model::IntegrationType::Mock);
        both.apiKeyRequired = true;
        rest.resources.append(resource(QStringLiteral("res_both"), QStringLiteral("both"), both));
        rest.resources.append(resource(QStringLiteral("res_cached"), QStringLiteral("cached"),
                                       method(QStringLiteral("mth_cached"), QStringLiteral("auth_request"), Gw::Model::IntegrationType::Mock)));

        Gw::Model::Api keys = restApi(QStringLiteral("api_keys"));
        keys.apiKeySource = QStringLiteral("AUTHORIZER");
        Gw::Model::Method keyed = method(QStringLiteral("mth_keyed"), QStringLiteral("auth_token"), Gw::Model::IntegrationType::Mock);
        keyed.apiKeyRequired = true;
        keys.authorizers[0].identityValidationExpression.clear();
        keys.resources.append(resource(QStringLiteral("res_keyed"), QStringLiteral("keyed"), keyed));

        Gw::Model::Api http;
        http.id = QStringLiteral("api_http");
        http.name = QStringLiteral("http");
        http.type = Gw::Model::ApiType::Http;
        Gw::Model::Stage def;
        def.name = QStringLiteral("$default");
        http.stages = {def};
        Gw::Model::Authorizer simple;
        simple.id = QStringLiteral("auth_simple");
        simple.name = QStringLiteral("simple");
        simple.type = Gw::Model::AuthorizerType::Request;
        simple.functionName = QStringLiteral("authorizer");
        simple.identitySource = {QStringLiteral("$request.header.X-Token")};
        simple.payloadFormatVersion = QStringLiteral("2.0");
        simple.enableSimpleResponses = true;
        simple.resultTtlInSeconds = 0;
        Gw::Model::Authorizer v1 = simple;
        v1.id = QStringLiteral("auth_v1");
        v1.name = QStringLiteral("v1");
        v1.payloadFormatVersion = QStringLiteral("1.0");
        v1.enableSimpleResponses = false;
        Gw::Model::Authorizer shared = simple;
        shared.id = QStringLiteral("auth_shared");
        shared.name = QStringLiteral("shared");
        shared.resultTtlInSeconds = 300;
        Gw::Model::Authorizer perRoute = shared;
        perRoute.id = QStringLiteral("auth_perroute");
        perRoute.name = QStringLiteral("per-route");
        perRoute.identitySource = {QStringLiteral("$request.header.X-Token"), QStringLiteral("$context.routeKey")};
        http.authorizers = {simple, v1, shared, perRoute};
        auto route = [](const QString &key, const QString &authorizer) {
            Gw::Model::Route r;
            r.id = QStringLiteral("rt_") + key.section(QLatin1Char('/'), 1);
            r.routeKey = key;
            r.authorizationType = Gw::Model::AuthorizationType::Custom;
            r.authorizerId = authorizer;
            r.integration.type = Gw::Model::IntegrationType::AwsProxy;
            r.integration.functionName = QStringLiteral("echo");
            r.integration.payloadFormatVersion = QStringLiteral("2.0");
            return r;
        };
        http.routes = {route(QStringLiteral("GET /simple"), QStringLiteral("auth_simple")),
                       route(QStringLiteral("GET /v1"), QStringLiteral("auth_v1")),
                       route(QStringLiteral("GET /shared1"), QStringLiteral("auth_shared")),
                       route(QStringLiteral("GET /shared2"), QStringLiteral("auth_shared")),
                       route(QStringLiteral("GET /perroute1"), QStringLiteral("auth_perroute")),
                       route(QStringLiteral("GET /perroute2"), QStringLiteral("auth_perroute"))};

        auto doc = std::make_shared<Gw::Model::ApiDocument>();
        doc->apis = {rest, keys, http};
        Gw::Model::LocalFunction authorizer = GwTest::writePythonFunction(m_dir.path(), QStringLiteral("authorizer"), authorizerCode());
        authorizer.environment.insert(QStringLiteral("COUNT_FILE"), m_dir.filePath(QStringLiteral("count.log")));
        doc->functions = {authorizer, GwTest::writePythonFunction(m_dir.path(), QStringLiteral("echo"), GwTest::echoFunction)};
        Gw::Model::ApiKey gold;
        gold.id = QStringLiteral("key_gold");
        gold.name = QStringLiteral("gold");
        gold.value = QStringLiteral("gold-key-0123456789abcdef");
        doc->apiKeys = {gold};
        Gw::Model::UsagePlan plan;
        plan.id = QStringLiteral("plan_gold");
        plan.name = QStringLiteral("gold");
        plan.apiStages = {{QStringLiteral("api_keys"), QStringLiteral("dev")}, {QStringLiteral("api_rest"), QStringLiteral("dev")}};
        plan.apiKeyIds = {QStringLiteral("key_gold")};
        doc->usagePlans = {plan};
        return doc;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QFAIL("python3 is needed (scripts/setup.sh installs it)");
        QVERIFY(m_dir.isValid());
        m_host = std::make_unique<RuntimeHost>();
        RuntimeOptions options;
        options.projectDir = m_dir.path();
        QString error;
        QVERIFY2(m_host->start(document(), options, &error), qPrintable(error));
        const auto endpoints = m_host->endpoints();
        m_rest = quint16(endpoints.at(0).baseUrl.port());
        m_keys = quint16(endpoints.at(1).baseUrl.port());
        m_http = quint16(endpoints.at(2).baseUrl.port());
    }

    void cleanupTestCase() { m_host.reset(); }

    void allowPutsContextIntoTheEvent()
    {
        const RawResponse r = get(m_rest, "/dev/pets", {{"Authorization", "allow-ada"}});
        QCOMPARE(r.status, 200);
        const QJsonObject authorizer = eventOf(r).value(QLatin1String("requestContext")).toObject()
                                           .value(QLatin1String("authorizer")).toObject();
        QCOMPARE(authorizer.value(QLatin1String("principalId")).toString(), QStringLiteral("user-ada"));
        // REST stringifies context values.
        QCOMPARE(authorizer.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(authorizer.value(QLatin1String("level")).toString(), QStringLiteral("3"));
        QCOMPARE(authorizer.value(QLatin1String("beta")).toString(), QStringLiteral("true"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("allows arn:aws:execute-api:us-east-1:123456789012:api_rest/dev/GET/pets")), qPrintable(notes));
        QVERIFY2(notes.contains(QLatin1String("TOKEN event")), qPrintable(notes));
    }

    void explicitDenyWins()
    {
        const RawResponse r = get(m_rest, "/dev/secret", {{"Authorization", "deny"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("User is not authorized to access this resource with an explicit deny"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("explicit Deny wins")) && notes.contains(QLatin1String("Statement[1]")), qPrintable(notes));
        // The same policy allows what the Deny does not cover.
        QCOMPARE(get(m_rest, "/dev/pets", {{"Authorization", "deny"}}).status, 200);
    }

    void noMatchingAllowIsImplicitDeny()
    {
        const RawResponse r = get(m_rest, "/dev/secret", {{"Authorization", "nothing"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(GwTest::messageOf(r), QStringLiteral("User is not authorized to access this resource"));
    }

    void unauthorizedError()
    {
        const RawResponse r = get(m_rest, "/dev/secret", {{"Authorization", "unauthorized"}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Unauthorized\"}"));
    }

    void otherErrorsAreConfigurationErrors_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("raises") << QByteArray("boom");
        QTest::newRow("no policy") << QByteArray("malformed");
        QTest::newRow("object in context") << QByteArray("badcontext");
    }

    void otherErrorsAreConfigurationErrors()
    {
        QFETCH(QByteArray, token);
        const RawResponse r = get(m_rest, "/dev/secret", {{"Authorization", token}});
        QCOMPARE(r.status, 500);
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("AuthorizerConfigurationException"));
        // AWS's body for this case is {"message": null}.
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QVERIFY2(body.contains(QLatin1String("message")) && body.value(QLatin1String("message")).isNull(), r.body.constData());
        QVERIFY(GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("authorize")).contains(QLatin1String("authorizer configuration error")));
    }

    void notInvokedWithoutAValidToken()
    {
        const int before = invocations();
        const RawResponse missing = get(m_rest, "/dev/secret", {});
        QCOMPARE(missing.status, 401);
        const RawResponse mismatch = get(m_rest, "/dev/secret", {{"Authorization", "zzz"}});
        QCOMPARE(mismatch.status, 401);
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, mismatch), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("identityValidationExpression")), qPrintable(notes));
        QCOMPARE(invocations(), before);
    }

    void requestAuthorizerCachesByIdentity()
    {
        const int before = invocations();
        const RawResponse first = get(m_rest, "/dev/cached?tenant=a", {{"X-User", "allow-u1"}});
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body, QByteArray("{\"ok\": \"user-u1\"}"));
        QCOMPARE(invocations(), before + 1);
        const RawResponse second = get(m_rest, "/dev/cached?tenant=a", {{"X-User", "allow-u1"}});
        QCOMPARE(second.status, 200);
        QCOMPARE(invocations(), before + 1);
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, second), QStringLiteral("authorize"));
        QVERIFY2(notes.contains(QLatin1String("cached decision")), qPrintable(notes));
        // Another identity is another cache entry.
        QCOMPARE(get(m_rest, "/dev/cached?tenant=b", {{"X-User", "allow-u1"}}).status, 200);
        QCOMPARE(invocations(), before + 2);
        // A missing identity source: 401 without invoking.
        const RawResponse missing = get(m_rest, "/dev/cached", {{"X-User", "allow-u1"}});
        QCOMPARE(missing.status, 401);
        QCOMPARE(invocations(), before + 2);
        QVERIFY(GwTest::notesOf(GwTest::traceOf(*m_host, missing), QStringLiteral("authorize"))
                    .contains(QLatin1String("method.request.querystring.tenant")));
    }

    void usageIdentifierKeyIsTheApiKey()
    {
        const RawResponse ok = get(m_keys, "/dev/keyed", {{"Authorization", "allow"}});
        QCOMPARE(ok.status, 200);
        QVERIFY(GwTest::notesOf(GwTest::traceOf(*m_host, ok), QStringLiteral("throttle")).contains(QLatin1String("usageIdentifierKey")));
        const RawResponse bad = get(m_keys, "/dev/keyed", {{"Authorization", "allowbadkey"}});
        QCOMPARE(bad.status, 403);
        QCOMPARE(GwTest::messageOf(bad), QStringLiteral("Forbidden"));
    }

    void authorizerBeforeHeaderApiKey()
    {
        // AWS authorizes first: no token and no key is 401, a good token without a key is 403.
        QCOMPARE(get(m_rest, "/dev/both", {}).status, 401);
        const RawResponse noKey = get(m_rest, "/dev/both", {{"Authorization", "allow"}});
        QCOMPARE(noKey.status, 403);
        QCOMPARE(GwTest::messageOf(noKey), QStringLiteral("Forbidden"));
        QVERIFY(GwTest::notesOf(GwTest::traceOf(*m_host, noKey), QStringLiteral("apiKey")).contains(QLatin1String("AWS authorizes first")));
        QCOMPARE(get(m_rest, "/dev/both", {{"Authorization", "allow"}, {"x-api-key", "gold-key-0123456789abcdef"}}).status, 200);
    }

    void httpSimpleResponses()
    {
        const RawResponse ok = get(m_http, "/simple", {{"X-Token", "simple-yes"}});
        QCOMPARE(ok.status, 200);
        const QJsonObject lambda = eventOf(ok).value(QLatin1String("requestContext")).toObject()
                                       .value(QLatin1String("authorizer")).toObject().value(QLatin1String("lambda")).toObject();
        QCOMPARE(lambda.value(QLatin1String("team")).toString(), QStringLiteral("blue"));
        QCOMPARE(lambda.value(QLatin1String("n")).toInt(), 1); // HTTP APIs keep the JSON types
        const RawResponse no = get(m_http, "/simple", {{"X-Token", "simple-no"}});
        QCOMPARE(no.status, 403);
        QCOMPARE(no.body, QByteArray("{\"message\":\"Forbidden\"}"));
        QCOMPARE(get(m_http, "/simple", {}).status, 401);
    }

    void httpCacheSpansRoutesUnlessRouteKeyIsASource()
    {
        // AWS: a cached result applies to every route of the authorizer…
        int before = invocations();
        QCOMPARE(get(m_http, "/shared1", {{"X-Token", "simple-yes"}}).status, 200);
        QCOMPARE(get(m_http, "/shared2", {{"X-Token", "simple-yes"}}).status, 200);
        QCOMPARE(invocations(), before + 1);
        // …unless $context.routeKey is one of its identity sources.
        before = invocations();
        QCOMPARE(get(m_http, "/perroute1", {{"X-Token", "simple-yes"}}).status, 200);
        QCOMPARE(get(m_http, "/perroute2", {{"X-Token", "simple-yes"}}).status, 200);
        const RawResponse again = get(m_http, "/perroute2", {{"X-Token", "simple-yes"}});
        QCOMPARE(again.status, 200);
        QCOMPARE(invocations(), before + 2);
        QVERIFY(GwTest::notesOf(GwTest::traceOf(*m_host, again), QStringLiteral("authorize")).contains(QLatin1String("cached decision")));
    }

    void httpPayloadV1Policies()
    {
        QCOMPARE(get(m_http, "/v1", {{"X-Token", "allow"}}).status, 200);
        QCOMPARE(get(m_http, "/v1", {{"X-Token", "nothing"}}).status, 403);
        const RawResponse boom = get(m_http, "/v1", {{"X-Token", "boom"}});
        QCOMPARE(boom.status, 500);
        QCOMPARE(boom.body, QByteArray("{\"message\":\"Internal Server Error\"}"));
    }
};

QTEST_GUILESS_MAIN(tst_LambdaAuthorizer)
#include "tst_lambdaauthorizer.moc"
