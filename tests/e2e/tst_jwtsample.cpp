// The JWT sample as a user runs it: RuntimeHost starts the local identity provider because the
// sample's authorizer trusts http://127.0.0.1:9400/, tokens it mints open the protected routes,
// and AWS's 401/403 answer the rest. (The only test that binds the provider's fixed port.)
#include "model/serialization/projectfile.h"
#include "runtime/auth/localidentityprovider.h"
#include "runtime/runtimehost.h"

#include "tests/runtime/rawhttpclient.h"

#include <QTest>

using namespace Gw::Runtime;
using GwTest::RawHttpClient;
using GwTest::RawResponse;

class tst_JwtSample : public QObject
{
    Q_OBJECT

    std::unique_ptr<RuntimeHost> m_host;
    quint16 m_port = 0;

    RawResponse get(const QByteArray &path, const QByteArray &token = {})
    {
        RawHttpClient c;
        if (!c.connectTo(m_port))
            return {};
        return c.request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         + (token.isEmpty() ? QByteArray() : "Authorization: Bearer " + token + "\r\n") + "\r\n");
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = QStringLiteral(GW_SOURCE_DIR "/resources/samples/jwt-http-api.apigw.json");
        auto loaded = Gw::Model::ProjectFile::load(path);
        QVERIFY(loaded.ok());
        m_host = std::make_unique<RuntimeHost>();
        RuntimeOptions options;
        options.projectDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        QString error;
        QVERIFY2(m_host->start(std::make_shared<Gw::Model::ApiDocument>(loaded.take()), options, &error),
                 qPrintable(error));
        m_port = quint16(m_host->endpoints().constFirst().baseUrl.port());
        QVERIFY2(m_host->identityProvider(), "the sample trusts the local issuer: it must be running");
        QCOMPARE(m_host->identityProvider()->issuer(), QStringLiteral("http://127.0.0.1:9400/"));
    }

    void cleanupTestCase() { m_host.reset(); }

    void tokensFromTheLocalProviderOpenTheRoute()
    {
        JwtMintOptions mint;
        mint.audiences = {QStringLiteral("apigw-studio")};
        mint.scopes = {QStringLiteral("items.read")};
        QString error;
        const QByteArray token = m_host->identityProvider()->mint(mint, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        QCOMPARE(get("/items", token).status, 200);
        QCOMPARE(get("/items").status, 401);

        mint.audiences = {QStringLiteral("someone-else")};
        const RawResponse wrongAudience = get("/items", m_host->identityProvider()->mint(mint, &error));
        QCOMPARE(wrongAudience.status, 401);
        QVERIFY(wrongAudience.header("www-authenticate").contains("invalid_token"));

        mint.audiences = {QStringLiteral("apigw-studio")};
        mint.scopes = {QStringLiteral("other.scope")};
        QCOMPARE(get("/items", m_host->identityProvider()->mint(mint, &error)).status, 403);
        QCOMPARE(get("/public").status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_JwtSample)
#include "tst_jwtsample.moc"
