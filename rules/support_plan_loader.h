// Reading a support plan file (docs/assessor.md, "Support plans").
//
//   [[objective]]                  # what the person wants to achieve, one or more
//   id = "tenancy"                 # 1..64 of [a-z0-9_], unique in the plan
//   text = "Keep my tenancy and pay rent on time"
//   domain = "economic_wellbeing"  # one of kOutcomeDomains
//   [[use]]                        # how the grant is used, one or more
//   route = 4                      # 1..6 (kRoutes)
//   description = "Weekly tenancy support visits"
//   objective = "tenancy"          # the id of the objective it serves
//   provider = "Medway Housing Support Ltd"   # optional here; routes 4 and 5 need one
//   category = "independence_skills"          # a category of the rule set's [plans]
//   amount = "1200.00"             # exact pounds, as everywhere in hsg
//
// The loader checks the file on its own: TOML syntax, unknown keys, types, the outcome
// domains, routes 1..6, exact amounts, unique objective ids; every problem with
// file:line:column. Whether the plan may be accepted for a grant is a separate check
// (rules/support_plan_check.h) that needs the grant, the client and the rule set.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/money.h"
#include "rules/diagnostic.h"
#include "rules/source_map.h"

namespace hsg::rules {

// The five outcome domains of the Supporting People outcomes framework.
inline constexpr std::array<std::string_view, 5> kOutcomeDomains{
    "economic_wellbeing", "enjoy_and_achieve", "be_healthy", "stay_safe", "positive_contribution"};

// The six ways a grant can be used (domain.md), by route number - 1.
inline constexpr std::array<std::string_view, 6> kRoutes{
    "informal support",
    "universal or free services",
    "community facilities with a chargeable element",
    "generalist support services",
    "specialist chargeable services",
    "direct employment of a support worker"};

struct PlanObjectiveEntry {
  std::string id;
  std::string text;
  std::string domain;
  SourcePosition at;  // the id
};

struct PlanUseEntry {
  std::int64_t route = 0;
  std::string description;
  std::string objective;
  std::optional<std::string> provider;
  std::string category;
  engine::Money amount;
  SourcePosition at;  // the [[use]] header
  SourcePosition route_at, objective_at, provider_at, category_at, amount_at;
};

struct LoadedSupportPlan {
  std::string bytes;   // the file, exactly
  std::string source;  // its name in diagnostics
  std::vector<PlanObjectiveEntry> objectives;
  std::vector<PlanUseEntry> uses;  // in file order
};

Loaded<LoadedSupportPlan> load_support_plan_text(std::string bytes, std::string source);
Loaded<LoadedSupportPlan> load_support_plan_file(const std::filesystem::path& path);

}  // namespace hsg::rules
