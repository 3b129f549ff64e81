// HTTP API CorsConfiguration over loopback (reference §1.11): preflights answered by the gateway
// with no OPTIONS route (204), listed / unlisted / https://* origins, disallowed methods, CORS
// headers on integration responses and on gateway errors, backend CORS headers ignored, and an
// explicit OPTIONS route keeping its own answer.
#include "policytest.h"
#include "pythonfunctions.h"

#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Gw::Runtime;
using GwTest::RawResponse;

namespace {

QByteArray backendCode()
{
    QFile f(QStringLiteral(GW_SOURCE_DIR "/tests/policies/corsbackend.py"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool hasAnyCorsHeader(const RawResponse &r)
{
    for (const auto &h : r.headers) {
        if (h.first.toLower().startsWith("access-control-"))
            return true;
    }
    return false;
}

} // namespace

class tst_Cors : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_port = 0;

    RawResponse preflight(const QByteArray &path, const QByteArray &origin, const QByteArray &method = "GET")
    {
        return GwTest::request(m_port, "OPTIONS", path,
                               {{"Origin", origin}, {"Access-Control-Request-Method", method},
                                {"Access-Control-Request-Headers", "content-type"}});
    }

    std::shared_ptr<Gw::Model::ApiDocument> document()
    {
        Gw::Model::Api api;
        api.id = QStringLiteral("api_http");
        api.name = QStringLiteral("cors");
        api.type = Gw::Model::ApiType::Http;
        Gw::Model::Stage def;
        def.name = QStringLiteral("$default");
        api.stages = {def};
        Gw::Model::CorsConfiguration cors;
        cors.allowOrigins = {QStringLiteral("http://localhost:3000"), QStringLiteral("https://*")};
        cors.allowMethods = {QStringLiteral("GET"), QStringLiteral("POST")};
        cors.allowHeaders = {QStringLiteral("content-type"), QStringLiteral("authorization")};
        cors.exposeHeaders = {QStringLiteral("x-request-id")};
        cors.maxAge = 600;
        api.cors = cors;
        Gw::Model::Authorizer jwt;
        jwt.id = QStringLiteral("auth_jwt");
        jwt.name = QStringLiteral("jwt");
        jwt.type = Gw::Model::AuthorizerType::Jwt;
        jwt.identitySource = {QStringLiteral("$request.header.Authorization")};
        jwt.jwtIssuer = QStringLiteral("http://127.0.0.1:9/");
        jwt.jwtAudiences = {QStringLiteral("x")};
        api.authorizers = {jwt};
        Gw::Model::Route items;
        items.id = QStringLiteral("rt_items");
        items.routeKey = QStringLiteral("GET /items");
        items.integration.type = Gw::Model::IntegrationType::AwsProxy;
        items.integration.functionName = QStringLiteral("backend");
        items.integration.payloadFormatVersion = QStringLiteral("2.0");
        Gw::Model::Route protectedRoute = items;
        protectedRoute.id = QStringLiteral("rt_protected");
        protectedRoute.routeKey = QStringLiteral("GET /protected");
        protectedRoute.authorizationType = Gw::Model::AuthorizationType::Jwt;
        protectedRoute.authorizerId = QStringLiteral("auth_jwt");
        Gw::Model::Route custom;
        custom.id = QStringLiteral("rt_custom");
        custom.routeKey = QStringLiteral("OPTIONS /custom");
        custom.integration.type = Gw::Model::IntegrationType::Mock;
        Gw::Model::Route any = items;
        any.id = QStringLiteral("rt_any");
        any.routeKey = QStringLiteral("ANY /any");
        api.routes = {items, protectedRoute, custom, any};
        auto doc = std::make_shared<Gw::Model::ApiDocument>();
        doc->apis = {api};
        doc->functions = {GwTest::writePythonFunction(m_dir.path(), QStringLiteral("backend"), backendCode())};
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
        m_port = quint16(m_host->endpoints().constFirst().baseUrl.port());
    }

    void cleanupTestCase() { m_host.reset(); }

    void preflightAnsweredWithoutOptionsRoute()
    {
        const RawResponse r = preflight("/items", "http://localhost:3000");
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:3000"));
        QCOMPARE(r.header("Access-Control-Allow-Methods"), QByteArray("GET,POST"));
        QCOMPARE(r.header("Access-Control-Allow-Headers"), QByteArray("content-type,authorization"));
        QCOMPARE(r.header("Access-Control-Max-Age"), QByteArray("600"));
        QVERIFY(!r.hasHeader("Access-Control-Allow-Credentials"));
        // No route matches OPTIONS /items: the respond step answers the preflight and says so.
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("respond"));
        QVERIFY2(notes.contains(QLatin1String("answered by the gateway")), qPrintable(notes));
    }

    void preflightForAPathNoRouteHas()
    {
        const RawResponse r = preflight("/nowhere/at/all", "http://localhost:3000", "POST");
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:3000"));
    }

    void origins_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<QByteArray>("allowed");
        QTest::newRow("listed") << QByteArray("http://localhost:3000") << QByteArray("http://localhost:3000");
        QTest::newRow("https wildcard") << QByteArray("https://shop.example.org") << QByteArray("https://shop.example.org");
        QTest::newRow("unlisted") << QByteArray("http://evil.example") << QByteArray();
        QTest::newRow("http is not https://*") << QByteArray("http://shop.example.org") << QByteArray();
        QTest::newRow("other port") << QByteArray("http://localhost:3001") << QByteArray();
    }

