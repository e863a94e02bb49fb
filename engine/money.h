// Money: a signed whole number of pence in an int64, never a floating type.
//
// Arithmetic is overflow-checked (std::overflow_error, never wrap-around). Text is
// parsed exactly ("18.50", "2500", "-3.07") and formatted with exactly two decimals.
// Multiplying or dividing money by a non-integer is not offered here: those steps need
// an explicit rounding, which lives in engine/rounding.h and happens once, where the
// domain says.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/decimal.h"

namespace hsg::engine {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_pence(std::int64_t pence) { return Money(pence); }
  static DecimalParse parse_pence(std::string_view text) { return parse_hundredths(text); }

  constexpr std::int64_t pence() const { return pence_; }

  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money& operator+=(Money other);
  Money times(std::int64_t factor) const;

  constexpr auto operator<=>(const Money&) const = default;

  // "2405.00"
  std::string to_string() const { return format_hundredths(pence_); }
  // "2,405.00"
  std::string to_grouped_string() const { return format_hundredths_grouped(pence_); }

 private:
  constexpr explicit Money(std::int64_t pence) : pence_(pence) {}
  std::int64_t pence_ = 0;
};

}  // namespace hsg::engine
