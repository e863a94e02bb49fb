// A grant's outcomes returns as JSON (hsg outcome show --json; the web's API): one object
// {grant_id, returns}, each return with its keys in a fixed order and its outcomes keyed
// by measure ("1a" ... "5") in the framework's order.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "app/outcomes/outcome_returns.h"
#include "db/outcomes.h"

namespace hsg::app {

nlohmann::ordered_json outcome_return_json(const db::OutcomeReturn& stored);

nlohmann::ordered_json grant_outcomes_json(std::int64_t grant_id,
                                           const std::vector<OutcomeVersion>& versions);

}  // namespace hsg::app
