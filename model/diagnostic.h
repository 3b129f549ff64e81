// Errors as values: diagnostics with a location, and Result<T> carrying a value or diagnostics.
#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Gw::Model {

struct Diagnostic
{
    enum class Severity { Error, Warning, Note };
    Severity severity = Severity::Error;
    QString location; // JSON pointer ("/apis/0/routes/2/routeKey") or "line:col"
    QString message;
    QString ruleId;   // lint rule id, e.g. "greedy-not-last"; empty for read errors

    bool isError() const { return severity == Severity::Error; }
    // "file:location: error: message [rule]"
    QString format(const QString &file) const;
    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &d);

template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Diagnostics errors) : m_diagnostics(std::move(errors)) {}
    Result(T value, Diagnostics warnings)
        : m_value(std::move(value)), m_diagnostics(std::move(warnings)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    T take() { return std::move(*m_value); }
    const Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    std::optional<T> m_value;
    Diagnostics m_diagnostics;
};

} // namespace Gw::Model
