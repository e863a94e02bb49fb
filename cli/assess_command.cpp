// hsg assess: the indicative grant for one set of answers, computed and explained;
// nothing is recorded (that is `hsg allocate`).
#include <fmt/core.h>

#include <fstream>
#include <optional>

#include "cli/allocation_json.h"
#include "cli/answer_input.h"
#include "cli/commands.h"
#include "cli/input_error.h"
#include "cli/ruleset_input.h"
#include "cli/statement_text.h"
#include "cli/today.h"
#include "engine/allocate.h"
#include "rules/answers_loader.h"

namespace hsg::cli {

namespace {

std::optional<std::string> optional_text(const CommandLine& command_line, const char* name) {
  if (!command_line.has(name)) return std::nullopt;
  return command_line.get<std::string>(name);
}

void save_answers(const std::string& path, const engine::Ruleset& ruleset,
                  const engine::Answers& answers) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << rules::answers_to_toml(ruleset, answers);
  if (!file.flush()) throw InputError(fmt::format("cannot write the answers to {}", path));
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
       "recorded. On a terminal with no answers given, asks each question in turn.",
       "hsg assess --answers docs/examples/worked-example.toml --date 2025-01-15"});
  command_line.add()("rules", po::value<std::string>()->value_name("FILE"),
                     "rule-set file (default: the built-in medway rule set)");
  add_answer_options(command_line);
  command_line.add()("json", "print one JSON object instead of the statement")(
      "date", po::value<std::string>()->value_name("YYYY-MM-DD"),
      "assessment date, for review dates (default: today)")(
      "save", po::value<std::string>()->value_name("FILE"),
      "also write the answers to FILE as TOML (e.g. after the questionnaire)");
  if (!command_line.parse(args, io)) return 0;

  const std::optional<std::string> date_text = optional_text(command_line, "date");
  const engine::Date date = date_or_today(date_text);
  const rules::LoadedRuleset ruleset =
      load_ruleset_or_builtin(optional_text(command_line, "rules"));
  const engine::Answers answers = read_answers(command_line, ruleset.ruleset, io, true);
  if (command_line.has("save")) {
    save_answers(command_line.get<std::string>("save"), ruleset.ruleset, answers);
  }
  const engine::TracedAllocation traced = engine::allocate_traced(ruleset.ruleset, answers);
  if (command_line.has("json")) {
    // Only a given date goes into the JSON: it has no review dates, so without --date
    // it depends on nothing but the inputs, not on the day it was run.
    const std::optional<engine::Date> given_date =
        date_text ? std::optional<engine::Date>(date) : std::nullopt;
    io.out << allocation_json(ruleset, answers, traced, given_date).dump(2) << "\n";
  } else {
    write_statement(io.out, ruleset, traced, date);
  }
  return 0;
}

}  // namespace hsg::cli
