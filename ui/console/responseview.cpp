#include "ui/console/responseview.h"

#include "ui/code/codeeditor.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace Gw::Ui {

namespace {

constexpr int TextPage = 0;
constexpr int HexPage = 1;
constexpr int ImagePage = 2;

QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.left(semi)).trimmed().toLower();
}

bool looksLikeJson(const QByteArray &body)
{
    const QByteArray t = body.trimmed();
    if (t.isEmpty() || (t.front() != '{' && t.front() != '['))
        return false;
    QJsonParseError error;
    QJsonDocument::fromJson(t, &error);
    return error.error == QJsonParseError::NoError;
}

} // namespace

QString toString(ResponseView::BodyKind kind)
{
    switch (kind) {
    case ResponseView::BodyKind::Empty: return QStringLiteral("empty");
    case ResponseView::BodyKind::Json: return QStringLiteral("JSON");
    case ResponseView::BodyKind::Xml: return QStringLiteral("XML");
    case ResponseView::BodyKind::Html: return QStringLiteral("HTML");
    case ResponseView::BodyKind::Text: return QStringLiteral("text");
    case ResponseView::BodyKind::Image: return QStringLiteral("image");
    case ResponseView::BodyKind::Binary: return QStringLiteral("binary");
    }
    return {};
}

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent)
{
    m_info = new QLabel;
    m_info->setObjectName(QStringLiteral("consoleResponseInfo"));
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_viewAs = new QComboBox;
    m_viewAs->setObjectName(QStringLiteral("consoleResponseViewAs"));
    m_viewAs->addItem(tr("By type"), int(ViewAs::Auto));
    m_viewAs->addItem(tr("Text"), int(ViewAs::Text));
    m_viewAs->addItem(tr("Hex"), int(ViewAs::Hex));
    m_viewAs->setToolTip(tr("Show the body by its content type, as text, or as a hex dump"));
    connect(m_viewAs, &QComboBox::activated, this, [this] { render(); });

    m_text = new CodeEditor;
    m_text->setObjectName(QStringLiteral("consoleResponseBody"));
    m_text->setLanguage(CodeEditor::Language::Json);
    m_text->setReadOnly(true);
    m_hex = new QPlainTextEdit;
    m_hex->setObjectName(QStringLiteral("consoleResponseHex"));
    m_hex->setReadOnly(true);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hex->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_imageLabel = new QLabel;
    m_imageLabel->setObjectName(QStringLiteral("consoleResponseImage"));
    m_imageLabel->setAlignment(Qt::AlignCenter);
    m_imageArea = new QScrollArea;
    m_imageArea->setWidget(m_imageLabel);
    m_imageArea->setWidgetResizable(true);
    m_bodyPages = new QStackedWidget;
    m_bodyPages->insertWidget(TextPage, m_text);
    m_bodyPages->insertWidget(HexPage, m_hex);
    m_bodyPages->insertWidget(ImagePage, m_imageArea);

    auto *bodyPage = new QWidget;
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 2, 0, 0);
    bodyLayout->setSpacing(2);
    auto *infoLine = new QHBoxLayout;
    infoLine->addWidget(m_info, 1);
    infoLine->addWidget(m_viewAs);
    bodyLayout->addLayout(infoLine);
    bodyLayout->addWidget(m_bodyPages, 1);

    m_headers = new QTableWidget(0, 2);
    m_headers->setObjectName(QStringLiteral("consoleResponseHeaders"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->verticalHeader()->hide();
    m_headers->verticalHeader()->setDefaultSectionSize(22);
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->resizeSection(0, 180);
    m_headers->setAlternatingRowColors(true);
    m_headers->setWordWrap(false);
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("consoleResponseTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(bodyPage, tr("Body"));
    m_tabs->addTab(m_headers, tr("Headers"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    clear();
}

void ResponseView::setResponse(int status, const Headers &headers, const QByteArray &body, qint64 elapsedMs)
{
    Q_UNUSED(status);
    m_note.clear();
    m_body = body;
    m_elapsedMs = elapsedMs;
    m_contentType.clear();
    m_headers->setRowCount(0);
    for (const auto &h : headers) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(h.first)));
        m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(h.second)));
        if (h.first.compare("content-type", Qt::CaseInsensitive) == 0)
            m_contentType = h.second;
    }
    m_kind = classify(m_contentType, body);
    m_image = m_kind == BodyKind::Image ? QImage::fromData(body) : QImage();
    render();
}

void ResponseView::clear(const QString &note)
{
    m_note = note;
    m_body.clear();
    m_contentType.clear();
    m_image = QImage();
    m_kind = BodyKind::Empty;
    m_elapsedMs = -1;
    m_headers->setRowCount(0);
    render();
}

QString ResponseView::bodyText() const
{
    switch (m_bodyPages->currentIndex()) {
    case TextPage: return m_text->text();
    case HexPage: return m_hex->toPlainText();
    default: return {};
    }
}

QString ResponseView::infoText() const
{
    return m_info->text();
}

void ResponseView::setViewAs(ViewAs mode)
{
    m_viewAs->setCurrentIndex(m_viewAs->findData(int(mode)));
    render();
}

