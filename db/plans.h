// Support plans: what a grant is for (objectives) and how it is spent (uses).
//
// One plan per grant at a time; a changed plan is the next version (1, 2, …), never
// an edit, so the plan a decision was made on can always be read back. A plan keeps
// the exact bytes of the file it was read from and their SHA-256. The rules a plan must
// meet (rules/support_plan_check.h) are checked by the caller before it is written; the
// store checks what holds whatever the rule set says: routes 1..6, amounts not
// negative, objective keys unique and every use naming an objective of its plan, and
// that the grant exists. Every row written gets one audit event carrying its canonical
// JSON (the plan's payload carries the hash of its bytes, not the bytes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::db {

struct PlanObjective {
  std::string key;
  std::string text;
  std::string domain;  // one of the five outcome domains (docs/assessor.md)
  bool operator==(const PlanObjective&) const = default;
};

struct PlanUse {
  std::int64_t route = 0;  // 1..6, the ways of using a grant (domain.md)
  std::string description;
  std::string objective;                // an objective key of the same plan
  std::optional<std::string> provider;  // routes 4 and 5
  std::string category;                 // a category of the rule set's [plans]
  engine::Money amount;                 // 0 for routes 1 and 2
  bool operator==(const PlanUse&) const = default;
};

struct NewPlan {
  std::int64_t grant_id = 0;
  engine::Date plan_on;
  std::string bytes;  // the plan file, exactly
  std::vector<PlanObjective> objectives;
  std::vector<PlanUse> uses;  // in file order
};

struct Plan {
  std::int64_t id = 0;
  std::int64_t grant_id = 0;
  std::int64_t version = 0;
  engine::Date plan_on;
  std::string actor;
  std::string at;
  std::string sha256;
  std::string bytes;
  std::vector<PlanObjective> objectives;
  std::vector<PlanUse> uses;
};

class PlanRepository {
 public:
  explicit PlanRepository(Database& database) : database_(database) {}

  // Writes the grant's next version; returns it as stored.
  DbResult<Plan> add(const Stamp& stamp, const NewPlan& plan);
  // The grant's latest plan, or the given version; nothing when there is none.
  DbResult<std::optional<Plan>> get(std::int64_t grant_id,
                                    std::optional<std::int64_t> version = std::nullopt);

 private:
  Database& database_;
};

}  // namespace hsg::db
