// The live preview of a mapping template: renders it with the gateway's own VTL engine against a
// sample request (body, path / query string / header parameters, stage variables), and shows the
// output or the errors with line:column.
#pragma once

#include "ui/code/diagnosticmarkers.h"

#include <QWidget>

class QLabel;

namespace Gw::Ui {

class CodeEditor;

struct SampleRequest
{
    QString body;
    // {"path": {"id": "1"}, "querystring": {…}, "header": {…}}
    QString params = QStringLiteral("{\"path\": {}, \"querystring\": {}, \"header\": {}}");
    QString stageVariables = QStringLiteral("{}"); // {"name": "value"}
    QString httpMethod = QStringLiteral("GET");
    QString resourcePath = QStringLiteral("/");
};

struct PreviewResult
{
    QString output;
    QList<DiagnosticMarkers::Item> errors;   // template errors (line/column in the template)
    QList<DiagnosticMarkers::Item> warnings; // what Velocity only logs
    QString sampleError;                     // the sample itself is not valid JSON
    bool ok() const { return errors.isEmpty() && sampleError.isEmpty(); }
};

PreviewResult renderPreview(const QString &templateText, const SampleRequest &sample);

class TemplatePreview : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatePreview(QWidget *parent = nullptr);

    void setSample(const SampleRequest &sample);
    SampleRequest sample() const;
    // Renders `templateText` now and shows the result.
    PreviewResult render(const QString &templateText);
    PreviewResult lastResult() const { return m_last; }

    CodeEditor *bodyEditor() const { return m_body; }
    CodeEditor *paramsEditor() const { return m_params; }
    CodeEditor *outputView() const { return m_output; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void sampleChanged(); // the user edited the sample: the owner renders again

private:
    CodeEditor *m_body;
    CodeEditor *m_params;
    CodeEditor *m_stageVariables;
    CodeEditor *m_output;
    QLabel *m_status;
    SampleRequest m_sample;
    PreviewResult m_last;
};

} // namespace Gw::Ui
