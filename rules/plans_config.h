// What a support plan may spend a grant on: a rule set's optional [plans] table.
//
//   [plans]
//   categories = ["independence_skills", "housing_options", …]   # what a use may be for
//   [[plans.excluded]]                                            # never, with the reason
//   key = "personal_care"
//   reason = "personal care that is a social care duty"
//
// Keys are 1..64 bytes of lowercase letters, digits and '_'. An excluded key may not
// also be a category. A rule set without [plans] cannot check a support plan, so plans
// are refused for grants under it (docs/rules.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hsg::rules {

struct ExcludedCategory {
  std::string key;
  std::string reason;
  bool operator==(const ExcludedCategory&) const = default;
};

struct PlansConfig {
  std::vector<std::string> categories;  // in the rule set's order
  std::vector<ExcludedCategory> excluded;
  bool operator==(const PlansConfig&) const = default;
};

// Whether `key` is 1..64 bytes of [a-z0-9_] (category and objective keys).
bool is_plan_key(std::string_view key);

}  // namespace hsg::rules
