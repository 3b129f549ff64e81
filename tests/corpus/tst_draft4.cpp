// Runs the official JSON-Schema-Test-Suite (draft 4, ../shared/corpus/json-schema-draft4) through the
// model validator; required cases must all pass, optional ones are counted and reported apart.
#include "model/validation/schemavalidator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Gw::Model;

namespace {

const QString corpus = QStringLiteral(GW_CORPUS_DIR "/json-schema-draft4");

std::optional<QJsonValue> fetchRemote(const QString &uri)
{
    // The draft-4 meta-schema is in the corpus; no network here.
    if (uri.startsWith(QLatin1String("http://json-schema.org/draft-04/schema"))) {
        QFile meta(corpus + QStringLiteral("/metaschema/draft-04-schema.json"));
        if (meta.open(QIODevice::ReadOnly))
            return QJsonValue(QJsonDocument::fromJson(meta.readAll()).object());
        return std::nullopt;
    }
    // The suite's remotes are addressed as http://localhost:1234/<path>.
    const QString prefix = QStringLiteral("http://localhost:1234/");
    if (!uri.startsWith(prefix))
        return std::nullopt;
    QString path = uri.mid(prefix.size());
    path = path.left(path.indexOf(QLatin1Char('#')) < 0 ? path.size() : path.indexOf(QLatin1Char('#')));
    QFile f(corpus + QStringLiteral("/remotes/") + path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

struct Tally
{
    int passed = 0;
    int total = 0;
    QStringList failures;
};

QJsonValue unwrap(const QJsonValue &v) { return v; }

void runFile(const QString &file, Tally &tally)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file));
    const QJsonArray groups = QJsonDocument::fromJson(f.readAll()).array();
    for (const QJsonValue &g : groups) {
        const QJsonObject group = g.toObject();
        auto compiled = SchemaValidator::compile(group.value(QStringLiteral("schema")), fetchRemote);
        for (const QJsonValue &t : group.value(QStringLiteral("tests")).toArray()) {
            const QJsonObject test = t.toObject();
            ++tally.total;
            const bool expected = test.value(QStringLiteral("valid")).toBool();
            const bool actual = compiled.ok() && compiled.value().isValid(unwrap(test.value(QStringLiteral("data"))));
            if (compiled.ok() && actual == expected) {
                ++tally.passed;
            } else {
                tally.failures << QStringLiteral("%1: %2 / %3%4")
                                      .arg(QFileInfo(file).fileName(),
                                           group.value(QStringLiteral("description")).toString(),
                                           test.value(QStringLiteral("description")).toString(),
                                           compiled.ok() ? QString()
                                                         : QStringLiteral(" (schema not compiled: %1)")
                                                               .arg(compiled.diagnostics().value(0).message));
            }
        }
    }
}

} // namespace

class TestDraft4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(corpus))
            QSKIP("../shared/corpus is not beside the project");
    }

    void requiredCasesAllPass()
    {
        Tally tally;
        QDirIterator it(corpus + QStringLiteral("/tests/draft4"), {QStringLiteral("*.json")}, QDir::Files);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &file : files)
            runFile(file, tally);
        qInfo("draft-4 required: %d/%d passed", tally.passed, tally.total);
        for (const QString &failure : tally.failures)
            qInfo("  failed: %s", qPrintable(failure));
        QVERIFY(tally.total > 500); // the suite is there and was read
        // valijson 1.0 (Debian 12) misses some $ref base-URI cases, location-independent ids, format
        // on non-strings and multipleOf precision: the figure is reported, and it must not drop.
        QCOMPARE_GE(tally.passed, tally.total); // every required case
        QVERIFY2(tally.passed >= 618, qPrintable(QStringLiteral("%1/%2").arg(tally.passed).arg(tally.total)));
    }

    void optionalCasesAreCounted()
    {
        Tally tally;
        QDirIterator it(corpus + QStringLiteral("/tests/draft4/optional"), {QStringLiteral("*.json")},
                        QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &file : files)
            runFile(file, tally);
        qInfo("draft-4 optional: %d/%d passed", tally.passed, tally.total);
        for (const QString &failure : tally.failures)
            qInfo("  optional, failed: %s", qPrintable(failure));
        QVERIFY(tally.total > 0);
        QVERIFY2(tally.passed >= 185, qPrintable(QStringLiteral("%1/%2").arg(tally.passed).arg(tally.total)));
    }

    void violationsNameTheirPath()
    {
        auto v = SchemaValidator::compile(QJsonDocument::fromJson(R"({
            "type": "object", "required": ["name"],
            "properties": {"pets": {"type": "array", "items": {"type": "object",
                "properties": {"age": {"type": "integer", "minimum": 0}}}}}})").object());
        QVERIFY(v.ok());
        const auto violations = v.value().validate(QJsonDocument::fromJson(
            R"({"pets": [{"age": 1}, {"age": -3}]})").object());
        QVERIFY(!violations.isEmpty());
        QStringList paths;
        for (const auto &x : violations)
            paths << x.path;
        QVERIFY2(paths.contains(QStringLiteral("$.pets[1].age")), qPrintable(paths.join(',')));
        QVERIFY2(paths.contains(QStringLiteral("$")), qPrintable(paths.join(','))); // missing name
        QVERIFY(!SchemaValidator::compile(QJsonDocument::fromJson(R"({"type": 12})").object()).ok());
    }

    void integersBeyond32BitsAreIntegers()
    {
        // Ids such as 3000000000 in request bodies: integers, compared without truncation.
        auto v = SchemaValidator::compile(QJsonDocument::fromJson(
            R"({"type": "object", "properties": {"id": {"type": "integer", "maximum": 5000000000}}})").object());
        QVERIFY(v.ok());
        QVERIFY(v.value().isValid(QJsonDocument::fromJson(R"({"id": 3000000000})").object()));
        QVERIFY(!v.value().isValid(QJsonDocument::fromJson(R"({"id": 6000000000})").object()));
        QVERIFY(!v.value().isValid(QJsonDocument::fromJson(R"({"id": 3000000000.5})").object()));
    }
};

QTEST_GUILESS_MAIN(TestDraft4)
#include "tst_draft4.moc"
