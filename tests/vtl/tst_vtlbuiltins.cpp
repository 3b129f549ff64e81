// $input, $util, $context, $stageVariables, Java methods, and AWS's documented mapping templates.
#include "vtltesthelpers.h"

#include "runtime/vtl/jsonpath.h"
#include "runtime/vtl/utilobject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Gw::Vtl;

namespace {

InputParams sampleParams()
{
    InputParams p;
    p.path = {{QStringLiteral("id"), QStringLiteral("42")}};
    p.querystring = {{QStringLiteral("q"), QStringLiteral("x y")}, {QStringLiteral("id"), QStringLiteral("fromQuery")}};
    p.header = {{QStringLiteral("Accept"), QStringLiteral("*/*")}, {QStringLiteral("X-Trace"), QStringLiteral("t-1")}};
    return p;
}

const char kContext[] = R"({"requestId":"req-1","stage":"dev","httpMethod":"POST",
  "identity":{"sourceIp":"127.0.0.1","accountId":"123456789012"},
  "authorizer":{"principalId":"user-1","claims":{"sub":"abc"}}})";
const char kStageVars[] = R"({"env":"test","table":"Pets"})";

} // namespace

class TestVtlBuiltins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void input_data();
    void input();
    void invalidJsonBodyFailsOnlyWhenRead();
    void util_data();
    void util();
    void utilErrors();
    void javaMethods_data();
    void javaMethods();
    void jsonPathSubset_data();
    void jsonPathSubset();
    void awsPetStoreExample();
    void awsPhotosExample();
    void awsPassthroughTemplateYieldsJson();
    void responseOverrideExample();
};

void TestVtlBuiltins::input_data()
{
    QTest::addColumn<QString>("tpl");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    const QByteArray obj = R"({"id":1,"name":"Rex","tags":["a","b"],"price":10.50,"nested":{"z":1,"a":[{"c":5}]}})";
    QTest::newRow("body") << "$input.body" << QByteArray("raw text") << "raw text";
    QTest::newRow("json root keeps order") << "$input.json('$')" << QByteArray(R"({"b": 1, "a": [1, 2]})") << R"({"b":1,"a":[1,2]})";
    QTest::newRow("json string is quoted") << "$input.json('$.name')" << obj << "\"Rex\"";
    QTest::newRow("json number") << "$input.json('$.id')" << obj << "1";
    QTest::newRow("json double") << "$input.json('$.price')" << obj << "10.5";
    QTest::newRow("json object") << "$input.json('$.nested')" << obj << R"({"z":1,"a":[{"c":5}]})";
    QTest::newRow("json missing") << "[$input.json('$.missing')]" << obj << "[]";
    QTest::newRow("path number") << "$input.path('$').id" << obj << "1";
    QTest::newRow("path number in quotes") << "\"id\": \"$input.path('$').id\"" << obj << "\"id\": \"1\"";
    QTest::newRow("path id arithmetic") << "#set($x = $input.path('$.id') + 1)$x" << obj << "2";
    QTest::newRow("path map prints Java style") << "$input.path('$.nested')" << obj << R"({z=1, a=[{"c":5}]})";
    QTest::newRow("path list prints JSON") << "$input.path('$.tags')" << obj << R"(["a","b"])";
    QTest::newRow("path list size") << "$input.path('$.tags').size()" << obj << "2";
    QTest::newRow("path wildcard") << "$input.path('$.nested.a[*].c')" << obj << "[5]";
    QTest::newRow("path length") << "$input.path('$.tags.length()')" << obj << "2";
    QTest::newRow("path index") << "$input.path('$.tags[1]')$input.path(\"$['tags'][0]\")" << obj << "ba";
    QTest::newRow("path missing is empty") << "[$input.path('$.nope')]" << obj << "[]";
    QTest::newRow("path root map") << "$input.path('$')" << QByteArray(R"({"a": 1, "b": [{"c": 5}]})") << R"({a=1, b=[{"c":5}]})";
    QTest::newRow("empty body reads as {}") << "$input.json('$') $input.body" << QByteArray() << "{} {}";
    QTest::newRow("foreach over path") << "#foreach($t in $input.path('$.tags'))$t.toUpperCase()#end" << obj << "AB";
    QTest::newRow("params by name: path first") << "$input.params('id')" << obj << "42";
    QTest::newRow("params: query") << "$input.params('q')" << obj << "x y";
    QTest::newRow("params: header case-insensitive") << "$input.params('x-trace')" << obj << "t-1";
    QTest::newRow("params: missing is empty") << "[$input.params('none')]" << obj << "[]";
    QTest::newRow("params map") << "$input.params()" << obj
                                << "{path={id=42}, querystring={q=x y, id=fromQuery}, header={Accept=*/*, X-Trace=t-1}}";
    QTest::newRow("params header get") << "$input.params().header.get('Accept') $input.params().path.id" << obj << "*/* 42";
    QTest::newRow("context") << "$context.requestId $context.identity.sourceIp $context.authorizer.claims.sub" << obj
                             << "req-1 127.0.0.1 abc";
    QTest::newRow("missing context var") << "$context.nothing" << obj << "$context.nothing";
    QTest::newRow("stage variables") << "$stageVariables.env $stageVariables['table'] ${stageVariables['env']}" << obj
                                     << "test Pets test";
    QTest::newRow("stage variables keySet") << "#foreach($k in $stageVariables.keySet())$k;#end" << obj << "env;table;";
}

