// Differential test: our engine against velocityjs (a JavaScript Velocity) on cases where both
// should agree. Runs only when `node` is on PATH and velocityjs is installed in
// tests/vtl/velocityjs_diff (npm install there) or VELOCITYJS_NODE_PATH points at a node_modules
// holding it; otherwise it skips and says why. It installs nothing.
//
// velocityjs is not Java Velocity 1.7: where the two differ by design (Java toString of maps and
// doubles, 1.7's whitespace gobbling, Java string methods), the case is listed with the reason
// and our side is checked against the Velocity 1.7 answer instead.
#include "runtime/vtl/jsonvalue.h"
#include "runtime/vtl/template.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTest>

using namespace Gw::Vtl;

namespace {

const char kContext[] = R"({"name":"World","n":5,"neg":-7,"list":[1,2,3],"words":["a","b"],
  "map":{"a":1,"b":"x"},"t":true,"f":false,"empty":""})";

struct Case
{
    const char *tpl;
    const char *velocity17; // non-null: velocityjs differs by design; this is Velocity 1.7's output
    const char *why;
};

const Case kCases[] = {
    {"Hello $name!", nullptr, nullptr},
    {"${name}s and $!missing.", nullptr, nullptr},
    {"$missing", nullptr, nullptr},
    {"$map.a $map.b $map['b'] $list[1]", nullptr, nullptr},
    {"$name.substring(1, 3) $name.toUpperCase()", nullptr, nullptr},
    {"#set($x = 1)$x", nullptr, nullptr},
    {"#set($x = $n + 2)$x", nullptr, nullptr},
    {"#set($x = $n * 3 - 1)$x", nullptr, nullptr},
    {"#set($x = \"a$name\")$x", nullptr, nullptr},
    {"#set($x = 'a$name')$x", nullptr, nullptr},
    {"#if($n > 3)big#{else}small#end", nullptr, nullptr},
    {"#if($n == 5 && $t)yes#end", nullptr, nullptr},
    {"#if($f || !$t)no#{else}ok#end", nullptr, nullptr},
    {"#if($missing)a#elseif($n < 9)b#{else}c#end", nullptr, nullptr},
    {"#foreach($i in $list)$i#if($foreach.hasNext),#end#end", nullptr, nullptr},
    {"#foreach($i in $list)$velocityCount#end", nullptr, nullptr},
    {"#foreach($i in $list)$foreach.index#end", nullptr, nullptr},
    {"#foreach($i in [1..4])$i#end", nullptr, nullptr},
    {"#foreach($i in [3..1])$i#end", nullptr, nullptr},
    {"#foreach($w in $words)[$w]#end", nullptr, nullptr},
    {"#macro(greet $who)Hi $who!#end#greet('Bob') #greet($name)", nullptr, nullptr},
    {"#set($m = {\"k\": \"v\"})$m.k", nullptr, nullptr},
    {"#set($l = [1, 2])$l.size()", nullptr, nullptr},
    {"a ## comment\nb", nullptr, nullptr},
    {"a #* block *# b", nullptr, nullptr},
    {"#[[$name]]#", nullptr, nullptr},
    {"#set($x = $name.replace('o', '0'))$x", nullptr, nullptr},
    {"$name.startsWith('W') $name.endsWith('d')", nullptr, nullptr},
    {"#if($name == 'World')eq#end", nullptr, nullptr},
    {"$list.size() $map.size()", nullptr, nullptr},
    // Known, designed differences.
    {"$map", "{a=1, b=x}", "Java's Map.toString"},
    {"$list", "[1, 2, 3]", "Java's List.toString puts a space after commas"},
    {"#set($x = 7 / 2)$x", "3", "Java integer division truncates"},
    {"#set($x = $neg / 2)$x", "-3", "Java integer division truncates toward zero"},
    {"#set($x = 1.0 * 2)$x", "2.0", "Java prints doubles with a fraction"},
    {"#if($empty)y#{else}n#end", "y", "Velocity 1.7 treats every non-null value but false as true"},
    {"#set($x = 1)\n  #set($y = 2)\n$x$y", "12", "1.7 gobbles the indentation of #set after a directive"},
    {"\\$missing", "\\$missing", "1.7 keeps the backslash before an undefined escaped reference"},
    {"#set($x = $missing)$x", "$x", "1.7 does not assign null; velocityjs may"},
    {"$name.length() $name.contains('orl')", "5 true", "velocityjs has JavaScript strings, without Java's length() and contains()"},
    {"#foreach($i in [1..5])#if($i == 3)#break#end$i#end", "12", "velocityjs finishes the iteration that ran #break"},
};

} // namespace

class TestVtlVelocityjsDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithVelocityjs();
};

void TestVtlVelocityjsDiff::agreesWithVelocityjs()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        QSKIP("node is not on PATH: the velocityjs differential test needs Node.js");
    const QString dir = QStringLiteral(GW_SOURCE_DIR "/tests/vtl/velocityjs_diff");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString nodePath = env.value(QStringLiteral("VELOCITYJS_NODE_PATH"));
    if (nodePath.isEmpty())
        nodePath = dir + QStringLiteral("/node_modules");
    if (!QFile::exists(nodePath + QStringLiteral("/velocityjs/package.json")))
        QSKIP(qPrintable(QStringLiteral("velocityjs is not installed: run `npm install` in %1 (or set VELOCITYJS_NODE_PATH)").arg(dir)));
    env.insert(QStringLiteral("NODE_PATH"), nodePath);

    QJsonParseError jerr;
    const QJsonObject contextJson = QJsonDocument::fromJson(QByteArray(kContext), &jerr).object();
    QVERIFY(jerr.error == QJsonParseError::NoError);
    QJsonArray cases;
    for (const Case &c : kCases)
        cases.append(QJsonObject{{QStringLiteral("template"), QString::fromUtf8(c.tpl)}, {QStringLiteral("context"), contextJson}});

    QProcess proc;
    proc.setProcessEnvironment(env);
    proc.start(node, {dir + QStringLiteral("/render.js")});
    QVERIFY2(proc.waitForStarted(10000), qPrintable(proc.errorString()));
    proc.write(QJsonDocument(QJsonObject{{QStringLiteral("cases"), cases}}).toJson(QJsonDocument::Compact));
    proc.closeWriteChannel();
    QVERIFY2(proc.waitForFinished(30000), "node did not finish");
    QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
    const QJsonArray results = QJsonDocument::fromJson(proc.readAllStandardOutput()).object()
                                   .value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), qsizetype(std::size(kCases)));

    const Value ctxValue = parseJson(QString::fromUtf8(kContext), false).value;
    QStringList mismatches;
    int agreed = 0, designed = 0;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const Case &c = kCases[i];
        const ParseResult p = Template::parse(QString::fromUtf8(c.tpl));
        QVERIFY2(p.ok(), c.tpl);
        Context ctx;
        for (const QString &k : ctxValue.map()->keys())
            ctx.set(k, ctxValue.map()->value(k));
        const QString ours = p.templ->render(ctx).output;
        const QJsonObject theirs = results.at(i).toObject();
        const QString js = theirs.contains(QLatin1String("error"))
                               ? QStringLiteral("<error: %1>").arg(theirs.value(QLatin1String("error")).toString())
                               : theirs.value(QLatin1String("output")).toString();
        if (c.velocity17) {
            ++designed;
            if (ours != QString::fromUtf8(c.velocity17))
                mismatches.append(QStringLiteral("%1\n  ours: %2\n  Velocity 1.7: %3").arg(c.tpl, ours, c.velocity17));
            if (js != ours)
                qInfo("designed difference (%s): %s -> ours %s, velocityjs %s", c.why, c.tpl, qPrintable(ours), qPrintable(js));
            continue;
        }
        if (ours == js)
            ++agreed;
        else
            mismatches.append(QStringLiteral("%1\n  ours: %2\n  velocityjs: %3").arg(c.tpl, ours, js));
    }
    qInfo("velocityjs agrees on %d/%d common cases; %d designed differences checked against Velocity 1.7",
          agreed, int(std::size(kCases)) - designed, designed);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestVtlVelocityjsDiff)
#include "tst_vtlvelocityjsdiff.moc"
