// hsg allocate REF: compute an allocation for a recorded client and record it.
#include <fmt/core.h>

#include "app/assessment/allocate_client.h"
#include "app/present/assessment_json.h"
#include "app/present/statement_text.h"
#include "cli/answer_input.h"
#include "cli/future_date_option.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/today.h"

namespace hsg::cli {

int allocate_command(const Args& args, Io& io) {
  CommandLine command_line(
      "allocate",
      {"hsg allocate REF (--answers FILE | --answer AREA=OPTION ...) [--date D] "
       "[--rules ID|FILE] [--allow-future REASON] [--json]",
       "Assesses a recorded client and records the allocation: the answers, the date, the\n"
       "assessor (--actor), the rule set in force on the date, the engine version and every\n"
       "output. --rules names a stored rule set (an id or unique prefix, or its file); it\n"
       "must be the one in force on the date. Prints the statement with the new\n"
       "allocation's id. A date after today (the local date) needs --allow-future REASON.",
       "hsg allocate C-1001 --answers docs/examples/worked-example.toml --date 2025-01-15"});
  command_line.add()("ref", po::value<std::string>()->required()->value_name("REF"),
                     "the client reference");
  command_line.positional("ref", 1);
  add_answer_options(command_line);
  command_line.add()("date", po::value<std::string>()->value_name("YYYY-MM-DD"),
                     "assessment date (default: today)")(
      "rules", po::value<std::string>()->value_name("ID|FILE"),
      "a stored rule set's id (or unique prefix) or file; it must be in force on the date "
      "(default: the one in force on the date)")(
      "json", "print one JSON object (as hsg assess, plus allocation_id)");
  add_allow_future_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;

  std::optional<std::string> date_text;
  if (command_line.has("date")) date_text = command_line.get<std::string>("date");
  const engine::Date date = date_or_today(date_text);
  const app::FutureDatePermission future = future_date_permission(command_line);
  app::refuse_future_date(future, date, "--date");
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  app::AllocateRequest request{command_line.get<std::string>("ref"), date, std::nullopt, future};
  if (command_line.has("rules")) request.rules = command_line.get<std::string>("rules");
  const app::AllocatedClient recorded = unwrap(
      app::allocate_client(database, stamp, request, [&](const rules::LoadedRuleset& ruleset) {
        return read_answers(command_line, ruleset.ruleset, io, false);
      }));
  if (command_line.has("json")) {
    io.out << app::allocated_json(recorded, date).dump(2) << "\n";
  } else {
    io.out << fmt::format("Allocation #{} recorded for client {} by {}\n", recorded.id,
                          request.client_ref, stamp.actor);
    if (recorded.named) io.out << recorded.named->used() << "\n";
    io.out << "\n";
    app::write_statement(io.out, recorded.ruleset, recorded.traced, date);
  }
  return 0;
}

}  // namespace hsg::cli