void TestVtlBuiltins::input()
{
    QFETCH(QString, tpl);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    VTL_COMPARE_OUTPUT(VtlTest::renderAws(tpl, body, sampleParams(), QString::fromLatin1(kContext),
                                          QString::fromLatin1(kStageVars)),
                       expected);
}

void TestVtlBuiltins::invalidJsonBodyFailsOnlyWhenRead()
{
    VTL_COMPARE_OUTPUT(VtlTest::renderAws(QStringLiteral("$input.body"), "not json"), "not json");
    const auto r = VtlTest::renderAws(QStringLiteral("a\n$input.json('$')"), "not json");
    QVERIFY(r.parsed);
    QVERIFY(!r.result.ok());
    QCOMPARE(r.result.errors.first().line, 2);
    QVERIFY(r.result.errors.first().message.contains(QLatin1String("not valid JSON")));
}

void TestVtlBuiltins::util_data()
{
    QTest::addColumn<QString>("tpl");
    QTest::addColumn<QString>("expected");
    QTest::newRow("escapeJavaScript") << "$util.escapeJavaScript(\"it's \"\"q\"\" /p\\x\")" << "it\\'s \\\"q\\\" \\/p\\\\x";
    QTest::newRow("escapeJavaScript controls and unicode")
        << "#set($s = $util.parseJson('\"a\\nb\\t\\u00e9\\u2603\\u0001\"'))$util.escapeJavaScript($s)"
        << "a\\nb\\t\\u00E9\\u2603\\u0001";
    QTest::newRow("urlEncode") << "$util.urlEncode('a b&c=d/é*~')" << "a+b%26c%3Dd%2F%C3%A9*%7E";
    QTest::newRow("urlDecode") << "$util.urlDecode('a+b%26c%3Dd%2F%C3%A9')" << "a b&c=d/é";
    QTest::newRow("base64Encode") << "$util.base64Encode('hello é')" << "aGVsbG8gw6k=";
    QTest::newRow("base64Decode") << "$util.base64Decode('aGVsbG8gw6k=')" << "hello é";
    QTest::newRow("parseJson") << "#set($o = $util.parseJson('{\"a\":{\"b\":[1,2]},\"s\":\"x\"}'))$o.a.b[1] $o.s $o"
                               << "2 x {a={b=[1,2]}, s=x}";
    QTest::newRow("parseJson of input body") << "#set($o = $util.parseJson($input.body))$o.id" << "7";
    QTest::newRow("escape null prints reference") << "$util.escapeJavaScript($missing)" << "$util.escapeJavaScript($missing)";
    QTest::newRow("escape number") << "$util.escapeJavaScript(5)" << "5";
}

void TestVtlBuiltins::util()
{
    QFETCH(QString, tpl);
    QFETCH(QString, expected);
    VTL_COMPARE_OUTPUT(VtlTest::renderAws(tpl, R"({"id": 7})"), expected);
}

void TestVtlBuiltins::utilErrors()
{
    for (const char *tpl : {"$util.parseJson('{bad')", "$util.urlDecode('%zz')", "$util.base64Decode('***')"}) {
        const auto r = VtlTest::renderAws(QString::fromUtf8(tpl), {});
        QVERIFY(r.parsed);
        QVERIFY2(!r.result.ok(), tpl);
        QCOMPARE(r.result.errors.first().line, 1);
        QCOMPARE(r.result.errors.first().column, 7);
    }
}

