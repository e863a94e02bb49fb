// The stored rule set a person names: its id, a unique prefix of it, or its file (as
// --rules reads it, app/assessment/ruleset_input.h). A file whose rule set is not stored
// is a Refusal saying how to add it.
#pragma once

#include <string>

#include "db/database.h"
#include "db/rulesets.h"

namespace hsg::app {

// Throws Refusal; for use inside a use case.
db::RulesetInfo stored_ruleset_named(db::Database& database, const std::string& text);

}  // namespace hsg::app
