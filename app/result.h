// What a use case returns: its typed result, or the Refusal listing every problem the
// user can fix (app/refusal.h). Anything else (a bug, a broken store) is thrown.
//
// attempt(f) runs f, which may throw a Refusal from deep inside the layer, and turns the
// refusal into a value at the use case's edge, so a front end never catches for it.
#pragma once

#include <type_traits>
#include <utility>
#include <variant>

#include "app/refusal.h"

namespace hsg::app {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Refusal refusal) : state_(std::move(refusal)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Refusal& refusal() const { return std::get<Refusal>(state_); }

 private:
  std::variant<T, Refusal> state_;
};

template <typename F>
auto attempt(F&& use_case) -> Result<std::invoke_result_t<F>> {
  try {
    return std::forward<F>(use_case)();
  } catch (const Refusal& refusal) {
    return refusal;
  }
}

}  // namespace hsg::app
