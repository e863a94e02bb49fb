// A rule set as plain-text tables, for people reviewing it (`hsg rules show`).
//
// Requires a loaded (validated) rule set. Promises: its settings, every intervention type
// with each level's minimum score, hours a week and amount, and every question with the
// weight and points of each option, in the rule set's own order; the same rule set always
// gives the same bytes.
#pragma once

#include <ostream>

#include "rules/ruleset_loader.h"

namespace hsg::app {

void write_ruleset_tables(std::ostream& out, const rules::LoadedRuleset& ruleset);

}  // namespace hsg::app
