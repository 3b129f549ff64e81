// The usage plan editor. Limits follow the API Gateway developer guide ("Usage plans"): throttle
// rate and burst as for stages, a quota of N requests per DAY, WEEK or MONTH.
#include "ui/editors/usageplaneditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/sectiontitle.h"
#include "ui/models/nodelookup.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>


namespace Gw::Ui {

using namespace Gw::Model;

namespace {

constexpr int StageApiRole = Qt::UserRole + 1;
constexpr int StageNameRole = Qt::UserRole + 2;
constexpr int KeyIdRole = Qt::UserRole + 1;

} // namespace

UsagePlanEditor::UsagePlanEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_plan(ref)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);
    auto get = [ref](const ApiDocument &d) { return Lookup::usagePlan(d, ref.id); };
    auto edit = [ref](const std::function<void(UsagePlan &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (UsagePlan *p = Lookup::usagePlan(d, ref.id))
                f(*p, v);
        };
    };

    form->addRow(sectionTitle(tr("Usage plan"), tr("Who may call which stages, how fast and how often.")));
    m_binder->lineEdit(tr("Name:"), QStringLiteral("usagePlanName"), QStringLiteral("name"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->name : QString(); },
                       edit([](UsagePlan &p, const QString &v) { p.name = v; }),
                       [](const ApiDocument &, const QString &v) {
                           return v.trimmed().isEmpty() ? tr("A usage plan needs a name.") : QString();
                       });

    form->addRow(sectionTitle(tr("Throttling"), tr("Per key: a token bucket with the burst as its size; past it "
                                                   "the throttle step answers 429.")));
    m_binder->lineEdit(tr("Rate (requests/s):"), QStringLiteral("usagePlanRate"), QStringLiteral("rateLimit"),
                       [get](const ApiDocument &d) { return get(d) ? Checks::throttleText(get(d)->throttle.rateLimit) : QString(); },
                       edit([](UsagePlan &p, const QString &v) { p.throttle.rateLimit = Checks::throttleRate(v); }),
                       [](const ApiDocument &, const QString &v) { return Checks::throttleValue(v, false, QObject::tr("no limit")); })
        ->setPlaceholderText(tr("no limit"));
    m_binder->lineEdit(tr("Burst:"), QStringLiteral("usagePlanBurst"), QStringLiteral("burstLimit"),
                       [get](const ApiDocument &d) { return get(d) ? Checks::throttleText(get(d)->throttle.burstLimit) : QString(); },
                       edit([](UsagePlan &p, const QString &v) { p.throttle.burstLimit = Checks::throttleBurst(v); }),
                       [](const ApiDocument &, const QString &v) { return Checks::throttleValue(v, true, QObject::tr("no limit")); })
        ->setPlaceholderText(tr("no limit"));

    form->addRow(sectionTitle(tr("Quota"), tr("Requests per key per period; past it callers get 429 "
                                              "\"Limit Exceeded\".")));
    m_binder->lineEdit(tr("Requests:"), QStringLiteral("usagePlanQuotaLimit"), QStringLiteral("quotaLimit"),
                       [get](const ApiDocument &d) {
                           return get(d) && get(d)->quota ? QString::number(get(d)->quota->limit) : QString();
                       },
                       edit([](UsagePlan &p, const QString &v) {
                           bool ok = false;
                           const int n = v.trimmed().toInt(&ok);
                           if (!ok || n <= 0) {
                               if (v.trimmed().isEmpty())
                                   p.quota.reset();
                               return; // keep the last valid quota while the field is flagged
                           }
                           if (!p.quota)
                               p.quota = QuotaSettings{};
                           p.quota->limit = n;
                       }),
                       [](const ApiDocument &, const QString &v) {
                           if (v.trimmed().isEmpty())
                               return QString();
                           bool ok = false;
                           const int n = v.trimmed().toInt(&ok);
                           return ok && n > 0 ? QString() : tr("A whole number of requests above 0, or empty for no quota.");
                       })
        ->setPlaceholderText(tr("no quota"));
    m_binder->combo(tr("Per:"), QStringLiteral("usagePlanQuotaPeriod"), QStringLiteral("quotaPeriod"),
                    [](const ApiDocument &) {
                        return FieldBinder::Items{{tr("Day"), QStringLiteral("DAY")},
                                                  {tr("Week"), QStringLiteral("WEEK")},
                                                  {tr("Month"), QStringLiteral("MONTH")}};
                    },
                    [get](const ApiDocument &d) {
                        return get(d) && get(d)->quota ? toString(get(d)->quota->period) : QString();
                    },
                    edit([](UsagePlan &p, const QString &v) {
                        if (const auto period = quotaPeriodFromString(v); period && p.quota)
                            p.quota->period = *period;
                    }),
                    [get](const ApiDocument &d) { return get(d) && get(d)->quota.has_value(); });

    form->addRow(sectionTitle(tr("API stages"), tr("The stages this plan's keys may call.")));
    m_stages = new QListWidget;
    m_stages->setObjectName(QStringLiteral("usagePlanStages"));
    m_stages->setMaximumHeight(120);
    m_binder->row(QString(), m_stages);
    connect(m_stages, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const ApiStageRef stageRef{item->data(StageApiRole).toString(), item->data(StageNameRole).toString()};
        const bool on = item->checkState() == Qt::Checked;
        const QString id = m_plan.id;
        m_session->edit(on ? tr("Add stage to usage plan") : tr("Remove stage from usage plan"),
                        [id, stageRef, on](ApiDocument &d) {
                            UsagePlan *p = Lookup::usagePlan(d, id);
                            if (!p)
                                return;
                            p->apiStages.removeAll(stageRef);
                            if (on)
                                p->apiStages << stageRef;
                        });
    });

    form->addRow(sectionTitle(tr("API keys"), tr("The keys that get this plan's limits.")));
    m_keys = new QListWidget;
    m_keys->setObjectName(QStringLiteral("usagePlanKeys"));
    m_keys->setMaximumHeight(120);
    m_binder->row(QString(), m_keys);
    connect(m_keys, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const QString keyId = item->data(KeyIdRole).toString();
        const bool on = item->checkState() == Qt::Checked;
        const QString id = m_plan.id;
        m_session->edit(on ? tr("Add key to usage plan") : tr("Remove key from usage plan"),
                        [id, keyId, on](ApiDocument &d) {
                            UsagePlan *p = Lookup::usagePlan(d, id);
                            if (!p)
                                return;
                            p->apiKeyIds.removeAll(keyId);
                            if (on)
                                p->apiKeyIds << keyId;
                        });
    });

    m_binder->addStretch();
    connect(m_session, &DocumentSession::documentChanged, this, &UsagePlanEditor::refreshLists);
    m_binder->refresh();
    refreshLists();
}

