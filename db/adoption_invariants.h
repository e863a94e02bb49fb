// What audit verify holds every rule-set adoption to, beyond its rows matching their
// events: the rules the code keeps before each write (db/ruleset_adoptions.h) and that
// SQL triggers cannot state, so rows written around hsg (each with a made-up event, or
// none) are still caught.
//
//   - basis init only as the first adoption (hsg init's bootstrap of an empty store);
//   - basis upgrade only with the actor hsg-upgrade (the upgrade to schema 6);
//   - each approval or rejection by someone other than the proposer (db::same_actor);
//   - at most one rule set in force on any day.
//
// Each broken rule is one message naming the adoption(s), in adoption order; none when
// all hold.
#pragma once

#include <string>
#include <vector>

#include "db/ruleset_adoptions.h"

namespace hsg::db {

std::vector<std::string> adoption_invariant_problems(const std::vector<Adoption>& adoptions);

}  // namespace hsg::db
