#include "app/assessment/record_allocation.h"

#include <fmt/core.h>

#include "app/assessment/parsed_rulesets.h"
#include "app/audit/stored_outputs.h"
#include "app/refusal.h"
#include "app/unwrap.h"
#include "db/allocations.h"
#include "db/rulesets.h"
#include "engine/version.h"

namespace hsg::app {

const rules::LoadedRuleset& StoredRulesets::load(const std::string& id, const std::string& bytes) {
  if (auto found = loaded_.find(id); found != loaded_.end()) return *found->second;
  return *loaded_.emplace(id, parsed_ruleset(id, bytes)).first->second;
}

const rules::LoadedRuleset& StoredRulesets::stored(const std::string& id) {
  if (auto found = loaded_.find(id); found != loaded_.end()) return *found->second;
  const db::StoredRuleset stored = unwrap(db::RulesetRepository(database_).get(id));
  return load(stored.info.id, stored.bytes);
}

const std::vector<db::Adoption>& StoredRulesets::adoptions() {
  if (!adoptions_) adoptions_ = unwrap(db::AdoptionRepository(database_).all());
  return *adoptions_;
}

const rules::LoadedRuleset& StoredRulesets::in_force_on(engine::Date date) {
  const db::Adoption* in_force = unwrap(db::in_force_on(adoptions(), date));
  if (!in_force) {
    // The repository's own words for "none in force".
    return stored(unwrap(db::RulesetRepository(database_).in_force_on(date)).info.id);
  }
  return stored(in_force->ruleset_id);
}

const rules::LoadedRuleset& StoredRulesets::for_recording(const RulesOption* named,
                                                          engine::Date date) {
  if (!named) return in_force_on(date);
  const std::string& id = named->loaded.id;
  if (named->is_file && !db::RulesetRepository(database_).get(id).ok()) {
    throw Refusal(fmt::format(
        "{}, which is not stored: add it (hsg rules add {}) and adopt it before recording "
        "under it",
        named->used(), named->text));
  }
  const rules::LoadedRuleset& ruleset = stored(id);
  const engine::RulesetSpec& spec = ruleset.ruleset.spec();
  const db::RulesetInfo info{id, spec.name, spec.version, spec.effective_from,
                             spec.adjustment_tolerance_percent};
  if (auto problem = unwrap(db::not_in_force_problem(info, adoptions(), date))) {
    throw Refusal(
        fmt::format("{}; nothing is recorded under a rule set not in force on the "
                    "assessment date",
                    *problem));
  }
  return ruleset;
}

PreparedAllocation prepare_allocation(const rules::LoadedRuleset& ruleset,
                                      const NewAssessment& assessment,
                                      const engine::Answers& answers) {
  engine::TracedAllocation traced = engine::allocate_traced(ruleset.ruleset, answers);
  // The outputs and the trace are stored as their SHA-256: replay recomputes them exactly.
  db::NewAllocation allocation{assessment.client_ref,
                               assessment.date,
                               assessment.assessor,
                               ruleset.id,
                               std::string(engine::kEngineVersion),
                               {},
                               traced.allocation,
                               stored_outputs_sha256(ruleset.ruleset, traced.allocation),
                               stored_trace_sha256(ruleset.ruleset, traced.trace)};
  const engine::RulesetSpec& spec = ruleset.ruleset.spec();
  allocation.answers.reserve(spec.questions.size());
  for (std::size_t q = 0; q < spec.questions.size(); ++q) {
    allocation.answers.push_back(
        {spec.questions[q].id, spec.questions[q].options[answers.option(q)].id});
  }
  return {std::move(traced), unwrap(db::CheckedAllocation::check(allocation))};
}

std::int64_t store_allocation(db::Database& database, const db::Stamp& stamp,
                              const PreparedAllocation& prepared) {
  return unwrap(db::AllocationRepository(database).record(stamp, prepared.allocation));
}

RecordedAllocation record_allocation(db::Database& database, const db::Stamp& stamp,
                                     const rules::LoadedRuleset& ruleset,
                                     const NewAssessment& assessment,
                                     const engine::Answers& answers) {
  PreparedAllocation prepared = prepare_allocation(ruleset, assessment, answers);
  const std::int64_t id = store_allocation(database, stamp, prepared);
  return {id, std::move(prepared.traced)};
}

}  // namespace hsg::app
