// The import report: a flat list of outcomes the GUI and CLI show after an import.
#include "model/interop/importreport.h"

namespace Gw::Model::Interop {

void ImportReport::mapped(const QString &location, const QString &message)
{
    m_items.append({ImportItem::Outcome::Mapped, location, message, {}});
}

void ImportReport::approximated(const QString &location, const QString &message,
                                const QString &ruleId)
{
    m_items.append({ImportItem::Outcome::Approximated, location, message, ruleId});
}

void ImportReport::skipped(const QString &location, const QString &message, const QString &ruleId)
{
    m_items.append({ImportItem::Outcome::Skipped, location, message, ruleId});
}

void ImportReport::append(const ImportReport &other)
{
    m_items.append(other.m_items);
}

int ImportReport::count(ImportItem::Outcome outcome) const
{
    int n = 0;
    for (const ImportItem &i : m_items)
        n += i.outcome == outcome ? 1 : 0;
    return n;
}

QList<ImportItem> ImportReport::items(ImportItem::Outcome outcome) const
{
    QList<ImportItem> out;
    for (const ImportItem &i : m_items) {
        if (i.outcome == outcome)
            out.append(i);
    }
    return out;
}

Diagnostics ImportReport::toDiagnostics() const
{
    Diagnostics out;
    for (const ImportItem &i : m_items) {
        if (i.outcome == ImportItem::Outcome::Mapped)
            continue;
        Diagnostic d;
        d.severity = i.outcome == ImportItem::Outcome::Skipped ? Diagnostic::Severity::Warning
                                                               : Diagnostic::Severity::Note;
        d.location = i.location;
        d.message = i.message;
        d.ruleId = i.ruleId;
        out.append(d);
    }
    return out;
}

QString toString(ImportItem::Outcome outcome)
{
    switch (outcome) {
    case ImportItem::Outcome::Mapped:
        return QStringLiteral("mapped");
    case ImportItem::Outcome::Approximated:
        return QStringLiteral("approximated");
    case ImportItem::Outcome::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString ImportReport::summary() const
{
    QString out = QStringLiteral("mapped %1, approximated %2, skipped %3")
                      .arg(count(ImportItem::Outcome::Mapped))
                      .arg(count(ImportItem::Outcome::Approximated))
                      .arg(count(ImportItem::Outcome::Skipped));
    for (const ImportItem &i : m_items) {
        if (i.outcome == ImportItem::Outcome::Mapped)
            continue;
        out += QStringLiteral("\n  ") + toString(i.outcome) + QStringLiteral(" ") + i.location
               + QStringLiteral(": ") + i.message;
    }
    return out;
}

} // namespace Gw::Model::Interop
