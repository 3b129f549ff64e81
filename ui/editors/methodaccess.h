// Null-safe access to the REST method a NodeRef names, for the method execution editors: the
// editors outlive the node by an event-loop turn when it is removed or undone away.
#pragma once

#include "ui/models/nodelookup.h"

namespace Gw::Ui {

template<typename Doc>
Lookup::Constness<Model::Method, Doc> *methodOf(Doc &doc, const NodeRef &ref)
{
    auto *api = Lookup::api(doc, ref.apiId);
    return api ? Lookup::method(*api, ref.id) : nullptr;
}

} // namespace Gw::Ui
