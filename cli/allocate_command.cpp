// hsg allocate REF: compute an allocation for a recorded client and record it.
#include <fmt/core.h>

#include "app/assessment/record_allocation.h"
#include "app/present/allocation_json.h"
#include "app/present/statement_text.h"
#include "cli/answer_input.h"
#include "cli/future_date_option.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/today.h"
#include "db/write_transaction.h"

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
  const FutureDatePermission future = future_date_permission(command_line);
  refuse_future_date(future, date, "--date");
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  // Which rule set is in force is read under the write lock, so an adoption or retirement
  // committed meanwhile cannot leave this allocation under a rule set no longer in force.
  auto transaction = unwrap(db::WriteTransaction::begin(database));
  std::optional<app::RulesOption> named;
  if (command_line.has("rules")) {
    named = app::load_rules_option(command_line.get<std::string>("rules"), &database);
  }
  app::StoredRulesets rulesets(database);
  const rules::LoadedRuleset& ruleset = rulesets.for_recording(named ? &*named : nullptr, date);
  const engine::Answers answers = read_answers(command_line, ruleset.ruleset, io, false);
  const app::NewAssessment assessment{command_line.get<std::string>("ref"), date, stamp.actor};
  const app::RecordedAllocation recorded =
      app::record_allocation(database, stamp, ruleset, assessment, answers);
  note_future_date(database, stamp, future, recorded.id, date);
  unwrap(transaction.commit());
  if (command_line.has("json")) {
    nlohmann::ordered_json json{{"allocation_id", recorded.id}};
    if (named) json["rules_option"] = named->used();
    json.update(app::allocation_json(ruleset, answers, recorded.traced, date));
    io.out << json.dump(2) << "\n";
  } else {
    io.out << fmt::format("Allocation #{} recorded for client {} by {}\n", recorded.id,
                          assessment.client_ref, assessment.assessor);
    if (named) io.out << named->used() << "\n";
    io.out << "\n";
    app::write_statement(io.out, ruleset, recorded.traced, date);
  }
  return 0;
}

}  // namespace hsg::cli
