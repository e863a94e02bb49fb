#include "app/present/shown_allocation_text.h"

#include <fmt/core.h>

#include "app/present/decision_state_text.h"
#include "app/present/statement_text.h"
#include "app/present/support_plan_text.h"
#include "engine/text.h"

namespace hsg::app {

void write_shown_allocation(std::ostream& out, const ShownAllocation& shown) {
  out << fmt::format("Allocation #{} for client {}, assessed by {}\n", shown.id,
                     engine::escaped(shown.client_ref), engine::escaped(shown.assessor));
  if (shown.future_date) {
    out << fmt::format("Dated after the day it was recorded ({}): {}\n",
                       shown.future_date->recorded_on.to_string(),
                       engine::escaped(shown.future_date->reason));
  }
  out << "\n";
  write_statement(out, shown.ruleset, shown.traced, shown.assessed_on);
  out << "\n";
  write_decision_state(out, shown.decisions);
  if (!shown.plan) return;
  out << "\n";
  write_support_plan(out, shown.plan->plan, shown.plan->agreed);
}

}  // namespace hsg::app
