// A rule set as plain-text tables, for people reviewing it (`hsg rules show`).
#pragma once

#include <ostream>

#include "rules/ruleset_loader.h"

namespace hsg::app {

void write_ruleset_tables(std::ostream& out, const rules::LoadedRuleset& ruleset);

}  // namespace hsg::app
