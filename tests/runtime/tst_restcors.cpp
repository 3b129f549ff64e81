// REST "Enable CORS" as a model action, checked end to end: the OPTIONS MOCK it creates answers
// the preflight through the gateway, the other methods' 200s carry the origin, lint stays clean.
#include "model/actions/restcors.h"
#include "model/validation/lint.h"
#include "runtime/gateway.h"

#include "tests/runtime/testdocuments.h"

#include <QTest>

using namespace Gw::Runtime;

class tst_RestCors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enableCorsAnswersThePreflight()
    {
        Gw::Model::Api api = GwTest::restApi();
        const QString pets = GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("pets"),
                                                 {GwTest::mockMethod(QStringLiteral("GET"), QStringLiteral("[]")),
                                                  GwTest::mockMethod(QStringLiteral("POST"), QStringLiteral("{}"), 200,
                                                                     QStringLiteral("mth_post"))});
        auto doc = std::make_shared<Gw::Model::ApiDocument>();
        doc->apis.append(api);
        QVERIFY(!Gw::Model::enableRestCors(*doc, api.id, QStringLiteral("res_missing")));
        QVERIFY(Gw::Model::enableRestCors(*doc, api.id, pets, QStringLiteral("https://app.example.com")));
        QVERIFY(Gw::Model::enableRestCors(*doc, api.id, pets, QStringLiteral("https://app.example.com"))); // idempotent
        int options = 0;
        for (const Gw::Model::Method &m : doc->apis.first().resources.last().methods)
            options += m.httpMethod == QLatin1String("OPTIONS") ? 1 : 0;
        QCOMPARE(options, 1);
        for (const Gw::Model::Diagnostic &d : Gw::Model::lint(*doc))
            QVERIFY2(!d.isError(), qPrintable(d.format(QStringLiteral("doc"))));

        const InvokeResult preflight = Gateway::invoke(
            doc, {}, {}, HttpRequest::make("OPTIONS", "/dev/pets",
                                           {{"Origin", "https://app.example.com"},
                                            {"Access-Control-Request-Method", "POST"}}));
        QCOMPARE(preflight.response.status, 200);
        QCOMPARE(preflight.response.header("Access-Control-Allow-Origin"), QByteArray("https://app.example.com"));
        QCOMPARE(preflight.response.header("Access-Control-Allow-Methods"), QByteArray("GET,OPTIONS,POST"));
        QVERIFY(preflight.response.header("Access-Control-Allow-Headers").contains("Authorization"));

        const InvokeResult get = Gateway::invoke(doc, {}, {}, HttpRequest::make("GET", "/dev/pets"));
        QCOMPARE(get.response.status, 200);
        QCOMPARE(get.response.header("Access-Control-Allow-Origin"), QByteArray("https://app.example.com"));
    }
};

QTEST_GUILESS_MAIN(tst_RestCors)
#include "tst_restcors.moc"
