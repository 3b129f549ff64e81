// The New API wizard (File → New API…): a name, the API type (REST / HTTP / WebSocket) and a
// starter; accepting adds the API to the current document as one undoable edit.
#pragma once

#include "ui/models/noderef.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class NewApiDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewApiDialog(Model::DocumentSession *session, QWidget *parent = nullptr);

    void setApiType(int apiType); // Model::ApiType
    int apiType() const;
    // Selects a starter by Starters::Starter; false when the type does not offer it.
    bool setStarter(int starter);
    int starter() const;
    QLineEdit *nameEdit() const { return m_name; }

    // Adds the API as one undo step; the created API node (invalid when the name is empty).
    NodeRef createApi();

    void accept() override;

Q_SIGNALS:
    void apiCreated(const Gw::Ui::NodeRef &api);

private:
    void fillStarters();
    void updateState();

    Model::DocumentSession *m_session;
    QLineEdit *m_name;
    QButtonGroup *m_types;
    QListWidget *m_starters;
    QLabel *m_description;
    QPushButton *m_ok = nullptr;
};

} // namespace Gw::Ui
