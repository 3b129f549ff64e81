// Binds form fields to one node of the document.
//
// A refresh writes a widget only when its value differs from the document, so the field being
// typed in keeps its cursor; refreshes are skipped while this binder is applying its own edit.
#include "ui/editors/fieldbinder.h"

#include "model/documentsession.h"
#include "ui/models/nodelookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>

namespace Gw::Ui {

using namespace Gw::Model;

const char *FieldBinder::ProblemProperty = "gwProblem";

FieldBinder::FieldBinder(DocumentSession *session, const NodeRef &node, QFormLayout *layout, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_node(node)
    , m_layout(layout)
{
    connect(m_session, &DocumentSession::documentChanged, this, &FieldBinder::refresh);
}

QString FieldBinder::problemOf(const QWidget *field)
{
    return field ? field->property(ProblemProperty).toString() : QString();
}

void FieldBinder::flag(QWidget *field, const QString &problem)
{
    if (problemOf(field) == problem && field->property(ProblemProperty).isValid())
        return;
    field->setProperty(ProblemProperty, problem);
    field->setToolTip(problem);
    // A red frame is visible in every style and palette; the tooltip says what is wrong.
    field->setStyleSheet(problem.isEmpty() ? QString()
                                           : QStringLiteral("border: 1px solid #d64545; border-radius: 2px;"));
}

QString FieldBinder::mergeKey(const QString &field) const
{
    return m_node.key() + QLatin1Char('/') + (m_scope.isEmpty() ? QString() : m_scope + QLatin1Char('/')) + field;
}

void FieldBinder::apply(const QString &undoText, const QString &field,
                        const std::function<void(ApiDocument &)> &change)
{
    if (m_applying)
        return;
    m_applying = true;
    m_session->edit(undoText, change, mergeKey(field));
    m_applying = false;
    m_editing = nullptr;
}

static QString undoTextFor(const QString &label)
{
    QString l = label;
    l.remove(QLatin1Char('&'));
    if (l.endsWith(QLatin1Char(':')))
        l.chop(1);
    return QObject::tr("Edit %1").arg(l.toLower());
}

QLineEdit *FieldBinder::lineEdit(const QString &label, const QString &objectName, const QString &field,
                                 const Getter &get, const Setter &set, const Check &check,
                                 const Predicate &visible)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setReadOnly(!set);
    m_layout->addRow(label, edit);
    const QString undoText = undoTextFor(label);
    if (set)
        connect(edit, &QLineEdit::textEdited, this, [this, edit, undoText, field, set, check](const QString &text) {
            m_editing = edit; // keep what is typed even when the setter normalises it
            apply(undoText, field, [set, text](ApiDocument &d) { set(d, text); });
            // Checked per keystroke: an edit that leaves the document as it was refreshes nothing.
            if (check)
                flag(edit, check(m_session->document(), text));
        });
    m_bindings << Binding{edit, [this, edit, get, check](const ApiDocument &doc) {
                              const QString value = get(doc);
                              if (edit->text() != value && m_editing != edit) {
                                  const QSignalBlocker block(edit);
                                  edit->setText(value);
                              }
                              if (check)
                                  flag(edit, check(doc, edit->text()));
                          },
                          visible};
    return edit;
}

QComboBox *FieldBinder::combo(const QString &label, const QString &objectName, const QString &field,
                              const std::function<Items(const ApiDocument &)> &items, const Getter &get,
                              const Setter &set, const Predicate &visible)
{
    auto *box = new QComboBox;
    box->setObjectName(objectName);
    m_layout->addRow(label, box);
    const QString undoText = undoTextFor(label);
    connect(box, &QComboBox::activated, this, [this, box, undoText, field, set](int index) {
        const QString value = box->itemData(index).toString();
        apply(undoText, field, [set, value](ApiDocument &d) { set(d, value); });
    });
    m_bindings << Binding{box, [box, items, get](const ApiDocument &doc) {
                              const QSignalBlocker block(box);
                              const Items list = items(doc);
                              bool same = box->count() == list.size();
                              for (int i = 0; same && i < list.size(); ++i)
                                  same = box->itemText(i) == list[i].first && box->itemData(i).toString() == list[i].second;
                              if (!same) {
                                  box->clear();
                                  for (const auto &[text, value] : list)
                                      box->addItem(text, value);
                              }
                              const QString value = get(doc);
                              int index = box->findData(value);
                              if (index < 0 && !value.isEmpty()) {
                                  // A value the document has but the list does not offer: show it.
                                  box->addItem(value + QObject::tr(" (missing)"), value);
                                  index = box->count() - 1;
                              }
                              box->setCurrentIndex(index);
                          },
                          visible};
    return box;
}

QCheckBox *FieldBinder::check(const QString &label, const QString &objectName, const QString &field,
                              const std::function<bool(const ApiDocument &)> &get,
                              const std::function<void(ApiDocument &, bool)> &set, const Predicate &visible)
{
    auto *box = new QCheckBox;
    box->setObjectName(objectName);
    m_layout->addRow(label, box);
    const QString undoText = undoTextFor(label);
    connect(box, &QCheckBox::toggled, this, [this, undoText, field, set](bool on) {
        apply(undoText, field, [set, on](ApiDocument &d) { set(d, on); });
    });
    m_bindings << Binding{box, [box, get](const ApiDocument &doc) {
                              const QSignalBlocker block(box);
                              box->setChecked(get(doc));
                          },
                          visible};
    return box;
}

QSpinBox *FieldBinder::spin(const QString &label, const QString &objectName, const QString &field, int min,
                            int max, const std::function<int(const ApiDocument &)> &get,
                            const std::function<void(ApiDocument &, int)> &set, const Predicate &visible)
{
    auto *box = new QSpinBox;
    box->setObjectName(objectName);
    box->setRange(min, max);
    box->setAccelerated(true);
    m_layout->addRow(label, box);
    const QString undoText = undoTextFor(label);
    connect(box, &QSpinBox::valueChanged, this, [this, undoText, field, set](int v) {
        apply(undoText, field, [set, v](ApiDocument &d) { set(d, v); });
    });
    m_bindings << Binding{box, [box, get](const ApiDocument &doc) {
                              const int v = get(doc);
                              if (box->value() != v) {
                                  const QSignalBlocker block(box);
                                  box->setValue(v);
                              }
                          },
                          visible};
    return box;
}

QLabel *FieldBinder::help(const QString &text, const Predicate &visible)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setOpenExternalLinks(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0x6b, 0x72, 0x80));
    label->setPalette(pal);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    label->setFont(f);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // The form sizes a wrapped label's row for its minimum width: a realistic minimum keeps the
    // row from reserving lines the text never uses.
    label->setMinimumWidth(340);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_layout->addRow(QString(), label);
    m_bindings << Binding{label, [](const ApiDocument &) {}, visible};
    return label;
}

void FieldBinder::row(const QString &label, QWidget *widget, const Predicate &visible, bool inField)
{
    if (label.isEmpty() && !inField)
        m_layout->addRow(widget); // spans both columns
    else
        m_layout->addRow(label, widget);
    m_bindings << Binding{widget, [](const ApiDocument &) {}, visible};
}

void FieldBinder::addStretch()
{
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_layout->addRow(spacer);
}

void FieldBinder::refresh()
{
    const ApiDocument &doc = m_session->document();
    // The node may be gone (undo, removal) before the owning editor is torn down.
    if (!Lookup::exists(doc, m_node))
        return;
    for (const Binding &b : std::as_const(m_bindings)) {
        if (b.visible)
            m_layout->setRowVisible(b.field, b.visible(doc));
        b.refresh(doc);
    }
}

} // namespace Gw::Ui