void TestVtlBuiltins::javaMethods_data()
{
    QTest::addColumn<QString>("tpl");
    QTest::addColumn<QString>("expected");
    // String
    QTest::newRow("replaceAll groups") << "#set($s = '2024-01-02')$s.replaceAll('(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1')" << "02/01/2024";
    QTest::newRow("replaceFirst") << "$name.replaceFirst('[a-z]', '_')" << "W_rld";
    QTest::newRow("replace literal") << "#set($s = 'a.b.c')$s.replace('.', '/')" << "a/b/c";
    QTest::newRow("split trailing empties") << "#set($s = 'a,b,,')$s.split(',').size() $s.split(',')" << "2 [a, b]";
    QTest::newRow("split leading empty") << "#set($s = ',a')$s.split(',')" << "[, a]";
    QTest::newRow("split limit") << "#set($s = 'a,b,c')$s.split(',', 2)" << "[a, b,c]";
    QTest::newRow("split regex") << "#set($s = 'a1b22c')$s.split('\\d+')" << "[a, b, c]";
    QTest::newRow("matches whole") << "#set($s = 'abc')$s.matches('a.c') $s.matches('a.') $s.matches('b')" << "true false false";
    QTest::newRow("indexOf") << "$name.indexOf('o') $name.lastIndexOf('o') $name.indexOf('z') $name.indexOf('o', 2)" << "1 1 -1 -1";
    QTest::newRow("contains starts ends") << "$name.contains('orl') $name.startsWith('Wo') $name.endsWith('x')" << "true true false";
    QTest::newRow("equals") << "$name.equals('World') $name.equalsIgnoreCase('world') $name.equals(1)" << "true true false";
    QTest::newRow("isEmpty") << "$empty.isEmpty() $name.isEmpty() $empty.empty" << "true false true";
    QTest::newRow("charAt concat") << "$name.charAt(0)$name.concat('!')" << "WWorld!";
    QTest::newRow("trim case") << "#set($s = '  Mixed  ')[$s.trim()] $s.toLowerCase()" << "[Mixed]   mixed  ";
    QTest::newRow("valueOf") << "$name.valueOf(12)$name.valueOf($map)" << "12{a=1, b=x}";
    QTest::newRow("substring one arg") << "$name.substring(2)" << "rld";
    QTest::newRow("compareTo") << "$name.compareTo('World') $name.compareTo('A')" << "0 22";
    // Map
    QTest::newRow("map put returns previous") << "#set($p = $map.put('a', 9))$p $map.a" << "1 9";
    QTest::newRow("map containsKey size") << "$map.containsKey('a') $map.containsKey('z') $map.size() $map.isEmpty()" << "true false 2 false";
    QTest::newRow("map remove values") << "#set($r = $map.remove('a'))$r $map.values() $map.keySet()" << "1 [x] [b]";
    QTest::newRow("map get missing") << "$map.get('zz')" << "$map.get('zz')";
    QTest::newRow("map getOrDefault") << "$map.getOrDefault('zz', 'dflt')" << "dflt";
    // List
    QTest::newRow("list get set") << "#set($old = $list.set(0, 'z'))$old $list.get(0) $list" << "1 z [z, 2, 3]";
    QTest::newRow("list remove index") << "#set($r = $list.remove(0))$r $list" << "1 [2, 3]";
    QTest::newRow("list contains indexOf") << "$list.contains(2) $list.contains('2') $list.indexOf(3) $list.isEmpty()" << "true false 2 false";
    QTest::newRow("list size and empty property") << "$list.size() $list.empty" << "3 false";
    // numbers
    QTest::newRow("number methods") << "$n.toString() $d.intValue() $n.doubleValue() $d.toString()" << "5 2 5.0 2.5";
    QTest::newRow("number equals") << "$n.equals(5) $n.equals(5.0)" << "true false";
    QTest::newRow("boolean") << "$t.toString() $t.booleanValue()" << "true true";
}

void TestVtlBuiltins::javaMethods()
{
    QFETCH(QString, tpl);
    QFETCH(QString, expected);
    VTL_COMPARE_OUTPUT(VtlTest::render(tpl), expected);
}

