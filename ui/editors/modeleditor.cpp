// The model editor.
#include "ui/editors/modeleditor.h"

#include "model/documentsession.h"
#include "model/validation/schemavalidator.h"
#include "ui/code/codeeditor.h"
#include "ui/code/diagnosticmarkers.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/schemachecks.h"
#include "ui/editors/sectiontitle.h"
#include "ui/models/nodelookup.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;

namespace {

QString schemaText(const QJsonObject &schema)
{
    return QString::fromUtf8(QJsonDocument(schema).toJson(QJsonDocument::Indented));
}

void setStatus(QLabel *label, const QString &text, bool ok)
{
    label->setText(text);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, ok ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc0, 0x26, 0x26));
    label->setPalette(pal);
}

} // namespace

ModelEditor::ModelEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_ref(ref)
    , m_schema(new CodeEditor)
    , m_markers(new DiagnosticMarkers(m_schema))
    , m_schemaStatus(new QLabel)
    , m_sample(new CodeEditor)
    , m_sampleResult(new QLabel)
{
    auto *formWidget = new QWidget;
    auto *form = new QFormLayout(formWidget);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);
    auto get = [ref](const ApiDocument &d) -> const ApiModel * {
        const Api *a = Lookup::api(d, ref.apiId);
        return a ? Lookup::model(*a, ref.id) : nullptr;
    };
    auto edit = [ref](const std::function<void(ApiModel &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (Api *a = Lookup::api(d, ref.apiId))
                if (ApiModel *m = Lookup::model(*a, ref.id))
                    f(*m, v);
        };
    };
    // Renaming does not follow references on purpose: methods name models, and a dangling name is
    // flagged in the method editors and by lint rather than silently rewritten.
    m_binder->lineEdit(tr("Name:"), QStringLiteral("modelName"), QStringLiteral("name"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->name : QString(); },
                       edit([](ApiModel &m, const QString &v) { m.name = v.trimmed(); }),
                       [ref](const ApiDocument &d, const QString &v) {
                           static const QRegularExpression alnum(QStringLiteral("^[A-Za-z0-9]+$"));
                           if (!alnum.match(v.trimmed()).hasMatch())
                               return tr("A model name is letters and digits only.");
                           if (const Api *a = Lookup::api(d, ref.apiId))
                               for (const ApiModel &m : a->models)
                                   if (m.id != ref.id && m.name == v.trimmed())
                                       return tr("Another model is named %1.").arg(v.trimmed());
                           return QString();
                       });
    m_binder->lineEdit(tr("Content type:"), QStringLiteral("modelContentType"), QStringLiteral("contentType"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->contentType : QString(); },
                       edit([](ApiModel &m, const QString &v) { m.contentType = v.trimmed(); }),
                       [](const ApiDocument &, const QString &v) { return Checks::contentType(v); });
    m_binder->lineEdit(tr("Description:"), QStringLiteral("modelDescription"), QStringLiteral("description"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->description : QString(); },
                       edit([](ApiModel &m, const QString &v) { m.description = v; }));
    m_binder->refresh();

    m_schema->setObjectName(QStringLiteral("modelSchema"));
    m_schema->setLanguage(CodeEditor::Language::Json);
    m_schemaStatus->setObjectName(QStringLiteral("modelSchemaStatus"));
    m_schemaStatus->setWordWrap(true);
    m_sample->setObjectName(QStringLiteral("modelSample"));
    m_sample->setLanguage(CodeEditor::Language::Json);
    m_sample->setShowLineNumbers(false);
    m_sampleResult->setObjectName(QStringLiteral("modelSampleResult"));
    m_sampleResult->setWordWrap(true);

    auto *schemaPane = new QWidget;
    auto *schemaLayout = new QVBoxLayout(schemaPane);
    schemaLayout->setContentsMargins(0, 0, 0, 0);
    schemaLayout->addWidget(sectionTitle(tr("Schema"), tr("JSON Schema draft 4, checked as you type.")));
    schemaLayout->addWidget(m_schema, 1);
    schemaLayout->addWidget(m_schemaStatus);
    auto *samplePane = new QWidget;
    auto *sampleLayout = new QVBoxLayout(samplePane);
    sampleLayout->setContentsMargins(0, 0, 0, 0);
    sampleLayout->addWidget(sectionTitle(tr("Sample data"), tr("A body to validate against this model.")));
    sampleLayout->addWidget(m_sample, 1);
    sampleLayout->addWidget(m_sampleResult);
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(schemaPane);
    splitter->addWidget(samplePane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(formWidget);
    layout->addWidget(splitter, 1);

    if (const ApiModel *m = get(session->document()))
        m_schema->setText(schemaText(m->schema));
    m_sample->setText(QStringLiteral("{\n}\n"));
    connect(m_schema, &QsciScintilla::textChanged, this, &ModelEditor::onSchemaEdited);
    connect(m_sample, &QsciScintilla::textChanged, this, &ModelEditor::validateSample);
    connect(m_session, &DocumentSession::documentChanged, this, &ModelEditor::reload);
    onSchemaEdited();
}

