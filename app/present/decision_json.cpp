#include "app/present/decision_json.h"

namespace hsg::app {

namespace {

nlohmann::ordered_json agreement_json(const db::DecisionState& state) {
  if (!state.agreement) return nullptr;
  const db::Decision& agreement = *state.agreement;
  const engine::Money agreed = *agreement.agreed;
  nlohmann::ordered_json above = nullptr;
  if (agreed > state.upper_limit) above = (agreed - state.upper_limit).to_string();
  return {
      {"id", agreement.id},
      {"amount", agreed.to_string()},
      {"actor", agreement.actor},
      {"at", agreement.at},
      {"reason", agreement.reason},
      // As the state was derived: the stored flag, or above the limit (a row stored
      // before the limit needed approval has the flag unset).
      {"needs_approval", agreement.needs_approval.value_or(false) || agreed > state.upper_limit},
      {"beyond_tolerance",
       db::exceeds_tolerance(agreed, state.indicative, state.tolerance_percent)},
      {"above_upper_limit_by", above}};
}

nlohmann::ordered_json resolution_json(const db::DecisionState& state) {
  if (!state.resolution) return nullptr;
  const db::Decision& resolution = *state.resolution;
  return {{"id", resolution.id},
          {"kind", db::to_string(resolution.kind)},
          {"actor", resolution.actor},
          {"at", resolution.at},
          {"reason", resolution.reason}};
}

}  // namespace

nlohmann::ordered_json decision_json(const db::DecisionState& state) {
  return {{"allocation_id", state.allocation_id},
          {"status", db::to_string(state.status)},
          {"indicative", state.indicative.to_string()},
          {"upper_limit", state.upper_limit.to_string()},
          {"tolerance_percent", state.tolerance_percent},
          {"agreement", agreement_json(state)},
          {"resolution", resolution_json(state)}};
}

}  // namespace hsg::app