void TestVtlBuiltins::jsonPathSubset_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expectedJson"); // empty when nothing is found
    QTest::newRow("root") << "$" << R"({"a":{"b":[1,2,3]},"c":"x","d":[{"e":1},{"e":2}]})";
    QTest::newRow("dot") << "$.c" << "\"x\"";
    QTest::newRow("bracket") << "$['a']['b']" << "[1,2,3]";
    QTest::newRow("index") << "$.a.b[1]" << "2";
    QTest::newRow("negative index") << "$.a.b[-1]" << "3";
    QTest::newRow("wildcard") << "$.d[*].e" << "[1,2]";
    QTest::newRow("dot wildcard") << "$.a.*" << "[[1,2,3]]";
    QTest::newRow("deep scan") << "$..e" << "[1,2]";
    QTest::newRow("slice") << "$.a.b[0:2]" << "[1,2]";
    QTest::newRow("union") << "$.a.b[0,2]" << "[1,3]";
    QTest::newRow("length") << "$.a.b.length()" << "3";
    QTest::newRow("missing") << "$.zz" << "";
    QTest::newRow("out of range") << "$.a.b[9]" << "";
}

void TestVtlBuiltins::jsonPathSubset()
{
    QFETCH(QString, path);
    QFETCH(QString, expectedJson);
    const Value root = parseJson(QStringLiteral(R"({"a":{"b":[1,2,3]},"c":"x","d":[{"e":1},{"e":2}]})")).value;
    const JsonPathResult r = evaluateJsonPath(root, path);
    QVERIFY(r.error.isEmpty());
    QCOMPARE(r.found ? r.value.toJson() : QString(), expectedJson);
    QVERIFY(!evaluateJsonPath(root, QStringLiteral("$.d[?(@.e > 1)]")).error.isEmpty());
    QVERIFY(!evaluateJsonPath(root, QStringLiteral("a.b")).error.isEmpty());
}

// The PetStore example from the API Gateway developer guide ("Mapping template examples").
void TestVtlBuiltins::awsPetStoreExample()
{
    const QString tpl = QStringLiteral(
        "#set($inputRoot = $input.path('$'))\n"
        "[\n"
        "#foreach($elem in $inputRoot)\n"
        "  {\n"
        "    \"description\" : \"Item $elem.id is a $elem.type.\",\n"
        "    \"askingPrice\" : $elem.price\n"
        "  }#if($foreach.hasNext),#end\n"
        "\n"
        "#end\n"
        "]");
    const QByteArray body = R"([{"id": 1, "type": "dog", "price": 249.99},
                               {"id": 2, "type": "cat", "price": 124.99},
                               {"id": 3, "type": "fish", "price": 0.99}])";
    const QString expected = QStringLiteral(
        "[\n"
        "  {\n"
        "    \"description\" : \"Item 1 is a dog.\",\n"
        "    \"askingPrice\" : 249.99\n"
        "  },\n"
        "  {\n"
        "    \"description\" : \"Item 2 is a cat.\",\n"
        "    \"askingPrice\" : 124.99\n"
        "  },\n"
        "  {\n"
        "    \"description\" : \"Item 3 is a fish.\",\n"
        "    \"askingPrice\" : 0.99\n"
        "  }\n"
        "]");
    VTL_COMPARE_OUTPUT(VtlTest::renderAws(tpl, body), expected);
}

// The Flickr-style photos example (DG "Mapping template examples"): formal references inside a
// URL and Velocity's newline rules (the #end after "#if(...),#end" eats the line break).
void TestVtlBuiltins::awsPhotosExample()
{
    const QString tpl = QStringLiteral(
        "#set($inputRoot = $input.path('$'))\n"
        "{\n"
        "  \"photos\": [\n"
        "#foreach($elem in $inputRoot.photos.photo)\n"
        "    {\n"
        "      \"id\": \"$elem.id\",\n"
        "      \"url\": \"https://farm${elem.farm}.staticflickr.com/${elem.server}/${elem.id}_${elem.secret}.jpg\"\n"
        "    }#if($foreach.hasNext),#end\n"
        "\n"
        "#end\n"
        "  ]\n"
        "}");
    const QByteArray body = R"({"photos":{"page":1,"photo":[
        {"id":"2754","farm":1,"server":"3","secret":"s1"},
        {"id":"1111","farm":2,"server":"4","secret":"s2"}]}})";
    const auto r = VtlTest::renderAws(tpl, body);
    QVERIFY(r.result.ok());
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.result.output.toUtf8(), &err);
    QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(r.result.output));
    QCOMPARE(doc.object().value(QLatin1String("photos")).toArray().size(), 2);
    QCOMPARE(doc.object().value(QLatin1String("photos")).toArray().at(1).toObject().value(QLatin1String("url")).toString(),
             QStringLiteral("https://farm2.staticflickr.com/4/1111_s2.jpg"));
}

