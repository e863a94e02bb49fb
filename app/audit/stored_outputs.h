// What the store keeps of an allocation's outputs, written fast and byte-exactly.
//
// Recording must run at tens of thousands of allocations a second, and building a
// nlohmann::json tree per allocation costs several times the SQLite insert. These
// writers produce, directly into a buffer, the same bytes as `dump()` of the
// corresponding JSON (tests compare them), so the stored text is ordinary compact JSON
// that any tool reads, and replay can recompute it exactly:
//   - outputs: {"interventions":[{type, score, level, hours_per_week, weeks,
//     weekly_amount, calculated_amount, amount, points_to_next_level,
//     points_above_threshold}…], "calculated_total", "total", "upper_limit", "cap_applied"}
//     — every figure of the Allocation; the rule set, date, answers and engine version
//     are columns of their own;
//   - trace: the "trace" member of hsg assess --json (stored as its SHA-256).
// Only identifiers (validated [a-z][a-z0-9_]*), numbers and decimals are written, so
// no JSON escaping is ever needed.
#pragma once

#include <string>

#include "engine/allocation.h"
#include "engine/ruleset.h"
#include "engine/trace.h"

namespace hsg::app {

std::string stored_outputs_text(const engine::Ruleset& ruleset,
                                const engine::Allocation& allocation);
std::string stored_trace_text(const engine::Ruleset& ruleset, const engine::Trace& trace);

// The SHA-256 (lowercase hex) of each text above, as the store keeps it, written and
// hashed in a buffer kept per thread.
std::string stored_outputs_sha256(const engine::Ruleset& ruleset,
                                  const engine::Allocation& allocation);
std::string stored_trace_sha256(const engine::Ruleset& ruleset, const engine::Trace& trace);

}  // namespace hsg::app
