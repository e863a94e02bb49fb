#include "rules/support_plan_check.h"

#include <fmt/core.h>

#include <algorithm>
#include <limits>
#include <set>

namespace hsg::rules {

namespace {

std::string route_name(std::int64_t route) {
  return fmt::format("route {} ({})", route, kRoutes[static_cast<std::size_t>(route - 1)]);
}

std::string list_of(const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& key : keys) out += (out.empty() ? "" : ", ") + key;
  return out;
}

class Checker {
 public:
  Checker(const LoadedSupportPlan& plan, const PlanContext& context)
      : plan_(plan), context_(context) {}

  std::vector<Diagnostic> run() {
    check_grant();
    std::set<std::string, std::less<>> objectives;
    for (const PlanObjectiveEntry& objective : plan_.objectives) objectives.insert(objective.id);
    std::set<std::string, std::less<>> served;
    std::int64_t chargeable_pence = 0;
    for (std::size_t i = 0; i < plan_.uses.size(); ++i) {
      const PlanUseEntry& use = plan_.uses[i];
      const std::string name = fmt::format("use {}", i + 1);
      check_amount(use, name);
      check_provider(use, name);
      check_category(use, name);
      if (use.route == 6 && !context_.asc_funded) {
        error(use.route_at, fmt::format("{}: {} is only for a client who also receives adult "
                                        "social care money, and this client does not",
                                        name, route_name(use.route)));
      }
      if (objectives.count(use.objective) == 0) {
        error(use.objective_at,
              fmt::format("{}: objective '{}' is not an objective of the plan; its objectives: {}",
                          name, use.objective, objective_list()));
      } else {
        served.insert(use.objective);
      }
      if (use.route >= 3) add_chargeable(use, name, chargeable_pence);
    }
    for (const PlanObjectiveEntry& objective : plan_.objectives) {
      if (served.count(objective.id) == 0) {
        error(objective.at, fmt::format("objective '{}' is served by no use", objective.id));
      }
    }
    sort_by_position(problems_);
    return std::move(problems_);
  }

 private:
  void error(SourcePosition at, std::string message) {
    problems_.push_back({plan_.source, at.line, at.column, std::move(message)});
  }

  std::string objective_list() const {
    std::vector<std::string> ids;
    for (const PlanObjectiveEntry& objective : plan_.objectives) ids.push_back(objective.id);
    return list_of(ids);
  }

  // Adds a chargeable use to the running total and names the use that first takes it
  // over the agreed amount. Amounts are bounded only by int64, so the sum is checked.
  void add_chargeable(const PlanUseEntry& use, const std::string& name, std::int64_t& total) {
    const bool was_within = total <= context_.agreed.pence();
    const bool overflowed = __builtin_add_overflow(total, use.amount.pence(), &total);
    if (overflowed) total = std::numeric_limits<std::int64_t>::max();
    if (!was_within || total <= context_.agreed.pence()) return;
    error(use.amount_at,
          fmt::format("{}: with it the chargeable uses (routes 3 to 6) come to {}£{}, more than "
                      "grant {}'s agreed amount of £{}",
                      name, overflowed ? "more than " : "",
                      engine::Money::from_pence(total).to_grouped_string(), context_.grant_id,
                      context_.agreed.to_grouped_string()));
  }

  void check_grant() {
    const std::string on = context_.plan_on.to_string();
    if (context_.grant_ended_on && *context_.grant_ended_on < context_.plan_on) {
      error({}, fmt::format("grant {} ended on {}, before the plan date {}", context_.grant_id,
                            context_.grant_ended_on->to_string(), on));
    }
    if (context_.held_as == "isf") {
      const std::string provider = context_.grant_provider.value_or("");
      if (context_.accredited.count(provider) == 0) {
        error({}, fmt::format("grant {} is an individual service fund held by '{}', which is not "
                              "an accredited provider on {} (hsg provider list --on {})",
                              context_.grant_id, provider, on, on));
      }
    }
  }

  void check_amount(const PlanUseEntry& use, const std::string& name) {
    if (use.route <= 2 && use.amount.pence() != 0) {
      error(use.amount_at, fmt::format("{}: {} carries no charge; its amount must be 0, not {}",
                                       name, route_name(use.route), use.amount.to_string()));
    }
    if (use.route >= 3 && use.amount.pence() == 0) {
      error(use.amount_at, fmt::format("{}: {} is chargeable; give the amount it costs", name,
                                       route_name(use.route)));
    }
  }

  void check_provider(const PlanUseEntry& use, const std::string& name) {
    if ((use.route == 4 || use.route == 5) && !use.provider) {
      error(use.at, fmt::format("{}: {} needs a provider (provider = \"NAME\")", name,
                                route_name(use.route)));
      return;
    }
    if (use.route != 4) return;
    const std::string on = context_.plan_on.to_string();
    const auto found = context_.accredited.find(*use.provider);
    if (found == context_.accredited.end()) {
      error(use.provider_at,
            fmt::format("{}: {} uses only providers accredited on the plan date; '{}' is not "
                        "accredited on {} (hsg provider list --on {})",
                        name, route_name(use.route), *use.provider, on, on));
    } else if (found->second != "generalist") {
      error(use.provider_at,
            fmt::format("{}: {} uses generalist providers; '{}' is a {} provider (route 5)", name,
                        route_name(use.route), *use.provider, found->second));
    }
  }

  void check_category(const PlanUseEntry& use, const std::string& name) {
    const PlansConfig& config = context_.config;
    for (const ExcludedCategory& excluded : config.excluded) {
      if (excluded.key == use.category) {
        error(use.category_at,
              fmt::format("{}: the rule set excludes {}: {}", name, excluded.key, excluded.reason));
        return;
      }
    }
    if (std::find(config.categories.begin(), config.categories.end(), use.category) ==
        config.categories.end()) {
      error(use.category_at, fmt::format("{}: '{}' is not a category of the rule set; allowed: {}",
                                         name, use.category, list_of(config.categories)));
    }
  }

  const LoadedSupportPlan& plan_;
  const PlanContext& context_;
  std::vector<Diagnostic> problems_;
};

}  // namespace

std::vector<Diagnostic> check_support_plan(const LoadedSupportPlan& plan,
                                           const PlanContext& context) {
  return Checker(plan, context).run();
}

}  // namespace hsg::rules
