#include "db/stamp.h"

#include <cstddef>

namespace hsg::db {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "YYYY-MM-DDTHH:MM:SS" then an optional ".f…" (1..9 digits) then "Z".
bool is_utc_timestamp(std::string_view text) {
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  if (text.size() < kShape.size() + 1 || text.back() != 'Z') return false;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    if (kShape[i] == 'd' ? !is_digit(text[i]) : text[i] != kShape[i]) return false;
  }
  std::string_view fraction = text.substr(kShape.size(), text.size() - kShape.size() - 1);
  if (fraction.empty()) return true;
  if (fraction.front() != '.' || fraction.size() < 2 || fraction.size() > 10) return false;
  for (char c : fraction.substr(1)) {
    if (!is_digit(c)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> one_line_problem(std::string_view what, std::string_view text,
                                            std::size_t max_bytes) {
  if (text.empty()) return std::string(what) + " is empty";
  if (text.size() > max_bytes) {
    return std::string(what) + " is longer than " + std::to_string(max_bytes) + " bytes";
  }
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      return std::string(what) + " contains a control character";
    }
  }
  return std::nullopt;
}

bool same_actor(std::string_view first, std::string_view second) { return first == second; }

std::optional<std::string> stamp_problem(const Stamp& stamp) {
  if (auto problem = one_line_problem("actor", stamp.actor, 200)) return problem;
  if (!is_utc_timestamp(stamp.at)) {
    return "time '" + stamp.at + "' is not UTC RFC 3339 (like 2025-01-31T14:05:09Z)";
  }
  return std::nullopt;
}

}  // namespace hsg::db
