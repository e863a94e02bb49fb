// `hsg rules add` (and the web's rule-set upload): a checked rule set stored under the
// SHA-256 of its exact bytes, as a draft: nothing is recorded under it until it is
// adopted (app/rules/adoptions.h). Adding the same bytes again changes nothing.
//
// Requires a loaded (so valid) rule set (app/assessment/ruleset_input.h). Promises: the
// stored rule set and its status as adoptions have it ("draft", "in force from D", ...).
#pragma once

#include <string>

#include "app/result.h"
#include "db/database.h"
#include "db/rulesets.h"
#include "db/stamp.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

struct StoredRulesetStatus {
  db::AddedRuleset added;
  std::string status;  // db::adoption_status
};

Result<StoredRulesetStatus> add_ruleset(db::Database& database, const db::Stamp& stamp,
                                        const rules::LoadedRuleset& loaded);

}  // namespace hsg::app
