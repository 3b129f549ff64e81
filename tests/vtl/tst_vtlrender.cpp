// Rendering of every VTL construct with Velocity 1.7's output, including its Java-isms.
#include "vtltesthelpers.h"

#include <thread>

using namespace Gw::Vtl;

class TestVtlRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void output_data();
    void output();
    void nullSetKeepsValue();
    void foreachCapAt1000();
    void foreachBreakAndStop();
    void macroRecursionIsBounded();
    void runawayLoopIsStopped();
    void outputSizeIsCapped();
    void methodExceptionIsRuntimeError();
    void referenceCyclesAreRefused();
    void contextMutationVisibleToCaller();
    void concurrentRendersShareTemplate();
    void javaDoubleFormat_data();
    void javaDoubleFormat();
};

void TestVtlRender::output_data()
{
    QTest::addColumn<QString>("tpl");
    QTest::addColumn<QString>("expected");

    // references
    QTest::newRow("plain") << "Hello $name!" << "Hello World!";
    QTest::newRow("formal") << "${name}s" << "Worlds";
    QTest::newRow("null prints literally") << "[$missing]" << "[$missing]";
    QTest::newRow("quiet null") << "[$!missing]" << "[]";
    QTest::newRow("formal null") << "${missing}" << "${missing}";
    QTest::newRow("quiet formal") << "$!{missing}x" << "x";
    QTest::newRow("map property") << "$map.a $map.b" << "1 x";
    QTest::newRow("missing map key") << "$map.c" << "$map.c";
    QTest::newRow("map index") << "$map['b']$map[\"a\"]" << "x1";
    QTest::newRow("list index") << "$list[0]$list[2]$list[-1]" << "133";
    QTest::newRow("nested") << "$nested.inner.k" << "v";
    QTest::newRow("nested list toString") << "$nested.inner.n" << "[1, 2]";
    QTest::newRow("map toString") << "$map" << "{a=1, b=x}";
    QTest::newRow("list toString") << "$list" << "[1, 2, 3]";
    QTest::newRow("method") << "$name.length() $name.substring(1, 3) $name.toUpperCase()" << "5 or WORLD";
    QTest::newRow("unknown method") << "$name.foo()" << "$name.foo()";
    QTest::newRow("property then text paren") << "$name.length(x)" << "$name.length(x)";
    QTest::newRow("dollar text") << "$5 and $ and $. and $[ and $!" << "$5 and $ and $. and $[ and $!";
    QTest::newRow("trailing dot") << "$name." << "World.";
    QTest::newRow("email-like") << "x@$name.com" << "x@$name.com";
    QTest::newRow("formal stops") << "${name}.com" << "World.com";
    QTest::newRow("hyphen in identifier") << "$name-x" << "$name-x";
    QTest::newRow("numbers") << "$n $d $t" << "5 2.5 true";
    QTest::newRow("chained methods") << "$name.toLowerCase().replace('o', '0').length()" << "5";
    QTest::newRow("method on method result index") << "$name.split('r')[1]" << "ld";

    // escaping
    QTest::newRow("escaped set ref") << "\\$name" << "$name";
    QTest::newRow("escaped null ref") << "\\$missing" << "\\$missing";
    QTest::newRow("double backslash ref") << "\\\\$name" << "\\World";
    QTest::newRow("double backslash null") << "\\\\$missing" << "\\$missing";
    QTest::newRow("triple backslash") << "\\\\\\$name" << "\\$name";
    QTest::newRow("escaped directive") << "\\#if($t)x\\#end" << "#if(true)x#end";
    QTest::newRow("escaped unknown word") << "\\#foo" << "\\#foo";
    QTest::newRow("even backslashes before directive") << "\\\\#if($t)x#end" << "\\x";
    QTest::newRow("lone backslash") << "a\\b\\\\c" << "a\\b\\\\c";

    // #set
    QTest::newRow("set int") << "#set($x = 1)$x" << "1";
    QTest::newRow("set interpolated") << "#set($x = \"a$name\")$x" << "aWorld";
    QTest::newRow("set single quoted") << "#set($x = 'a$name')$x" << "a$name";
    QTest::newRow("doubled quotes") << "#set($x = \"say \"\"hi\"\"\")$x" << "say \"hi\"";
    QTest::newRow("set from null keeps undefined") << "#set($x = $missing)$x" << "$x";
    QTest::newRow("set map key") << "#set($map.c = 3)$map.c $map" << "3 {a=1, b=x, c=3}";
    QTest::newRow("set list index") << "#set($list[0] = 9)$list" << "[9, 2, 3]";
    QTest::newRow("map literal") << "#set($m = {\"k\": 1, \"j\": [1, 2]})$m" << "{k=1, j=[1, 2]}";
    QTest::newRow("empty map and list") << "#set($m = {})#set($l = [])$m$l" << "{}[]";
    QTest::newRow("list literal") << "#set($l = [1, \"two\", 3.0, true])$l" << "[1, two, 3.0, true]";
    QTest::newRow("range") << "#set($r = [1..3])$r" << "[1, 2, 3]";
    QTest::newRow("descending range") << "#set($r = [3..1])$r" << "[3, 2, 1]";
    QTest::newRow("range with ref") << "#set($r = [1..$n])$r.size()" << "5";
    QTest::newRow("list add") << "#set($l = [])#set($ok = $l.add('a'))$l.add('b')$l" << "true[a, b]";
    QTest::newRow("set in string with directive") << "#set($x = \"#if($t)yes#end\")$x" << "yes";
    QTest::newRow("interpolated null") << "#set($x = \"<$missing>\")$x" << "<$missing>";
    QTest::newRow("list is a reference") << "#set($a = [1])#set($b = $a)#set($ok = $b.add(2))$a" << "[1, 2]";

    // arithmetic (Java semantics)
    QTest::newRow("int division truncates") << "#set($x = 7 / 2)$x" << "3";
    QTest::newRow("negative division truncates") << "#set($x = -7 / 2)$x" << "-3";
    QTest::newRow("modulo") << "#set($x = 7 % 3)#set($y = -7 % 3)$x $y" << "1 -1";
    QTest::newRow("double division") << "#set($x = 7.0 / 2)$x" << "3.5";
    QTest::newRow("precedence") << "#set($x = 1 + 2 * 3)#set($y = (1 + 2) * 3)$x $y" << "7 9";
    QTest::newRow("ref minus") << "#set($x = $n - 1)$x" << "4";
    QTest::newRow("division by zero is null") << "#set($x = 1 / 0)$x" << "$x";
    QTest::newRow("double sum") << "#set($x = 0.1 + 0.2)$x" << "0.30000000000000004";
    QTest::newRow("big double") << "#set($x = 1.0 * 10000000)$x" << "1.0E7";
    QTest::newRow("small double") << "#set($x = 0.001)#set($y = 0.0001)$x $y" << "0.001 1.0E-4";
    QTest::newRow("string concat") << "#set($x = \"a\" + 1)#set($y = $n + \"\")$x $y" << "a1 5";
    QTest::newRow("concat null literal") << "#set($x = \"a\" + $missing)$x" << "a$missing";
    QTest::newRow("int and double") << "#set($x = $n + $d)$x" << "7.5";
    QTest::newRow("math on null is null") << "#set($x = $missing + 1)$x" << "$x";

    // comparisons and logic
    QTest::newRow("lt") << "#if(1 < 2)y#end" << "y";
    QTest::newRow("eq num") << "#if($n == 5)y#end#if($n eq 5)z#end" << "yz";
    QTest::newRow("string equals number via toString") << "#if(\"5\" == $n)y#{else}n#end" << "y";
    QTest::newRow("and or") << "#if($n > 4 && $n < 6)a#end#if($n gt 4 and $n lt 6)b#end#if($f || $t)c#end#if($f or $f)d#end" << "abc";
    QTest::newRow("not") << "#if(!$f)a#end#if(not $f)b#end#if(!$t)c#end" << "ab";
    QTest::newRow("null is false") << "#if($missing)y#{else}n#end" << "n";
    QTest::newRow("empty string is true in 1.7") << "#if($empty)y#{else}n#end" << "y";
    QTest::newRow("null equals null") << "#if($missing == $null)y#end" << "y";
    QTest::newRow("ne") << "#if($n != 5)y#{else}n#end#if($n ne 4)z#end" << "nz";
    QTest::newRow("compare with string is false") << "#if($n < \"a\")y#{else}n#end" << "n";
    QTest::newRow("double compare") << "#if($d > 2)y#end#if($d >= 2.5)z#end#if($d le 2.5)w#end" << "yzw";
    QTest::newRow("int equals double") << "#if(2 == 2.0)y#end" << "y";
    QTest::newRow("elseif") << "#if($n == 1)one#elseif($n == 5)five#{else}other#end" << "five";
    QTest::newRow("else") << "#if($n == 1)one#elseif($n == 2)two#{else}other#end" << "other";
    QTest::newRow("bool literal") << "#if(true)y#end#if(false)n#end" << "y";

    // #foreach
    QTest::newRow("foreach hasNext") << "#foreach($i in $list)$i#if($foreach.hasNext),#end#end" << "1,2,3";
    QTest::newRow("foreach counters") << "#foreach($i in $list)$foreach.index:$foreach.count:$velocityCount #end"
                                      << "0:1:1 1:2:2 2:3:3 ";
    QTest::newRow("foreach over map values") << "#foreach($v in $map)$v;#end" << "1;x;";
    QTest::newRow("foreach keySet") << "#foreach($k in $map.keySet())$k=$map.get($k);#end" << "a=1;b=x;";
    QTest::newRow("foreach entrySet") << "#foreach($e in $map.entrySet())$e.key:$e.value $e|#end" << "a:1 a=1|b:x b=x|";
    QTest::newRow("foreach break") << "#foreach($i in [1..5])#if($i == 3)#break#end$i#end" << "12";
    QTest::newRow("foreach null") << "#foreach($i in $missing)x#end." << ".";
    QTest::newRow("foreach var restored") << "#foreach($i in [1..3])$i#end$i" << "123$i";
    QTest::newRow("foreach var kept") << "#set($i = 'keep')#foreach($i in [1..2])$i#end$i" << "12keep";
    QTest::newRow("foreach parent") << "#foreach($a in [1..2])#foreach($b in [1..2])$a$b:$foreach.parent.index #end#end"
                                    << "11:0 12:0 21:1 22:1 ";
    QTest::newRow("foreach first last") << "#foreach($i in $list)#if($foreach.first)F#end#if($foreach.last)L#end$i#end"
                                        << "F12L3";
    QTest::newRow("foreach literal list") << "#foreach($s in ['a', 'b'])$s#end" << "ab";
    QTest::newRow("break outer loop") << "#foreach($a in [1..3])#foreach($b in [1..3])#if($b == 2)#break($foreach.parent)#end$a$b #end#end"
                                      << "11 ";

    // whitespace and newlines (Velocity 1.7 gobbling)
    QTest::newRow("set line vanishes") << "#set($a = 1)\n$a" << "1";
    QTest::newRow("set between text lines") << "a\n#set($a = 1)\nb" << "a\nb";
    QTest::newRow("indented set after text keeps indent") << "a\n  #set($a = 1)\nb" << "a\n  b";
    QTest::newRow("indented set after directive loses indent") << "#set($a = 1)\n  #set($b = 2)\n$a$b" << "12";
    QTest::newRow("if lines vanish") << "#if($t)\nyes\n#end\nafter" << "yes\nafter";
    QTest::newRow("indented if keeps indent") << "  #if($t)\n  yes\n  #end\nafter" << "    yes\n  after";
    QTest::newRow("foreach lines") << "#foreach($i in [1..2])\n$i\n#end\n" << "1\n2\n";
    QTest::newRow("line comment eats newline") << "a ## comment\nb" << "a b";
    QTest::newRow("block comment") << "a #* block\n *# b" << "a  b";
    QTest::newRow("formal comment") << "a#** doc *#b" << "ab";
    QTest::newRow("text block") << "#[[$name #if]]#" << "$name #if";
    QTest::newRow("inline if keeps spaces") << "#if($t) yes #end" << " yes ";
    QTest::newRow("trailing blanks eaten") << "#if($t)   \nx#end" << "x";
    QTest::newRow("else eats newline") << "#if($f)\na\n#else\nb\n#end\n" << "b\n";
    QTest::newRow("crlf") << "#set($a = 1)\r\n$a\r\n" << "1\r\n";
    QTest::newRow("reference keeps newline") << "$name\n" << "World\n";
    QTest::newRow("set space before paren") << "#set ($a = 2)$a" << "2";
    QTest::newRow("braced directives") << "#{if}($t)a#{else}b#{end}" << "a";

    // macros, #define, #evaluate, unknown directives
    QTest::newRow("macro") << "#macro(greet $who)Hi $who!#end#greet('Bob')" << "Hi Bob!";
    QTest::newRow("macro lines") << "#macro(greet $who)\nHi $who!\n#end\n#greet(\"Bob\")\n" << "Hi Bob!\n";
    QTest::newRow("macro commas") << "#macro(add $a $b)#set($s = $a + $b)$s#end#add(2, 3)" << "5";
    QTest::newRow("macro sets global") << "#macro(m)#set($g = 1)#end#m()$g" << "1";
    QTest::newRow("macro arg scope") << "#set($a = 'outer')#macro(m $a)$a#end#m('inner') $a" << "inner outer";
    QTest::newRow("macro forward use") << "#m()#macro(m)M#end" << "M";
    QTest::newRow("block macro") << "#macro(wrap)[$bodyContent]#end#@wrap()x$name#end" << "[xWorld]";
    QTest::newRow("unknown macro call") << "#unknown($name) #hashtag Issue #42 #" << "#unknown($name) #hashtag Issue #42 #";
    QTest::newRow("define") << "#define($blk)Hello $name#end$blk $blk" << "Hello World Hello World";
    QTest::newRow("define is lazy") << "#define($b)$v#end#set($v = 'Y')$b" << "Y";
    QTest::newRow("evaluate") << "#evaluate('$name')#set($src = '#set($z = 3)$z')#evaluate($src)" << "World3";
    QTest::newRow("set needs parens") << "#set x" << "#set x";
};