void ResponseView::render()
{
    const auto mode = ViewAs(m_viewAs->currentData().toInt());
    QStringList info;
    if (!m_note.isEmpty())
        info << m_note;
    if (m_kind != BodyKind::Empty || m_elapsedMs >= 0) {
        if (!m_contentType.isEmpty())
            info << QString::fromUtf8(mediaType(m_contentType));
        info << toString(m_kind);
        if (m_kind == BodyKind::Image && !m_image.isNull())
            info << QStringLiteral("%1×%2").arg(m_image.width()).arg(m_image.height());
        info << sizeText(m_body.size());
        if (m_elapsedMs >= 0)
            info << tr("%1 ms").arg(m_elapsedMs);
    }
    m_info->setText(info.join(QStringLiteral(" · ")));

    const bool hex = mode == ViewAs::Hex || (mode == ViewAs::Auto && m_kind == BodyKind::Binary);
    if (hex) {
        m_hex->setPlainText(hexDump(m_body));
        m_bodyPages->setCurrentIndex(HexPage);
        return;
    }
    if (mode == ViewAs::Auto && m_kind == BodyKind::Image) {
        // Icons and pixels are enlarged (whole steps, no smoothing) to be seen; big images scroll.
        QPixmap pixmap = QPixmap::fromImage(m_image);
        const int longest = qMax(m_image.width(), m_image.height());
        if (longest > 0 && longest < 64) {
            const int factor = qMin(16, 128 / longest);
            pixmap = pixmap.scaled(m_image.size() * factor, Qt::KeepAspectRatio, Qt::FastTransformation);
            m_info->setText(m_info->text() + tr(" · shown ×%1").arg(factor));
        }
        m_imageLabel->setPixmap(pixmap);
        m_bodyPages->setCurrentIndex(ImagePage);
        return;
    }
    QString text;
    if (mode == ViewAs::Auto && m_kind == BodyKind::Json)
        text = prettyJson(m_body);
    else if (mode == ViewAs::Auto && m_kind == BodyKind::Xml)
        text = prettyXml(m_body);
    if (text.isEmpty())
        text = QString::fromUtf8(m_body);
    m_text->setLanguage(mode == ViewAs::Auto && m_kind == BodyKind::Json ? CodeEditor::Language::Json
                                                                         : CodeEditor::Language::PlainText);
    m_text->setReadOnly(false);
    m_text->setText(text);
    m_text->setReadOnly(true);
    m_bodyPages->setCurrentIndex(TextPage);
}

ResponseView::BodyKind ResponseView::classify(const QByteArray &contentType, const QByteArray &body)
{
    if (body.isEmpty())
        return BodyKind::Empty;
    const QByteArray type = mediaType(contentType);
    if (type.startsWith("image/")) {
        // SVG is XML text; anything else must decode as an image to be shown as one.
        if (type == "image/svg+xml")
            return BodyKind::Xml;
        return QImage::fromData(body).isNull() ? BodyKind::Binary : BodyKind::Image;
    }
    if (type == "application/json" || type.endsWith("+json"))
        return BodyKind::Json;
    if (type == "text/html" || type == "application/xhtml+xml")
        return BodyKind::Html;
    if (type == "application/xml" || type == "text/xml" || type.endsWith("+xml"))
        return BodyKind::Xml;
    const bool utf8 = QUtf8StringView(body).isValidUtf8() && !body.contains('\0');
    if (type == "application/octet-stream" || !utf8) {
        // A body that is an image whatever its Content-Type says.
        if (!QImage::fromData(body).isNull())
            return BodyKind::Image;
        return BodyKind::Binary;
    }
    if (type.isEmpty() || type == "text/plain") {
        // Untyped text: guess from its shape.
        if (looksLikeJson(body))
            return BodyKind::Json;
        const QByteArray t = body.trimmed();
        if (t.startsWith("<!DOCTYPE html") || t.startsWith("<!doctype html") || t.startsWith("<html"))
            return BodyKind::Html;
        if (t.startsWith("<?xml"))
            return BodyKind::Xml;
    }
    return BodyKind::Text;
}

QString ResponseView::prettyJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || json.isNull())
        return {};
    return QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
}

QString ResponseView::prettyXml(const QByteArray &body)
{
    QXmlStreamReader reader(body);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.hasError())
            break;
        // Whitespace between elements is layout: the writer lays it out again.
        if (reader.isWhitespace())
            continue;
        // No declaration in the source: do not invent one.
        if (reader.tokenType() == QXmlStreamReader::StartDocument && reader.documentVersion().isEmpty())
            continue;
        writer.writeCurrentToken(reader);
    }
    if (reader.hasError())
        return {};
    return out.trimmed();
}

QString ResponseView::hexDump(const QByteArray &body, qsizetype maxBytes)
{
    QString out;
    const qsizetype n = qMin(body.size(), maxBytes);
    out.reserve(n * 4 + 80);
    for (qsizetype offset = 0; offset < n; offset += 16) {
        QString hex;
        QString ascii;
        for (qsizetype i = offset; i < offset + 16; ++i) {
            if (i < n) {
                const uchar c = uchar(body.at(i));
                hex += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += c >= 0x20 && c < 0x7f ? QChar(c) : QChar(u'.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (i == offset + 7)
                hex += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  %2 |%3|\n").arg(offset, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    if (body.size() > n)
        out += tr("… %1 more bytes not shown\n").arg(body.size() - n);
    return out;
}

QString ResponseView::sizeText(qint64 bytes)
{
    return bytes < 1024 ? tr("%1 bytes").arg(bytes)
                        : QStringLiteral("%1 (%2 bytes)").arg(QLocale().formattedDataSize(bytes)).arg(bytes);
}

} // namespace Gw::Ui
