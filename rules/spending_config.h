// How a rule set's grants may spend their cash: the optional [spending] table.
//
//   [spending]
//   sign_off_above = "40.00"   # a purchase of more than this needs sign-off
//   keep_weeks = 4             # the balance above this many weeks' payments is surplus
//
// Both keys are optional. sign_off_above is exact money (a decimal string or whole
// pounds, as every amount of a rule set), 0.00 or more; keep_weeks is 0 to 520. What is
// not given takes the default of docs/finance.md ("Spending and surplus"): sign-off above
// one week's payment of the grant, and keep_weeks the rule set's instalment period — the
// defaults depend on the grant, so they are worked out where the grant is known
// (app/grants/spending.h). Like [finance], this belongs to the finance side of hsg: the
// engine's amounts never depend on it.
#pragma once

#include <cstdint>
#include <optional>

#include "engine/money.h"

namespace hsg::rules {

struct SpendingConfig {
  std::optional<engine::Money> sign_off_above;
  std::optional<std::int64_t> keep_weeks;
  bool operator==(const SpendingConfig&) const = default;
};

inline constexpr std::int64_t kMaxKeepWeeks = 520;

}  // namespace hsg::rules
