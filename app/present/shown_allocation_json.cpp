#include "app/present/shown_allocation_json.h"

#include "app/present/allocation_json.h"
#include "app/present/decision_json.h"

namespace hsg::app {

nlohmann::ordered_json shown_allocation_json(const ShownAllocation& shown) {
  nlohmann::ordered_json future = nullptr;
  if (shown.future_date) {
    future = {{"recorded_on", shown.future_date->recorded_on.to_string()},
              {"reason", shown.future_date->reason}};
  }
  nlohmann::ordered_json json{{"allocation_id", shown.id},
                              {"client_ref", shown.client_ref},
                              {"assessor", shown.assessor},
                              {"assessed_on", shown.assessed_on.to_string()},
                              {"future_date", std::move(future)}};
  json.update(allocation_json(shown.ruleset, shown.answers, shown.traced,
                              shown.assessed_on));
  json["decision"] = decision_json(shown.decisions);
  json["grant_id"] = shown.grant_id ? nlohmann::ordered_json(*shown.grant_id) : nullptr;
  return json;
}

}  // namespace hsg::app