void TestVtlRender::output()
{
    QFETCH(QString, tpl);
    QFETCH(QString, expected);
    VTL_COMPARE_OUTPUT(VtlTest::render(tpl), expected);
}

void TestVtlRender::nullSetKeepsValue()
{
    const auto r = VtlTest::render(QStringLiteral("#set($x = 1)#set($x = $missing)$x"));
    VTL_COMPARE_OUTPUT(r, "1");
    QCOMPARE(r.result.warnings.size(), 1);
    QVERIFY(r.result.warnings.first().message.contains(QLatin1String("null")));
}

void TestVtlRender::foreachCapAt1000()
{
    const auto r = VtlTest::render(QStringLiteral("#foreach($i in [1..2000])x#end"));
    QVERIFY(r.parsed);
    QVERIFY(r.result.ok());
    QCOMPARE(r.result.output.size(), 1000);
    QVERIFY(r.result.warnings.first().message.contains(QLatin1String("1000")));
}

void TestVtlRender::foreachBreakAndStop()
{
    const auto r = VtlTest::render(QStringLiteral("a#foreach($i in [1..5])$i#if($i == 2)#stop#end#end b"));
    QVERIFY(r.result.ok());
    QVERIFY(r.result.stopped);
    QCOMPARE(r.result.output, QStringLiteral("a12"));
}

