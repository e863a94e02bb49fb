#include "cli/questionnaire.h"

#include <fmt/core.h>

#include <charconv>
#include <string>

#include "cli/input_error.h"

namespace hsg::cli {

namespace {

std::size_t ask_one(const engine::QuestionSpec& question, std::size_t number, std::size_t total,
                    Io& io) {
  io.err << fmt::format("\nQuestion {} of {}: {}\n", number, total, question.text);
  for (std::size_t i = 0; i < question.options.size(); ++i) {
    io.err << fmt::format("  {}. {}\n", i + 1, question.options[i].label);
  }
  // Bounded: a terminal that keeps sending bad lines ends at end of input.
  std::string line;
  while (true) {
    io.err << fmt::format("Choose 1-{}: ", question.options.size()) << std::flush;
    if (!std::getline(io.in, line)) {
      throw InputError(
          fmt::format("input ended before question '{}' was answered; nothing "
                      "was calculated",
                      question.id));
    }
    std::size_t choice = 0;
    const auto parsed = std::from_chars(line.data(), line.data() + line.size(), choice);
    if (parsed.ec == std::errc() && parsed.ptr == line.data() + line.size() && choice >= 1 &&
        choice <= question.options.size()) {
      return choice - 1;
    }
    io.err << fmt::format("Please type a number from 1 to {}.\n", question.options.size());
  }
}

}  // namespace

engine::Answers ask_questions(const engine::Ruleset& ruleset, Io& io) {
  std::vector<std::uint8_t> options;
  const auto& questions = ruleset.spec().questions;
  for (std::size_t q = 0; q < questions.size(); ++q) {
    options.push_back(
        static_cast<std::uint8_t>(ask_one(questions[q], q + 1, questions.size(), io)));
  }
  auto answers = engine::Answers::from_indices(ruleset, std::move(options));
  if (!answers.ok()) throw std::logic_error("the questionnaire produced invalid answers");
  return std::move(answers).value();
}

}  // namespace hsg::cli
