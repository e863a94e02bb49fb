// A replay's findings (app/audit/replay.h, replay_pass.h) as people and machines read
// them: in `hsg audit replay`, `hsg audit verify --replay` and the web's audit pages,
// which show the same differences in the same words.
//
// Text: one line per allocation (identical or DIFFERENT, and the engine version then and
// now), then one indented line per differing field, stored -> replayed. JSON: keys in a
// fixed order; each difference's stored and replayed values are the JSON they were
// written as, not strings of it.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "app/audit/replay.h"
#include "app/audit/replay_pass.h"
#include "db/allocations.h"

namespace hsg::app {

// "engine X then and now", or "computed by engine X, replayed by engine Y".
std::string replay_engine_note(const ReplayResult& result);

void write_replay_result(std::ostream& out, const ReplayResult& result);

// {"allocation_id", "client_ref", "identical", "stored_engine_version", "engine_version",
//  "problem": null | "...", "differences": [{"field", "stored", "replayed"}...]}
nlohmann::ordered_json replay_result_json(const ReplayResult& result);

// Every differing allocation, then "replayed N allocations: I identical, D different".
void write_replay_summary(std::ostream& out, const ReplaySummary& summary);

// {"from", "to", "client_ref" (each null when open), "engine_version", "replayed",
//  "identical", "different", "different_allocations": [replay_result_json...]}
nlohmann::ordered_json replay_summary_json(const db::AllocationRange& range,
                                           const ReplaySummary& summary);

}  // namespace hsg::app
