// Turning a grant's amounts into instalments (domain.md, "Instalments" and "After the
// number").
//
// schedule_instalments(): a type with `weeks` weeks is paid in advance in
// ⌈weeks / period_weeks⌉ instalments, due on the start date and then every
// period_weeks × 7 days; its amount is split equally, the leftover pennies going one
// each to the earliest instalments, so the instalments sum to the amount exactly. A zero
// amount has no instalments, and an instalment that would be £0.00 (only when a type's
// amount is fewer pence than its instalment count) is not scheduled: paying nothing is
// not a payment. Numbers run 1, 2, … with no gaps. Every due date lies within the date
// range (engine/date.h): a schedule that would run past 2199-12-31 is refused, and
// last_due_on() lets a caller refuse it first, with a message.
//
// share_agreed(): an agreed total shared across the types in proportion to their
// indicative amounts by the largest remainder (ties to the type listed first), so the
// shares sum to the agreed total exactly. When every indicative amount is zero there is
// no proportion to follow: an agreed zero gives zeros, anything else is refused (the
// domain says per-type amounts would then be needed).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/date.h"
#include "engine/money.h"

namespace hsg::engine {

struct ScheduledInstalment {
  std::int64_t number = 0;  // 1-based
  Date due_on;
  Money amount;
  bool operator==(const ScheduledInstalment&) const = default;
};

// ⌈weeks / period_weeks⌉; both must be positive.
std::int64_t instalment_count(std::int64_t weeks, std::int64_t period_weeks);

// The day the last of ⌈weeks / period_weeks⌉ instalments from `start` falls due, or
// nothing when that is past the end of the date range.
std::optional<Date> last_due_on(std::int64_t weeks, std::int64_t period_weeks, Date start);

// amount >= 0, weeks in 1..520 and period_weeks in 1..52 (a rule set's bounds), and
// last_due_on() within the range.
std::vector<ScheduledInstalment> schedule_instalments(Money amount, std::int64_t weeks,
                                                      std::int64_t period_weeks, Date start);

// One share per indicative amount (all >= 0), summing to `agreed` (>= 0); nothing when
// the indicative amounts are all zero and `agreed` is not.
std::optional<std::vector<Money>> share_agreed(Money agreed, std::span<const Money> indicative);

}  // namespace hsg::engine
