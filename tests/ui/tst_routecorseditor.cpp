// The HTTP API route editor and CORS (offscreen): route key, JWT scopes, integration, parameter
// mapping, throttling; the HTTP API CORS configuration and REST's Enable CORS action — edit →
// document changed → undo → restored, wrong input flagged.
#include "model/documentsession.h"
#include "runtime/runtimehost.h"
#include "ui/editors/corseditor.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/propertiespanel.h"
#include "ui/editors/routeeditor.h"
#include "ui/mainwindow.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"
#include "ui/propertiesdock.h"
#include "ui/resourcesdock.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace Gw;
using Kind = Ui::NodeRef::Kind;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
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

bool choose(QComboBox *box, const QString &value)
{
    const int index = box->findData(value);
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
    return true;
}

const QString ApiId = QStringLiteral("api_items");

} // namespace

class TestRouteCorsEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("apigw-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_routecorseditor"));
    }

    void routeKeys()
    {
        QCOMPARE(Ui::RouteEditor::checkRouteKey(false, QStringLiteral("GET /pets/{id}")), QString());
        QCOMPARE(Ui::RouteEditor::checkRouteKey(false, QStringLiteral("$default")), QString());
        QCOMPARE(Ui::RouteEditor::checkRouteKey(false, QStringLiteral("ANY /{proxy+}")), QString());
        QVERIFY(!Ui::RouteEditor::checkRouteKey(false, QStringLiteral("get /pets")).isEmpty());
        QVERIFY(!Ui::RouteEditor::checkRouteKey(false, QStringLiteral("GET pets")).isEmpty());
        QVERIFY(!Ui::RouteEditor::checkRouteKey(false, QStringLiteral("GET /{proxy+}/x")).isEmpty());
        QCOMPARE(Ui::RouteEditor::checkRouteKey(true, QStringLiteral("$connect")), QString());
        QCOMPARE(Ui::RouteEditor::checkRouteKey(true, QStringLiteral("sendmessage")), QString());
        QVERIFY(!Ui::RouteEditor::checkRouteKey(true, QStringLiteral("send message")).isEmpty());
    }

    void routeEditUndo()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("jwt-http-api.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        const Ui::NodeRef ref{Kind::Route, ApiId, QStringLiteral("rt_items_list")};
        auto route = [&] { return *Ui::Lookup::route(*Ui::Lookup::api(session.document(), ApiId), ref.id); };
        Ui::RouteEditor editor(&session, ref);
        editor.show();

        auto *key = editor.findChild<QLineEdit *>(QStringLiteral("routeKey"));
        auto *scopes = editor.findChild<QLineEdit *>(QStringLiteral("routeScopes"));
        auto *auth = editor.findChild<QComboBox *>(QStringLiteral("routeAuthorizationType"));
        auto *type = editor.findChild<QComboBox *>(QStringLiteral("routeIntegrationType"));
        auto *uri = editor.findChild<QLineEdit *>(QStringLiteral("routeUri"));
        QVERIFY(key && scopes && auth && type && uri);
        QCOMPARE(key->text(), QStringLiteral("GET /items"));
        QVERIFY(scopes->isVisible());

        typeInto(key, QStringLiteral("POST /items"));
        QVERIFY(!Ui::FieldBinder::problemOf(key).isEmpty()); // taken by another route
        typeInto(key, QStringLiteral("GET /items/all"));
        QCOMPARE(Ui::FieldBinder::problemOf(key), QString());
        QCOMPARE(route().routeKey, QStringLiteral("GET /items/all"));
        QCOMPARE(session.undoStack()->count(), 1);

        typeInto(scopes, QStringLiteral("items:read, items:write"));
        QCOMPARE(route().authorizationScopes, (QStringList{QStringLiteral("items:read"), QStringLiteral("items:write")}));
        QVERIFY(choose(auth, QStringLiteral("NONE")));
        QVERIFY(route().authorizerId.isEmpty());
        QVERIFY(route().authorizationScopes.isEmpty());
        QVERIFY(!scopes->isVisible());

        QVERIFY(choose(type, QStringLiteral("HTTP_PROXY")));
        QCOMPARE(route().integration.payloadFormatVersion, QStringLiteral("1.0"));
        QVERIFY(uri->isVisible());
        typeInto(uri, QStringLiteral("backend/items"));
        QVERIFY(!Ui::FieldBinder::problemOf(uri).isEmpty());
        typeInto(uri, QStringLiteral("https://backend.example.com/items"));
        QCOMPARE(Ui::FieldBinder::problemOf(uri), QString());

        Ui::MapTableModel *mappings = editor.parameterMappingModel();
        QAbstractItemModelTester tester(mappings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int row = mappings->appendEntry();
        QCOMPARE(route().integration.requestParameters.value(QStringLiteral("overwrite:header.name")),
                 QStringLiteral("$request.header.name"));
        QVERIFY(mappings->setData(mappings->index(row, 0), QStringLiteral("replace:header.x")));
        QVERIFY(!mappings->problem(mappings->rowOf(QStringLiteral("replace:header.x")), 0).isEmpty());
        QVERIFY(mappings->setData(mappings->index(mappings->rowOf(QStringLiteral("replace:header.x")), 0),
                                  QStringLiteral("append:querystring.source")));
        QCOMPARE(mappings->problemCount(), 0);

        auto *burst = editor.findChild<QLineEdit *>(QStringLiteral("routeThrottleBurst"));
        typeInto(burst, QStringLiteral("-3"));
        QVERIFY(!Ui::FieldBinder::problemOf(burst).isEmpty());
        typeInto(burst, QStringLiteral("50"));
        QCOMPARE(route().throttle.burstLimit, 50);

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(key->text(), QStringLiteral("GET /items"));
        QCOMPARE(auth->currentData().toString(), QStringLiteral("JWT"));
    }

    void webSocketRoute()
    {
        Model::DocumentSession session;
        QVERIFY(session.open(sample("websocket-chat.apigw.json")).isEmpty());
        const Model::ApiDocument original = session.document();
        const Ui::NodeRef ref{Kind::Route, QStringLiteral("api_chat"), QStringLiteral("rt_sendmessage")};
        Ui::RouteEditor editor(&session, ref);
        editor.show();
        auto *key = editor.findChild<QLineEdit *>(QStringLiteral("routeKey"));
        auto *selection = editor.findChild<QLineEdit *>(QStringLiteral("routeResponseSelection"));
        auto *auth = editor.findChild<QComboBox *>(QStringLiteral("routeAuthorizationType"));
        QVERIFY(key && selection && auth);
        QVERIFY(selection->isVisible());
        QVERIFY(!editor.findChild<QWidget *>(QStringLiteral("routeMappingsTable"))->isVisible()); // HTTP APIs only
        QCOMPARE(auth->findData(QStringLiteral("JWT")), -1); // no JWT authorizers on WebSocket APIs
        QVERIFY(editor.findChild<QCheckBox *>(QStringLiteral("routeApiKeyRequired"))->isVisible());

        typeInto(key, QStringLiteral("send message"));
        QVERIFY(!Ui::FieldBinder::problemOf(key).isEmpty());
        typeInto(key, QStringLiteral("$disconnect"));
        QVERIFY(!Ui::FieldBinder::problemOf(key).isEmpty()); // taken
        typeInto(key, QStringLiteral("broadcast"));
        QCOMPARE(Ui::FieldBinder::problemOf(key), QString());
        typeInto(selection, QStringLiteral("$request.body"));
        QVERIFY(!Ui::FieldBinder::problemOf(selection).isEmpty());
        typeInto(selection, QStringLiteral("$default"));
        QCOMPARE(Ui::Lookup::route(session.document().apis.first(), ref.id)->routeResponseSelectionExpression,
                 QStringLiteral("$default"));
        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QCOMPARE(key->text(), QStringLiteral("sendmessage"));
    }

    void httpApiCors()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        window.show();
        QVERIFY(window.openFile(sample("jwt-http-api.apigw.json")));
        const Model::ApiDocument original = session.document();
        window.resourcesDock()->selectNode(Ui::NodeRef::api(ApiId));
        auto *cors = window.propertiesDock()->panel()->findChild<Ui::CorsEditor *>();
        QVERIFY(cors);
        auto cfg = [&] { return Ui::Lookup::api(session.document(), ApiId)->cors; };

        auto *enabled = cors->findChild<QCheckBox *>(QStringLiteral("corsEnabled"));
        auto *origins = cors->findChild<QLineEdit *>(QStringLiteral("corsAllowOrigins"));
        auto *methods = cors->findChild<QLineEdit *>(QStringLiteral("corsAllowMethods"));
        auto *credentials = cors->findChild<QCheckBox *>(QStringLiteral("corsAllowCredentials"));
        QVERIFY(enabled && origins && methods && credentials);
        QVERIFY(enabled->isChecked());
        QVERIFY(origins->isVisibleTo(cors));
        QCOMPARE(origins->text(), QStringLiteral("http://localhost:5173"));

        typeInto(origins, QStringLiteral("*"));
        QCOMPARE(cfg()->allowOrigins, QStringList{QStringLiteral("*")});
        QCOMPARE(Ui::FieldBinder::problemOf(origins), QString());
        credentials->setChecked(true);
        QVERIFY(cfg()->allowCredentials);
        QVERIFY(!Ui::FieldBinder::problemOf(origins).isEmpty()); // credentials with *: refused by browsers
        typeInto(origins, QStringLiteral("https://app.example.com/path"));
        QVERIFY(!Ui::FieldBinder::problemOf(origins).isEmpty());
        typeInto(origins, QStringLiteral("https://app.example.com"));
        QCOMPARE(Ui::FieldBinder::problemOf(origins), QString());
        typeInto(methods, QStringLiteral("GET, FETCH"));
        QVERIFY(!Ui::FieldBinder::problemOf(methods).isEmpty());

        enabled->setChecked(false);
        QVERIFY(!cfg().has_value());
        QVERIFY(!origins->isVisibleTo(cors));

        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
        QVERIFY(session.document() == original);
        QVERIFY(enabled->isChecked());
        QVERIFY(origins->isVisibleTo(cors));
        QCOMPARE(origins->text(), QStringLiteral("http://localhost:5173"));
    }

    void restEnableCors()
    {
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        window.show();
        QVERIFY(window.openFile(sample("petstore-rest.apigw.json")));
        const Model::ApiDocument original = session.document();
        const Ui::NodeRef pet{Kind::Resource, QStringLiteral("api_petstore"), QStringLiteral("res_health")};
        window.resourcesDock()->selectNode(pet);
        auto *button = window.propertiesDock()->panel()->findChild<QPushButton *>(QStringLiteral("enableCors"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        const Model::Resource *health = Ui::Lookup::resource(session.document().apis.first(), pet.id);
        QCOMPARE(health->methods.size(), 2);
        const Model::Method &options = health->methods.last();
        QCOMPARE(options.httpMethod, QStringLiteral("OPTIONS"));
        QVERIFY(options.integration.type == Model::IntegrationType::Mock);
        QCOMPARE(options.integration.responses.first().responseParameters.value(
                     QStringLiteral("method.response.header.Access-Control-Allow-Methods")),
                 QStringLiteral("'GET,OPTIONS'"));
        QVERIFY(options.methodResponses.first().responseParameters.contains(
            QStringLiteral("method.response.header.Access-Control-Allow-Origin")));
        // The GET's 200 carries the origin too.
        const Model::Method &get = health->methods.first();
        bool mapped = false;
        for (const Model::IntegrationResponse &r : get.integration.responses)
            mapped = mapped || r.responseParameters.value(QStringLiteral("method.response.header.Access-Control-Allow-Origin")) == QLatin1String("'*'");
        QVERIFY(mapped);
        QCOMPARE(session.undoStack()->count(), 1);
        session.undoStack()->undo();
        QVERIFY(session.document() == original);
    }
};

QTEST_MAIN(TestRouteCorsEditor)
#include "tst_routecorseditor.moc"
