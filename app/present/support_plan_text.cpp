#include "app/present/support_plan_text.h"

#include <fmt/core.h>

#include "engine/text.h"
#include "rules/support_plan_loader.h"

namespace hsg::app {

void write_support_plan(std::ostream& out, const db::Plan& plan, engine::Money agreed) {
  out << fmt::format("Support plan for grant {}, version {} of {} (by {})\n", plan.grant_id,
                     plan.version, plan.plan_on.to_string(), engine::escaped(plan.actor));
  out << "  Objectives:\n";
  for (const db::PlanObjective& objective : plan.objectives) {
    out << fmt::format("    {:<20} {:<22} {}\n", engine::escaped(objective.key),
                       engine::escaped(objective.domain), engine::escaped(objective.text));
  }
  out << "  Uses:\n";
  engine::Money chargeable;
  for (std::size_t i = 0; i < plan.uses.size(); ++i) {
    const db::PlanUse& use = plan.uses[i];
    out << fmt::format("    {:>2}. route {} ({}): {}\n", i + 1, use.route,
                       rules::kRoutes[static_cast<std::size_t>(use.route - 1)],
                       engine::escaped(use.description));
    out << fmt::format("        for {}; {}; £{}{}\n", engine::escaped(use.objective),
                       engine::escaped(use.category), use.amount.to_grouped_string(),
                       use.provider ? "; provider " + engine::escaped(*use.provider) : "");
    if (use.route >= 3) chargeable += use.amount;
  }
  out << fmt::format("  Chargeable uses £{} of the agreed £{}\n", chargeable.to_grouped_string(),
                     agreed.to_grouped_string());
}

}  // namespace hsg::app