    void origins()
    {
        QFETCH(QByteArray, origin);
        QFETCH(QByteArray, allowed);
        const RawResponse r = preflight("/items", origin);
        QCOMPARE(r.status, 204);
        if (allowed.isEmpty())
            QVERIFY2(!hasAnyCorsHeader(r), "an unlisted origin gets no CORS headers at all");
        else
            QCOMPARE(r.header("Access-Control-Allow-Origin"), allowed);
    }

    void preflightForAMethodNotAllowed()
    {
        const RawResponse r = preflight("/items", "http://localhost:3000", "DELETE");
        QCOMPARE(r.status, 204);
        QVERIFY(!hasAnyCorsHeader(r));
    }

    void responsesGetGatewayHeadersNotTheBackends()
    {
        const RawResponse r = GwTest::request(m_port, "GET", "/items", {{"Origin", "http://localhost:3000"}}, {}, 30000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("items"));
        QCOMPARE(r.header("X-Backend"), QByteArray("yes"));
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:3000"));
        QCOMPARE(r.header("Access-Control-Expose-Headers"), QByteArray("x-request-id"));
        QVERIFY(!r.hasHeader("Access-Control-Allow-Methods")); // the backend's DELETE is dropped
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("respond"));
        QVERIFY2(notes.contains(QLatin1String("backend CORS header(s) ignored")), qPrintable(notes));
    }

    void noOriginNoCorsHeaders()
    {
        const RawResponse r = GwTest::request(m_port, "GET", "/items", {}, {}, 30000);
        QCOMPARE(r.status, 200);
        QVERIFY(!hasAnyCorsHeader(r)); // not even the backend's
    }

    void gatewayErrorsCarryCorsHeaders()
    {
        const RawResponse r = GwTest::request(m_port, "GET", "/protected", {{"Origin", "https://app.example.com"}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("https://app.example.com"));
        const RawResponse notFound = GwTest::request(m_port, "GET", "/missing", {{"Origin", "http://localhost:3000"}});
        QCOMPARE(notFound.status, 404);
        QCOMPARE(notFound.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:3000"));
    }

    void optionsWithoutRequestMethodIsNotAPreflight()
    {
        const RawResponse r = GwTest::request(m_port, "OPTIONS", "/items", {{"Origin", "http://localhost:3000"}});
        QCOMPARE(r.status, 404); // routed like any request: no OPTIONS /items route
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:3000"));
    }

    void anyRouteDoesNotTakePreflights()
    {
        // ANY /any matches OPTIONS, but the gateway answers the preflight before the integration.
        const RawResponse r = preflight("/any", "https://app.example.com");
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("https://app.example.com"));
        const QString notes = GwTest::notesOf(GwTest::traceOf(*m_host, r), QStringLiteral("cors"));
        QVERIFY2(notes.contains(QLatin1String("answered by the gateway")), qPrintable(notes));
    }

    void explicitOptionsRouteAnswersItself()
    {
        const RawResponse r = preflight("/custom", "http://localhost:3000");
        QCOMPARE(r.status, 200); // the route's MOCK integration, not the gateway's 204
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:3000"));
    }
};

QTEST_GUILESS_MAIN(tst_Cors)
#include "tst_cors.moc"
