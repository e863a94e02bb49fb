// The approvals queue as JSON for machines (GET /api/approvals), oldest agreement first:
// {"waiting": [{"client_ref", "assessed_on", "decision": decision_json}]}.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "app/decisions/approval_queue.h"

namespace hsg::app {

nlohmann::ordered_json approval_queue_json(const std::vector<AwaitingApproval>& queue);

}  // namespace hsg::app
