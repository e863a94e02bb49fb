// A validation problem, and a result that is either a value or every problem found.
//
// `path` locates the problem in the shape of the input, using the rule-set file's own
// keys ("interventions[0].thresholds.medium", "questions[3].options[1].points.basic",
// "answers.money"), so a loader that kept source positions can turn it into
// file:line:column. Validation collects every problem rather than stopping at the first.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hsg::engine {

struct Problem {
  std::string path;
  std::string message;
  bool operator==(const Problem&) const = default;
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(std::vector<Problem> problems) : state_(std::move(problems)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const std::vector<Problem>& problems() const { return std::get<std::vector<Problem>>(state_); }

 private:
  std::variant<T, std::vector<Problem>> state_;
};

}  // namespace hsg::engine
