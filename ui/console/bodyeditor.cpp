#include "ui/console/bodyeditor.h"

#include "ui/code/codeeditor.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeDatabase>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Gw::Ui {

namespace {

constexpr int TextPage = 0;
constexpr int FormPage = 1;
constexpr int FilePage = 2;

QByteArray formEncode(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

QString formDecode(QByteArray text)
{
    text.replace('+', ' ');
    return QUrl::fromPercentEncoding(text);
}

} // namespace

QString toString(BodyEditor::Kind kind)
{
    switch (kind) {
    case BodyEditor::Kind::Json: return QStringLiteral("JSON");
    case BodyEditor::Kind::Form: return QStringLiteral("Form");
    case BodyEditor::Kind::Raw: return QStringLiteral("Raw");
    case BodyEditor::Kind::Binary: return QStringLiteral("Binary file");
    }
    return {};
}

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
{
    m_kindBox = new QComboBox;
    m_kindBox->setObjectName(QStringLiteral("consoleBodyKind"));
    for (Kind k : {Kind::Json, Kind::Form, Kind::Raw, Kind::Binary})
        m_kindBox->addItem(toString(k), int(k));
    m_kindBox->setToolTip(tr("What the body is; it decides the Content-Type unless the Headers tab sets one."));
    connect(m_kindBox, &QComboBox::activated, this, [this](int i) { setKind(Kind(m_kindBox->itemData(i).toInt())); });
    m_rawType = new QLineEdit(QStringLiteral("text/plain"));
    m_rawType->setObjectName(QStringLiteral("consoleBodyContentType"));
    m_rawType->setPlaceholderText(QStringLiteral("Content-Type"));
    m_rawType->setToolTip(tr("The Content-Type a raw body is sent with"));
    connect(m_rawType, &QLineEdit::textChanged, this, &BodyEditor::refreshHint);
    m_hint = new QLabel;
    m_hint->setObjectName(QStringLiteral("consoleBodyHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(4);
    bar->addWidget(m_kindBox);
    bar->addWidget(m_rawType, 1);
    bar->addWidget(m_hint, 1);

    m_text = new CodeEditor;
    m_text->setObjectName(QStringLiteral("consoleBody"));
    m_text->setLanguage(CodeEditor::Language::Json);

    m_form = new QTableWidget(0, 2);
    m_form->setObjectName(QStringLiteral("consoleBodyForm"));
    m_form->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_form->verticalHeader()->hide();
    m_form->verticalHeader()->setDefaultSectionSize(22);
    m_form->horizontalHeader()->setStretchLastSection(true);
    m_form->horizontalHeader()->resizeSection(0, 160);
    connect(m_form, &QTableWidget::cellChanged, this, &BodyEditor::ensureEmptyFormRow);
    ensureEmptyFormRow();

    auto *filePage = new QWidget;
    auto *fileLayout = new QVBoxLayout(filePage);
    fileLayout->setContentsMargins(0, 4, 0, 0);
    auto *choose = new QPushButton(tr("Choose file…"));
    choose->setObjectName(QStringLiteral("consoleBodyChooseFile"));
    connect(choose, &QPushButton::clicked, this, &BodyEditor::chooseFile);
    m_fileInfo = new QLabel;
    m_fileInfo->setObjectName(QStringLiteral("consoleBodyFileInfo"));
    m_fileInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileInfo->setWordWrap(true);
    auto *fileLine = new QHBoxLayout;
    fileLine->addWidget(choose);
    fileLine->addWidget(m_fileInfo, 1);
    fileLayout->addLayout(fileLine);
    fileLayout->addStretch(1);

    m_pages = new QStackedWidget;
    m_pages->insertWidget(TextPage, m_text);
    m_pages->insertWidget(FormPage, m_form);
    m_pages->insertWidget(FilePage, filePage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);

    refreshFileInfo();
    setKind(Kind::Json);
}

void BodyEditor::setKind(Kind kind)
{
    const bool changed = kind != m_kind;
    m_kind = kind;
    m_kindBox->setCurrentIndex(m_kindBox->findData(int(kind)));
    m_pages->setCurrentIndex(kind == Kind::Form ? FormPage : kind == Kind::Binary ? FilePage : TextPage);
    m_text->setLanguage(kind == Kind::Json ? CodeEditor::Language::Json : CodeEditor::Language::PlainText);
    m_rawType->setVisible(kind == Kind::Raw);
    m_hint->setVisible(kind != Kind::Raw);
    refreshHint();
    if (changed)
        Q_EMIT kindChanged(kind);
}

QString BodyEditor::text() const
{
    return m_text->text();
}

void BodyEditor::setText(const QString &text)
{
    m_text->setText(text);
}

QString BodyEditor::rawContentType() const
{
    return m_rawType->text().trimmed();
}

void BodyEditor::setRawContentType(const QString &type)
{
    m_rawType->setText(type);
}

QList<QPair<QString, QString>> BodyEditor::formFields() const
{
    QList<QPair<QString, QString>> out;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        const QTableWidgetItem *key = m_form->item(row, 0);
        const QTableWidgetItem *value = m_form->item(row, 1);
        if (key && !key->text().isEmpty())
            out.append({key->text(), value ? value->text() : QString()});
    }
    return out;
}

void BodyEditor::setFormFields(const QList<QPair<QString, QString>> &fields)
{
    {
        const QSignalBlocker block(m_form);
        m_form->setRowCount(0);
        for (const auto &f : fields) {
            const int row = m_form->rowCount();
            m_form->insertRow(row);
            m_form->setItem(row, 0, new QTableWidgetItem(f.first));
            m_form->setItem(row, 1, new QTableWidgetItem(f.second));
        }
    }
    ensureEmptyFormRow();
}

bool BodyEditor::setFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_bytes.reset();
    refreshFileInfo();
    refreshHint();
    return true;
}

void BodyEditor::setBytes(const QByteArray &bytes, const QString &label)
{
    m_filePath.clear();
    m_bytes = bytes;
    m_bytesLabel = label;
    refreshFileInfo();
    setKind(Kind::Binary);
    refreshHint();
}

QByteArray BodyEditor::bytes(const Substitute &substitute, QString *error) const
{
    auto expand = [&substitute](const QString &s) { return substitute ? substitute(s) : s; };
    switch (m_kind) {
    case Kind::Json:
    case Kind::Raw:
        return expand(m_text->text()).toUtf8();
    case Kind::Form: {
        QByteArrayList pairs;
        for (const auto &f : formFields())
            pairs << formEncode(expand(f.first)) + '=' + formEncode(expand(f.second));
        return pairs.join('&');
    }
    case Kind::Binary: {
        if (m_filePath.isEmpty())
            return m_bytes.value_or(QByteArray());
        QFile file(m_filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("cannot read %1: %2").arg(m_filePath, file.errorString());
            return {};
        }
        return file.readAll();
    }
    }
    return {};
}

QByteArray BodyEditor::contentType() const
{
    switch (m_kind) {
    case Kind::Json: return QByteArrayLiteral("application/json");
    case Kind::Form: return QByteArrayLiteral("application/x-www-form-urlencoded");
    case Kind::Raw: return rawContentType().isEmpty() ? QByteArrayLiteral("text/plain") : rawContentType().toUtf8();
    case Kind::Binary: {
        if (m_filePath.isEmpty())
            return QByteArrayLiteral("application/octet-stream");
        const QMimeType type = QMimeDatabase().mimeTypeForFile(m_filePath);
        return type.isValid() && !type.isDefault() && !type.inherits(QStringLiteral("text/plain"))
                   ? type.name().toUtf8()
                   : QByteArrayLiteral("application/octet-stream");
    }
    }
    return {};
}

QStringList BodyEditor::texts() const
{
    switch (m_kind) {
    case Kind::Json:
    case Kind::Raw:
        return {m_text->text()};
    case Kind::Form: {
        QStringList out;
        for (const auto &f : formFields())
            out << f.first << f.second;
        return out;
    }
    case Kind::Binary:
        return {};
    }
    return {};
}

bool BodyEditor::isEmpty() const
{
    switch (m_kind) {
    case Kind::Json:
    case Kind::Raw:
        return m_text->text().isEmpty();
    case Kind::Form:
        return formFields().isEmpty();
    case Kind::Binary:
        return m_filePath.isEmpty() && m_bytes.value_or(QByteArray()).isEmpty();
    }
    return true;
}

void BodyEditor::setFromBytes(const QByteArray &body, const QString &contentType)
{
    if (!QUtf8StringView(body).isValidUtf8() || body.contains('\0')) {
        setBytes(body, tr("Binary body"));
        return;
    }
    const QString type = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    // A form body has no blanks (they are encoded); anything else stays text as it was typed.
    static const QRegularExpression blank(QStringLiteral("\\s"));
    if (type == QLatin1String("application/x-www-form-urlencoded") && !QString::fromUtf8(body).contains(blank)) {
        QList<QPair<QString, QString>> fields;
        for (const QByteArray &pair : body.split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype eq = pair.indexOf('=');
            fields.append(eq < 0 ? qMakePair(formDecode(pair), QString())
                                 : qMakePair(formDecode(pair.left(eq)), formDecode(pair.mid(eq + 1))));
        }
        setFormFields(fields);
        setKind(Kind::Form);
        return;
    }
    setText(QString::fromUtf8(body));
    if (type.isEmpty() || type == QLatin1String("application/json") || type.endsWith(QLatin1String("+json"))) {
        setKind(Kind::Json);
    } else {
        setRawContentType(contentType.trimmed());
        setKind(Kind::Raw);
    }
}

void BodyEditor::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Body from file"), m_filePath);
    if (path.isEmpty())
        return;
    QString error;
    if (!setFile(path, &error))
        m_fileInfo->setText(tr("<span style='color:#cf3b32'>%1</span>").arg(error.toHtmlEscaped()));
}

