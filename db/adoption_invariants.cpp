#include "db/adoption_invariants.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "db/ruleset_upgrade.h"
#include "db/stamp.h"

namespace hsg::db {

namespace {

// "adoption 2 (rule set dd4155af7738)".
std::string named(const Adoption& adoption) {
  return fmt::format("adoption {} (rule set {})", adoption.id, adoption.ruleset_id.substr(0, 12));
}

std::optional<std::string> basis_problem(const Adoption& adoption, bool first) {
  if (adoption.basis == AdoptionBasis::init && !first) {
    return fmt::format(
        "{} has basis init but is not the first adoption: only hsg init on a store with no "
        "adoption adopts without approval",
        named(adoption));
  }
  if (adoption.basis == AdoptionBasis::upgrade && adoption.actor != kUpgradeActor) {
    return fmt::format(
        "{} has basis upgrade but its actor is '{}', not {}: only the upgrade to schema 6 "
        "adopts so",
        named(adoption), adoption.actor, kUpgradeActor);
  }
  return std::nullopt;
}

std::optional<std::string> four_eyes_problem(const Adoption& adoption) {
  if (!adoption.decision || !same_actor(adoption.decision->actor, adoption.actor)) {
    return std::nullopt;
  }
  return fmt::format("{} was {} by {}, who proposed it as {}: another person must decide",
                     named(adoption), adoption.decision->approved ? "approved" : "rejected",
                     adoption.decision->actor, adoption.actor);
}

// The first day both are in force, if any: each holds from its from_on up to the day
// before its retirement (none when it was retired from its first day).
std::optional<engine::Date> first_shared_day(const Adoption& first, const Adoption& second) {
  if (!first.adopted() || !second.adopted()) return std::nullopt;
  const engine::Date from = std::max(first.from_on, second.from_on);
  return first.in_force_on(from) && second.in_force_on(from) ? std::optional(from) : std::nullopt;
}

}  // namespace

std::vector<std::string> adoption_invariant_problems(const std::vector<Adoption>& adoptions) {
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < adoptions.size(); ++i) {
    const Adoption& adoption = adoptions[i];
    if (auto problem = basis_problem(adoption, i == 0)) problems.push_back(*problem);
    if (auto problem = four_eyes_problem(adoption)) problems.push_back(*problem);
    // Every pair: adoptions are governance decisions, a handful a year, not bulk data.
    for (std::size_t j = 0; j < i; ++j) {
      if (auto day = first_shared_day(adoptions[j], adoption)) {
        problems.push_back(fmt::format("{} and {} both put a rule set in force on {}",
                                       named(adoptions[j]), named(adoption), day->to_string()));
      }
    }
  }
  return problems;
}

}  // namespace hsg::db
