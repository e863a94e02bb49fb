#include "app/present/approval_queue_json.h"

#include "app/present/decision_json.h"

namespace hsg::app {

nlohmann::ordered_json approval_queue_json(const std::vector<AwaitingApproval>& queue) {
  nlohmann::ordered_json waiting = nlohmann::ordered_json::array();
  for (const AwaitingApproval& entry : queue) {
    waiting.push_back({{"client_ref", entry.client_ref},
                       {"assessed_on", entry.assessed_on.to_string()},
                       {"decision", decision_json(entry.state)}});
  }
  return {{"waiting", std::move(waiting)}};
}

}  // namespace hsg::app
