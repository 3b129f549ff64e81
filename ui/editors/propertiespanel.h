// The form for the selected node: an API, a resource, a method or route (authorization and the
// integration: MOCK response, Lambda function, HTTP URI), an authorizer, a stage, a function.
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

class PropertiesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PropertiesPanel(Model::DocumentSession *session, QWidget *parent = nullptr);
    ~PropertiesPanel() override;

    void setNode(const NodeRef &node);
    NodeRef node() const { return m_node; }

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
    void buildOperation();
    void buildAuthorizer();
    void buildStage();
    void buildModel();
    void buildFunction();

    Model::DocumentSession *m_session;
    NodeRef m_node;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QWidget *m_form = nullptr;
    QFormLayout *m_layout = nullptr;
    QWidget *m_placeholder = nullptr;
    QList<Binding> m_bindings;
    bool m_applying = false;
};

} // namespace Gw::Ui
