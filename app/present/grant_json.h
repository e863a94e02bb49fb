// A grant just started as JSON for machines (`hsg grant start --json`, POST
// /api/allocations/ID/grant): keys in a fixed order, money as strings with two decimals.
//
// {"grant_id", "allocation_id", "start", "held_as", "provider": null | "...", "agreed",
//  "interventions": [{"type", "amount", "weeks", "instalments"}] in rule-set order,
//  "instalments": [{"type", "number", "due_on", "amount"}] in due order}
#pragma once

#include <nlohmann/json.hpp>

#include "app/grants/grant_start.h"

namespace hsg::app {

nlohmann::ordered_json started_grant_json(const StartedGrant& started);

}  // namespace hsg::app
