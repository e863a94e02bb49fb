#include "app/present/assessment_json.h"

#include "app/present/allocation_json.h"

namespace hsg::app {

nlohmann::ordered_json assessment_json(const Assessment& assessed,
                                       std::optional<engine::Date> given_date) {
  nlohmann::ordered_json json =
      allocation_json(assessed.ruleset, assessed.answers, assessed.traced, given_date);
  if (assessed.named) json["rules_option"] = assessed.named->used();
  if (assessed.not_in_force) json["not_in_force"] = *assessed.not_in_force;
  return json;
}

nlohmann::ordered_json allocated_json(const AllocatedClient& recorded, engine::Date date) {
  nlohmann::ordered_json json{{"allocation_id", recorded.id}};
  if (recorded.named) json["rules_option"] = recorded.named->used();
  json.update(allocation_json(recorded.ruleset, recorded.answers, recorded.traced, date));
  return json;
}

}  // namespace hsg::app
