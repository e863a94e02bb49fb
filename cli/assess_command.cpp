// hsg assess: the indicative grant for one set of answers, computed and explained;
// nothing is recorded (that is `hsg allocate`), so any rule set may be tried on any date.
#include <fmt/core.h>

#include <optional>

#include "app/assessment/assess.h"
#include "app/assessment/ruleset_input.h"
#include "app/present/assessment_json.h"
#include "app/present/statement_text.h"
#include "cli/answer_input.h"
#include "cli/commands.h"
#include "cli/option_values.h"
#include "cli/store_options.h"
#include "cli/today.h"
#include "db/safe_file.h"
#include "rules/answers_loader.h"

namespace hsg::cli {

namespace {

void save_answers(const std::string& path, const engine::Ruleset& ruleset,
                  const engine::Answers& answers) {
  db::SafeFile file = unwrap(db::SafeFile::create(path));
  file.stream() << rules::answers_to_toml(ruleset, answers);
  unwrap(file.commit());
}

}  // namespace

int assess_command(const Args& args, Io& io) {
  CommandLine command_line(
      "assess",
      {"hsg assess [--rules FILE] (--answers FILE | --answer AREA=OPTION ...) [--json] "
       "[--date D] [--save FILE]",
       "Works out the indicative grant for a client's answers and prints the decision\n"
       "statement: each answer and its points, each score against its thresholds and its\n"
       "cliff edge, hours x weeks x rate per type, the total and any upper limit. Nothing is\n"
       "recorded, so any rule set may be tried on any date: the statement says when it is\n"
       "not in force on that date (by the adoptions of the database when --db is given or\n"
       "--rules names a stored rule set, else by its effective_from). On a terminal with\n"
       "no answers given, asks each question in turn.",
       "hsg assess --answers docs/examples/worked-example.toml --date 2025-01-15"});
  command_line.add()("rules", po::value<std::string>()->value_name("FILE|ID"),
                     "rule-set file, or a stored rule set's id or unique prefix (default: the "
                     "built-in medway rule set)");
  add_answer_options(command_line);
  command_line.add()("json", "print one JSON object instead of the statement")(
      "date", po::value<std::string>()->value_name("YYYY-MM-DD"),
      "assessment date, for review dates (default: today)")(
      "save", po::value<std::string>()->value_name("FILE"),
      "also write the answers to FILE as TOML (e.g. after the questionnaire)");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;

  const std::optional<std::string> date_text = optional_text(command_line, "date");
  const engine::Date date = date_or_today(date_text);
  const std::optional<std::string> rules_text = optional_text(command_line, "rules");
  std::optional<db::Database> database;
  if (command_line.has("db") || (rules_text && !app::names_file(*rules_text))) {
    database = open_database_to_read(command_line);
  }
  const app::Assessment assessed =
      unwrap(app::assess(database ? &*database : nullptr, {date, rules_text},
                         [&](const rules::LoadedRuleset& ruleset) {
                           return read_answers(command_line, ruleset.ruleset, io, true);
                         }));
  if (command_line.has("save")) {
    save_answers(command_line.get<std::string>("save"), assessed.ruleset.ruleset, assessed.answers);
  }
  const std::optional<app::RulesOption>& named = assessed.named;
  const std::optional<std::string>& not_in_force = assessed.not_in_force;
  if (command_line.has("json")) {
    // Only a given date goes into the JSON: it has no review dates, so without --date
    // it depends on nothing but the inputs, not on the day it was run.
    const std::optional<engine::Date> given_date =
        date_text ? std::optional<engine::Date>(date) : std::nullopt;
    io.out << app::assessment_json(assessed, given_date).dump(2) << "\n";
  } else {
    if (named) io.out << named->used() << "\n";
    if (not_in_force) {
      io.out << fmt::format("Not in force: {}; hsg assess records nothing\n\n", *not_in_force);
    }
    app::write_statement(io.out, assessed.ruleset, assessed.traced, date);
  }
  return 0;
}

}  // namespace hsg::cli
