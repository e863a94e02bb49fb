// An allocation as JSON for machines: one object, keys in a fixed order, so the same
// inputs give byte-identical output.
//
// Money and hours are strings with exactly two decimals ("2405.00", "0.50"), never JSON
// numbers (which many readers turn into binary floats); levels are none|low|medium|high;
// interventions and trace entries follow the rule set's order.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "engine/allocate.h"
#include "engine/date.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

nlohmann::ordered_json allocation_json(const rules::LoadedRuleset& ruleset,
                                       const engine::Answers& answers,
                                       const engine::TracedAllocation& traced,
                                       std::optional<engine::Date> date);

// The "trace" member alone (what the store keeps as a SHA-256).
nlohmann::ordered_json trace_json(const engine::Ruleset& ruleset, const engine::Trace& trace);

}  // namespace hsg::app
