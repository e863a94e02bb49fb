// `hsg init` on an open store: a database where no rule set was ever adopted gets the
// built-in medway rule set, stored and put in force from its effective_from (the
// bootstrap, docs/rules.md); one with adoptions keeps them as they are.
//
// Requires a store already opened (created or migrated) by the caller. The bootstrap is
// one transaction: the rule set is stored and adopted together, or neither. A database
// that already holds allocations is not given a rule set in force by the bootstrap: that
// is a decision (hsg rules adopt). Safe to run again: it changes nothing the second time.
#pragma once

#include <optional>
#include <string>

#include "app/result.h"
#include "db/database.h"
#include "db/ruleset_adoptions.h"
#include "db/rulesets.h"
#include "db/stamp.h"

namespace hsg::app {

struct Bootstrap {
  db::AddedRuleset builtin;              // the built-in rule set, added or already stored
  std::optional<db::Adoption> in_force;  // none when the database holds allocations
};

struct Initialised {
  std::optional<Bootstrap> bootstrap;  // none when rule sets were adopted before
  std::string builtin_id;              // this hsg's built-in medway
  bool builtin_stored = false;         // whether the store holds it (after any bootstrap)
};

Result<Initialised> initialise(db::Database& database, const db::Stamp& stamp);

}  // namespace hsg::app
