// The authorizer editor (offscreen): the fields of each authorizer type, checks while typing, the
// local identity provider button, the IAM credentials table, and edit → undo → restored.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/editors/authorizereditor.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/propertiespanel.h"
#include "ui/mainwindow.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"
#include "ui/propertiesdock.h"
#include "ui/resourcesdock.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
}

const Model::Authorizer &authorizer(const Model::DocumentSession &s, const Ui::NodeRef &ref)
{
    return *Ui::Lookup::authorizer(*Ui::Lookup::api(s.document(), ref.apiId), ref.id);
}

bool choose(QComboBox *box, const QString &value)
{
    const int index = box->findData(value);
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
    return true;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

template<typename T>
T *field(QWidget *editor, const char *name)
{
    T *w = editor->findChild<T *>(QLatin1String(name));
    Q_ASSERT(w);
    return w;
}

} // namespace

class TestAuthorizerEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("apigw-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_authorizereditor"));
    }

    void jwtIssuerAudiencesAndLocalProvider()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("jwt-http-api.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        const Ui::NodeRef ref{Kind::Authorizer, QStringLiteral("api_items"), QStringLiteral("auth_jwt")};
        Ui::AuthorizerEditor editor(&session, ref);
        editor.show();

        auto *type = field<QComboBox>(&editor, "authorizerType");
        auto *issuer = field<QLineEdit>(&editor, "authorizerIssuer");
        auto *audiences = field<QLineEdit>(&editor, "authorizerAudiences");
        QCOMPARE(type->currentData().toString(), QStringLiteral("JWT"));
        // An HTTP API offers its two types only.
        QCOMPARE(type->count(), 2);
        QVERIFY(issuer->isVisible() && audiences->isVisible());
        QVERIFY(!field<QComboBox>(&editor, "authorizerFunction")->isVisible());
        QVERIFY(!field<QLineEdit>(&editor, "authorizerProviderArns")->isVisible());
        QCOMPARE(issuer->text(), QStringLiteral("http://127.0.0.1:9400/"));
        QCOMPARE(Ui::FieldBinder::problemOf(issuer), QString());

        typeInto(issuer, QStringLiteral("http://issuer.example.com"));
        QCOMPARE(authorizer(session, ref).jwtIssuer, QStringLiteral("http://issuer.example.com"));
        QVERIFY(!Ui::FieldBinder::problemOf(issuer).isEmpty()); // plain http only for a local provider
        QCOMPARE(session.undoStack()->count(), 1);               // typing merged into one step
        typeInto(issuer, QStringLiteral("https://issuer.example.com"));
        QCOMPARE(Ui::FieldBinder::problemOf(issuer), QString());
        QCOMPARE(session.undoStack()->count(), 1);

        // One click back to the local identity provider.
        QPushButton *local = editor.useLocalIdentityProviderButton();
        QVERIFY(local->isVisible());
        QTest::mouseClick(local, Qt::LeftButton);
        QCOMPARE(authorizer(session, ref).jwtIssuer, Ui::AuthorizerEditor::localIssuer());
        QCOMPARE(issuer->text(), QStringLiteral("http://127.0.0.1:9400/"));
        QCOMPARE(session.undoStack()->count(), 2);

        typeInto(audiences, QString());
        QVERIFY(authorizer(session, ref).jwtAudiences.isEmpty());
        QVERIFY(!Ui::FieldBinder::problemOf(audiences).isEmpty());
        typeInto(audiences, QStringLiteral("web, mobile"));
        QCOMPARE(authorizer(session, ref).jwtAudiences, (QStringList{QStringLiteral("web"), QStringLiteral("mobile")}));
        QCOMPARE(Ui::FieldBinder::problemOf(audiences), QString());

        // A REST-style identity source is wrong on an HTTP API.
        auto *source = field<QLineEdit>(&editor, "authorizerIdentitySource");
        typeInto(source, QStringLiteral("method.request.header.Authorization"));
        QVERIFY(!Ui::FieldBinder::problemOf(source).isEmpty());
        typeInto(source, QStringLiteral("$request.header.Authorization"));
        QCOMPARE(Ui::FieldBinder::problemOf(source), QString());

        // Switching to Lambda shows the Lambda fields and HTTP API payload options.
        QVERIFY(choose(type, QStringLiteral("REQUEST")));
        QVERIFY(authorizer(session, ref).type == Model::AuthorizerType::Request);
        QVERIFY(!issuer->isVisible());
        QVERIFY(field<QComboBox>(&editor, "authorizerFunction")->isVisible());
        QVERIFY(field<QComboBox>(&editor, "authorizerPayloadFormat")->isVisible());
        QVERIFY(field<QCheckBox>(&editor, "authorizerSimpleResponses")->isVisible());
        QVERIFY(choose(field<QComboBox>(&editor, "authorizerPayloadFormat"), QStringLiteral("1.0")));
        QVERIFY(!field<QCheckBox>(&editor, "authorizerSimpleResponses")->isVisible()); // 2.0 only

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(type->currentData().toString(), QStringLiteral("JWT"));
        QCOMPARE(issuer->text(), QStringLiteral("http://127.0.0.1:9400/"));
        QVERIFY(issuer->isVisible());
    }

    void restLambdaAndCognito()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("petstore-rest.apigw.json")).isEmpty());
        const QString apiId = QStringLiteral("api_petstore");
        session.edit(QStringLiteral("add authorizer"), [&](Model::ApiDocument &d) {
            Model::Authorizer a;
            a.id = QStringLiteral("auth_token");
            a.name = QStringLiteral("token-check");
            a.type = Model::AuthorizerType::Token;
            a.functionName = QStringLiteral("pets-handler");
            a.identitySource = {QStringLiteral("method.request.header.Authorization")};
            Ui::Lookup::api(d, apiId)->authorizers << a;
        });
        const Model::ApiDocument original = session.document();
        const Ui::NodeRef ref{Kind::Authorizer, apiId, QStringLiteral("auth_token")};
        Ui::AuthorizerEditor editor(&session, ref);
        editor.show();
        const int base = session.undoStack()->index();

        auto *type = field<QComboBox>(&editor, "authorizerType");
        QCOMPARE(type->count(), 3); // TOKEN, REQUEST, Cognito
        auto *name = field<QLineEdit>(&editor, "authorizerName");
        typeInto(name, QString());
        QVERIFY(!Ui::FieldBinder::problemOf(name).isEmpty());
        typeInto(name, QStringLiteral("bearer"));
        QCOMPARE(authorizer(session, ref).name, QStringLiteral("bearer"));
        QCOMPARE(Ui::FieldBinder::problemOf(name), QString());

        auto *source = field<QLineEdit>(&editor, "authorizerIdentitySource");
        auto *validation = field<QLineEdit>(&editor, "authorizerValidationExpression");
        auto *ttl = field<QSpinBox>(&editor, "authorizerTtl");
        QVERIFY(validation->isVisible() && ttl->isVisible());
        // TOKEN reads exactly one header.
        typeInto(source, QStringLiteral("method.request.querystring.token"));
        QVERIFY(!Ui::FieldBinder::problemOf(source).isEmpty());
        typeInto(source, QStringLiteral("method.request.header.X-Token"));
        QCOMPARE(Ui::FieldBinder::problemOf(source), QString());
        typeInto(validation, QStringLiteral("^Bearer [a-z"));
        QVERIFY(!Ui::FieldBinder::problemOf(validation).isEmpty());
        typeInto(validation, QStringLiteral("^Bearer [a-z]+$"));
        QCOMPARE(Ui::FieldBinder::problemOf(validation), QString());
        QCOMPARE(authorizer(session, ref).identityValidationExpression, QStringLiteral("^Bearer [a-z]+$"));
        ttl->setValue(0);
        QCOMPARE(authorizer(session, ref).resultTtlInSeconds, 0);

        // REQUEST: several sources; with caching on, none is an error.
        QVERIFY(choose(type, QStringLiteral("REQUEST")));
        QVERIFY(!validation->isVisible());
        typeInto(source, QStringLiteral("method.request.header.X-Token, context.sourceIp"));
        QCOMPARE(authorizer(session, ref).identitySource.size(), 2);
        QCOMPARE(Ui::FieldBinder::problemOf(source), QString());
        typeInto(source, QString());
        QCOMPARE(Ui::FieldBinder::problemOf(source), QString()); // TTL 0: no cache key needed
        ttl->setValue(300);
        QVERIFY(!Ui::FieldBinder::problemOf(source).isEmpty());

        // Cognito: user pool ARNs, checked.
        QVERIFY(choose(type, QStringLiteral("COGNITO_USER_POOLS")));
        auto *arns = field<QLineEdit>(&editor, "authorizerProviderArns");
        QVERIFY(arns->isVisible());
        QVERIFY(!ttl->isVisible());
        QVERIFY(!Ui::FieldBinder::problemOf(arns).isEmpty()); // none yet
        typeInto(arns, QStringLiteral("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123"));
        QCOMPARE(Ui::FieldBinder::problemOf(arns), QString());
        QCOMPARE(authorizer(session, ref).providerArns.size(), 1);

        // IAM: the local credentials table.
        Ui::MapTableModel *iam = editor.iamCredentialsModel();
        QAbstractItemModelTester tester(iam, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int row = iam->appendEntry();
        QCOMPARE(session.document().iamCredentials.size(), 1);
        QVERIFY(iam->setData(iam->index(row, 0), QStringLiteral("akia-lower")));
        QVERIFY(!iam->problem(iam->rowOf(QStringLiteral("akia-lower")), 0).isEmpty());
        QVERIFY(iam->setData(iam->index(iam->rowOf(QStringLiteral("akia-lower")), 0), QStringLiteral("AKIAIOSFODNN7EXAMPLE")));
        QCOMPARE(session.document().iamCredentials.first().accessKeyId, QStringLiteral("AKIAIOSFODNN7EXAMPLE"));
        QCOMPARE(iam->problemCount(), 0);

        while (session.undoStack()->index() > base)
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(type->currentData().toString(), QStringLiteral("TOKEN"));
        QCOMPARE(name->text(), QStringLiteral("token-check"));
        QCOMPARE(iam->rowCount(), 0);
    }

    void propertiesPanelShowsIt()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        window.show();
        QVERIFY(window.openFile(sample("jwt-http-api.apigw.json")));
        window.resourcesDock()->selectNode({Kind::Authorizer, QStringLiteral("api_items"), QStringLiteral("auth_jwt")});
        auto *editor = window.propertiesDock()->panel()->findChild<Ui::AuthorizerEditor *>();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QVERIFY(editor->useLocalIdentityProviderButton()->isVisible());
    }
};

QTEST_MAIN(TestAuthorizerEditor)
#include "tst_authorizereditor.moc"
