// YAML codec: CloudFormation tags, scalar typing, and emit -> parse identity on the corpus.
#include "model/interop/yamlcodec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Gw::Model;
using namespace Gw::Model::Interop;

namespace {

QString firstDifference(const QJsonValue &x, const QJsonValue &y, const QString &p = {})
{
    if (x == y)
        return {};
    if (x.isObject() && y.isObject()) {
        QStringList keys = x.toObject().keys() + y.toObject().keys();
        keys.removeDuplicates();
        for (const QString &k : keys) {
            const QString d = firstDifference(x.toObject().value(k), y.toObject().value(k), p + QLatin1Char('/') + k);
            if (!d.isEmpty())
                return d;
        }
    }
    if (x.isArray() && y.isArray() && x.toArray().size() == y.toArray().size()) {
        for (int i = 0; i < x.toArray().size(); ++i) {
            const QString d = firstDifference(x.toArray().at(i), y.toArray().at(i), p + QLatin1Char('/') + QString::number(i));
            if (!d.isEmpty())
                return d;
        }
    }
    return p + QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(QJsonArray{x}).toJson(QJsonDocument::Compact))
           + QStringLiteral(" != ") + QString::fromUtf8(QJsonDocument(QJsonArray{y}).toJson(QJsonDocument::Compact));
}

} // namespace

class tst_YamlCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cloudFormationTags()
    {
        const QByteArray yaml = R"(a: !Ref MyQueue
b: !GetAtt MyFn.Arn
c: !Sub 'arn:${AWS::Region}:${X}'
d: !Join ['', [a, !Ref B]]
e: !If [IsProd, 1, 2]
f: !Select [0, !Split [',', 'x,y']]
g: !FindInMap [M, k1, k2]
h: !Equals [a, b]
i: !Condition IsProd
j: !Sub
  - '${a}'
  - a: 1
)";
        auto r = YamlCodec::parse(yaml);
        QVERIFY2(r.ok(), qPrintable(r.diagnostics().value(0).message));
        const QJsonObject o = r.value().toObject();
        QCOMPARE(o.value("a").toObject(), (QJsonObject{{"Ref", "MyQueue"}}));
        QCOMPARE(o.value("b").toObject(), (QJsonObject{{"Fn::GetAtt", QJsonArray{"MyFn", "Arn"}}}));
        QCOMPARE(o.value("c").toObject(), (QJsonObject{{"Fn::Sub", "arn:${AWS::Region}:${X}"}}));
        QCOMPARE(o.value("d").toObject().value("Fn::Join").toArray().at(1).toArray().at(1).toObject(), (QJsonObject{{"Ref", "B"}}));
        QCOMPARE(o.value("e").toObject().value("Fn::If").toArray().at(1).toDouble(), 1.0);
        QVERIFY(o.value("f").toObject().value("Fn::Select").toArray().at(1).toObject().contains("Fn::Split"));
        QVERIFY(o.value("g").toObject().contains("Fn::FindInMap"));
        QVERIFY(o.value("h").toObject().contains("Fn::Equals"));
        QCOMPARE(o.value("i").toObject(), (QJsonObject{{"Condition", "IsProd"}}));
        QCOMPARE(o.value("j").toObject().value("Fn::Sub").toArray().size(), 2);
        // Written back with short tags, and read back the same.
        const QByteArray out = YamlCodec::emit(o);
        QVERIFY2(out.contains("!Ref MyQueue") && out.contains("!GetAtt MyFn.Arn") && out.contains("!Sub"), out.constData());
        QCOMPARE(YamlCodec::parse(out).value(), r.value());
    }

    void scalars()
    {
        auto r = YamlCodec::parse("i: 42\nf: 1.5\nb: true\nB: False\nn: ~\ns: '42'\nv: 3.0.1\nd: 2010-09-09\nbig: 123456789012345678901\nz: 0123\n");
        QVERIFY(r.ok());
        const QJsonObject o = r.value().toObject();
        QCOMPARE(o.value("i").toDouble(), 42.0);
        QCOMPARE(o.value("f").toDouble(), 1.5);
        QCOMPARE(o.value("b").toBool(), true);
        QCOMPARE(o.value("B").toBool(), false);
        QVERIFY(o.value("n").isNull());
        QCOMPARE(o.value("s").toString(), QStringLiteral("42"));
        QCOMPARE(o.value("v").toString(), QStringLiteral("3.0.1"));
        QCOMPARE(o.value("d").toString(), QStringLiteral("2010-09-09"));
        QCOMPARE(o.value("big").toString(), QStringLiteral("123456789012345678901"));
        QCOMPARE(o.value("z").toString(), QStringLiteral("0123"));
        // Strings that would read as something else are quoted on the way out.
        const QJsonObject strings{{"a", "true"}, {"b", "1.0"}, {"c", ""}, {"d", "yes"}, {"e", "line1\nline2\n"},
                                  {"f", "#not a comment"}, {"j", "2010-09-09"}, {"k", "12:30"}, {"l", "0x1F"}, {"m", ".inf"}, {"g", "key: value"}, {"h", " padded "}, {"i", "a\n\n"}};
        const QByteArray emitted = YamlCodec::emit(strings);
        QCOMPARE(YamlCodec::parse(emitted).value().toObject(), strings);
        QVERIFY2(emitted.contains("\"2010-09-09\"") && emitted.contains("\"12:30\""), emitted.constData());
    }

    void errorsHaveALocation()
    {
        auto r = YamlCodec::parse("a: [1, 2\nb: 3\n");
        QVERIFY(!r.ok());
        QVERIFY(r.diagnostics().first().location.contains(QLatin1Char(':')));
    }

    void corpusIdentity_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &folder : {QStringLiteral("openapi-examples"), QStringLiteral("sam-templates")}) {
            QDir dir(QStringLiteral(GW_CORPUS_DIR "/") + folder);
            for (const QString &f : dir.entryList({"*.json", "*.yaml"}, QDir::Files, QDir::Name))
                QTest::newRow(qPrintable(f)) << dir.filePath(f);
        }
    }

    void corpusIdentity()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const QJsonValue first = YamlCodec::looksLikeYaml(bytes) ? YamlCodec::parse(bytes).value()
                                                                 : QJsonValue(QJsonDocument::fromJson(bytes).object());
        QVERIFY(first.isObject());
        auto again = YamlCodec::parse(YamlCodec::emit(first));
        QVERIFY2(again.ok(), qPrintable(again.diagnostics().value(0).message));
        QCOMPARE(firstDifference(again.value(), first), QString());
    }
};

QTEST_GUILESS_MAIN(tst_YamlCodec)
#include "tst_yamlcodec.moc"
