// A client's answers: one chosen option for every question of a rule set.
//
// Answers are only made against a Ruleset, which guarantees they are complete and in
// range: resolve_answers() turns (area id, option id) pairs into option indices and
// reports every unknown area (listing the known ones), every unknown option (listing
// that area's options), every area given twice, and every area left unanswered. An
// unknown answer is always an error, never a silent zero.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/problem.h"
#include "engine/ruleset.h"

namespace hsg::engine {

class Answers {
 public:
  // Indices must be one per question, each below that question's option count.
  static Result<Answers> from_indices(const Ruleset& ruleset, std::vector<std::uint8_t> options);

  std::size_t size() const { return options_.size(); }
  std::size_t option(std::size_t question) const { return options_[question]; }
  std::span<const std::uint8_t> options() const { return options_; }

 private:
  explicit Answers(std::vector<std::uint8_t> options) : options_(std::move(options)) {}
  std::vector<std::uint8_t> options_;
};

// One answer as given by a person: area id and option id, in the order given.
struct NamedAnswer {
  std::string area;
  std::string option;
};

// Problems carry the path "answers.<area>" (or "answers" for missing areas).
Result<Answers> resolve_answers(const Ruleset& ruleset, std::span<const NamedAnswer> given);

}  // namespace hsg::engine
