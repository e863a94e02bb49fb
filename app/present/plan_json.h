// A support plan as JSON (hsg plan show --json; the web's API): keys in a fixed order,
// objectives and uses in the plan's order, money as a decimal string with its pence
// beside it, an absent provider null.
#pragma once

#include <nlohmann/json.hpp>

#include "db/plans.h"

namespace hsg::app {

nlohmann::ordered_json plan_json(const db::Plan& plan);

}  // namespace hsg::app
