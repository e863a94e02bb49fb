// The phrases the text and HTML reports share, so both say the same thing.
#include <fmt/core.h>

#include "app/whatif/whatif_output.h"

namespace hsg::app {

std::string pounds(engine::Money amount) {
  if (amount.pence() < 0) return "-£" + (engine::Money() - amount).to_grouped_string();
  return "£" + amount.to_grouped_string();
}

std::string signed_pounds(engine::Money change) {
  return change.pence() > 0 ? "+" + pounds(change) : pounds(change);
}

std::string cliff_edge_words(const WhatifCliffEdge& edge) {
  const auto level = static_cast<std::size_t>(edge.level);
  if (edge.one_more_raises) {
    return fmt::format("score {}: one point below the {} threshold ({})", edge.score,
                       engine::to_string(static_cast<engine::Level>(level + 1)), edge.threshold);
  }
  return fmt::format("score {}: on the {} threshold ({}); one point fewer is {}", edge.score,
                     engine::to_string(edge.level), edge.threshold,
                     engine::to_string(static_cast<engine::Level>(level - 1)));
}

std::string budget_words(const WhatifBudget& budget) {
  if (!budget.rate) {
    return fmt::format(
        "even the lowest hourly rate a rule set allows, {}, does not fit: the total would be {}",
        pounds(*budget.rate_over), pounds(budget.total_at_rate_over));
  }
  if (!budget.rate_over) {
    return fmt::format(
        "even the highest hourly rate a rule set allows, {}, fits: the total would be {}",
        pounds(*budget.rate), pounds(budget.total_at_rate));
  }
  return fmt::format(
      "the highest hourly rate that fits is {}, total {}; at {} the total would be {}",
      pounds(*budget.rate), pounds(budget.total_at_rate), pounds(*budget.rate_over),
      pounds(budget.total_at_rate_over));
}

}  // namespace hsg::app
