// A rule set's questionnaire as JSON for machines (GET /api/questionnaire): what a form
// must ask, in the rule set's order, so another system can build its own.
//
// {"ruleset_id", "name", "version", "effective_from",
//  "areas": [{"area", "question", "options": [{"option", "label"}]}]}
#pragma once

#include <nlohmann/json.hpp>

#include "rules/ruleset_loader.h"

namespace hsg::app {

nlohmann::ordered_json questionnaire_json(const rules::LoadedRuleset& ruleset);

}  // namespace hsg::app
