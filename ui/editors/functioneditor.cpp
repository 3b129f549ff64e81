// The local function editor.
#include "ui/editors/functioneditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/sectiontitle.h"
#include "ui/editors/tableeditor.h"
#include "ui/models/documentedits.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace Gw::Ui {

using namespace Gw::Model;
using Items = FieldBinder::Items;

namespace {

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(value).hasMatch();
}

// Environment variables Lambda sets itself; a function cannot override them.
bool reservedVariable(const QString &name)
{
    static const QStringList reserved = {
        QStringLiteral("_HANDLER"), QStringLiteral("_X_AMZN_TRACE_ID"), QStringLiteral("AWS_DEFAULT_REGION"),
        QStringLiteral("AWS_REGION"), QStringLiteral("AWS_EXECUTION_ENV"), QStringLiteral("AWS_LAMBDA_FUNCTION_NAME"),
        QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION"),
        QStringLiteral("AWS_LAMBDA_INITIALIZATION_TYPE"), QStringLiteral("AWS_LAMBDA_LOG_GROUP_NAME"),
        QStringLiteral("AWS_LAMBDA_LOG_STREAM_NAME"), QStringLiteral("AWS_ACCESS_KEY"), QStringLiteral("AWS_ACCESS_KEY_ID"),
        QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("AWS_SESSION_TOKEN"),
        QStringLiteral("AWS_LAMBDA_RUNTIME_API"), QStringLiteral("LAMBDA_TASK_ROOT"), QStringLiteral("LAMBDA_RUNTIME_DIR")};
    return reserved.contains(name);
}

} // namespace

QStringList FunctionEditor::runtimes()
{
    return {QStringLiteral("python3.9"),      QStringLiteral("python3.10"), QStringLiteral("python3.11"),
            QStringLiteral("python3.12"),     QStringLiteral("nodejs18.x"), QStringLiteral("nodejs20.x"),
            QStringLiteral("provided.al2023"), QStringLiteral("provided.al2")};
}

