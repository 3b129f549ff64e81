// The mapping-template editor with its live preview.
#include "ui/editors/templateeditor.h"

#include "model/documentsession.h"
#include "ui/code/codeeditor.h"
#include "ui/code/diagnosticmarkers.h"
#include "ui/code/vtlcompletion.h"
#include "ui/editors/templatepreview.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;

TemplateEditor::TemplateEditor(DocumentSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_editor(new CodeEditor)
    , m_markers(new DiagnosticMarkers(m_editor))
    , m_completion(new VtlCompletion(m_editor))
    , m_preview(new TemplatePreview)
    , m_placeholder(new QLabel(tr("No template for this content type: add one above.")))
{
    m_editor->setObjectName(QStringLiteral("templateEditor"));
    m_editor->setLanguage(CodeEditor::Language::Vtl);
    m_preview->setObjectName(QStringLiteral("templatePreview"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_placeholder);
    layout->addWidget(splitter, 1);
    setMinimumHeight(300);

    connect(m_editor, &QsciScintilla::textChanged, this, &TemplateEditor::onTextChanged);
    connect(m_preview, &TemplatePreview::sampleChanged, this, &TemplateEditor::renderPreview);
    connect(m_session, &DocumentSession::documentChanged, this, &TemplateEditor::reload);
    unbind();
}

void TemplateEditor::bind(const Getter &get, const Setter &set, const QString &mergeKey)
{
    m_get = get;
    m_set = set;
    m_mergeKey = mergeKey;
    m_editor->setEnabled(true);
    m_placeholder->hide();
    {
        const QSignalBlocker block(m_editor);
        m_editor->setText(get(m_session->document()));
    }
    renderPreview();
}

void TemplateEditor::unbind()
{
    m_get = {};
    m_set = {};
    const QSignalBlocker block(m_editor);
    m_editor->clear();
    m_editor->setEnabled(false);
    m_placeholder->show();
    m_markers->setItems({});
}

void TemplateEditor::setSampleRoute(const QString &httpMethod, const QString &resourcePath)
{
    SampleRequest s = m_preview->sample();
    s.httpMethod = httpMethod;
    s.resourcePath = resourcePath;
    m_preview->setSample(s);
}

void TemplateEditor::setStageVariables(const QMap<QString, QString> &variables)
{
    m_completion->setStageVariables(variables.keys());
    QJsonObject json;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        json.insert(it.key(), it.value());
    SampleRequest s = m_preview->sample();
    s.stageVariables = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
    m_preview->setSample(s);
    renderPreview();
}

void TemplateEditor::reload()
{
    if (!m_get || m_applying)
        return;
    const QString text = m_get(m_session->document());
    if (text == m_editor->text())
        return;
    {
        const QSignalBlocker block(m_editor);
        m_editor->setTextPreservingCursor(text);
    }
    renderPreview();
}

void TemplateEditor::onTextChanged()
{
    if (m_set && !m_applying) {
        m_applying = true;
        const Setter set = m_set;
        const QString text = m_editor->text();
        m_session->edit(tr("Edit mapping template"), [set, text](ApiDocument &d) { set(d, text); }, m_mergeKey);
        m_applying = false;
    }
    renderPreview();
}

void TemplateEditor::renderPreview()
{
    if (!m_get)
        return;
    const PreviewResult r = m_preview->render(m_editor->text());
    m_markers->setItems(r.errors + r.warnings);
}

} // namespace Gw::Ui
