#include "app/assessment/assess.h"

#include <fmt/core.h>

#include "app/unwrap.h"
#include "db/ruleset_adoptions.h"

namespace hsg::app {

namespace {

// Why the statement must say the rule set is not in force on `date`, or nothing: by the
// adoptions when there is a database, else by its effective_from alone.
std::optional<std::string> not_in_force_note(db::Database* database,
                                             const rules::LoadedRuleset& ruleset,
                                             engine::Date date) {
  const engine::RulesetSpec& spec = ruleset.ruleset.spec();
  if (database) {
    const db::RulesetInfo info{ruleset.id, spec.name, spec.version, spec.effective_from,
                               spec.adjustment_tolerance_percent};
    return unwrap(
        db::not_in_force_problem(info, unwrap(db::AdoptionRepository(*database).all()), date));
  }
  if (date >= spec.effective_from) return std::nullopt;
  return fmt::format("rule set {} ({} version {}) is not in force on {}: it is effective from {}",
                     ruleset.id.substr(0, 12), spec.name, spec.version, date.to_string(),
                     spec.effective_from.to_string());
}

}  // namespace

Result<Assessment> assess(db::Database* database, const AssessRequest& request,
                          const AnswersSource& answers_for) {
  return attempt([&] {
    std::optional<RulesOption> named;
    if (request.rules) named = load_rules_option(*request.rules, database);
    rules::LoadedRuleset ruleset = named ? named->loaded : load_ruleset_or_builtin(std::nullopt);
    std::optional<std::string> not_in_force = not_in_force_note(database, ruleset, request.date);
    engine::Answers answers = answers_for(ruleset);
    engine::TracedAllocation traced = engine::allocate_traced(ruleset.ruleset, answers);
    return Assessment{std::move(named), std::move(ruleset), std::move(not_in_force),
                      std::move(answers), std::move(traced)};
  });
}

}  // namespace hsg::app
