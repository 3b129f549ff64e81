// The composer's request body with a content-type switch: JSON and raw text (in a code editor,
// raw with its own Content-Type), a url-encoded form (key/value table) or a binary file (its bytes
// are sent as they are; name and size shown). The kind decides the Content-Type the request gets
// unless the headers table sets one.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableWidget;

namespace Gw::Ui {

class CodeEditor;

class BodyEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Json, Form, Raw, Binary };
    Q_ENUM(Kind)
    using Substitute = std::function<QString(const QString &)>;

    explicit BodyEditor(QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    void setKind(Kind kind);

    // JSON or raw text (the one text both kinds edit).
    QString text() const;
    void setText(const QString &text);
    // The Content-Type a raw body is sent with (text/plain unless edited).
    QString rawContentType() const;
    void setRawContentType(const QString &type);
    // Form fields in order; blank keys are dropped.
    QList<QPair<QString, QString>> formFields() const;
    void setFormFields(const QList<QPair<QString, QString>> &fields);
    // The file a binary body is read from at send time; false (and `error`) when it cannot be read.
    bool setFile(const QString &path, QString *error = nullptr);
    QString filePath() const { return m_filePath; }
    // Binary bytes held in memory instead of a file (a stored call's body); `label` names them.
    void setBytes(const QByteArray &bytes, const QString &label);

    // The bytes to send, with {{variables}} expanded in text and form values (never in a file).
    QByteArray bytes(const Substitute &substitute = {}, QString *error = nullptr) const;
    // The Content-Type this kind sends (empty: nothing to send).
    QByteArray contentType() const;
    // Every piece of text {{variables}} may appear in (to report undefined ones before sending).
    QStringList texts() const;
    bool isEmpty() const;

    // Fills from a body received as bytes (pasted cURL, saved request, stored call): bytes that
    // are not UTF-8 text are binary (held in memory); otherwise the kind follows the Content-Type
    // (form, JSON, anything else raw with that type).
    void setFromBytes(const QByteArray &body, const QString &contentType);

    CodeEditor *textEditor() const { return m_text; }

Q_SIGNALS:
    void kindChanged(Gw::Ui::BodyEditor::Kind kind);

private:
    void chooseFile();
    void ensureEmptyFormRow();
    void refreshFileInfo();
    void refreshHint();

    Kind m_kind = Kind::Json;
    QComboBox *m_kindBox;
    QLineEdit *m_rawType;
    QLabel *m_hint;
    QStackedWidget *m_pages;
    CodeEditor *m_text;
    QTableWidget *m_form;
    QLabel *m_fileInfo;
    QString m_filePath;
    std::optional<QByteArray> m_bytes; // binary body without a file
    QString m_bytesLabel;
};

QString toString(BodyEditor::Kind kind);

} // namespace Gw::Ui
