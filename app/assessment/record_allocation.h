// The one path by which an allocation is computed and recorded: `hsg allocate`,
// `hsg import` and `hsg generate` all come through here, so what is stored is always
// exactly what the engine said, under the rule set stored in the same database.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/assessment/ruleset_input.h"
#include "db/allocations.h"
#include "db/database.h"
#include "db/ruleset_adoptions.h"
#include "db/stamp.h"
#include "engine/allocate.h"
#include "engine/date.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

// Stored rule sets, loaded from their stored bytes (app/assessment/parsed_rulesets.h), and which is
// in force on which day (the adoptions, read once: a command's writes do not change them).
class StoredRulesets {
 public:
  explicit StoredRulesets(db::Database& database) : database_(database) {}
  // The stored rule set `id` (a full id), e.g. the one an allocation was recorded under.
  const rules::LoadedRuleset& stored(const std::string& id);
  // The rule set in force on `date`; none is an Refusal.
  const rules::LoadedRuleset& in_force_on(engine::Date date);
  // The rule set to record an assessment of `date` under: the one --rules names (which
  // must be stored and in force that day: issue 21), else the one in force that day.
  const rules::LoadedRuleset& for_recording(const RulesOption* named, engine::Date date);

 private:
  const rules::LoadedRuleset& load(const std::string& id, const std::string& bytes);
  const std::vector<db::Adoption>& adoptions();

  db::Database& database_;
  std::map<std::string, std::shared_ptr<const rules::LoadedRuleset>> loaded_;
  std::optional<std::vector<db::Adoption>> adoptions_;
};

struct NewAssessment {
  std::string client_ref;
  engine::Date date;
  std::string assessor;
};

struct RecordedAllocation {
  std::int64_t id = 0;
  engine::TracedAllocation traced;
};

// An allocation computed and ready to write: everything that needs no database (the
// engine, the stored texts and their hashes), so that it can be done on another thread
// while earlier allocations are being written (app/assessment/allocation_pipeline.h).
struct PreparedAllocation {
  engine::TracedAllocation traced;
  db::CheckedAllocation allocation;
};

PreparedAllocation prepare_allocation(const rules::LoadedRuleset& ruleset,
                                      const NewAssessment& assessment,
                                      const engine::Answers& answers);

// Writes `prepared` (without taking it: the pipeline frees it on the thread that
// allocated it); the new allocation's id.
std::int64_t store_allocation(db::Database& database, const db::Stamp& stamp,
                              const PreparedAllocation& prepared);

// prepare_allocation then store_allocation.
RecordedAllocation record_allocation(db::Database& database, const db::Stamp& stamp,
                                     const rules::LoadedRuleset& ruleset,
                                     const NewAssessment& assessment,
                                     const engine::Answers& answers);

}  // namespace hsg::app
