// Formatting of diagnostics in the compiler-like form the CLI and tests print.
#include "model/diagnostic.h"

namespace Gw::Model {

static QString severityWord(Diagnostic::Severity s)
{
    switch (s) {
    case Diagnostic::Severity::Error:
        return QStringLiteral("error");
    case Diagnostic::Severity::Warning:
        return QStringLiteral("warning");
    case Diagnostic::Severity::Note:
        return QStringLiteral("note");
    }
    return QStringLiteral("error");
}

QString Diagnostic::format(const QString &file) const
{
    QString out = file;
    // The root JSON pointer is "": leave the location out rather than print "file::".
    if (!location.isEmpty())
        out += QLatin1Char(':') + location;
    out += QStringLiteral(": ") + severityWord(severity) + QStringLiteral(": ") + message;
    if (!ruleId.isEmpty())
        out += QStringLiteral(" [") + ruleId + QLatin1Char(']');
    return out;
}

bool hasErrors(const Diagnostics &d)
{
    for (const Diagnostic &diag : d) {
        if (diag.isError())
            return true;
    }
    return false;
}

} // namespace Gw::Model
