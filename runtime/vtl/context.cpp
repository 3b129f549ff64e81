// Render variables; a null value is the same as no variable, as in Velocity's context.
#include "context.h"

namespace Gw::Vtl {

void Context::set(const QString &name, const Value &value)
{
    if (value.isNull())
        m_vars.remove(name);
    else
        m_vars.insert(name, value);
}

} // namespace Gw::Vtl
