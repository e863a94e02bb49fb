#include "engine/decimal.h"

#include <array>
#include <charconv>
#include <cstdlib>

#include "engine/checked.h"

namespace hsg::engine {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

DecimalParse parse_hundredths(std::string_view text) {
  if (text.empty()) return std::string("is empty");
  const bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty()) return std::string("needs at least one digit before any decimal point");
  if (dot != std::string_view::npos && fraction.empty()) {
    return std::string("needs digits after the decimal point");
  }
  if (fraction.size() > 2) return std::string("has more than two decimal places");
  for (const std::string_view part : {whole, fraction}) {
    for (const char c : part) {
      if (!is_digit(c))
        return std::string(
            "is not a decimal number (digits, optionally '.' and up to two decimals)");
    }
  }
  if (whole.size() > 15) return std::string("is too large");
  std::int64_t value = 0;
  for (const char c : whole) value = value * 10 + (c - '0');
  std::int64_t cents = 0;
  if (!fraction.empty())
    cents = (fraction[0] - '0') * 10 + (fraction.size() == 2 ? fraction[1] - '0' : 0);
  value = checked_add(checked_mul(value, 100), cents);
  return negative ? -value : value;
}

char* write_hundredths(char* at, std::int64_t hundredths) {
  const bool negative = hundredths < 0;
  // Work in unsigned to format INT64_MIN without overflow.
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(hundredths)
                                           : static_cast<std::uint64_t>(hundredths);
  const std::uint64_t cents = magnitude % 100;
  if (negative) *at++ = '-';
  at = std::to_chars(at, at + 20, magnitude / 100).ptr;
  *at++ = '.';
  *at++ = static_cast<char>('0' + cents / 10);
  *at++ = static_cast<char>('0' + cents % 10);
  return at;
}

void append_hundredths(std::string& out, std::int64_t hundredths) {
  std::array<char, kMaxHundredthsChars> text{};
  out.append(text.data(), write_hundredths(text.data(), hundredths));
}

std::string format_hundredths(std::int64_t hundredths) {
  std::string text;
  append_hundredths(text, hundredths);
  return text;
}

std::string format_hundredths_grouped(std::int64_t hundredths) {
  std::string plain = format_hundredths(hundredths);
  const std::size_t sign = plain.front() == '-' ? 1 : 0;
  const std::size_t dot = plain.find('.');
  for (std::size_t pos = dot; pos > sign + 3; pos -= 3) plain.insert(pos - 3, ",");
  return plain;
}

}  // namespace hsg::engine
