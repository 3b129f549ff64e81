// Quick open: the entries are rebuilt from the document each time the popup opens, so it never
// holds stale ids; filtering is a plain substring match per term, which is what users type
// ("pets get", "jwt").
#include "ui/quickopen.h"

#include "model/documentsession.h"
#include "ui/icons.h"
#include "ui/models/nodelookup.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;
using Kind = NodeRef::Kind;

QuickOpen::QuickOpen(DocumentSession *session, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_session(session)
    , m_filter(new QLineEdit)
    , m_list(new QListWidget)
{
    setObjectName(QStringLiteral("quickOpen"));
    setFrameShape(QFrame::StyledPanel);
    m_filter->setObjectName(QStringLiteral("quickOpenFilter"));
    m_filter->setPlaceholderText(tr("Go to a route, method, authorizer, model, stage, function…"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("quickOpenList"));
    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    resize(520, 360);

    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, &QuickOpen::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &QuickOpen::accept);
    connect(m_list, &QListWidget::itemActivated, this, [this] { accept(); });
}

QList<QuickOpen::Entry> QuickOpen::entries(const ApiDocument &doc)
{
    QList<Entry> result;
    for (const Api &api : doc.apis) {
        if (api.type == ApiType::Rest) {
            for (const Resource &r : api.resources) {
                const QString path = resourcePath(api, r.id);
                result << Entry{path, tr("Resource · %1").arg(api.name), {Kind::Resource, api.id, r.id}};
                for (const Method &m : r.methods)
                    result << Entry{m.httpMethod + QLatin1Char(' ') + path, tr("Method · %1").arg(api.name),
                                    {Kind::Method, api.id, m.id}};
            }
        } else {
            for (const Route &rt : api.routes)
                result << Entry{rt.routeKey, tr("Route · %1").arg(api.name), {Kind::Route, api.id, rt.id}};
        }
        for (const Authorizer &a : api.authorizers)
            result << Entry{a.name, tr("Authorizer · %1").arg(api.name), {Kind::Authorizer, api.id, a.id}};
        for (const ApiModel &m : api.models)
            result << Entry{m.name, tr("Model · %1").arg(api.name), {Kind::Model, api.id, m.id}};
        for (const Stage &s : api.stages)
            result << Entry{s.name, tr("Stage · %1").arg(api.name), {Kind::Stage, api.id, s.name}};
    }
    for (const LocalFunction &f : doc.functions)
        result << Entry{f.name, tr("Function · %1").arg(f.runtime), {Kind::Function, {}, f.id}};
    for (const UsagePlan &p : doc.usagePlans)
        result << Entry{p.name, tr("Usage plan"), {Kind::UsagePlan, {}, p.id}};
    for (const ApiKey &k : doc.apiKeys)
        result << Entry{k.name, tr("API key"), {Kind::ApiKey, {}, k.id}};
    return result;
}

bool QuickOpen::matches(const Entry &entry, const QString &filter)
{
    const QStringList terms = filter.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &t : terms)
        if (!entry.label.contains(t, Qt::CaseInsensitive) && !entry.detail.contains(t, Qt::CaseInsensitive))
            return false;
    return true;
}

void QuickOpen::popup(QWidget *anchor)
{
    m_entries = entries(m_session->document());
    m_filter->clear();
    applyFilter();
    if (anchor) {
        const QPoint top = anchor->mapToGlobal(QPoint((anchor->width() - width()) / 2, 40));
        move(top);
    }
    show();
    raise();
    activateWindow();
    m_filter->setFocus();
}

void QuickOpen::applyFilter()
{
    m_list->clear();
    const QString filter = m_filter->text();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries.at(i);
        if (!matches(e, filter))
            continue;
        auto *item = new QListWidgetItem(e.label + QStringLiteral("    ") + e.detail, m_list);
        item->setData(Qt::UserRole, int(i));
        item->setIcon(e.node.kind == Kind::Method ? Icons::httpMethod(e.label.section(QLatin1Char(' '), 0, 0))
                                                  : Icons::forNode(e.node.kind));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void QuickOpen::accept()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const int i = item->data(Qt::UserRole).toInt();
    const NodeRef node = i >= 0 && i < m_entries.size() ? m_entries.at(i).node : NodeRef();
    hide();
    if (node.isValid())
        Q_EMIT nodeChosen(node);
}

bool QuickOpen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int rows = m_list->count();
        switch (key->key()) {
        case Qt::Key_Down:
            if (rows)
                m_list->setCurrentRow((m_list->currentRow() + 1) % rows);
            return true;
        case Qt::Key_Up:
            if (rows)
                m_list->setCurrentRow((m_list->currentRow() - 1 + rows) % rows);
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace Gw::Ui
