// Which stored rule sets there are and where each stands (`hsg rules list|show`, the
// web's rule-set page): draft, pending adoption from D, in force from D, or retired from
// D, as the adoptions have it (db/ruleset_adoptions.h). Reads the store only; an
// unreadable store is a Refusal.
#pragma once

#include <string>
#include <vector>

#include "app/result.h"
#include "db/database.h"
#include "db/rulesets.h"

namespace hsg::app {

struct ListedRuleset {
  db::RulesetInfo info;
  std::string status;
};

// Every stored rule set, oldest effective date first.
Result<std::vector<ListedRuleset>> list_rulesets(db::Database& database);

// The status of the stored rule set `ruleset_id` (a full id).
Result<std::string> ruleset_status(db::Database& database, const std::string& ruleset_id);

}  // namespace hsg::app
