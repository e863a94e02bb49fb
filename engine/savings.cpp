#include "engine/savings.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "engine/checked.h"
#include "engine/rounding.h"

namespace hsg::engine {

namespace {

// A row's savings per pence of spend, exactly: numerator / denominator, denominator > 0.
struct Ratio {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
};

Ratio ratio_of(const SavingsTableRow& row) {
  if (row.label.empty()) throw std::invalid_argument("a savings table row needs a label");
  if (row.client_groups.empty()) {
    throw std::invalid_argument("savings table row '" + row.label + "' names no client group");
  }
  const bool study = row.savings.has_value() || row.investment.has_value();
  if (study == row.per_pound_pence.has_value() || row.savings.has_value() != study ||
      row.investment.has_value() != study) {
    throw std::invalid_argument("savings table row '" + row.label +
                                "' needs savings and investment, or per_pound");
  }
  if (!study) return {*row.per_pound_pence, 100};
  if (row.investment->pence() <= 0) {
    throw std::invalid_argument("savings table row '" + row.label + "' has investment <= 0");
  }
  return {row.savings->pence(), row.investment->pence()};
}

// Every group's rows, in table order; checks the table on the way.
std::map<std::string, std::vector<std::size_t>, std::less<>> rows_by_group(
    const SavingsTable& table) {
  std::map<std::string, std::vector<std::size_t>, std::less<>> rows;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    ratio_of(table.rows[i]);
    for (const std::string& group : table.rows[i].client_groups) {
      std::vector<std::size_t>& of_group = rows[group];
      if (!of_group.empty() && of_group.back() == i) {
        throw std::invalid_argument("savings table row '" + table.rows[i].label + "' names '" +
                                    group + "' twice");
      }
      of_group.push_back(i);
    }
  }
  for (const auto& [group, of_group] : rows) {
    if (of_group.size() < 2) continue;
    for (const std::size_t i : of_group) {
      if (!table.rows[i].investment) {
        throw std::invalid_argument("client group '" + group +
                                    "' is shared among savings table rows, one of which (" +
                                    table.rows[i].label + ") gives no investment to weigh it");
      }
    }
  }
  return rows;
}

// The group's spend shared among its rows by their investments (one row takes it all).
std::vector<std::int64_t> shares_of(std::int64_t spend_pence, const SavingsTable& table,
                                    const std::vector<std::size_t>& of_group) {
  if (of_group.size() == 1) return {spend_pence};
  std::vector<std::int64_t> weights;
  for (const std::size_t i : of_group) weights.push_back(table.rows[i].investment->pence());
  const std::int64_t magnitude = spend_pence < 0 ? checked_sub(0, spend_pence) : spend_pence;
  std::vector<std::int64_t> shares;
  for (const SplitPart& part : split_largest_remainder(magnitude, weights).parts) {
    shares.push_back(spend_pence < 0 ? -part.value : part.value);
  }
  return shares;
}

std::size_t position_in(const std::vector<std::string>& groups, std::string_view group) {
  return static_cast<std::size_t>(std::find(groups.begin(), groups.end(), group) - groups.begin());
}

}  // namespace

std::optional<std::int64_t> savings_percent(Money savings, Money spend) {
  if (spend.pence() == 0) return std::nullopt;
  const Int128 hundred_savings = static_cast<Int128>(savings.pence()) * 100;
  if (spend.pence() < 0) {
    return divide_rounded(-hundred_savings, checked_sub(0, spend.pence()), RoundingMode::half_up);
  }
  return divide_rounded(hundred_savings, spend.pence(), RoundingMode::half_up);
}

SavingsEstimate estimate_savings(const SavingsTable& table, std::span<const GroupSpend> spend,
                                 std::span<const std::string_view> known_groups) {
  const auto rows_of = rows_by_group(table);
  std::map<std::string_view, Money> spend_of;
  for (const GroupSpend& group : spend) {
    if (!spend_of.emplace(group.client_group, group.spend).second) {
      throw std::invalid_argument("spend lists client group '" + group.client_group + "' twice");
    }
  }
  const auto spend_of_group = [&](std::string_view group) {
    const auto found = spend_of.find(group);
    return found == spend_of.end() ? Money() : found->second;
  };

  SavingsEstimate estimate;
  for (const SavingsTableRow& row : table.rows) {
    SavingsRowEstimate& out = estimate.rows.emplace_back();
    out.label = row.label;
    for (const std::string& group : row.client_groups) out.shares.push_back({group, Money()});
  }
  for (const auto& [group, of_group] : rows_of) {
    const std::vector<std::int64_t> shares =
        shares_of(spend_of_group(group).pence(), table, of_group);
    for (std::size_t k = 0; k < of_group.size(); ++k) {
      SavingsRowEstimate& row = estimate.rows[of_group[k]];
      row.shares[position_in(table.rows[of_group[k]].client_groups, group)].spend =
          Money::from_pence(shares[k]);
    }
  }
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    SavingsRowEstimate& row = estimate.rows[i];
    for (const GroupSpend& share : row.shares) row.spend += share.spend;
    const Ratio ratio = ratio_of(table.rows[i]);
    row.savings =
        Money::from_pence(divide_rounded(static_cast<Int128>(row.spend.pence()) * ratio.numerator,
                                         ratio.denominator, RoundingMode::half_up));
    row.percent = savings_percent(row.savings, row.spend);
    estimate.total.spend += row.spend;
    estimate.total.savings += row.savings;
  }
  estimate.total.percent = savings_percent(estimate.total.savings, estimate.total.spend);

  for (const std::string_view group : known_groups) {
    if (!rows_of.contains(group)) {
      estimate.unmapped.push_back({std::string(group), spend_of_group(group)});
    }
  }
  for (const auto& [group, amount] : spend_of) {
    const bool known =
        std::find(known_groups.begin(), known_groups.end(), group) != known_groups.end();
    if (!known && !rows_of.contains(group))
      estimate.unmapped.push_back({std::string(group), amount});
  }
  for (const GroupSpend& group : estimate.unmapped) estimate.total.spend_unmapped += group.spend;
  estimate.total.spend_all = estimate.total.spend + estimate.total.spend_unmapped;
  return estimate;
}

}  // namespace hsg::engine