void TestVtlRender::macroRecursionIsBounded()
{
    const auto r = VtlTest::render(QStringLiteral("#macro(r)x#r()#end\n#r()"));
    QVERIFY(r.parsed);
    QVERIFY(!r.result.ok());
    QVERIFY(r.result.errors.first().message.contains(QLatin1String("Max calling depth of 20")));
    QCOMPARE(r.result.errors.first().line, 1); // the innermost call, inside the macro body
    QCOMPARE(r.result.output, QString(20, QLatin1Char('x')));
}

void TestVtlRender::runawayLoopIsStopped()
{
    // 1000^3 iterations would run for minutes; the step budget ends it.
    Context ctx;
    ctx.options().maxSteps = 200000;
    const auto r = VtlTest::renderWith(QStringLiteral(
        "#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end"), ctx);
    QVERIFY(!r.result.ok());
    QVERIFY(r.result.errors.first().message.contains(QLatin1String("steps")));
}

void TestVtlRender::outputSizeIsCapped()
{
    Context ctx;
    ctx.options().maxOutputSize = 1000;
    const auto r = VtlTest::renderWith(QStringLiteral("#set($s = 'ab')#foreach($i in [1..20])#set($s = \"$s$s\")#end$s"), ctx);
    QVERIFY(!r.result.ok());
    QVERIFY(r.result.errors.first().message.contains(QLatin1String("1000")));
}

