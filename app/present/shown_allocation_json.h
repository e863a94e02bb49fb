// A recorded allocation as JSON for machines (`hsg show --json`, GET /api/allocations/ID):
// {"allocation_id", "client_ref", "assessor", "assessed_on", "future_date": null |
//  {"recorded_on", "reason"}, then allocation_json's members (app/present/allocation_json.h)
//  for the recomputed allocation, then "decision": decision_json (app/present/decision_json.h), "grant_id": null | N}.
#pragma once

#include <nlohmann/json.hpp>

#include "app/decisions/show_allocation.h"

namespace hsg::app {

nlohmann::ordered_json shown_allocation_json(const ShownAllocation& shown);

}  // namespace hsg::app
