#include "cli/replay_command.h"

#include <fmt/core.h>

#include "app/audit/replay_request.h"
#include "app/present/replay_text.h"
#include "cli/command_line.h"
#include "cli/option_values.h"
#include "cli/progress.h"
#include "cli/store_options.h"

namespace hsg::cli {

namespace {

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
  db::Database database = open_database_to_read(command_line);
  const std::int64_t id = command_line.get<std::int64_t>("allocation");
  const app::ReplayResult result = unwrap(app::replay_stored(database, id));
  if (command_line.has("json")) {
    io.out << app::replay_result_json(result).dump(2) << "\n";
  } else {
    app::write_replay_result(io.out, result);
  }
  return result.identical() ? 0 : 1;
}

int replay_all(const CommandLine& command_line, Io& io) {
  db::AllocationRange range{optional_date(command_line, "from"), optional_date(command_line, "to"),
                            std::nullopt};
  if (command_line.has("client")) range.client_ref = command_line.get<std::string>("client");
  if (range.from && range.to && *range.to < *range.from) {
    command_line.fail("--to is before --from");
  }
  db::Database database = open_database_to_read(command_line);
  Progress progress(io.err, io.interactive);
  const app::ReplaySummary summary = unwrap(app::replay_all(database, range, progress));
  if (command_line.has("json")) {
    io.out << app::replay_summary_json(range, summary).dump(2) << "\n";
  } else {
    app::write_replay_summary(io.out, summary);
  }
  return summary.different.empty() ? 0 : 1;
}

}  // namespace

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
