// The console's auth helpers against a real running gateway: an API key from the document, SigV4
// signing with a local IAM credential and Bearer tokens minted by the local identity provider,
// each with good auth (200) and bad auth (AWS's 403/401), and the trace step that decided it.
#include "model/documentsession.h"
#include "runtime/auth/localidentityprovider.h"
#include "runtime/runtimehost.h"
#include "ui/console/authpanel.h"
#include "ui/console/requestconsole.h"
#include "ui/runtimecontroller.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;
using Mode = Ui::AuthPanel::Mode;

class TestConsoleAuth : public QObject
{
    Q_OBJECT

    static constexpr const char *keyValue = "console-key-0123456789abcdef";
    static constexpr const char *accessKeyId = "AKIDCONSOLETEST00001";

    Model::DocumentSession m_session;
    Runtime::RuntimeHost m_host;
    std::unique_ptr<Ui::RuntimeController> m_controller;
    QString m_base;

    static bool send(Ui::RequestConsole &console)
    {
        QSignalSpy responses(&console, &Ui::RequestConsole::responseReceived);
        console.send();
        return responses.wait(15000);
    }

    static const Runtime::TraceStep *step(const Runtime::Trace &trace, const QString &name)
    {
        for (const Runtime::TraceStep &s : trace.steps)
            if (s.name == name)
                return &s;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The pet store, with GET /pets behind an API key and GET /health behind AWS_IAM.
        const QString path = QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore-rest.apigw.json");
        QVERIFY(!Model::hasErrors(m_session.open(path)));
        m_session.edit(QStringLiteral("Protect"), [](Model::ApiDocument &doc) {
            for (Model::Resource &r : doc.apis.first().resources)
                for (Model::Method &m : r.methods) {
                    if (m.id == QLatin1String("mth_pets_get"))
                        m.apiKeyRequired = true;
                    if (m.id == QLatin1String("mth_health_get"))
                        m.authorizationType = Model::AuthorizationType::AwsIam;
                }
            Model::ApiKey key;
            key.id = QStringLiteral("key_console");
            key.name = QStringLiteral("console");
            key.value = QString::fromLatin1(keyValue);
            doc.apiKeys.append(key);
            Model::UsagePlan plan;
            plan.id = QStringLiteral("plan_console");
            plan.name = QStringLiteral("console");
            plan.apiStages = {Model::ApiStageRef{doc.apis.first().id, QStringLiteral("dev")}};
            plan.apiKeyIds = {key.id};
            doc.usagePlans.append(plan);
            Model::IamCredential cred;
            cred.accessKeyId = QString::fromLatin1(accessKeyId);
            cred.secretAccessKey = QStringLiteral("console-secret");
            cred.sessionToken = QStringLiteral("console-session-token");
            cred.principalArn = QStringLiteral("arn:aws:iam::123456789012:user/console");
            doc.iamCredentials.append(cred);
            Model::IamCredential wrong = cred;
            wrong.accessKeyId = QStringLiteral("AKIDNOTKNOWN00000001");
            wrong.secretAccessKey = QStringLiteral("other");
            wrong.sessionToken.clear();
            // Known to the composer only: removed from the served copy below.
            doc.iamCredentials.append(wrong);
        });
        Runtime::RuntimeOptions options;
        options.projectDir = QFileInfo(path).absolutePath();
        QString error;
        auto served = std::make_shared<Model::ApiDocument>(*m_session.snapshot());
        served->iamCredentials.removeLast();
        QVERIFY2(m_host.start(served, options, &error), qPrintable(error));
        m_controller = std::make_unique<Ui::RuntimeController>(&m_session, &m_host, nullptr);
        m_base = m_host.endpoints().first().baseUrl.toString();
    }

    void cleanupTestCase()
    {
        m_controller.reset();
        m_host.stop();
    }

    void apiKey()
    {
        Ui::RequestConsole console(m_controller.get());
        console.setMethod(QStringLiteral("GET"));
        console.setUrl(m_base + QStringLiteral("/dev/pets"));
        QVERIFY(send(console));
        QCOMPARE(console.lastStatus(), 403); // no key
        QVERIFY(console.lastResponseBody().contains("Forbidden"));
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
        const Runtime::TraceStep *s = step(*console.lastTrace(), QStringLiteral("apiKey"));
        QVERIFY(s);
        QVERIFY(console.lastTrace()->failingStep() == s);

        console.authPanel()->setMode(Mode::ApiKey);
        console.authPanel()->setApiKeyId(QStringLiteral("key_console"));
        QVERIFY(send(console));
        QCOMPARE(console.lastStatus(), 200);
        bool sentKey = false;
        for (const auto &h : console.lastRequestHeaders())
            sentKey = sentKey || (h.first == "x-api-key" && h.second == keyValue);
        QVERIFY(sentKey);
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
        s = step(*console.lastTrace(), QStringLiteral("apiKey"));
        QVERIFY(s && s->outcome != Runtime::TraceStep::Outcome::Fail && !s->flagged);
    }