// The "Method Request passthrough" template the console generates: its output must be JSON.
void TestVtlBuiltins::awsPassthroughTemplateYieldsJson()
{
    const QString tpl = QStringLiteral(
        "##  See http://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html\n"
        "##  This template will pass through all parameters including path, querystring, header, stage variables, and context through to the integration endpoint via the body/payload\n"
        "#set($allParams = $input.params())\n"
        "{\n"
        "\"body-json\" : $input.json('$'),\n"
        "\"params\" : {\n"
        "#foreach($type in $allParams.keySet())\n"
        "    #set($params = $allParams.get($type))\n"
        "\"$type\" : {\n"
        "    #foreach($paramName in $params.keySet())\n"
        "    \"$paramName\" : \"$util.escapeJavaScript($params.get($paramName))\"\n"
        "        #if($foreach.hasNext),#end\n"
        "    #end\n"
        "}\n"
        "    #if($foreach.hasNext),#end\n"
        "#end\n"
        "},\n"
        "\"stage-variables\" : {\n"
        "#foreach($key in $stageVariables.keySet())\n"
        "\"$key\" : \"$util.escapeJavaScript($stageVariables.get($key))\"\n"
        "    #if($foreach.hasNext),#end\n"
        "#end\n"
        "},\n"
        "\"context\" : {\n"
        "    \"account-id\" : \"$context.identity.accountId\",\n"
        "    \"http-method\" : \"$context.httpMethod\",\n"
        "    \"request-id\" : \"$context.requestId\",\n"
        "    \"source-ip\" : \"$context.identity.sourceIp\",\n"
        "    \"stage\" : \"$context.stage\"\n"
        "    }\n"
        "}\n");
    const auto r = VtlTest::renderAws(tpl, R"({"pet": {"name": "Rex"}})", sampleParams(),
                                      QString::fromLatin1(kContext), QString::fromLatin1(kStageVars));
    QVERIFY(r.result.ok());
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(r.result.output.toUtf8(), &err).object();
    QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(r.result.output));
    QCOMPARE(o.value(QLatin1String("body-json")).toObject().value(QLatin1String("pet")).toObject()
                 .value(QLatin1String("name")).toString(), QStringLiteral("Rex"));
    const QJsonObject params = o.value(QLatin1String("params")).toObject();
    QCOMPARE(params.value(QLatin1String("path")).toObject().value(QLatin1String("id")).toString(), QStringLiteral("42"));
    QCOMPARE(params.value(QLatin1String("header")).toObject().value(QLatin1String("Accept")).toString(),
             QStringLiteral("*/*"));
    QCOMPARE(o.value(QLatin1String("stage-variables")).toObject().value(QLatin1String("table")).toString(),
             QStringLiteral("Pets"));
    QCOMPARE(o.value(QLatin1String("context")).toObject().value(QLatin1String("source-ip")).toString(),
             QStringLiteral("127.0.0.1"));
    // The indented #set right after the #foreach line loses its indentation (it starts a new
    // token); indented #if/#end lines leave theirs, so the commas land at the start of lines.
    QVERIFY2(r.result.output.contains(QLatin1String("\"params\" : {\n\"path\" : {\n        \"id\" : \"42\"\n")),
             qPrintable(r.result.output));
    QVERIFY(r.result.output.contains(QLatin1String("\n    ,\"querystring\" : {")));
}

// DG "Override API request and response parameters and status codes" example.
void TestVtlBuiltins::responseOverrideExample()
{
    Context ctx;
    ApiGatewayRoots roots;
    roots.body = R"({"status":"error"})";
    roots.context = parseJson(QStringLiteral(R"({"responseOverride":{"header":{}, "status":null}})"), false).value;
    installApiGatewayRoots(ctx, roots);
    const auto r = VtlTest::renderWith(QStringLiteral(
        "#set($inputRoot = $input.path('$'))\n"
        "$input.json(\"$\")\n"
        "#if($inputRoot.toString().contains(\"error\"))\n"
        "#set($context.responseOverride.status = 400)\n"
        "#set($context.responseOverride.header.Foo = \"Bar\")\n"
        "#end"), ctx);
    VTL_COMPARE_OUTPUT(r, "{\"status\":\"error\"}\n");
    const Value ro = roots.context.map()->value(QStringLiteral("responseOverride"));
    QCOMPARE(ro.map()->value(QStringLiteral("status")).intValue(), 400);
    QCOMPARE(ro.map()->value(QStringLiteral("header")).map()->value(QStringLiteral("Foo")).string(), QStringLiteral("Bar"));
}

QTEST_GUILESS_MAIN(TestVtlBuiltins)
#include "tst_vtlbuiltins.moc"
