// Tests for the document helpers: ids, enum spellings, lookups, resource paths, diagnostics.
#include "model/apidocument.h"
#include "model/diagnostic.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Gw::Model;

class tst_ApiDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newIdFormat();
    void enumSpellings();
    void lookups();
    void resourcePaths();
    void diagnosticFormat();
};

void tst_ApiDocument::newIdFormat()
{
    const QRegularExpression re(QStringLiteral("^res_[a-z0-9]{8}$"));
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString id = newId(QStringLiteral("res"));
        QVERIFY2(re.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 1000);
}

void tst_ApiDocument::enumSpellings()
{
    QCOMPARE(toString(ApiType::WebSocket), QStringLiteral("WEBSOCKET"));
    QCOMPARE(toString(IntegrationType::AwsProxy), QStringLiteral("AWS_PROXY"));
    QCOMPARE(toString(IntegrationType::HttpProxy), QStringLiteral("HTTP_PROXY"));
    QCOMPARE(toString(AuthorizationType::CognitoUserPools), QStringLiteral("COGNITO_USER_POOLS"));
    QCOMPARE(toString(AuthorizerType::Request), QStringLiteral("REQUEST"));
    QCOMPARE(toString(PassthroughBehavior::WhenNoTemplates), QStringLiteral("WHEN_NO_TEMPLATES"));
    QCOMPARE(toString(QuotaPeriod::Week), QStringLiteral("WEEK"));

    for (ApiType t : {ApiType::Rest, ApiType::Http, ApiType::WebSocket})
        QVERIFY(apiTypeFromString(toString(t)) == t);
    for (IntegrationType t : {IntegrationType::Mock, IntegrationType::AwsProxy, IntegrationType::Aws,
                              IntegrationType::Http, IntegrationType::HttpProxy})
        QVERIFY(integrationTypeFromString(toString(t)) == t);
    for (AuthorizationType t : {AuthorizationType::None, AuthorizationType::AwsIam, AuthorizationType::Custom,
                                AuthorizationType::CognitoUserPools, AuthorizationType::Jwt})
        QVERIFY(authorizationTypeFromString(toString(t)) == t);
    for (AuthorizerType t : {AuthorizerType::Token, AuthorizerType::Request,
                             AuthorizerType::CognitoUserPools, AuthorizerType::Jwt})
        QVERIFY(authorizerTypeFromString(toString(t)) == t);
    for (PassthroughBehavior p : {PassthroughBehavior::WhenNoMatch, PassthroughBehavior::WhenNoTemplates,
                                  PassthroughBehavior::Never})
        QVERIFY(passthroughBehaviorFromString(toString(p)) == p);
    for (QuotaPeriod p : {QuotaPeriod::Day, QuotaPeriod::Week, QuotaPeriod::Month})
        QVERIFY(quotaPeriodFromString(toString(p)) == p);

    // AWS spellings are exact: no case folding, no unknown values.
    QVERIFY(!integrationTypeFromString(QStringLiteral("aws_proxy")));
    QVERIFY(!apiTypeFromString(QStringLiteral("WEB_SOCKET")));
    QVERIFY(!quotaPeriodFromString(QString()));
}

void tst_ApiDocument::lookups()
{
    ApiDocument doc;
    Api a;
    a.id = QStringLiteral("api_a");
    Api b;
    b.id = QStringLiteral("api_b");
    doc.apis = {a, b};
    LocalFunction f;
    f.name = QStringLiteral("fn");
    doc.functions = {f};

    QCOMPARE(doc.findApi(QStringLiteral("api_b")), &doc.apis[1]);
    QVERIFY(!doc.findApi(QStringLiteral("api_c")));
    doc.findApi(QStringLiteral("api_a"))->name = QStringLiteral("A");
    QCOMPARE(doc.apis.at(0).name, QStringLiteral("A"));
    const ApiDocument &cdoc = doc;
    QCOMPARE(cdoc.findApi(QStringLiteral("api_a"))->name, QStringLiteral("A"));
    QCOMPARE(doc.findFunction(QStringLiteral("fn")), &doc.functions.at(0));
    QVERIFY(!doc.findFunction(QStringLiteral("other")));
}

void tst_ApiDocument::resourcePaths()
{
    Api api;
    api.resources = {Resource{QStringLiteral("res_root"), {}, {}, {}},
                     Resource{QStringLiteral("res_pets"), QStringLiteral("res_root"), QStringLiteral("pets"), {}},
                     Resource{QStringLiteral("res_pet"), QStringLiteral("res_pets"), QStringLiteral("{petId}"), {}},
                     Resource{QStringLiteral("res_c1"), QStringLiteral("res_c2"), QStringLiteral("a"), {}},
                     Resource{QStringLiteral("res_c2"), QStringLiteral("res_c1"), QStringLiteral("b"), {}}};
    QCOMPARE(resourcePath(api, QStringLiteral("res_root")), QStringLiteral("/"));
    QCOMPARE(resourcePath(api, QStringLiteral("res_pets")), QStringLiteral("/pets"));
    QCOMPARE(resourcePath(api, QStringLiteral("res_pet")), QStringLiteral("/pets/{petId}"));
    QCOMPARE(findResource(api, QStringLiteral("res_pet"))->pathPart, QStringLiteral("{petId}"));
    QVERIFY(!findResource(api, QStringLiteral("res_none")));
    // A broken tree terminates.
    QCOMPARE(resourcePath(api, QStringLiteral("res_c1")), QStringLiteral("/b/a"));
}

void tst_ApiDocument::diagnosticFormat()
{
    Diagnostic d{Diagnostic::Severity::Error, QStringLiteral("/apis/0/routes/2/routeKey"),
                 QStringLiteral("bad key"), QStringLiteral("invalid-route-key")};
    QCOMPARE(d.format(QStringLiteral("p.apigw.json")),
             QStringLiteral("p.apigw.json:/apis/0/routes/2/routeKey: error: bad key [invalid-route-key]"));
    d.severity = Diagnostic::Severity::Warning;
    d.ruleId.clear();
    QCOMPARE(d.format(QStringLiteral("f")), QStringLiteral("f:/apis/0/routes/2/routeKey: warning: bad key"));
    d.severity = Diagnostic::Severity::Note;
    d.location = QStringLiteral("3:7");
    QCOMPARE(d.format(QStringLiteral("f")), QStringLiteral("f:3:7: note: bad key"));
    d.location.clear();
    QCOMPARE(d.format(QStringLiteral("f")), QStringLiteral("f: note: bad key"));

    QVERIFY(!hasErrors({}));
    QVERIFY(!hasErrors({d}));
    d.severity = Diagnostic::Severity::Error;
    QVERIFY(hasErrors({d}));
}

QTEST_GUILESS_MAIN(tst_ApiDocument)
#include "tst_apidocument.moc"
