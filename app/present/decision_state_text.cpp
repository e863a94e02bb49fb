#include "app/present/decision_state_text.h"

#include <fmt/core.h>

#include "app/present/statement_text.h"
#include "engine/text.h"

namespace hsg::app {

namespace {

void write_agreement(std::ostream& out, const db::DecisionState& state) {
  const db::Decision& agreement = *state.agreement;
  out << fmt::format("  agreed: £{} by {} at {}: {}\n", agreement.agreed->to_grouped_string(),
                     engine::escaped(agreement.actor), engine::escaped(agreement.at),
                     engine::escaped(agreement.reason));
  if (*agreement.agreed > state.upper_limit) {
    write_above_limit(out, *agreement.agreed, state.upper_limit, agreement.reason, agreement.actor);
  }
  if (db::exceeds_tolerance(*agreement.agreed, state.indicative, state.tolerance_percent)) {
    out << fmt::format(
        "  differs from the indicative grant by more than {}%: needs approval "
        "by someone other than {}\n",
        state.tolerance_percent, engine::escaped(agreement.actor));
  }
}

}  // namespace

void write_decision_state(std::ostream& out, const db::DecisionState& state) {
  out << fmt::format("Allocation #{}: {}\n", state.allocation_id, db::to_string(state.status))
      << fmt::format("  indicative grant: £{}\n", state.indicative.to_grouped_string());
  if (state.agreement) write_agreement(out, state);
  if (state.resolution) {
    const db::Decision& resolution = *state.resolution;
    out << fmt::format("  {} by {} at {}{}\n",
                       resolution.kind == db::DecisionKind::approve ? "approved" : "rejected",
                       engine::escaped(resolution.actor), engine::escaped(resolution.at),
                       resolution.reason.empty() ? "" : ": " + engine::escaped(resolution.reason));
  }
}

}  // namespace hsg::app
