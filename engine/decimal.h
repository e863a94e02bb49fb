// Exact decimal text with at most two fractional digits, as integer hundredths.
//
// Money (pence) and hours (hundredths of an hour) are both written this way. Parsing
// accepts an optional leading '-', digits, and optionally '.' followed by one or two
// digits ("18.5", "18.50", "2500"); anything else, including a third decimal place,
// exponents, spaces or thousands separators, is refused with a reason. Formatting always
// writes exactly two decimals ("2405.00", "0.50", "-1.25").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace hsg::engine {

// Either the value in hundredths or the reason the text was refused.
using DecimalParse = std::variant<std::int64_t, std::string>;

DecimalParse parse_hundredths(std::string_view text);

std::string format_hundredths(std::int64_t hundredths);
// Appends the same text to `out`, without allocating a string of its own.
void append_hundredths(std::string& out, std::int64_t hundredths);
// Writes the same text at `at` (room for kMaxHundredthsChars needed); returns its end.
inline constexpr std::size_t kMaxHundredthsChars = 24;
char* write_hundredths(char* at, std::int64_t hundredths);

// As format_hundredths, with a comma between each group of three integer digits.
std::string format_hundredths_grouped(std::int64_t hundredths);

}  // namespace hsg::engine
