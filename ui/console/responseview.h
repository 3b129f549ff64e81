// The response as the console shows it: a Body tab that presents the body by its type (JSON and
// XML indented, HTML source, an image preview, a hex dump for binary), a Headers tab, and a line
// with the content type, size and time. Other panes (the trace) may add tabs beside them.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPair>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace Gw::Ui {

class CodeEditor;

class ResponseView : public QWidget
{
    Q_OBJECT
public:
    enum class BodyKind { Empty, Json, Xml, Html, Text, Image, Binary };
    Q_ENUM(BodyKind)
    enum class ViewAs { Auto, Text, Hex };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit ResponseView(QWidget *parent = nullptr);

    // Shows a response; `elapsedMs` is the round trip the console measured.
    void setResponse(int status, const Headers &headers, const QByteArray &body, qint64 elapsedMs);
    // No response to show (sending, cancelled, failed): empties the tabs, `note` on the info line.
    void clear(const QString &note = {});

    BodyKind bodyKind() const { return m_kind; }
    // The text the Body tab shows (pretty-printed, or the hex dump); empty for an image.
    QString bodyText() const;
    QImage image() const { return m_image; }
    QByteArray body() const { return m_body; }
    QString infoText() const;
    void setViewAs(ViewAs mode);

    // The tabs (Body, Headers); the console adds its own after them.
    QTabWidget *tabs() const { return m_tabs; }

    // What a body is, from its Content-Type and, when that says little, its bytes.
    static BodyKind classify(const QByteArray &contentType, const QByteArray &body);
    // Indented JSON / XML; nullopt-like empty string when the text does not parse.
    static QString prettyJson(const QByteArray &body);
    static QString prettyXml(const QByteArray &body);
    // Offset, 16 bytes in hex, and their printable ASCII, one line each (capped at `maxBytes`).
    static QString hexDump(const QByteArray &body, qsizetype maxBytes = 64 * 1024);
    static QString sizeText(qint64 bytes);

private:
    void render();

    QTabWidget *m_tabs;
    QLabel *m_info;
    QComboBox *m_viewAs;
    QStackedWidget *m_bodyPages;
    CodeEditor *m_text;
    QPlainTextEdit *m_hex;
    QScrollArea *m_imageArea;
    QLabel *m_imageLabel;
    QTableWidget *m_headers;

    BodyKind m_kind = BodyKind::Empty;
    QByteArray m_body;
    QByteArray m_contentType;
    QImage m_image;
    qint64 m_elapsedMs = -1;
    QString m_note;
};

QString toString(ResponseView::BodyKind kind);

} // namespace Gw::Ui
