#include "app/present/replay_text.h"

#include <fmt/core.h>

#include "engine/version.h"

namespace hsg::app {

using nlohmann::ordered_json;

std::string replay_engine_note(const ReplayResult& result) {
  if (!result.engine_changed()) {
    return fmt::format("engine {} then and now", result.stored_engine_version);
  }
  return fmt::format("computed by engine {}, replayed by engine {}", result.stored_engine_version,
                     engine::kEngineVersion);
}

void write_replay_result(std::ostream& out, const ReplayResult& result) {
  const char* verdict = result.identical() ? "identical" : "DIFFERENT";
  out << fmt::format("allocation {} for client {}: {} ({})\n", result.allocation_id,
                     result.client_ref, verdict, replay_engine_note(result));
  if (!result.problem.empty()) out << fmt::format("  cannot be replayed: {}\n", result.problem);
  for (const FieldDifference& difference : result.differences) {
    out << fmt::format("  {}: {} -> {}\n", difference.field, difference.stored,
                       difference.replayed);
  }
}

ordered_json replay_result_json(const ReplayResult& result) {
  ordered_json differences = ordered_json::array();
  for (const FieldDifference& difference : result.differences) {
    differences.push_back({{"field", difference.field},
                           {"stored", ordered_json::parse(difference.stored)},
                           {"replayed", ordered_json::parse(difference.replayed)}});
  }
  return {{"allocation_id", result.allocation_id},
          {"client_ref", result.client_ref},
          {"identical", result.identical()},
          {"stored_engine_version", result.stored_engine_version},
          {"engine_version", std::string(engine::kEngineVersion)},
          {"problem", result.problem.empty() ? ordered_json() : ordered_json(result.problem)},
          {"differences", differences}};
}

void write_replay_summary(std::ostream& out, const ReplaySummary& summary) {
  for (const ReplayResult& result : summary.different) write_replay_result(out, result);
  out << fmt::format("replayed {} allocations: {} identical, {} different\n", summary.replayed,
                     summary.identical, summary.different.size());
}

ordered_json replay_summary_json(const db::AllocationRange& range, const ReplaySummary& summary) {
  ordered_json listed = ordered_json::array();
  for (const ReplayResult& result : summary.different) listed.push_back(replay_result_json(result));
  return {{"from", range.from ? ordered_json(range.from->to_string()) : ordered_json()},
          {"to", range.to ? ordered_json(range.to->to_string()) : ordered_json()},
          {"client_ref", range.client_ref ? ordered_json(*range.client_ref) : ordered_json()},
          {"engine_version", std::string(engine::kEngineVersion)},
          {"replayed", summary.replayed},
          {"identical", summary.identical},
          {"different", static_cast<std::int64_t>(summary.different.size())},
          {"different_allocations", listed}};
}

}  // namespace hsg::app