void ModelEditor::reload()
{
    if (m_applying)
        return;
    const Api *a = Lookup::api(m_session->document(), m_ref.apiId);
    const ApiModel *m = a ? Lookup::model(*a, m_ref.id) : nullptr;
    if (!m)
        return;
    // The text is the user's while it parses to the document's schema (keeps their formatting).
    const SchemaCheck current = checkSchemaText(m_schema->text());
    if (current.parsed && current.schema == m->schema)
        return;
    {
        const QSignalBlocker block(m_schema);
        m_schema->setTextPreservingCursor(schemaText(m->schema));
    }
    onSchemaEdited();
}

void ModelEditor::onSchemaEdited()
{
    const SchemaCheck check = checkSchemaText(m_schema->text());
    m_markers->setItems(check.problems);
    QStringList lines;
    bool errors = false;
    for (const auto &p : check.problems) {
        lines << QStringLiteral("%1:%2: %3: %4").arg(p.line).arg(p.column).arg(p.warning ? tr("warning") : tr("error"), p.message);
        errors = errors || !p.warning;
    }
    setStatus(m_schemaStatus, lines.isEmpty() ? tr("Valid draft-4 schema.") : lines.join(QLatin1Char('\n')), !errors);

    // Only a parsed schema reaches the document; an unfinished one stays in the editor, marked.
    if (check.parsed && !m_applying) {
        const Api *a = Lookup::api(m_session->document(), m_ref.apiId);
        const ApiModel *m = a ? Lookup::model(*a, m_ref.id) : nullptr;
        if (m && m->schema != check.schema) {
            m_applying = true;
            const NodeRef ref = m_ref;
            const QJsonObject schema = check.schema;
            m_session->edit(tr("Edit model schema"), [ref, schema](ApiDocument &d) {
                if (Api *api = Lookup::api(d, ref.apiId))
                    if (ApiModel *model = Lookup::model(*api, ref.id))
                        model->schema = schema;
            }, ref.key() + QStringLiteral("/schema"));
            m_applying = false;
        }
    }
    validateSample();
}

void ModelEditor::validateSample()
{
    m_violations.clear();
    QJsonParseError error;
    const QJsonDocument sample = QJsonDocument::fromJson(m_sample->text().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        m_violations << tr("sample: %1 (offset %2)").arg(error.errorString()).arg(error.offset);
        setStatus(m_sampleResult, m_violations.first(), false);
        return;
    }
    const SchemaCheck check = checkSchemaText(m_schema->text());
    if (!check.parsed) {
        setStatus(m_sampleResult, tr("Fix the schema to validate the sample."), false);
        return;
    }
    const auto validator = SchemaValidator::compile(check.schema);
    if (!validator.ok()) {
        setStatus(m_sampleResult, tr("The schema does not compile."), false);
        return;
    }
    const QJsonValue instance = sample.isArray() ? QJsonValue(sample.array()) : QJsonValue(sample.object());
    for (const SchemaViolation &v : validator.value().validate(instance))
        m_violations << v.path + QStringLiteral(": ") + v.message;
    setStatus(m_sampleResult,
              m_violations.isEmpty() ? tr("The sample matches the model.") : m_violations.join(QLatin1Char('\n')),
              m_violations.isEmpty());
}

} // namespace Gw::Ui