void TestVtlRender::methodExceptionIsRuntimeError()
{
    const auto r = VtlTest::render(QStringLiteral("ok\n  $name.substring(10)"));
    QVERIFY(r.parsed);
    QVERIFY(!r.result.ok());
    const Error e = r.result.errors.first();
    QCOMPARE(e.line, 2);
    QCOMPARE(e.column, 9);
    QVERIFY(e.message.contains(QLatin1String("StringIndexOutOfBoundsException")));
    QVERIFY(e.toString().startsWith(QLatin1String("line 2, column 9: ")));
    QCOMPARE(r.result.output, QStringLiteral("ok\n  "));
}

void TestVtlRender::referenceCyclesAreRefused()
{
    // Values are reference-counted: a collection holding itself would leak, so it is an error.
    for (const char *tpl : {"#set($l = [])$l.add($l)", "#set($m = {})#set($m.self = $m)",
                            "#set($m = {})#set($l = [$m])$m.put('l', $l)", "#set($l = [[]])#set($l[0] = $l)"}) {
        const auto r = VtlTest::render(QString::fromUtf8(tpl));
        QVERIFY(r.parsed);
        QVERIFY2(!r.result.ok(), tpl);
        QVERIFY(r.result.errors.first().message.contains(QLatin1String("cannot contain itself")));
    }
    // Sharing without a cycle is fine.
    VTL_COMPARE_OUTPUT(VtlTest::render(QStringLiteral("#set($a = [1])#set($b = [$a, $a])$b")), "[[1], [1]]");
}

