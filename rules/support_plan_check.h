// Whether a support plan may be accepted for a grant: the rules of the Medway grant
// conditions (domain.md), checked without the database so each can be tested alone.
//
// Every problem names the plan file's line and column where it has one:
//   - routes 1 and 2 carry no charge (amount 0); routes 3 to 6 are chargeable (> 0);
//   - route 4 names a generalist provider accredited on the plan date;
//   - route 5 names a provider (specialist services need not be on the accredited list);
//   - route 6 only when the client also receives adult social care money;
//   - every use serves an objective of the plan, and every objective is served;
//   - every use's category is one the rule set lists, and none it excludes;
//   - the chargeable uses together do not exceed the grant's agreed amount;
//   - a grant held as an individual service fund is held by a provider accredited on
//     the plan date;
//   - the grant has not ended before the plan date.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/date.h"
#include "engine/money.h"
#include "rules/diagnostic.h"
#include "rules/plans_config.h"
#include "rules/support_plan_loader.h"

namespace hsg::rules {

// Everything outside the plan file that the rules depend on.
struct PlanContext {
  engine::Date plan_on;
  std::int64_t grant_id = 0;
  engine::Money agreed;
  std::optional<engine::Date> grant_ended_on;
  std::string held_as;  // direct_payment | managed_account | isf
  std::optional<std::string> grant_provider;
  bool asc_funded = false;
  // Providers accredited on plan_on: name → kind (generalist | specialist).
  std::map<std::string, std::string, std::less<>> accredited;
  PlansConfig config;
};

// Every problem, in file order (problems of the whole plan, with no position, first).
std::vector<Diagnostic> check_support_plan(const LoadedSupportPlan& plan,
                                           const PlanContext& context);

}  // namespace hsg::rules
