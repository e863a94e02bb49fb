#include "app/present/plan_json.h"

namespace hsg::app {

nlohmann::ordered_json plan_json(const db::Plan& plan) {
  nlohmann::ordered_json json{{"grant", plan.grant_id},
                              {"version", plan.version},
                              {"plan_on", plan.plan_on.to_string()},
                              {"actor", plan.actor},
                              {"at", plan.at},
                              {"sha256", plan.sha256},
                              {"objectives", nlohmann::json::array()},
                              {"uses", nlohmann::json::array()}};
  for (const db::PlanObjective& objective : plan.objectives) {
    json["objectives"].push_back(
        {{"id", objective.key}, {"text", objective.text}, {"domain", objective.domain}});
  }
  for (const db::PlanUse& use : plan.uses) {
    nlohmann::ordered_json entry{{"route", use.route},
                                 {"description", use.description},
                                 {"objective", use.objective},
                                 {"provider", nullptr},
                                 {"category", use.category},
                                 {"amount", use.amount.to_string()},
                                 {"amount_pence", use.amount.pence()}};
    if (use.provider) entry["provider"] = *use.provider;
    json["uses"].push_back(entry);
  }
  return json;
}

}  // namespace hsg::app
