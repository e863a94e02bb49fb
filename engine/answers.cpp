#include "engine/answers.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace hsg::engine {

namespace {

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

template <typename Items, typename Name>
std::string list_of(const Items& items, Name name) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + name(item);
  return out;
}

std::optional<std::size_t> find_question(const RulesetSpec& spec, std::string_view id) {
  for (std::size_t q = 0; q < spec.questions.size(); ++q) {
    if (spec.questions[q].id == id) return q;
  }
  return std::nullopt;
}

std::optional<std::size_t> find_option(const QuestionSpec& question, std::string_view id) {
  for (std::size_t o = 0; o < question.options.size(); ++o) {
    if (question.options[o].id == id) return o;
  }
  return std::nullopt;
}

std::string allowed_areas(const RulesetSpec& spec) {
  return list_of(spec.questions, [](const QuestionSpec& q) { return q.id; });
}

std::string allowed_options(const QuestionSpec& question) {
  return list_of(question.options, [](const OptionSpec& o) { return o.id; });
}

}  // namespace

Result<Answers> Answers::from_indices(const Ruleset& ruleset, std::vector<std::uint8_t> options) {
  if (options.size() != ruleset.question_count()) {
    return std::vector<Problem>{{"answers", "expected " + std::to_string(ruleset.question_count()) +
                                                " answers, got " + std::to_string(options.size())}};
  }
  std::vector<Problem> problems;
  for (std::size_t q = 0; q < options.size(); ++q) {
    if (options[q] >= ruleset.option_count(q)) {
      problems.push_back({"answers." + ruleset.spec().questions[q].id,
                          "option index " + std::to_string(options[q]) + " is out of range"});
    }
  }
  if (!problems.empty()) return problems;
  return Answers(std::move(options));
}

Result<Answers> resolve_answers(const Ruleset& ruleset, std::span<const NamedAnswer> given) {
  const RulesetSpec& spec = ruleset.spec();
  std::vector<std::optional<std::uint8_t>> chosen(spec.questions.size());
  std::vector<Problem> problems;
  // Replay resolves a million stored answer sets: nothing is built unless it is needed.
  for (const NamedAnswer& answer : given) {
    const auto path = [&] { return "answers." + answer.area; };
    const std::optional<std::size_t> question = find_question(spec, answer.area);
    if (!question) {
      problems.push_back(
          {path(), "unknown area " + quoted(answer.area) + "; allowed: " + allowed_areas(spec)});
      continue;
    }
    const QuestionSpec& asked = spec.questions[*question];
    const std::optional<std::size_t> option = find_option(asked, answer.option);
    if (!option) {
      problems.push_back({path(), "unknown option " + quoted(answer.option) + " for area " +
                                      quoted(answer.area) +
                                      "; allowed: " + allowed_options(asked)});
    } else if (chosen[*question]) {
      problems.push_back({path(), "area " + quoted(answer.area) + " is answered more than once"});
    } else {
      chosen[*question] = static_cast<std::uint8_t>(*option);
    }
  }
  std::vector<std::string> missing;
  for (std::size_t q = 0; q < chosen.size(); ++q) {
    if (chosen[q]) continue;
    const bool unknown_given = std::any_of(given.begin(), given.end(), [&](const NamedAnswer& a) {
      return a.area == spec.questions[q].id;
    });
    if (!unknown_given) missing.push_back(spec.questions[q].id);
  }
  if (!missing.empty()) {
    problems.push_back({"answers", "no answer for " + std::to_string(missing.size()) +
                                       (missing.size() == 1 ? " area: " : " areas: ") +
                                       list_of(missing, [](const std::string& s) { return s; })});
  }
  if (!problems.empty()) return problems;
  std::vector<std::uint8_t> options;
  options.reserve(chosen.size());
  for (const auto& option : chosen) options.push_back(*option);
  return Answers::from_indices(ruleset, std::move(options));
}

}  // namespace hsg::engine
