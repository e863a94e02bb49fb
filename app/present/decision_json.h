// The decision state of an allocation as JSON for machines (`hsg agree|approve|reject
// --json`): keys in a fixed order, money as strings with two decimals, as in
// app/present/allocation_json.h.
//
// {"allocation_id", "status", "indicative", "upper_limit", "tolerance_percent",
//  "agreement": null | {"id", "amount", "actor", "at", "reason", "needs_approval",
//                       "beyond_tolerance", "above_upper_limit_by": null | "100.00"},
//  "resolution": null | {"id", "kind", "actor", "at", "reason"}}
#pragma once

#include <nlohmann/json.hpp>

#include "db/decisions.h"

namespace hsg::app {

nlohmann::ordered_json decision_json(const db::DecisionState& state);

}  // namespace hsg::app
