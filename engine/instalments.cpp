#include "engine/instalments.h"

#include <stdexcept>

#include "engine/rounding.h"

namespace hsg::engine {

std::int64_t instalment_count(std::int64_t weeks, std::int64_t period_weeks) {
  if (weeks <= 0 || period_weeks <= 0) {
    throw std::invalid_argument("instalment_count: weeks and period must be positive");
  }
  return (weeks + period_weeks - 1) / period_weeks;
}

std::optional<Date> last_due_on(std::int64_t weeks, std::int64_t period_weeks, Date start) {
  return start.plus_days((instalment_count(weeks, period_weeks) - 1) * period_weeks * 7);
}

std::vector<ScheduledInstalment> schedule_instalments(Money amount, std::int64_t weeks,
                                                      std::int64_t period_weeks, Date start) {
  if (amount.pence() < 0) throw std::invalid_argument("schedule_instalments: negative amount");
  if (weeks > 520 || period_weeks > 52) {
    throw std::invalid_argument("schedule_instalments: weeks or period out of range");
  }
  if (!last_due_on(weeks, period_weeks, start)) {
    throw std::invalid_argument("schedule_instalments: instalments would fall past 2199-12-31");
  }
  const std::int64_t count = instalment_count(weeks, period_weeks);
  std::vector<ScheduledInstalment> instalments;
  if (amount.pence() == 0) return instalments;
  const std::vector<std::int64_t> parts = split_equally(amount.pence(), count);
  const std::int64_t period_days = period_weeks * 7;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i] == 0) break;  // leftovers go to the earliest, so only trailing zeros
    instalments.push_back({static_cast<std::int64_t>(i) + 1,
                           *start.plus_days(static_cast<std::int64_t>(i) * period_days),
                           Money::from_pence(parts[i])});
    total += parts[i];
  }
  if (total != amount.pence()) throw std::logic_error("instalments do not sum to the amount");
  return instalments;
}

std::optional<std::vector<Money>> share_agreed(Money agreed, std::span<const Money> indicative) {
  if (agreed.pence() < 0) throw std::invalid_argument("share_agreed: negative agreed amount");
  std::vector<std::int64_t> weights;
  std::int64_t indicative_total = 0;
  for (const Money amount : indicative) {
    if (amount.pence() < 0) throw std::invalid_argument("share_agreed: negative amount");
    weights.push_back(amount.pence());
    indicative_total = checked_add(indicative_total, amount.pence());
  }
  std::vector<Money> shares(indicative.size());
  if (indicative_total == 0) {
    if (agreed.pence() != 0) return std::nullopt;
    return shares;
  }
  const Split split = split_largest_remainder(agreed.pence(), weights);
  for (std::size_t i = 0; i < shares.size(); ++i) {
    shares[i] = Money::from_pence(split.parts[i].value);
  }
  return shares;
}

}  // namespace hsg::engine