    void sigV4()
    {
        Ui::RequestConsole console(m_controller.get());
        console.setTarget({Kind::Method, QStringLiteral("api_petstore"), QStringLiteral("mth_health_get")});
        QVERIFY(send(console));
        QCOMPARE(console.lastStatus(), 403);
        QVERIFY2(console.lastResponseBody().contains("Missing Authentication Token"), console.lastResponseBody().constData());

        console.authPanel()->setMode(Mode::SigV4);
        console.authPanel()->setCredential(QString::fromLatin1(accessKeyId));
        QVERIFY(send(console));
        QVERIFY2(console.lastStatus() == 200, console.lastResponseBody().constData());
        QStringList names;
        for (const auto &h : console.lastRequestHeaders())
            names << QString::fromLatin1(h.first).toLower();
        QVERIFY(names.contains(QStringLiteral("authorization")));
        QVERIFY(names.contains(QStringLiteral("x-amz-date")));
        QVERIFY(names.contains(QStringLiteral("x-amz-security-token")));
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
        QCOMPARE(console.lastTrace()->status, 200);

        // A credential the gateway does not know: AWS's 403 with the reason in the trace.
        console.authPanel()->setCredential(QStringLiteral("AKIDNOTKNOWN00000001"));
        QVERIFY(send(console));
        QCOMPARE(console.lastStatus(), 403);
        QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
        const Runtime::TraceStep *failing = console.lastTrace()->failingStep();
        QVERIFY(failing);
        QCOMPARE(failing->name, QStringLiteral("authorize"));
        QVERIFY2(!failing->notes.isEmpty(), "the failing step says why");
    }

    void bearerToken()
    {
        QTemporaryDir keys;
        Runtime::LocalIdentityProvider idp(keys.path());
        QString error;
        QVERIFY2(idp.start(0, &error), qPrintable(error));

        Model::DocumentSession session;
        QVERIFY(!Model::hasErrors(session.open(QStringLiteral(GW_SOURCE_DIR "/resources/samples/jwt-http-api.apigw.json"))));
        const QString issuer = idp.issuer();
        session.edit(QStringLiteral("Issuer"), [&](Model::ApiDocument &doc) {
            doc.apis.first().authorizers.first().jwtIssuer = issuer;
        });
        Runtime::RuntimeHost host;
        Ui::RuntimeController controller(&session, &host, nullptr);
        Runtime::RuntimeOptions options;
        options.projectDir = QStringLiteral(GW_SOURCE_DIR "/resources/samples");
        QVERIFY2(host.start(session.snapshot(), options, &error), qPrintable(error));

        Ui::RequestConsole console(&controller);
        console.authPanel()->setIdentityProvider(&idp);
        console.setTarget({Kind::Route, QStringLiteral("api_items"), QStringLiteral("rt_items_list")});
        QVERIFY(send(console));
        QCOMPARE(console.lastStatus(), 401); // no token

        console.authPanel()->setMode(Mode::Bearer);
        console.authPanel()->setTokenAudience(QStringLiteral("apigw-studio"));
        console.authPanel()->setTokenScopes(QStringLiteral("items.read"));
        QVERIFY(send(console));
        QVERIFY2(console.lastStatus() == 200, console.lastResponseBody().constData());

        for (auto variant : {Ui::AuthPanel::TokenVariant::Expired, Ui::AuthPanel::TokenVariant::WrongAudience}) {
            console.authPanel()->setTokenVariant(variant);
            QVERIFY(send(console));
            QCOMPARE(console.lastStatus(), 401);
            QTRY_VERIFY_WITH_TIMEOUT(console.lastTrace() != nullptr, 5000);
            const Runtime::TraceStep *failing = console.lastTrace()->failingStep();
            QVERIFY(failing);
            QCOMPARE(failing->name, QStringLiteral("authorize"));
            const QString why = failing->notes.join(u' ');
            QVERIFY2(why.contains(variant == Ui::AuthPanel::TokenVariant::Expired ? QStringLiteral("exp")
                                                                                  : QStringLiteral("aud"),
                                  Qt::CaseInsensitive),
                     qPrintable(why));
        }
        host.stop();
        idp.stop();
    }
};

QTEST_MAIN(TestConsoleAuth)
#include "tst_consoleauth.moc"
