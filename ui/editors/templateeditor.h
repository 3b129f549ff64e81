// The mapping-template editor: a VTL CodeEditor (highlighting, $input/$util/$context/
// $stageVariables completion, error markers) beside a live preview rendering the template against
// a sample request. It edits one template string of the document, named by a getter and setter.
#pragma once

#include <QMap>
#include <QWidget>

#include <functional>

class QLabel;

namespace Gw::Model {
class DocumentSession;
struct ApiDocument;
} // namespace Gw::Model

namespace Gw::Ui {

class CodeEditor;
class DiagnosticMarkers;
class TemplatePreview;
class VtlCompletion;

class TemplateEditor : public QWidget
{
    Q_OBJECT
public:
    using Getter = std::function<QString(const Model::ApiDocument &)>;
    using Setter = std::function<void(Model::ApiDocument &, const QString &)>;

    explicit TemplateEditor(Model::DocumentSession *session, QWidget *parent = nullptr);

    // Edits the template get/set name; typing merges into one undo step per mergeKey.
    void bind(const Getter &get, const Setter &set, const QString &mergeKey);
    void unbind();
    void setSampleRoute(const QString &httpMethod, const QString &resourcePath);
    // The API's stage variables: offered after $stageVariables. and used by the preview's sample.
    void setStageVariables(const QMap<QString, QString> &variables);

    CodeEditor *editor() const { return m_editor; }
    TemplatePreview *preview() const { return m_preview; }
    DiagnosticMarkers *markers() const { return m_markers; }
    VtlCompletion *completion() const { return m_completion; }

private:
    void reload();
    void onTextChanged();
    void renderPreview();

    Model::DocumentSession *m_session;
    CodeEditor *m_editor;
    DiagnosticMarkers *m_markers;
    VtlCompletion *m_completion;
    TemplatePreview *m_preview;
    QLabel *m_placeholder;
    Getter m_get;
    Setter m_set;
    QString m_mergeKey;
    bool m_applying = false;
};

} // namespace Gw::Ui