FunctionEditor::FunctionEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_ref(ref)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);
    auto get = [ref](const ApiDocument &d) { return Lookup::function(d, ref.id); };
    auto edit = [ref](const std::function<void(LocalFunction &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (LocalFunction *fn = Lookup::function(d, ref.id))
                f(*fn, v);
        };
    };
    auto isProvided = [get](const ApiDocument &d) { return get(d) && get(d)->runtime.startsWith(QLatin1String("provided")); };

    form->addRow(sectionTitle(tr("Function"), tr("Runs as a local process speaking the Lambda Runtime API.")));
    m_binder->lineEdit(tr("Name:"), QStringLiteral("functionName"), QStringLiteral("name"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->name : QString(); },
                       [ref](ApiDocument &d, const QString &v) { Edits::renameFunction(d, ref.id, v); },
                       [ref](const ApiDocument &d, const QString &v) {
                           if (!matches(QStringLiteral("[A-Za-z0-9_-]{1,64}"), v.trimmed()))
                               return tr("A function name is letters, digits, - and _ (at most 64).");
                           for (const LocalFunction &f : d.functions)
                               if (f.id != ref.id && f.name == v.trimmed())
                                   return tr("Another function is named %1.").arg(v.trimmed());
                           return QString();
                       });
    m_binder->help(tr("Renaming updates the integrations and authorizers that call this function."));
    m_binder->combo(tr("Runtime:"), QStringLiteral("functionRuntime"), QStringLiteral("runtime"),
                    [](const ApiDocument &) {
                        Items items;
                        for (const QString &r : runtimes())
                            items << qMakePair(r, r);
                        return items;
                    },
                    [get](const ApiDocument &d) { return get(d) ? get(d)->runtime : QString(); },
                    edit([](LocalFunction &f, const QString &v) { f.runtime = v; }));
    m_binder->lineEdit(tr("Handler:"), QStringLiteral("functionHandler"), QStringLiteral("handler"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->handler : QString(); },
                       edit([](LocalFunction &f, const QString &v) { f.handler = v.trimmed(); }),
                       [get](const ApiDocument &d, const QString &v) {
                           const LocalFunction *f = get(d);
                           if (!f || f->runtime.startsWith(QLatin1String("provided")))
                               return QString(); // the bootstrap decides what the handler means
                           return matches(QStringLiteral("[A-Za-z0-9_./-]+\\.[A-Za-z_$][A-Za-z0-9_$]*"), v.trimmed())
                                      ? QString()
                                      : tr("Python and Node handlers read module.function, e.g. app.handler.");
                       });
    m_binder->help(tr("<i>module.function</i>: app.handler runs <i>handler</i> in app.py or app.js."),
                   [isProvided](const ApiDocument &d) { return !isProvided(d); });
    m_binder->help(tr("provided runtimes run the <i>bootstrap</i> executable of the code folder."), isProvided);

    QLineEdit *folder = m_binder->lineEdit(
        tr("Code folder:"), QStringLiteral("functionCodeDirectory"), QStringLiteral("codeDirectory"),
        [get](const ApiDocument &d) { return get(d) ? get(d)->codeDirectory : QString(); },
        edit([](LocalFunction &f, const QString &v) { f.codeDirectory = v.trimmed(); }),
        [session](const ApiDocument &, const QString &v) {
            // Relative to the project file; unsaved projects cannot resolve it yet.
            if (v.trimmed().isEmpty())
                return tr("Name the folder holding the function's code.");
            if (session->filePath().isEmpty())
                return QString();
            const QDir base = QFileInfo(session->filePath()).absoluteDir();
            return QFileInfo(base.filePath(v.trimmed())).isDir() ? QString()
                                                                 : tr("No such folder next to the project file.");
        });
    folder->setPlaceholderText(QStringLiteral("functions/pets"));
    m_browse = new QPushButton(tr("Choose folder…"));
    m_browse->setObjectName(QStringLiteral("functionBrowse"));
    m_browse->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_binder->row(QString(), m_browse, {}, true);
    connect(m_browse, &QPushButton::clicked, this, &FunctionEditor::browse);
    m_chooseFolder = [this](const QString &current) {
        return QFileDialog::getExistingDirectory(this, tr("Code Folder"), current);
    };

    m_binder->spin(tr("Timeout (s):"), QStringLiteral("functionTimeout"), QStringLiteral("timeout"), 1, 900,
                   [get](const ApiDocument &d) { return get(d) ? get(d)->timeout : 3; },
                   [ref](ApiDocument &d, int v) {
                       if (LocalFunction *f = Lookup::function(d, ref.id))
                           f->timeout = v;
                   });
    m_binder->spin(tr("Memory (MB):"), QStringLiteral("functionMemory"), QStringLiteral("memory"), 128, 10240,
                   [get](const ApiDocument &d) { return get(d) ? get(d)->memorySize : 128; },
                   [ref](ApiDocument &d, int v) {
                       if (LocalFunction *f = Lookup::function(d, ref.id))
                           f->memorySize = v;
                   });
    m_binder->spin(tr("Concurrency:"), QStringLiteral("functionConcurrency"), QStringLiteral("concurrency"), 1, 100,
                   [get](const ApiDocument &d) { return get(d) ? get(d)->concurrency : 1; },
                   [ref](ApiDocument &d, int v) {
                       if (LocalFunction *f = Lookup::function(d, ref.id))
                           f->concurrency = v;
                   });
    m_binder->help(tr("Warm processes kept for reuse; a request beyond them waits, as Lambda's reserved "
                      "concurrency throttles."));

    form->addRow(sectionTitle(tr("Environment"), tr("Variables the function's process sees.")));
    m_environment = new MapTableModel(session, tr("environment variable"), MapTableModel::ValueKind::Text,
                                      {tr("Name"), tr("Value")}, this);
    m_environment->setObjectName(QStringLiteral("environmentModel"));
    m_environment->setNewEntry(QStringLiteral("NAME"), QString());
    m_environment->bind(
        [get](const ApiDocument &d) { return get(d) ? get(d)->environment : MapTableModel::Map(); },
        [ref](ApiDocument &d, const MapTableModel::Map &map) {
            LocalFunction *f = Lookup::function(d, ref.id);
            if (!f)
                return false;
            f->environment = map;
            return true;
        });
    m_environment->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) {
        if (!matches(QStringLiteral("[A-Za-z][A-Za-z0-9_]*"), key))
            return tr("A variable name starts with a letter and holds letters, digits and _.");
        if (reservedVariable(key))
            return tr("%1 is set by Lambda itself and cannot be overridden.").arg(key);
        return QString();
    });
    auto *env = new TableEditor(m_environment, tr("Add variable"));
    env->setObjectName(QStringLiteral("environmentTable"));
    form->addRow(env);

    m_binder->addStretch();
    m_binder->refresh();
}

void FunctionEditor::browse()
{
    const LocalFunction *f = Lookup::function(m_session->document(), m_ref.id);
    if (!f || !m_chooseFolder)
        return;
    const QDir base = m_session->filePath().isEmpty() ? QDir::current()
                                                      : QFileInfo(m_session->filePath()).absoluteDir();
    const QString chosen = m_chooseFolder(base.filePath(f->codeDirectory));
    if (chosen.isEmpty())
        return;
    // Stored relative to the project so the project moves with its code.
    const QString relative = base.relativeFilePath(chosen);
    const NodeRef ref = m_ref;
    m_session->edit(tr("Choose code folder"), [ref, relative](ApiDocument &d) {
        if (LocalFunction *fn = Lookup::function(d, ref.id))
            fn->codeDirectory = relative;
    });
}

} // namespace Gw::Ui
