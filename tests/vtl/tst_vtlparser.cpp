// Parsing: what Velocity 1.7 accepts, what it rejects, and where the errors are reported.
#include "vtltesthelpers.h"

using namespace Gw::Vtl;

class TestVtlParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void deepNestingIsAnErrorNotACrash();
    void longOperatorChainIsBounded();
    void macroNamesAreCollected();
    void stringTemplateErrorsUseOuterPositions();
};

void TestVtlParser::accepts_data()
{
    QTest::addColumn<QString>("tpl");
    QTest::newRow("empty") << "";
    QTest::newRow("text") << "plain text, no VTL";
    QTest::newRow("refs") << "$a ${a} $!a $!{a} $a.b.c $a['k'] $a[0] $a.b($c, 'd', 1, 2.5, true, [1, 2], {'k': 1})";
    QTest::newRow("method with newline args") << "$a.b(\n  1,\n  2\n)";
    QTest::newRow("directives") << "#set($a = 1)#if($a)#elseif($b)#else#end#foreach($i in $l)#break#end#stop";
    QTest::newRow("word operators") << "#if($a eq 1 and $b ne 2 or not $c lt 3 && $d gt 4 || $e le 5 && $f ge 6)#end";
    QTest::newRow("macro") << "#macro(m $a, $b)$a$b#end#m(1 2)#m(1, 2)";
    QTest::newRow("define") << "#define($x)body#end";
    QTest::newRow("comments") << "## line\n#* block *##** doc *#";
    QTest::newRow("unterminated line comment at end") << "text ##";
    QTest::newRow("text block") << "#[[ #if( ]]#";
    QTest::newRow("escapes") << "\\$a \\#if \\\\\\#end";
    QTest::newRow("hash text") << "# #1 #( #{ #$a";
    QTest::newRow("dollar text") << "$ $1 $( ${ $!";
    QTest::newRow("range forms") << "#set($r = [1..3])#set($s = [$a..$b])#set($t = [-2..2])#foreach($i in [1..3])#end";
    QTest::newRow("nested strings") << "#set($a = \"x#if($b)y#end$c.d('e')\")";
    QTest::newRow("unknown directive with args") << "#color(red) #x('a', $b)";
    QTest::newRow("property then paren text") << "$a.b(x)";
    QTest::newRow("negative literals") << "#set($a = -1)#set($b = -1.5)#set($c = $a - -1)";
    QTest::newRow("exponent") << "#set($a = 1.5E3)#set($b = 2e-2)";
    QTest::newRow("parenthesised") << "#if((($a)))#end";
    QTest::newRow("block macro call") << "#@m()body#end";
    QTest::newRow("literal directive") << "#literal()#if($a)#end#end";
    QTest::newRow("escaped quote doubled") << "#set($a = 'it''s')";
}

void TestVtlParser::accepts()
{
    QFETCH(QString, tpl);
    const ParseResult r = Template::parse(tpl);
    QVERIFY2(r.ok(), qPrintable(r.errors.isEmpty() ? QString() : r.errors.first().toString()));
    QVERIFY(r.errors.isEmpty());
}

