// The model editor: name, content type and description, the schema in a JSON CodeEditor checked
// as you type (draft-4 problems marked on their line), and a sample-data pane validating a body
// against the model exactly as the validate step would.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

class QLabel;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class CodeEditor;
class DiagnosticMarkers;
class FieldBinder;

class ModelEditor : public QWidget
{
    Q_OBJECT
public:
    ModelEditor(Model::DocumentSession *session, const NodeRef &model, QWidget *parent = nullptr);

    CodeEditor *schemaEditor() const { return m_schema; }
    DiagnosticMarkers *schemaMarkers() const { return m_markers; }
    CodeEditor *sampleEditor() const { return m_sample; }
    QLabel *schemaStatus() const { return m_schemaStatus; }
    QLabel *sampleResult() const { return m_sampleResult; }
    // The violations of the sample against the current schema ("" entries never appear).
    QStringList sampleViolations() const { return m_violations; }

private:
    void reload();
    void onSchemaEdited();
    void validateSample();

    Model::DocumentSession *m_session;
    NodeRef m_ref;
    FieldBinder *m_binder;
    CodeEditor *m_schema;
    DiagnosticMarkers *m_markers;
    QLabel *m_schemaStatus;
    CodeEditor *m_sample;
    QLabel *m_sampleResult;
    QStringList m_violations;
    bool m_applying = false;
};

} // namespace Gw::Ui
