// Hours of support per week, exactly, as integer hundredths of an hour.
//
// A rule set states hours to at most two decimals ("0.5", "1.50"); finer values are a
// validation error, so every hours figure is an exact integer here.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

#include "engine/decimal.h"

namespace hsg::engine {

class Hours {
 public:
  constexpr Hours() = default;
  static constexpr Hours from_hundredths(std::int64_t hundredths) { return Hours(hundredths); }

  constexpr std::int64_t hundredths() const { return hundredths_; }
  constexpr auto operator<=>(const Hours&) const = default;

  // "0.50"
  std::string to_string() const { return format_hundredths(hundredths_); }

 private:
  constexpr explicit Hours(std::int64_t hundredths) : hundredths_(hundredths) {}
  std::int64_t hundredths_ = 0;
};

}  // namespace hsg::engine
