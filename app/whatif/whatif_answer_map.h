// Recorded answers (area id → option id) onto the questions of a rule set, fast.
//
// The store gives each allocation's answers sorted by area id. When they name exactly
// the rule set's areas, in that order, with known options — every allocation of the
// same questionnaire — they are mapped by comparing strings in step, without building
// anything per answer. Anything else goes to engine::resolve_answers, which decides
// and words every problem, so both paths give the engine's answer. A rule set that asks
// no questions (fixed allowances alone) gives everyone the same whatever they answered,
// so every client maps to its empty set of answers: "what if everyone moved to core and
// flexi?" is a question a commissioner asks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/answers.h"
#include "engine/ruleset.h"

namespace hsg::app {

class AnswerMap {
 public:
  explicit AnswerMap(const engine::Ruleset& ruleset);
  engine::Result<engine::Answers> map(std::span<const engine::NamedAnswer> given) const;

 private:
  const engine::Ruleset& ruleset_;
  std::vector<std::pair<std::string, std::size_t>> areas_;  // (area id, question), by id
};

// The problems of a refused set of answers, as one line.
std::string problems_text(const std::vector<engine::Problem>& problems);

}  // namespace hsg::app
