#include "cli/replay_command.h"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "cli/progress.h"
#include "cli/store_options.h"
#include "db/record_check.h"
#include "engine/version.h"

namespace hsg::cli {

namespace {

using nlohmann::ordered_json;

std::string engine_note(const app::ReplayResult& result) {
  if (!result.engine_changed()) {
    return fmt::format("engine {} then and now", result.stored_engine_version);
  }
  return fmt::format("computed by engine {}, replayed by engine {}", result.stored_engine_version,
                     engine::kEngineVersion);
}

ordered_json as_json(const app::ReplayResult& result) {
  ordered_json differences = ordered_json::array();
  for (const app::FieldDifference& difference : result.differences) {
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

std::optional<engine::Date> date_option(const CommandLine& command_line, const char* name) {
  if (!command_line.has(name)) return std::nullopt;
  const std::string text = command_line.get<std::string>(name);
  const auto date = engine::Date::parse(text);
  if (!date) {
    command_line.fail(fmt::format("--{} '{}' {}", name, text, engine::Date::refusal(text)));
  }
  return date;
}

CommandLine replay_command_line() {
  CommandLine command_line(
      "audit replay",
      {"hsg audit replay (ALLOC | --all [--from D] [--to D] [--client REF]) [--json] "
       "[--db PATH]",
       "Recomputes recorded allocations from what was stored - the stored rule set's bytes\n"
       "(re-hashed to confirm its id) and the stored answers - and compares every output\n"
       "field by field, the trace by its SHA-256. Prints each difference as stored -> \n"
       "replayed, and the engine version then and now. Exit 1 if any differ.",
       "hsg audit replay --all --from 2025-04-01 --to 2026-03-31"});
  command_line.add()("allocation", po::value<std::int64_t>()->value_name("ALLOC"),
                     "the allocation to replay")("all", "replay every allocation in the range")(
      "from", po::value<std::string>()->value_name("YYYY-MM-DD"),
      "with --all: assessed on or after this day")(
      "to", po::value<std::string>()->value_name("YYYY-MM-DD"),
      "with --all: assessed on or before this day")(
      "client", po::value<std::string>()->value_name("REF"), "with --all: only this client")(
      "json", "print JSON for machines");
  command_line.positional("allocation", 1);
  add_database_option(command_line);
  return command_line;
}

int replay_one(const CommandLine& command_line, Io& io) {
  db::Database database = open_database(command_line);
  const std::int64_t id = command_line.get<std::int64_t>("allocation");
  unwrap(db::check_allocation(database, id));
  const db::StoredAllocation stored = unwrap(db::AllocationRepository(database).get(id));
  const app::ReplayResult result = app::Replayer(database).replay(stored);
  if (command_line.has("json")) {
    io.out << as_json(result).dump(2) << "\n";
  } else {
    write_replay_result(io.out, result);
  }
  return result.identical() ? 0 : 1;
}

int replay_all(const CommandLine& command_line, Io& io) {
  db::AllocationRange range{date_option(command_line, "from"), date_option(command_line, "to"),
                            std::nullopt};
  if (command_line.has("client")) range.client_ref = command_line.get<std::string>("client");
  if (range.from && range.to && *range.to < *range.from) {
    command_line.fail("--to is before --from");
  }
  db::Database database = open_database(command_line);
  unwrap(db::check_schema(database));
  Progress progress(io.err, io.interactive);
  const app::ReplaySummary summary = app::replay_range(database, range, progress);
  const auto different = static_cast<std::int64_t>(summary.different.size());
  if (command_line.has("json")) {
    ordered_json listed = ordered_json::array();
    for (const app::ReplayResult& result : summary.different) listed.push_back(as_json(result));
    const ordered_json out{
        {"from", range.from ? ordered_json(range.from->to_string()) : ordered_json()},
        {"to", range.to ? ordered_json(range.to->to_string()) : ordered_json()},
        {"client_ref", range.client_ref ? ordered_json(*range.client_ref) : ordered_json()},
        {"engine_version", std::string(engine::kEngineVersion)},
        {"replayed", summary.replayed},
        {"identical", summary.identical},
        {"different", different},
        {"different_allocations", listed}};
    io.out << out.dump(2) << "\n";
  } else {
    for (const app::ReplayResult& result : summary.different) write_replay_result(io.out, result);
    io.out << fmt::format("replayed {} allocations: {} identical, {} different\n", summary.replayed,
                          summary.identical, different);
  }
  return different == 0 ? 0 : 1;
}

}  // namespace

void write_replay_result(std::ostream& out, const app::ReplayResult& result) {
  const char* verdict = result.identical() ? "identical" : "DIFFERENT";
  out << fmt::format("allocation {} for client {}: {} ({})\n", result.allocation_id,
                     result.client_ref, verdict, engine_note(result));
  if (!result.problem.empty()) out << fmt::format("  cannot be replayed: {}\n", result.problem);
  for (const app::FieldDifference& difference : result.differences) {
    out << fmt::format("  {}: {} -> {}\n", difference.field, difference.stored,
                       difference.replayed);
  }
}

int audit_replay(const Args& args, Io& io) {
  CommandLine command_line = replay_command_line();
  if (!command_line.parse(args, io)) return 0;
  const bool all = command_line.has("all");
  if (all == command_line.has("allocation")) {
    command_line.fail("give one allocation id or --all");
  }
  if (!all && (command_line.has("from") || command_line.has("to") || command_line.has("client"))) {
    command_line.fail("--from, --to and --client go with --all");
  }
  return all ? replay_all(command_line, io) : replay_one(command_line, io);
}

}  // namespace hsg::cli
