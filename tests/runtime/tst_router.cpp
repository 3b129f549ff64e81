// Tests AWS's request matching: REST stage prefix, literal > {param} > {proxy+}, method > ANY;
// HTTP API stage selection and route priority (the Developer Guide's own examples).
#include "runtime/compiledapi.h"
#include "runtime/router.h"

#include "tests/runtime/testdocuments.h"

#include <QTest>

using namespace Gw::Runtime;
using namespace Gw::Model;
using namespace GwTest;

class tst_Router : public QObject
{
    Q_OBJECT

private:
    CompiledApiPtr m_rest;
    CompiledApiPtr m_http;

    static RouteMatch match(const CompiledApiPtr &api, const char *method, const char *path)
    {
        return Router::match(*api, QByteArray(method), QByteArray(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        Api api = restApi(QStringLiteral("dev"));
        api.resources[0].methods.append(mockMethod(QStringLiteral("GET"), QStringLiteral("root")));
        const QString pets = addResource(api, QStringLiteral("res_root"), QStringLiteral("pets"),
                                         {mockMethod(QStringLiteral("GET"), QStringLiteral("list"))});
        const QString petId = addResource(api, pets, QStringLiteral("{petId}"),
                                          {mockMethod(QStringLiteral("GET"), QStringLiteral("one"))});
        addResource(api, petId, QStringLiteral("toys"), {mockMethod(QStringLiteral("GET"), QStringLiteral("toys"))});
        // A literal sibling of {petId} that only has POST: GET must fall back to {petId}.
        addResource(api, pets, QStringLiteral("dogs"), {mockMethod(QStringLiteral("POST"), QStringLiteral("dogs"))});
        addResource(api, pets, QStringLiteral("cats"),
                    {mockMethod(QStringLiteral("GET"), QStringLiteral("cats-get")),
                     mockMethod(QStringLiteral("ANY"), QStringLiteral("cats-any"))});
        const QString files = addResource(api, QStringLiteral("res_root"), QStringLiteral("files"));
        addResource(api, files, QStringLiteral("{path+}"), {mockMethod(QStringLiteral("ANY"), QStringLiteral("file"))});
        addResource(api, QStringLiteral("res_root"), QStringLiteral("{proxy+}"),
                    {mockMethod(QStringLiteral("ANY"), QStringLiteral("catch-all"))});
        const QString only = addResource(api, QStringLiteral("res_root"), QStringLiteral("only"),
                                         {mockMethod(QStringLiteral("GET"), QStringLiteral("only"))});
        Q_UNUSED(only)
        m_rest = CompiledApi::compile(documentWith(api), api.id);
        QVERIFY(m_rest);
        QVERIFY2(m_rest->compileNotes().isEmpty(), qPrintable(m_rest->compileNotes().join('\n')));

        Api http = httpApi({QStringLiteral("$default"), QStringLiteral("beta")});
        // The Developer Guide's example set (http-api-develop-routes).
        http.routes = {route(QStringLiteral("GET /pets/dog/1")), route(QStringLiteral("GET /pets/dog/{id}")),
                       route(QStringLiteral("GET /pets/{proxy+}")), route(QStringLiteral("ANY /{proxy+}")),
                       route(QStringLiteral("$default")), route(QStringLiteral("GET /pets/{id}")),
                       route(QStringLiteral("ANY /pets/{id}")), route(QStringLiteral("POST /pets/{id}/{sub}"))};
        m_http = CompiledApi::compile(documentWith(http), http.id);
        QVERIFY(m_http);
        QVERIFY2(m_http->compileNotes().isEmpty(), qPrintable(m_http->compileNotes().join('\n')));
    }

    void restPriority_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("routeKey");
        QTest::addColumn<QString>("params");

        QTest::newRow("root") << QByteArray("GET") << QByteArray("/dev") << "GET /" << "";
        QTest::newRow("root slash") << QByteArray("GET") << QByteArray("/dev/") << "GET /" << "";
        QTest::newRow("literal") << QByteArray("GET") << QByteArray("/dev/pets") << "GET /pets" << "";
        QTest::newRow("param") << QByteArray("GET") << QByteArray("/dev/pets/7") << "GET /pets/{petId}" << "petId=7";
        QTest::newRow("param child") << QByteArray("GET") << QByteArray("/dev/pets/7/toys")
                                     << "GET /pets/{petId}/toys" << "petId=7";
        QTest::newRow("literal without method falls back to param")
            << QByteArray("GET") << QByteArray("/dev/pets/dogs") << "GET /pets/{petId}" << "petId=dogs";
        QTest::newRow("literal with method") << QByteArray("POST") << QByteArray("/dev/pets/dogs")
                                             << "POST /pets/dogs" << "";
        QTest::newRow("backtrack to param then child")
            << QByteArray("GET") << QByteArray("/dev/pets/dogs/toys") << "GET /pets/{petId}/toys" << "petId=dogs";
        QTest::newRow("method exact beats ANY") << QByteArray("GET") << QByteArray("/dev/pets/cats")
                                                << "GET /pets/cats" << "";
        QTest::newRow("ANY fallback") << QByteArray("DELETE") << QByteArray("/dev/pets/cats")
                                      << "ANY /pets/cats" << "";
        QTest::newRow("greedy") << QByteArray("GET") << QByteArray("/dev/files/a/b/c.txt")
                                << "ANY /files/{path+}" << "path=a/b/c.txt";
        QTest::newRow("greedy needs a segment: /files falls to root greedy")
            << QByteArray("GET") << QByteArray("/dev/files") << "ANY /{proxy+}" << "proxy=files";
        QTest::newRow("root greedy") << QByteArray("PATCH") << QByteArray("/dev/nothing/here")
                                     << "ANY /{proxy+}" << "proxy=nothing/here";
        QTest::newRow("param beats greedy deeper") << QByteArray("GET") << QByteArray("/dev/pets/9/x")
                                                   << "ANY /{proxy+}" << "proxy=pets/9/x";
        QTest::newRow("decoded param") << QByteArray("GET") << QByteArray("/dev/pets/a%20b%2Fc+d")
                                       << "GET /pets/{petId}" << "petId=a b/c+d";
        QTest::newRow("decoded greedy") << QByteArray("GET") << QByteArray("/dev/files/%C3%A9t%C3%A9/x%3Fy")
                                        << "ANY /files/{path+}" << QString::fromUtf8("path=été/x?y");
        QTest::newRow("POST /only goes to greedy") << QByteArray("POST") << QByteArray("/dev/only")
                                                   << "ANY /{proxy+}" << "proxy=only";
    }
    void restPriority()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QString, routeKey);
        QFETCH(QString, params);
        const RouteMatch m = Router::match(*m_rest, method, path);
        QVERIFY2(m.matched(), qPrintable(m.reason));
        QCOMPARE(m.routeKey, routeKey);
        QCOMPARE(m.stage->name, QStringLiteral("dev"));
        QStringList got;
        for (const auto &p : m.pathParameters)
            got.append(p.first + QLatin1Char('=') + p.second);
        QCOMPARE(got.join(QLatin1Char('&')), params);
        QVERIFY(m.integration);
        QCOMPARE(m.integration->integration, &m.method->integration);
    }

    void restUnmatched()
    {
        // No stage prefix, unknown stage.
        RouteMatch m = match(m_rest, "GET", "/pets");
        QCOMPARE(m.status, RouteMatch::Status::NoStage);
        QVERIFY(m.reason.contains(QLatin1String("/dev/")));
        m = match(m_rest, "GET", "/prod/pets");
        QCOMPARE(m.status, RouteMatch::Status::NoStage);
        m = match(m_rest, "GET", "/");
        QCOMPARE(m.status, RouteMatch::Status::NoStage);
        // Stage names are case-sensitive.
        QCOMPARE(match(m_rest, "GET", "/DEV/pets").status, RouteMatch::Status::NoStage);
    }

    void restMethodMissing()
    {
        Api api = restApi();
        addResource(api, QStringLiteral("res_root"), QStringLiteral("only"),
                    {mockMethod(QStringLiteral("GET"), QStringLiteral("only"))});
        auto c = CompiledApi::compile(documentWith(api), api.id);
        const RouteMatch m = match(c, "POST", "/dev/only");
        QCOMPARE(m.status, RouteMatch::Status::NoRoute);
        QVERIFY2(m.reason.contains(QLatin1String("has no POST method")), qPrintable(m.reason));
        QVERIFY(m.pathParameters.isEmpty());
        QCOMPARE(match(c, "GET", "/dev/only/more").status, RouteMatch::Status::NoRoute);
        QCOMPARE(match(c, "GET", "/dev").status, RouteMatch::Status::NoRoute); // root has no method
        QVERIFY(match(c, "GET", "/dev/only").matched());
        QVERIFY(match(c, "get", "/dev/only").matched()); // methods compare upper-case
    }

    void restWithoutStages()
    {
        Api api = restApi(QString());
        addResource(api, QStringLiteral("res_root"), QStringLiteral("x"), {mockMethod(QStringLiteral("GET"), {})});
        auto c = CompiledApi::compile(documentWith(api), api.id);
        const RouteMatch m = match(c, "GET", "/dev/x");
        QCOMPARE(m.status, RouteMatch::Status::NoStage);
        QVERIFY(m.reason.contains(QLatin1String("no stage")));
    }

    void restStageFilter()
    {
        Api api = restApi(QStringLiteral("dev"));
        Stage prod;
        prod.name = QStringLiteral("prod");
        api.stages.append(prod);
        addResource(api, QStringLiteral("res_root"), QStringLiteral("x"), {mockMethod(QStringLiteral("GET"), {})});
        auto all = CompiledApi::compile(documentWith(api), api.id);
        QVERIFY(match(all, "GET", "/dev/x").matched());
        QVERIFY(match(all, "GET", "/prod/x").matched());
        QCOMPARE(match(all, "GET", "/prod/x").stage->name, QStringLiteral("prod"));
        auto onlyProd = CompiledApi::compile(documentWith(api), api.id, QStringLiteral("prod"));
        QCOMPARE(match(onlyProd, "GET", "/dev/x").status, RouteMatch::Status::NoStage);
        QVERIFY(match(onlyProd, "GET", "/prod/x").matched());
    }

    void httpPriority_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("routeKey");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("params");

        // The Developer Guide's table.
        QTest::newRow("GET /pets/dog/1 exact") << QByteArray("GET") << QByteArray("/pets/dog/1")
                                               << "GET /pets/dog/1" << "$default" << "";
        QTest::newRow("GET /pets/dog/2 param") << QByteArray("GET") << QByteArray("/pets/dog/2")
                                               << "GET /pets/dog/{id}" << "$default" << "id=2";
        QTest::newRow("GET /pets/cat/1 greedy") << QByteArray("GET") << QByteArray("/pets/cat/1")
                                                << "GET /pets/{proxy+}" << "$default" << "proxy=cat/1";
        QTest::newRow("POST /test/5 ANY greedy beats $default")
            << QByteArray("POST") << QByteArray("/test/5") << "ANY /{proxy+}" << "$default" << "proxy=test/5";
        // Beyond the table.
        QTest::newRow("exact method beats ANY") << QByteArray("GET") << QByteArray("/pets/7")
                                                << "GET /pets/{id}" << "$default" << "id=7";
        QTest::newRow("ANY route") << QByteArray("DELETE") << QByteArray("/pets/7") << "ANY /pets/{id}"
                                   << "$default" << "id=7";
        QTest::newRow("method mismatch falls to greedy") << QByteArray("GET") << QByteArray("/pets/7/x")
                                                         << "GET /pets/{proxy+}" << "$default" << "proxy=7/x";
        QTest::newRow("two params") << QByteArray("POST") << QByteArray("/pets/7/x") << "POST /pets/{id}/{sub}"
                                    << "$default" << "id=7&sub=x";
        QTest::newRow("root goes to $default route") << QByteArray("GET") << QByteArray("/") << "$default"
                                                     << "$default" << "";
        QTest::newRow("named stage") << QByteArray("GET") << QByteArray("/beta/pets/dog/1") << "GET /pets/dog/1"
                                     << "beta" << "";
        QTest::newRow("decoded") << QByteArray("GET") << QByteArray("/pets/a%2Fb") << "GET /pets/{id}"
                                 << "$default" << "id=a/b";
    }
    void httpPriority()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QString, routeKey);
        QFETCH(QString, stage);
        QFETCH(QString, params);
        const RouteMatch m = Router::match(*m_http, method, path);
        QVERIFY2(m.matched(), qPrintable(m.reason));
        QCOMPARE(m.routeKey, routeKey);
        QCOMPARE(m.stage->name, stage);
        QStringList got;
        for (const auto &p : m.pathParameters)
            got.append(p.first + QLatin1Char('=') + p.second);
        QCOMPARE(got.join(QLatin1Char('&')), params);
        QVERIFY(m.route);
        QCOMPARE(m.integration->integration, &m.route->route->integration);
    }

    void httpWithoutDefaults()
    {
        Api http = httpApi({QStringLiteral("prod")});
        http.routes = {route(QStringLiteral("GET /pets/{id}"))};
        auto c = CompiledApi::compile(documentWith(http), http.id);
        // No $default stage: the stage must be named.
        RouteMatch m = match(c, "GET", "/pets/1");
        QCOMPARE(m.status, RouteMatch::Status::NoStage);
        m = match(c, "GET", "/prod/pets/1");
        QVERIFY(m.matched());
        QCOMPARE(m.pathParameter(QStringLiteral("id")), QStringLiteral("1"));
        // No route and no $default route.
        m = match(c, "POST", "/prod/pets/1");
        QCOMPARE(m.status, RouteMatch::Status::NoRoute);
        m = match(c, "GET", "/prod/pets");
        QCOMPARE(m.status, RouteMatch::Status::NoRoute);
        // Greedy never matches zero segments.
        http.routes = {route(QStringLiteral("ANY /{proxy+}"))};
        c = CompiledApi::compile(documentWith(http), http.id);
        QCOMPARE(match(c, "GET", "/prod").status, RouteMatch::Status::NoRoute);
        QVERIFY(match(c, "GET", "/prod/a").matched());
    }

    void invalidRouteKeyNoted()
    {
        Api http = httpApi();
        http.routes = {route(QStringLiteral("GARBAGE"))};
        auto c = CompiledApi::compile(documentWith(http), http.id);
        QCOMPARE(c->compileNotes().size(), 1);
        QCOMPARE(match(c, "GET", "/x").status, RouteMatch::Status::NoRoute);
    }

    void unknownApi()
    {
        QString error;
        auto c = CompiledApi::compile(documentWith(restApi()), QStringLiteral("api_nope"), {}, &error);
        QVERIFY(!c);
        QVERIFY(error.contains(QLatin1String("api_nope")));
        // By name, and first API when empty.
        QVERIFY(CompiledApi::compile(documentWith(restApi()), QStringLiteral("Test REST")));
        QVERIFY(CompiledApi::compile(documentWith(restApi()), QString()));
    }
};

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"