void TestVtlParser::rejects_data()
{
    QTest::addColumn<QString>("tpl");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("stray end") << "abc\n#end" << 2 << 1 << "#end without";
    QTest::newRow("stray else") << "#else" << 1 << 1 << "#else without";
    QTest::newRow("if without end") << "x\n  #if($a)\nyes" << 2 << 3 << "without a matching #end";
    QTest::newRow("foreach without end") << "#foreach($a in $b)" << 1 << 1 << "#foreach without";
    QTest::newRow("if without paren") << "#if $a" << 1 << 5 << "expected '('";
    QTest::newRow("unclosed if condition") << "#if($a" << 1 << 7 << "expected ')'";
    QTest::newRow("unclosed formal") << "${a" << 1 << 4 << "expected '}'";
    QTest::newRow("bad set") << "#set($a 1)" << 1 << 9 << "expected '='";
    QTest::newRow("set without reference") << "#set(a = 1)" << 1 << 6 << "#set needs a reference";
    QTest::newRow("index needs value") << "$a[foo]" << 1 << 4 << "an index must be";
    QTest::newRow("minus literal is not an operator") << "#set($x = $a -1)" << 1 << 14 << "expected ')'";
    QTest::newRow("unterminated string") << "#set($x = \"abc)" << 1 << 11 << "unterminated string";
    QTest::newRow("unterminated block comment") << "a #* b" << 1 << 3 << "unterminated #*";
    QTest::newRow("unterminated text block") << "#[[ x" << 1 << 1 << "unterminated #[[";
    QTest::newRow("macro without name") << "#macro()#end" << 1 << 8 << "macro name";
    QTest::newRow("macro without parens") << "#macro" << 1 << 7 << "requires at least a name";
    QTest::newRow("else after else") << "#if($a)#else#else#end" << 1 << 13 << "after #else";
    QTest::newRow("elseif in foreach") << "#foreach($a in $b)#elseif($c)#end" << 1 << 19 << "without #if";
    QTest::newRow("method args need values") << "$a.b( x)" << 1 << 7 << "expected a value";
    QTest::newRow("foreach needs in") << "#foreach($a of $b)#end" << 1 << 13 << "expected 'in'";
    QTest::newRow("bad expression") << "#if($a == )#end" << 1 << 11 << "unexpected";
    QTest::newRow("error in string template") << "#set($a = \"#end\")" << 1 << 12 << "#end without";
    QTest::newRow("unknown macro with operator arg") << "#x(1 + 2)" << 1 << 6 << "unexpected argument";
    QTest::newRow("word arg to known macro") << "#macro(m $a)#end#m(word)" << 1 << 17 << "plain word";
    QTest::newRow("incomplete expression at end") << "#if($a ==" << 1 << 10 << "incomplete";
}

void TestVtlParser::rejects()
{
    QFETCH(QString, tpl);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    const ParseResult r = Template::parse(tpl);
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);
    const Error e = r.errors.first();
    QVERIFY2(e.message.contains(messagePart), qPrintable(e.toString()));
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QVERIFY(e.toString().startsWith(QStringLiteral("line %1, column %2: ").arg(line).arg(column)));
}

void TestVtlParser::deepNestingIsAnErrorNotACrash()
{
    QString tpl;
    for (int i = 0; i < 5000; ++i)
        tpl += QStringLiteral("#if(true)");
    const ParseResult r = Template::parse(tpl);
    QVERIFY(!r.ok());
    QVERIFY(r.errors.first().message.contains(QLatin1String("nests too deeply")));

    QString parens = QStringLiteral("#set($a = ") + QString(5000, QLatin1Char('(')) + QLatin1Char('1');
    QVERIFY(!Template::parse(parens).ok());

    QString strings = QStringLiteral("#set($a = \"#set($b = \\\"x\\\")\")");
    QVERIFY(Template::parse(strings).ok() || !Template::parse(strings).ok()); // must simply return
}

void TestVtlParser::longOperatorChainIsBounded()
{
    QString tpl = QStringLiteral("#set($a = 1");
    for (int i = 0; i < 100000; ++i)
        tpl += QStringLiteral(" + 1");
    tpl += QLatin1Char(')');
    const ParseResult r = Template::parse(tpl);
    QVERIFY(!r.ok());
    QVERIFY(r.errors.first().message.contains(QLatin1String("too long")));

    QString ok = QStringLiteral("#set($a = 1");
    for (int i = 0; i < 100; ++i)
        ok += QStringLiteral(" + 1");
    ok += QStringLiteral(")$a");
    VTL_COMPARE_OUTPUT(VtlTest::render(ok), "101");
}

void TestVtlParser::macroNamesAreCollected()
{
    const ParseResult r = Template::parse(QStringLiteral("#macro(b)#end#if(true)#macro(a $x)#end#end"));
    QVERIFY(r.ok());
    QCOMPARE(r.templ->macroNames(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(r.templ->source(), QStringLiteral("#macro(b)#end#if(true)#macro(a $x)#end#end"));
}

void TestVtlParser::stringTemplateErrorsUseOuterPositions()
{
    const ParseResult r = Template::parse(QStringLiteral("line1\n#set($a = \"ok #if(\")"));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.first().line, 2);
    QVERIFY(r.errors.first().column > 14);
}

QTEST_GUILESS_MAIN(TestVtlParser)
#include "tst_vtlparser.moc"
