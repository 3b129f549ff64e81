// The live preview of a mapping template, rendered by runtime/vtl exactly as the gateway would.
#include "ui/editors/templatepreview.h"

#include "runtime/vtl/apigatewayroots.h"
#include "runtime/vtl/template.h"
#include "ui/code/codeeditor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Gw::Ui {

namespace {

// A JSON object of the sample, or an error naming the part.
std::optional<QJsonObject> sampleObject(const QString &text, const QString &part, QString *error)
{
    if (text.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QObject::tr("sample %1: %2").arg(part, e.error != QJsonParseError::NoError
                                                            ? e.errorString()
                                                            : QObject::tr("expected a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

Vtl::NameValueList pairs(const QJsonObject &o)
{
    Vtl::NameValueList list;
    for (auto it = o.begin(); it != o.end(); ++it)
        list << qMakePair(it.key(), it.value().toVariant().toString());
    return list;
}

DiagnosticMarkers::Item item(const Vtl::Error &e, bool warning)
{
    return {qMax(1, e.line), e.column, e.message, warning};
}

} // namespace

PreviewResult renderPreview(const QString &templateText, const SampleRequest &sample)
{
    PreviewResult result;
    const auto params = sampleObject(sample.params, QObject::tr("parameters"), &result.sampleError);
    const auto stageVariables = params ? sampleObject(sample.stageVariables, QObject::tr("stage variables"), &result.sampleError)
                                       : std::nullopt;
    if (!params || !stageVariables)
        return result;

    const Vtl::ParseResult parsed = Vtl::Template::parse(templateText);
    if (!parsed.ok()) {
        for (const Vtl::Error &e : parsed.errors)
            result.errors << item(e, false);
        return result;
    }

    Vtl::ApiGatewayRoots roots;
    roots.body = sample.body.toUtf8();
    roots.params.path = pairs(params->value(QStringLiteral("path")).toObject());
    roots.params.querystring = pairs(params->value(QStringLiteral("querystring")).toObject());
    roots.params.header = pairs(params->value(QStringLiteral("header")).toObject());
    QVariantMap identity{{QStringLiteral("sourceIp"), QStringLiteral("127.0.0.1")},
                         {QStringLiteral("userAgent"), QStringLiteral("apigw-studio preview")}};
    QVariantMap context{{QStringLiteral("requestId"), QStringLiteral("00000000-0000-4000-8000-preview00000")},
                        {QStringLiteral("httpMethod"), sample.httpMethod},
                        {QStringLiteral("resourcePath"), sample.resourcePath},
                        {QStringLiteral("stage"), QStringLiteral("preview")},
                        {QStringLiteral("identity"), identity}};
    roots.context = Vtl::Value::fromVariant(context);
    roots.stageVariables = Vtl::Value::fromVariant(stageVariables->toVariantMap());

    Vtl::Context ctx;
    Vtl::installApiGatewayRoots(ctx, roots);
    const Vtl::RenderResult rendered = parsed.templ->render(ctx);
    result.output = rendered.output;
    for (const Vtl::Error &e : rendered.errors)
        result.errors << item(e, false);
    for (const Vtl::Error &e : rendered.warnings)
        result.warnings << item(e, true);
    return result;
}

TemplatePreview::TemplatePreview(QWidget *parent)
    : QWidget(parent)
    , m_body(new CodeEditor(this))
    , m_params(new CodeEditor(this))
    , m_stageVariables(new CodeEditor(this))
    , m_output(new CodeEditor(this))
    , m_status(new QLabel(this))
{
    for (CodeEditor *e : {m_body, m_params, m_stageVariables, m_output}) {
        e->setLanguage(CodeEditor::Language::Json);
        e->setShowLineNumbers(false);
    }
    m_body->setObjectName(QStringLiteral("previewBody"));
    m_params->setObjectName(QStringLiteral("previewParams"));
    m_stageVariables->setObjectName(QStringLiteral("previewStageVariables"));
    m_output->setObjectName(QStringLiteral("previewOutput"));
    m_output->setReadOnly(true);
    m_output->setCaretLineVisible(false);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *sampleTabs = new QTabWidget(this);
    sampleTabs->setDocumentMode(true);
    sampleTabs->addTab(m_body, tr("Sample body"));
    sampleTabs->addTab(m_params, tr("Parameters"));
    sampleTabs->addTab(m_stageVariables, tr("Stage variables"));
    auto *outputTitle = new QLabel(tr("<b>Preview</b> — rendered by the gateway's VTL engine"), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(sampleTabs, 2);
    layout->addWidget(outputTitle);
    layout->addWidget(m_output, 3);
    layout->addWidget(m_status);

    setSample(SampleRequest{QStringLiteral("{\n  \"name\": \"Rex\",\n  \"type\": \"dog\",\n  \"price\": 249.99\n}"),
                            QStringLiteral("{\n  \"path\": {\"petId\": \"1\"},\n  \"querystring\": {\"limit\": \"10\"},\n"
                                           "  \"header\": {\"Accept\": \"application/json\"}\n}"),
                            QStringLiteral("{}")});
    for (CodeEditor *e : {m_body, m_params, m_stageVariables})
        connect(e, &QsciScintilla::textChanged, this, [this] {
            m_sample.body = m_body->text();
            m_sample.params = m_params->text();
            m_sample.stageVariables = m_stageVariables->text();
            Q_EMIT sampleChanged();
        });
}

void TemplatePreview::setSample(const SampleRequest &sample)
{
    m_sample = sample;
    const QSignalBlocker b1(m_body), b2(m_params), b3(m_stageVariables);
    m_body->setText(sample.body);
    m_params->setText(sample.params);
    m_stageVariables->setText(sample.stageVariables);
}

SampleRequest TemplatePreview::sample() const
{
    return m_sample;
}

PreviewResult TemplatePreview::render(const QString &templateText)
{
    m_last = renderPreview(templateText, m_sample);
    m_output->setText(m_last.output);
    QPalette pal = m_status->palette();
    if (!m_last.sampleError.isEmpty()) {
        m_status->setText(m_last.sampleError);
        pal.setColor(QPalette::WindowText, QColor(0xb4, 0x53, 0x09));
    } else if (!m_last.errors.isEmpty()) {
        QStringList lines;
        for (const auto &e : std::as_const(m_last.errors))
            lines << tr("%1:%2: error: %3").arg(e.line).arg(e.column).arg(e.message);
        m_status->setText(lines.join(QLatin1Char('\n')));
        pal.setColor(QPalette::WindowText, QColor(0xc0, 0x26, 0x26));
    } else if (!m_last.warnings.isEmpty()) {
        QStringList lines;
        for (const auto &e : std::as_const(m_last.warnings))
            lines << tr("%1:%2: warning: %3").arg(e.line).arg(e.column).arg(e.message);
        m_status->setText(lines.join(QLatin1Char('\n')));
        pal.setColor(QPalette::WindowText, QColor(0xb4, 0x53, 0x09));
    } else {
        m_status->setText(tr("Rendered without errors."));
        pal.setColor(QPalette::WindowText, QColor(0x2e, 0x7d, 0x32));
    }
    m_status->setPalette(pal);
    return m_last;
}

} // namespace Gw::Ui
