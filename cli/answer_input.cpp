#include "cli/answer_input.h"

#include <variant>

#include "cli/input_error.h"
#include "cli/questionnaire.h"
#include "rules/answers_loader.h"

namespace hsg::cli {

void add_answer_options(CommandLine& command_line) {
  command_line.add()("answers", po::value<std::string>()->value_name("FILE"),
                     "answers file: TOML [answers] table, or JSON {\"answers\": {...}} (.json)")(
      "answer", po::value<std::vector<std::string>>()->value_name("AREA=OPTION"),
      "one answer; repeat for every area");
}

namespace {

engine::Answers from_flags(const CommandLine& command_line, const engine::Ruleset& ruleset) {
  std::vector<engine::NamedAnswer> given;
  for (const std::string& flag : command_line.get<std::vector<std::string>>("answer")) {
    const std::size_t equals = flag.find('=');
    if (equals == std::string::npos) {
      command_line.fail("--answer '" + flag + "' must be AREA=OPTION, e.g. money=advice");
    }
    given.push_back({flag.substr(0, equals), flag.substr(equals + 1)});
  }
  auto resolved = engine::resolve_answers(ruleset, given);
  if (!resolved.ok()) {
    std::vector<std::string> messages;
    for (const engine::Problem& problem : resolved.problems()) messages.push_back(problem.message);
    throw InputError::of_messages(messages);
  }
  return std::move(resolved).value();
}

}  // namespace

engine::Answers read_answers(const CommandLine& command_line, const engine::Ruleset& ruleset,
                             Io& io, bool allow_questionnaire) {
  const bool file = command_line.has("answers");
  const bool flags = command_line.has("answer");
  if (file && flags) command_line.fail("give either --answers FILE or --answer flags, not both");
  if (file) {
    auto loaded = rules::load_answers_file(command_line.get<std::string>("answers"), ruleset);
    if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
      throw InputError(*problems);
    }
    return std::get<rules::LoadedAnswers>(std::move(loaded)).answers;
  }
  if (flags) return from_flags(command_line, ruleset);
  // A rule set of fixed allowances asks nothing: no answers is the complete set.
  if (ruleset.question_count() == 0) {
    return std::move(engine::Answers::from_indices(ruleset, {})).value();
  }
  if (allow_questionnaire && io.interactive) return ask_questions(ruleset, io);
  command_line.fail("no answers: give --answers FILE or --answer AREA=OPTION for every area");
}

}  // namespace hsg::cli
