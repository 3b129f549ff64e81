// The local function editor: runtime, handler, code folder (with a picker), environment, timeout,
// memory and concurrency of a Lambda function the studio runs as a process.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

#include <functional>

class QPushButton;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;
class MapTableModel;

class FunctionEditor : public QWidget
{
    Q_OBJECT
public:
    // Asks for a folder, starting at `current`; empty = cancelled. Replaceable for tests.
    using FolderChooser = std::function<QString(const QString &current)>;

    FunctionEditor(Model::DocumentSession *session, const NodeRef &function, QWidget *parent = nullptr);

    void setFolderChooser(FolderChooser chooser) { m_chooseFolder = std::move(chooser); }
    QPushButton *browseButton() const { return m_browse; }
    MapTableModel *environmentModel() const { return m_environment; }

    // The runtimes the local function host runs.
    static QStringList runtimes();

private:
    void browse();

    Model::DocumentSession *m_session;
    NodeRef m_ref;
    FieldBinder *m_binder;
    QPushButton *m_browse;
    MapTableModel *m_environment;
    FolderChooser m_chooseFolder;
};

} // namespace Gw::Ui
