// What an import did with each part of its input: mapped, approximated or skipped, and where.
#pragma once

#include "model/diagnostic.h"

#include <QList>
#include <QString>

namespace Gw::Model::Interop {

struct ImportItem
{
    enum class Outcome { Mapped, Approximated, Skipped };
    Outcome outcome = Outcome::Mapped;
    QString location; // JSON pointer or "Resources/LogicalId/Properties/…" in the source
    QString message;
    QString ruleId;   // e.g. "unknown-extension", "symbolic-reference"; empty for plain mapping

    bool operator==(const ImportItem &) const = default;
};

class ImportReport
{
public:
    void mapped(const QString &location, const QString &message);
    void approximated(const QString &location, const QString &message, const QString &ruleId = {});
    void skipped(const QString &location, const QString &message, const QString &ruleId = {});
    void append(const ImportReport &other);

    const QList<ImportItem> &items() const { return m_items; }
    int count(ImportItem::Outcome outcome) const;
    QList<ImportItem> items(ImportItem::Outcome outcome) const;

    // Approximations become notes and skips warnings, so the CLI prints them like lint output.
    Diagnostics toDiagnostics() const;
    // "mapped 12, approximated 3, skipped 1" followed by one line per non-mapped item.
    QString summary() const;

    bool operator==(const ImportReport &) const = default;

private:
    QList<ImportItem> m_items;
};

QString toString(ImportItem::Outcome outcome); // mapped, approximated, skipped

} // namespace Gw::Model::Interop
