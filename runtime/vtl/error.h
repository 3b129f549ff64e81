// A template diagnostic with its line and column ("line 3, column 7: message").
#pragma once

#include <QList>
#include <QString>

namespace Gw::Vtl {

struct Error
{
    int line = 0;   // 1-based; 0 when the error has no position
    int column = 0; // 1-based, in UTF-16 code units
    QString message;

    QString toString() const;
    bool operator==(const Error &) const = default;
};

using Errors = QList<Error>;

} // namespace Gw::Vtl
