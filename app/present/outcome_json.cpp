#include "app/present/outcome_json.h"

namespace hsg::app {

nlohmann::ordered_json outcome_return_json(const db::OutcomeReturn& stored) {
  nlohmann::ordered_json answers = nlohmann::ordered_json::object();
  for (const engine::OutcomeAnswer& answer : stored.answers) {
    answers[answer.measure] = {{"needed", answer.needed}, {"achieved", answer.achieved}};
  }
  return {{"id", stored.id},
          {"grant_id", stored.grant_id},
          {"client_ref", stored.client_ref},
          {"date", stored.return_on.to_string()},
          {"term", engine::to_string(stored.term)},
          {"version", stored.version},
          {"actor", stored.actor},
          {"at", stored.at},
          {"outcomes", answers}};
}

nlohmann::ordered_json grant_outcomes_json(std::int64_t grant_id,
                                           const std::vector<OutcomeVersion>& versions) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const OutcomeVersion& version : versions)
    list.push_back(outcome_return_json(version.stored));
  return {{"grant_id", grant_id}, {"returns", list}};
}

}  // namespace hsg::app
