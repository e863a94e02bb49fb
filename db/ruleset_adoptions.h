// Which stored rule set is in force on which day, and who decided it (schema version 6).
//
// A stored rule set is a draft: nothing is computed under it for the record until an
// adoption puts it in force from a date on or after its effective_from. An adoption is
// proposed by one person and approved (or rejected) by another (four eyes, compared by
// same_actor in db/stamp.h); `hsg init` puts the built-in medway in force as the
// bootstrap of a new database, and the upgrade to version 6 puts in force what was in
// force by date before (basis init and upgrade need no approval). A retirement ends an
// in-force adoption from a date: the rule set is in force from `from_on` up to the day
// before the retirement's `from_on`.
//
// Promises, checked before every write:
//   - on any day at most one rule set is in force: an adoption may not start while
//     another (pending, or in force and not retired by its first day) holds any day
//     from that day on, so changing the rules from D is: retire the old one from D,
//     propose the new one from D, approve;
//   - history is not reinterpreted: an adoption (and its approval) is refused while any
//     allocation assessed on a day it would cover was recorded under another rule set,
//     and a retirement while any allocation under the rule set is assessed on or after
//     its date; the refusal names those allocations.
// Every row is written with its own audit event and never changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/rulesets.h"
#include "db/stamp.h"
#include "engine/date.h"

namespace hsg::db {

enum class AdoptionBasis { proposal, init, upgrade };
std::string_view to_string(AdoptionBasis basis);

struct AdoptionDecision {
  bool approved = false;  // false: rejected
  std::string actor;
  std::string at;
  std::string reason;
  bool operator==(const AdoptionDecision&) const = default;
};

struct Retirement {
  engine::Date from_on;  // the first day it is no longer in force
  std::string actor;
  std::string at;
  std::string reason;
  bool operator==(const Retirement&) const = default;
};

struct Adoption {
  std::int64_t id = 0;
  std::string ruleset_id;
  engine::Date from_on;
  AdoptionBasis basis = AdoptionBasis::proposal;
  std::string actor;
  std::string at;
  std::string reason;
  std::optional<AdoptionDecision> decision;
  std::optional<Retirement> retirement;

  bool pending() const { return basis == AdoptionBasis::proposal && !decision; }
  // In force from from_on (until any retirement): made by init or the upgrade, or approved.
  bool adopted() const;
  bool in_force_on(engine::Date date) const;
  bool operator==(const Adoption&) const = default;
};

// The adoption in force on `date` among `adoptions`, or null. Two in force that day (rows
// written around hsg) are an error naming both (two_in_force_problem).
DbResult<const Adoption*> in_force_on(const std::vector<Adoption>& adoptions, engine::Date date);
std::string two_in_force_problem(const Adoption& first, const Adoption& second, engine::Date date);

// A rule set's status from its latest adoption: "draft", "pending adoption from D",
// "draft (adoption from D rejected)", "in force from D", "retired from R (in force from D)",
// "retired from D (never in force)".
std::string adoption_status(const std::vector<Adoption>& adoptions, std::string_view ruleset_id);

// Why `info` may not be used to record an assessment of `date` (naming both dates), or
// nothing when it is the rule set in force that day; an error as in_force_on's.
DbResult<std::optional<std::string>> not_in_force_problem(const RulesetInfo& info,
                                                          const std::vector<Adoption>& adoptions,
                                                          engine::Date date);

class AdoptionRepository {
 public:
  explicit AdoptionRepository(Database& database) : database_(database) {}

  // Each takes a stored rule set's full id (RulesetRepository::resolve).
  DbResult<Adoption> propose(const Stamp& stamp, std::string_view ruleset_id, engine::Date from,
                             std::string_view reason);
  DbResult<Adoption> approve(const Stamp& stamp, std::string_view ruleset_id,
                             std::string_view reason);
  DbResult<Adoption> reject(const Stamp& stamp, std::string_view ruleset_id,
                            std::string_view reason);
  DbResult<Adoption> retire(const Stamp& stamp, std::string_view ruleset_id, engine::Date from,
                            std::string_view reason);
  // hsg init: puts `ruleset_id` in force from its effective_from, unless the database
  // already holds an adoption or an allocation (then nothing).
  DbResult<std::optional<Adoption>> bootstrap(const Stamp& stamp, std::string_view ruleset_id);

  // Every adoption, oldest first, with its decision and retirement.
  DbResult<std::vector<Adoption>> all();

 private:
  DbResult<Adoption> decide(const Stamp& stamp, std::string_view ruleset_id, bool approve,
                            std::string_view reason);
  Database& database_;
};

}  // namespace hsg::db