void BodyEditor::ensureEmptyFormRow()
{
    const int rows = m_form->rowCount();
    auto isBlank = [this](int row) {
        for (int c = 0; c < 2; ++c)
            if (m_form->item(row, c) && !m_form->item(row, c)->text().isEmpty())
                return false;
        return true;
    };
    if (rows == 0 || !isBlank(rows - 1)) {
        const QSignalBlocker block(m_form);
        m_form->insertRow(rows);
    }
}

void BodyEditor::refreshFileInfo()
{
    if (m_filePath.isEmpty() && m_bytes) {
        m_fileInfo->setText(tr("%1 — %2 bytes in memory").arg(m_bytesLabel).arg(m_bytes->size()));
        m_fileInfo->setToolTip({});
        return;
    }
    if (m_filePath.isEmpty()) {
        m_fileInfo->setText(tr("No file chosen: its bytes are sent as they are."));
        return;
    }
    const QFileInfo info(m_filePath);
    m_fileInfo->setText(info.size() < 1024 ? tr("%1 — %2 bytes").arg(info.fileName()).arg(info.size())
                                           : tr("%1 — %2 (%3 bytes)")
                                                 .arg(info.fileName(), QLocale().formattedDataSize(info.size()))
                                                 .arg(info.size()));
    m_fileInfo->setToolTip(m_filePath);
}

void BodyEditor::refreshHint()
{
    m_hint->setText(tr("Content-Type: %1").arg(QString::fromUtf8(contentType())));
}

} // namespace Gw::Ui
