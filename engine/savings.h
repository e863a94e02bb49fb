// The savings estimate (hsg report savings): spend by client group turned into the public
// money it is estimated to save, by a table of savings per £1 in the manner of the
// Capgemini financial-benefits model (seed 003).
//
// A table row gives its ratio as an exact fraction: the savings and the investment of the
// study (savings_pence / investment_pence), or a figure per £1 (per_pound_pence / 100).
// Each row names the client groups hsg records that it stands for.
//
// estimate_savings() promises, all in integer pence:
//   - a client group named by one row gives that row all its spend; one named by several
//     rows (a study that split a group by service type) has its spend shared among them
//     in proportion to their investments, pennies by the largest remainder, ties to the
//     row listed first (engine::split_largest_remainder); a negative spend is shared as
//     its magnitude and negated, so the split is symmetric. The shares sum to the spend.
//   - a row's spend is the sum of its shares; its savings = spend × ratio, rounded once to
//     the penny, halves away from zero (so -2.5p → -3p, as 2.5p → 3p);
//   - a row's percent = 100 × savings / spend, rounded once to a whole number, halves
//     away from zero; none when its spend is zero. Savings per £1 in pence is the same
//     quotient (100 × savings / spend), so it is the same integer;
//   - the total is the sum over rows of spend and of savings, its percent worked out from
//     those sums the same way;
//   - every client group that no row names is listed as unmapped with its spend (zero
//     when it has none): first the `known_groups` in their order, then any other group
//     the spend has, by key. Their spend is not in the total; spend_all includes it.
// Requires a valid table (rules/savings_table_loader.h checks files): a non-empty label,
// at least one client group per row, an investment > 0, and a group shared by several
// rows only among rows that give an investment. Violations throw std::invalid_argument;
// arithmetic that would overflow throws std::overflow_error.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/money.h"

namespace hsg::engine {

struct SavingsTableRow {
  std::string label;
  std::vector<std::string> client_groups;
  // Either both of these (the study's own figures)…
  std::optional<Money> savings;
  std::optional<Money> investment;  // > 0
  // …or savings per £1, in pence (179 for £1.79).
  std::optional<std::int64_t> per_pound_pence;
};

struct SavingsTable {
  std::string name;
  std::string source;
  std::vector<SavingsTableRow> rows;
};

struct GroupSpend {
  std::string client_group;
  Money spend;
};

struct SavingsRowEstimate {
  std::string label;
  std::vector<GroupSpend> shares;  // of each of the row's groups, in the row's order
  Money spend;
  Money savings;
  std::optional<std::int64_t> percent;  // also the savings per £1 in pence
};

struct SavingsTotal {
  Money spend;    // of the rows (groups with a ratio)
  Money savings;  // Σ rows' savings
  std::optional<std::int64_t> percent;
  Money spend_unmapped;  // of groups no row names
  Money spend_all;       // spend + spend_unmapped
};

struct SavingsEstimate {
  std::vector<SavingsRowEstimate> rows;  // one per table row, in its order
  SavingsTotal total;
  std::vector<GroupSpend> unmapped;
};

// round(100 × savings / spend), halves away from zero; none when spend is zero.
std::optional<std::int64_t> savings_percent(Money savings, Money spend);

// `spend` holds each group at most once; a group absent from it has spent nothing.
SavingsEstimate estimate_savings(const SavingsTable& table, std::span<const GroupSpend> spend,
                                 std::span<const std::string_view> known_groups);

}  // namespace hsg::engine
