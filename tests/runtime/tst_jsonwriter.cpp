// JsonWriter: what it writes parses with QJsonDocument to the values written, for every kind of
// value and every character that needs escaping.
#include "runtime/json/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Gw::Runtime;
using namespace Qt::StringLiterals;

class tst_JsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryValueKind()
    {
        QString allControls;
        for (char16_t c = 0; c < 0x20; ++c)
            allControls.append(QChar(c));
        const QString tricky = allControls + u"\"quoted\" back\\slash / é 日本 😀"_s;
        const QJsonObject nested{{u"a"_s, QJsonArray{1, u"two"_s, QJsonValue::Null, true}},
                                 {u"b"_s, QJsonObject{{u"c"_s, 2.5}}}};
        JsonWriter w;
        w.beginObject();
        w.key("string"_L1).string(tricky);
        w.key(u"ключ \"key\""_s).string(QByteArrayView("utf8 \xc3\xa9\n"));
        w.key("null"_L1).null();
        w.key("emptyOrNull"_L1).stringOrNull(QString());
        w.key("yes"_L1).boolean(true);
        w.key("no"_L1).boolean(false);
        w.key("epochMs"_L1).number(qint64(1764900000123));
        w.key("fraction"_L1).number(0.1);
        w.key("bigDouble"_L1).number(1764900000123.0);
        w.key("nested"_L1).value(nested);
        w.key("list"_L1).beginArray().string(u"x"_s).number(qint64(-3)).beginObject().endObject().endArray();
        w.key("empty"_L1).beginObject().endObject();
        w.endObject();

        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(w.data(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject o = doc.object();
        QCOMPARE(o.value("string"_L1).toString(), tricky);
        QCOMPARE(o.value(u"ключ \"key\""_s).toString(), u"utf8 é\n"_s);
        QVERIFY(o.value("null"_L1).isNull());
        QVERIFY(o.value("emptyOrNull"_L1).isNull());
        QCOMPARE(o.value("yes"_L1), QJsonValue(true));
        QCOMPARE(o.value("no"_L1), QJsonValue(false));
        QCOMPARE(o.value("epochMs"_L1).toInteger(), 1764900000123);
        QCOMPARE(o.value("fraction"_L1).toDouble(), 0.1);
        QCOMPARE(o.value("nested"_L1).toObject(), nested);
        QCOMPARE(o.value("list"_L1).toArray(), (QJsonArray{u"x"_s, -3, QJsonObject()}));
        QCOMPARE(o.value("empty"_L1).toObject(), QJsonObject());
        // Integral doubles are written without an exponent, as AWS writes requestTimeEpoch.
        QVERIFY(w.data().contains("\"bigDouble\":1764900000123,"));
        QVERIFY(w.data().contains("\\u0001"));
    }

    void invalidUtf8BecomesReplacementCharacters()
    {
        JsonWriter w;
        w.beginArray().string(QByteArrayView("ok \xff\xfe end")).endArray();
        const QJsonArray a = QJsonDocument::fromJson(w.data()).array();
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.at(0).toString(), QString::fromUtf8("ok \xff\xfe end"));
    }
};

QTEST_GUILESS_MAIN(tst_JsonWriter)
#include "tst_jsonwriter.moc"
