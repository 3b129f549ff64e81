// Binds form fields to one node of the document: each field reads the current document on every
// change and writes through DocumentSession::edit with the merge key "<node>/<field>", so typing
// in a field is one undo step. A field may carry a check; its message flags the field while typing.
#pragma once

#include "ui/models/noderef.h"

#include <QObject>

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace Gw::Model {
class DocumentSession;
struct ApiDocument;
} // namespace Gw::Model

namespace Gw::Ui {

class FieldBinder : public QObject
{
    Q_OBJECT
public:
    using Getter = std::function<QString(const Model::ApiDocument &)>;
    using Setter = std::function<void(Model::ApiDocument &, const QString &)>;
    // A message when the value is wrong (shown on the field), empty when it is fine.
    using Check = std::function<QString(const Model::ApiDocument &, const QString &value)>;
    using Predicate = std::function<bool(const Model::ApiDocument &)>;
    using Items = QList<QPair<QString, QString>>; // label, value

    // The name of the dynamic property holding a field's current problem ("" when none).
    static const char *ProblemProperty;

    FieldBinder(Model::DocumentSession *session, const NodeRef &node, QFormLayout *layout,
                QObject *parent = nullptr);

    // Part of the merge key: fields of a sub-part (an integration response) use their own scope.
    void setScope(const QString &scope) { m_scope = scope; }

    QLineEdit *lineEdit(const QString &label, const QString &objectName, const QString &field,
                        const Getter &get, const Setter &set, const Check &check = {},
                        const Predicate &visible = {});
    QComboBox *combo(const QString &label, const QString &objectName, const QString &field,
                     const std::function<Items(const Model::ApiDocument &)> &items, const Getter &get,
                     const Setter &set, const Predicate &visible = {});
    QCheckBox *check(const QString &label, const QString &objectName, const QString &field,
                     const std::function<bool(const Model::ApiDocument &)> &get,
                     const std::function<void(Model::ApiDocument &, bool)> &set,
                     const Predicate &visible = {});
    QSpinBox *spin(const QString &label, const QString &objectName, const QString &field, int min,
                   int max, const std::function<int(const Model::ApiDocument &)> &get,
                   const std::function<void(Model::ApiDocument &, int)> &set,
                   const Predicate &visible = {});
    // A grey, wrapped line of inline help under the previous field.
    QLabel *help(const QString &text, const Predicate &visible = {});
    // Any other widget as a row that shows and hides with `visible`; without a label it spans
    // both columns unless inField is set.
    void row(const QString &label, QWidget *widget, const Predicate &visible = {}, bool inField = false);

    // A last, empty row taking the spare height, so rows keep their natural spacing.
    void addStretch();

    // Re-reads every field from the document (done on every documentChanged).
    void refresh();

    static QString problemOf(const QWidget *field);

private:
    struct Binding
    {
        QWidget *field = nullptr;
        std::function<void(const Model::ApiDocument &)> refresh;
        Predicate visible;
    };
    void apply(const QString &undoText, const QString &field, const std::function<void(Model::ApiDocument &)> &change);
    QString mergeKey(const QString &field) const;
    static void flag(QWidget *field, const QString &problem);

    Model::DocumentSession *m_session;
    NodeRef m_node;
    QFormLayout *m_layout;
    QString m_scope;
    QList<Binding> m_bindings;
    bool m_applying = false;
    QWidget *m_editing = nullptr; // the line edit whose edit is being applied
};

} // namespace Gw::Ui
