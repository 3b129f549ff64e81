// The stage editor. Limits follow the API Gateway developer guide ("Set up stage variables",
// "Throttle requests", "Set up a canary release deployment").
#include "ui/editors/stageeditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/sectiontitle.h"
#include "ui/editors/tableeditor.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>

namespace Gw::Ui {

using namespace Gw::Model;

namespace {

template<typename Doc>
Lookup::Constness<Stage, Doc> *stageOf(Doc &d, const NodeRef &ref)
{
    auto *api = Lookup::api(d, ref.apiId);
    return api ? Lookup::stage(*api, ref.id) : nullptr;
}

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(value).hasMatch();
}

} // namespace

StageEditor::StageEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);
    auto get = [ref](const ApiDocument &d) { return stageOf(d, ref); };
    auto edit = [ref](const std::function<void(Stage &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (Stage *s = stageOf(d, ref))
                f(*s, v);
        };
    };

    form->addRow(sectionTitle(tr("Stage"), tr("Each stage serves the API under its own path with its own variables.")));
    m_binder->lineEdit(tr("Description:"), QStringLiteral("stageDescription"), QStringLiteral("description"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->description : QString(); },
                       edit([](Stage &s, const QString &v) { s.description = v; }));
    m_binder->check(tr("Auto deploy:"), QStringLiteral("stageAutoDeploy"), QStringLiteral("autoDeploy"),
                    [get](const ApiDocument &d) { return get(d) && get(d)->autoDeploy; },
                    [ref](ApiDocument &d, bool on) {
                        if (Stage *s = stageOf(d, ref))
                            s->autoDeploy = on;
                    });
    m_binder->help(tr("Serve every edit right away; off, the stage keeps its last deployment."));

    form->addRow(sectionTitle(tr("Stage variables"), tr("Read as ${stageVariables.name} in URIs and "
                                                        "$stageVariables.name in templates.")));
    m_variables = new MapTableModel(session, tr("stage variable"), MapTableModel::ValueKind::Text,
                                    {tr("Name"), tr("Value")}, this);
    m_variables->setObjectName(QStringLiteral("stageVariablesModel"));
    m_variables->setNewEntry(QStringLiteral("name"), QStringLiteral("value"));
    m_variables->bind(
        [get](const ApiDocument &d) { return get(d) ? get(d)->variables : MapTableModel::Map(); },
        [ref](ApiDocument &d, const MapTableModel::Map &map) {
            Stage *s = stageOf(d, ref);
            if (!s)
                return false;
            s->variables = map;
            return true;
        });
    m_variables->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) {
        return matches(QStringLiteral("[A-Za-z0-9_]{1,64}"), key)
                   ? QString()
                   : tr("A stage variable name is letters, digits and underscores (at most 64).");
    });
    m_variables->setValueCheck([](const ApiDocument &, const QString &, const QString &value) {
        return matches(QStringLiteral("[A-Za-z0-9\\-._~:/?#&=,]{0,512}"), value)
                   ? QString()
                   : tr("A value may hold letters, digits and - . _ ~ : / ? # & = , (at most 512).");
    });
    auto *variables = new TableEditor(m_variables, tr("Add variable"));
    variables->setObjectName(QStringLiteral("stageVariablesTable"));
    form->addRow(variables);

    form->addRow(sectionTitle(tr("Default method throttling"), tr("Past the rate (token bucket with the burst as "
                                                                  "its size) the throttle step answers 429.")));
    m_binder->lineEdit(tr("Rate (requests/s):"), QStringLiteral("stageThrottleRate"), QStringLiteral("rateLimit"),
                       [get](const ApiDocument &d) { return get(d) ? Checks::throttleText(get(d)->throttle.rateLimit) : QString(); },
                       edit([](Stage &s, const QString &v) { s.throttle.rateLimit = Checks::throttleRate(v); }),
                       [](const ApiDocument &, const QString &v) { return Checks::throttleValue(v, false, QObject::tr("the account limit")); })
        ->setPlaceholderText(tr("account default (10000)"));
    m_binder->lineEdit(tr("Burst:"), QStringLiteral("stageThrottleBurst"), QStringLiteral("burstLimit"),
                       [get](const ApiDocument &d) { return get(d) ? Checks::throttleText(get(d)->throttle.burstLimit) : QString(); },
                       edit([](Stage &s, const QString &v) { s.throttle.burstLimit = Checks::throttleBurst(v); }),
                       [](const ApiDocument &, const QString &v) { return Checks::throttleValue(v, true, QObject::tr("the account limit")); })
        ->setPlaceholderText(tr("account default (5000)"));

    form->addRow(sectionTitle(tr("Canary"), tr("A share of requests served with overridden stage variables.")));
    m_binder->lineEdit(tr("Canary traffic (%):"), QStringLiteral("stageCanaryPercent"), QStringLiteral("canary"),
                       [get](const ApiDocument &d) {
                           return get(d) && get(d)->canary ? QString::number(get(d)->canary->percentTraffic) : QString();
                       },
                       edit([](Stage &s, const QString &v) {
                           bool ok = false;
                           const double p = v.trimmed().toDouble(&ok);
                           if (!ok || v.trimmed().isEmpty()) {
                               s.canary.reset();
                               return;
                           }
                           if (!s.canary)
                               s.canary = CanarySettings{};
                           s.canary->percentTraffic = p;
                       }),
                       [](const ApiDocument &, const QString &v) {
                           if (v.trimmed().isEmpty())
                               return QString();
                           bool ok = false;
                           const double p = v.trimmed().toDouble(&ok);
                           return ok && p >= 0 && p <= 100 ? QString() : tr("A percentage from 0 to 100, or empty for no canary.");
                       })
        ->setPlaceholderText(tr("no canary"));

    m_binder->addStretch();
    m_binder->refresh();
}

} // namespace Gw::Ui