void TestVtlRender::contextMutationVisibleToCaller()
{
    Context ctx;
    Value context = parseJson(QStringLiteral(R"({"responseOverride":{"header":{}}})"), false).value;
    ctx.set(QStringLiteral("context"), context);
    const auto r = VtlTest::renderWith(QStringLiteral(
        "#set($context.responseOverride.status = 418)\n#set($context.responseOverride.header.X-Id = 'a')"), ctx);
    QVERIFY(r.result.ok());
    const Value override = context.map()->value(QStringLiteral("responseOverride"));
    QCOMPARE(override.map()->value(QStringLiteral("status")).intValue(), 418);
    QCOMPARE(override.map()->value(QStringLiteral("header")).map()->value(QStringLiteral("X-Id")).string(),
             QStringLiteral("a"));
}

void TestVtlRender::concurrentRendersShareTemplate()
{
    const ParseResult p = Template::parse(QStringLiteral(
        "#set($acc = [])#foreach($i in [1..50])#set($ok = $acc.add(\"${id}-$i\"))#end$acc.size() $acc[49]"));
    QVERIFY(p.ok());
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int k = 0; k < 100; ++k) {
                Context ctx;
                ctx.set(QStringLiteral("id"), Value(qint64(t * 1000 + k)));
                const RenderResult r = p.templ->render(ctx);
                if (r.output != QStringLiteral("50 %1-50").arg(t * 1000 + k))
                    ++failures;
            }
        });
    }
    for (auto &th : threads)
        th.join();
    QCOMPARE(failures.load(), 0);
}

void TestVtlRender::javaDoubleFormat_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << 1.0 << "1.0";
    QTest::newRow("half") << 0.5 << "0.5";
    QTest::newRow("large") << 1.5e10 << "1.5E10";
    QTest::newRow("just below 1e7") << 9999999.0 << "9999999.0";
    QTest::newRow("1e7") << 1e7 << "1.0E7";
    QTest::newRow("1e-3") << 0.001 << "0.001";
    QTest::newRow("below 1e-3") << 0.00012 << "1.2E-4";
    QTest::newRow("negative") << -2.25 << "-2.25";
    QTest::newRow("pi") << 3.141592653589793 << "3.141592653589793";
    QTest::newRow("100") << 100.0 << "100.0";
    QTest::newRow("123456.789") << 123456.789 << "123456.789";
    QTest::newRow("zero") << 0.0 << "0.0";
}

void TestVtlRender::javaDoubleFormat()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(javaDoubleToString(value), expected);
    QCOMPARE(Value(value).toJavaString(), expected);
}

QTEST_GUILESS_MAIN(TestVtlRender)
#include "tst_vtlrender.moc"
