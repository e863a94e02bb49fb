#include "app/present/grant_json.h"

namespace hsg::app {

nlohmann::ordered_json started_grant_json(const StartedGrant& started) {
  const db::NewGrant& plan = started.plan;
  nlohmann::ordered_json provider = nullptr;
  if (plan.provider) provider = *plan.provider;
  nlohmann::ordered_json types = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < plan.interventions.size(); ++i) {
    const db::GrantIntervention& type = plan.interventions[i];
    types.push_back({{"type", type.intervention},
                     {"amount", type.amount.to_string()},
                     {"weeks", type.weeks},
                     {"instalments", started.instalments_per_type.at(i)}});
  }
  nlohmann::ordered_json instalments = nlohmann::ordered_json::array();
  for (const db::GrantInstalment& instalment : plan.instalments) {
    instalments.push_back({{"type", instalment.intervention},
                           {"number", instalment.number},
                           {"due_on", instalment.due_on.to_string()},
                           {"amount", instalment.amount.to_string()}});
  }
  return {{"grant_id", started.id},
          {"allocation_id", plan.allocation_id},
          {"start", plan.start_on.to_string()},
          {"held_as", plan.held_as},
          {"provider", std::move(provider)},
          {"agreed", plan.agreed.to_string()},
          {"interventions", std::move(types)},
          {"instalments", std::move(instalments)}};
}

}  // namespace hsg::app
