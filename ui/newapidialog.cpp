// The New API wizard: one page is enough for three choices; the starters come from
// ui/models/apistarters so the same designs are reachable from tests and the CLI later.
#include "ui/newapidialog.h"

#include "model/documentsession.h"
#include "ui/models/apistarters.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;

NewApiDialog::NewApiDialog(DocumentSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_name(new QLineEdit)
    , m_types(new QButtonGroup(this))
    , m_starters(new QListWidget)
    , m_description(new QLabel)
{
    setObjectName(QStringLiteral("newApiDialog"));
    setWindowTitle(tr("New API"));
    m_name->setObjectName(QStringLiteral("newApiName"));
    m_name->setText(QStringLiteral("MyApi"));
    m_starters->setObjectName(QStringLiteral("newApiStarters"));
    m_description->setWordWrap(true);
    m_description->setMinimumHeight(40);

    auto *typeRow = new QHBoxLayout;
    const QList<QPair<QString, ApiType>> kinds{{tr("REST"), ApiType::Rest},
                                               {tr("HTTP"), ApiType::Http},
                                               {tr("WebSocket"), ApiType::WebSocket}};
    for (const auto &[label, type] : kinds) {
        auto *button = new QRadioButton(label);
        button->setObjectName(QStringLiteral("newApiType") + QString::number(int(type)));
        m_types->addButton(button, int(type));
        typeRow->addWidget(button);
    }
    typeRow->addStretch();
    m_types->button(int(ApiType::Rest))->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Type:"), typeRow);
    form->addRow(tr("Start from:"), m_starters);
    form->addRow(QString(), m_description);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_types, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            fillStarters();
    });
    connect(m_starters, &QListWidget::currentRowChanged, this, &NewApiDialog::updateState);
    connect(m_name, &QLineEdit::textChanged, this, &NewApiDialog::updateState);
    fillStarters();
}

void NewApiDialog::fillStarters()
{
    m_starters->clear();
    for (const Starters::Starter s : Starters::startersFor(ApiType(apiType()))) {
        auto *item = new QListWidgetItem(Starters::title(s), m_starters);
        item->setData(Qt::UserRole, int(s));
        item->setToolTip(Starters::description(s));
    }
    m_starters->setCurrentRow(0);
    updateState();
}

void NewApiDialog::updateState()
{
    const QListWidgetItem *item = m_starters->currentItem();
    m_description->setText(item ? Starters::description(Starters::Starter(item->data(Qt::UserRole).toInt())) : QString());
    if (m_ok)
        m_ok->setEnabled(!m_name->text().trimmed().isEmpty() && item);
}

void NewApiDialog::setApiType(int type)
{
    if (QAbstractButton *b = m_types->button(type))
        b->setChecked(true);
}

int NewApiDialog::apiType() const
{
    return m_types->checkedId();
}

bool NewApiDialog::setStarter(int starter)
{
    for (int i = 0; i < m_starters->count(); ++i)
        if (m_starters->item(i)->data(Qt::UserRole).toInt() == starter) {
            m_starters->setCurrentRow(i);
            return true;
        }
    return false;
}

int NewApiDialog::starter() const
{
    const QListWidgetItem *item = m_starters->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : -1;
}

NodeRef NewApiDialog::createApi()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || starter() < 0)
        return {};
    const auto type = ApiType(apiType());
    const auto s = Starters::Starter(starter());
    NodeRef created;
    m_session->edit(tr("New %1 API").arg(Starters::title(s)),
                    [&](ApiDocument &doc) { created = Starters::add(doc, type, s, name); });
    return created;
}

void NewApiDialog::accept()
{
    const NodeRef created = createApi();
    if (!created.isValid())
        return; // keep the dialog open: the name is missing
    QDialog::accept();
    Q_EMIT apiCreated(created);
}

} // namespace Gw::Ui
