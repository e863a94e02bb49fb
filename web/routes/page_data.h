// Mustache data several pages share: the client groups for a select, a decision state in
// words, the held-as values.
#pragma once

#include <string>
#include <string_view>

#include "db/decisions.h"
#include "web/page.h"

namespace hsg::web {

// Every client group as {key, name, selected}, `selected` the chosen key.
Data client_groups_data(std::string_view selected);

// One sentence on the decision state (p#decision-state): indicative, agreed, pending
// approval, approved or rejected, by whom, when and why.
std::string decision_state_sentence(const db::DecisionState& state);

// Each way a grant can be held as {value, label}.
Data held_as_data();

}  // namespace hsg::web
