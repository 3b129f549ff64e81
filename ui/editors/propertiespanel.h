// The editor for the selected node: the method execution view for a REST method, the authorizer,
// model, stage and function editors, and a form for the others (an API, a resource, a route).
// Every field edit is an undo command with a merge key "<node>/<field>", so typing in a field is
// one undo step; the form follows documentChanged without disturbing the field being typed in.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Gw::Model {
class DocumentSession;
struct ApiDocument;
} // namespace Gw::Model

namespace Gw::Ui {

class CodeEditor;
class MethodExecutionView;

class PropertiesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PropertiesPanel(Model::DocumentSession *session, QWidget *parent = nullptr);
    ~PropertiesPanel() override;

    void setNode(const NodeRef &node);
    NodeRef node() const { return m_node; }
    // The method execution view when a REST method is shown, else null.
    MethodExecutionView *methodExecutionView() const { return m_execution; }
    // Opens the method execution box configuring a trace step; false when none does.
    bool showStep(const QString &stepName);

private:
    using Getter = std::function<QString(const Model::ApiDocument &)>;
    using Setter = std::function<void(Model::ApiDocument &, const QString &)>;
    using Predicate = std::function<bool(const Model::ApiDocument &)>;

    struct Binding
    {
        QWidget *field = nullptr;
        std::function<void(const Model::ApiDocument &)> refresh;
        Predicate visible; // empty: always
    };

    void rebuild();
    void refresh();
    void apply(const QString &undoText, const QString &field, const Setter &set, const QString &value);

    // Field builders: each adds a row to the form and a binding that keeps it in sync.
    QLineEdit *addLineEdit(const QString &label, const QString &objectName, const QString &field,
                           const Getter &get, const Setter &set, const Predicate &visible = {});
    QComboBox *addCombo(const QString &label, const QString &objectName, const QString &field,
                        const std::function<QList<QPair<QString, QString>>(const Model::ApiDocument &)> &items,
                        const Getter &get, const Setter &set, const Predicate &visible = {});
    QCheckBox *addCheck(const QString &label, const QString &objectName, const QString &field,
                        const std::function<bool(const Model::ApiDocument &)> &get,
                        const std::function<void(Model::ApiDocument &, bool)> &set,
                        const Predicate &visible = {});
    QSpinBox *addSpin(const QString &label, const QString &objectName, const QString &field, int min,
                      int max, const std::function<int(const Model::ApiDocument &)> &get,
                      const std::function<void(Model::ApiDocument &, int)> &set);
    CodeEditor *addCode(const QString &label, const QString &objectName, const QString &field,
                        const Getter &get, const Setter &set, const Predicate &visible = {});
    QLabel *addInfo(const QString &label, const QString &objectName, const Getter &get,
                    const Predicate &visible = {});

    void buildApi();
    void buildResource();

    Model::DocumentSession *m_session;
    NodeRef m_node;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QWidget *m_form = nullptr;
    QFormLayout *m_layout = nullptr;
    QWidget *m_placeholder = nullptr;
    QList<Binding> m_bindings;
    bool m_applying = false;
    MethodExecutionView *m_execution = nullptr;
    QString m_lastStep; // the method execution box last shown
};

} // namespace Gw::Ui
