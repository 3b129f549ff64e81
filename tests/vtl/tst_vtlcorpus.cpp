// Every mapping template in the shared corpus (SAM templates, OpenAPI examples) must parse.
// Templates are found with yaml-cpp (JSON files are YAML too): string values under any
// requestTemplates / responseTemplates key, with CloudFormation's !Sub / Fn::Sub applied first.
#include "runtime/vtl/apigatewayroots.h"
#include "runtime/vtl/template.h"

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Gw::Vtl;

namespace {

struct CorpusTemplate
{
    QString where; // file: key path
    QString text;
};

// CloudFormation substitutes ${Name} before API Gateway sees the template; ${!x} means "${x}".
QString applySub(const QString &s)
{
    static const QRegularExpression var(QStringLiteral(R"(\$\{([^!}][^}]*)\})"));
    QString out = s;
    out.replace(var, QStringLiteral("SUB_VALUE"));
    out.replace(QStringLiteral("${!"), QStringLiteral("${"));
    return out;
}

std::optional<QString> templateText(const YAML::Node &n)
{
    if (n.IsScalar()) {
        const QString s = QString::fromStdString(n.Scalar());
        return n.Tag() == "!Sub" ? applySub(s) : s;
    }
    if (n.IsSequence() && n.Tag() == "!Sub" && n.size() > 0 && n[0].IsScalar())
        return applySub(QString::fromStdString(n[0].Scalar()));
    if (n.IsMap() && n.size() == 1 && n["Fn::Sub"]) {
        const YAML::Node sub = n["Fn::Sub"];
        if (sub.IsScalar())
            return applySub(QString::fromStdString(sub.Scalar()));
        if (sub.IsSequence() && sub.size() > 0 && sub[0].IsScalar())
            return applySub(QString::fromStdString(sub[0].Scalar()));
    }
    return std::nullopt;
}

void collect(const YAML::Node &n, const QString &path, QList<CorpusTemplate> &out)
{
    if (n.IsMap()) {
        for (auto it = n.begin(); it != n.end(); ++it) {
            const QString key = it->first.IsScalar() ? QString::fromStdString(it->first.Scalar()) : QStringLiteral("?");
            const QString lower = key.toLower();
            if ((lower == QLatin1String("requesttemplates") || lower == QLatin1String("responsetemplates"))
                && it->second.IsMap()) {
                for (auto t = it->second.begin(); t != it->second.end(); ++t) {
                    const QString contentType = QString::fromStdString(t->first.as<std::string>(""));
                    if (auto text = templateText(t->second))
                        out.append({path + QLatin1Char('/') + key + QLatin1Char('/') + contentType, *text});
                }
                continue;
            }
            collect(it->second, path + QLatin1Char('/') + key, out);
        }
    } else if (n.IsSequence()) {
        for (std::size_t i = 0; i < n.size(); ++i)
            collect(n[i], path + QLatin1Char('/') + QString::number(i), out);
    }
}

} // namespace

class TestVtlCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allCorpusTemplatesParse();
};

void TestVtlCorpus::allCorpusTemplatesParse()
{
    QList<CorpusTemplate> templates;
    int files = 0;
    for (const char *sub : {"sam-templates", "openapi-examples"}) {
        const QString dir = QStringLiteral(GW_CORPUS_DIR "/") + QLatin1String(sub);
        QVERIFY2(QDir(dir).exists(), qPrintable(dir));
        QDirIterator it(dir, {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            ++files;
            try {
                const std::vector<YAML::Node> docs = YAML::LoadAllFromFile(file.toStdString());
                for (const YAML::Node &doc : docs)
                    collect(doc, QDir(QStringLiteral(GW_CORPUS_DIR)).relativeFilePath(file) + QLatin1Char(':'), templates);
            } catch (const YAML::Exception &e) {
                qWarning("skipping %s: not readable as YAML (%s)", qPrintable(file), e.what());
            }
        }
    }
    QVERIFY(files > 0);
    QVERIFY2(templates.size() >= 20, "the corpus should hold a few dozen mapping templates");

    QStringList failures;
    int parsed = 0, rendered = 0;
    for (const CorpusTemplate &t : templates) {
        const ParseResult p = Template::parse(t.text);
        if (!p.ok()) {
            failures.append(t.where + QStringLiteral(": ") + p.errors.first().toString());
            continue;
        }
        ++parsed;
        // A smoke render with an empty request: it must return (errors are allowed: some
        // templates need a particular body).
        Context ctx;
        installApiGatewayRoots(ctx, ApiGatewayRoots{});
        if (p.templ->render(ctx).ok())
            ++rendered;
    }
    qInfo("%d/%d templates parse (%d render without error on an empty request), from %d files", parsed,
          int(templates.size()), rendered, files);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestVtlCorpus)
#include "tst_vtlcorpus.moc"
