// An assessment and a recorded allocation as JSON for machines: what `hsg assess --json`
// and `hsg allocate --json` print and what the web API returns for them, built once here.
//
// allocation_json (app/present/allocation_json.h) with, for an assessment, the
// "rules_option" used and "not_in_force" when it is not in force on the date; for a
// recorded allocation, "allocation_id" first and the "rules_option" when one was named.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "app/assessment/allocate_client.h"
#include "app/assessment/assess.h"
#include "engine/date.h"

namespace hsg::app {

// `given_date` only when the caller gave one: without it the JSON has no review dates and
// depends on nothing but the inputs.
nlohmann::ordered_json assessment_json(const Assessment& assessed,
                                       std::optional<engine::Date> given_date);

nlohmann::ordered_json allocated_json(const AllocatedClient& recorded, engine::Date date);

}  // namespace hsg::app