void UsagePlanEditor::refreshLists()
{
    const ApiDocument &doc = m_session->document();
    const UsagePlan *plan = Lookup::usagePlan(doc, m_plan.id);
    if (!plan)
        return;
    {
        const QSignalBlocker block(m_stages);
        m_stages->clear();
        for (const Api &api : doc.apis)
            for (const Stage &s : api.stages) {
                auto *item = new QListWidgetItem(api.name + QLatin1String(" / ") + s.name, m_stages);
                item->setData(StageApiRole, api.id);
                item->setData(StageNameRole, s.name);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                item->setCheckState(plan->apiStages.contains(ApiStageRef{api.id, s.name}) ? Qt::Checked : Qt::Unchecked);
            }
        // A binding to a stage that no longer exists stays visible, flagged, so it can be removed.
        for (const ApiStageRef &r : plan->apiStages) {
            const Api *api = Lookup::api(doc, r.apiId);
            if (api && Lookup::stage(*api, r.stage))
                continue;
            auto *item = new QListWidgetItem(tr("%1 / %2 (missing)").arg(api ? api->name : r.apiId, r.stage), m_stages);
            item->setData(StageApiRole, r.apiId);
            item->setData(StageNameRole, r.stage);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Checked);
            item->setForeground(QColor(0xd6, 0x45, 0x45));
            item->setToolTip(tr("The plan names a stage that does not exist."));
        }
    }
    {
        const QSignalBlocker block(m_keys);
        m_keys->clear();
        for (const ApiKey &k : doc.apiKeys) {
            auto *item = new QListWidgetItem(k.enabled ? k.name : tr("%1 (disabled)").arg(k.name), m_keys);
            item->setData(KeyIdRole, k.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(plan->apiKeyIds.contains(k.id) ? Qt::Checked : Qt::Unchecked);
        }
    }
}

} // namespace Gw::Ui
