#include "db/stamp.h"

#include <fmt/format.h>

#include <cstddef>

#include "engine/text.h"

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

constexpr std::size_t kMaxActorBytes = 200;

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool is_actor_character(char c) {
  return (c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '_' || c == '-' || c == '@' ||
         c == ' ';
}

// Ends trimmed, each inner run of whitespace one space, ASCII capitals lowercased.
std::string fold_actor(std::string_view text) {
  std::string folded;
  bool space_pending = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      space_pending = !folded.empty();
      continue;
    }
    if (space_pending) folded += ' ';
    space_pending = false;
    folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return folded;
}

}  // namespace

DbResult<std::string> normalise_actor(std::string_view typed) {
  std::string name = fold_actor(typed);
  if (name.empty()) return DbError{"the actor is empty: it must name the person making the change"};
  if (name.size() > kMaxActorBytes) {
    return DbError{fmt::format("the actor is longer than {} bytes", kMaxActorBytes)};
  }
  for (char c : name) {
    if (!is_actor_character(c)) {
      return DbError{
          fmt::format("the actor '{}' may hold only {}", engine::excerpt(typed), kActorCharacters)};
    }
  }
  return name;
}

bool same_actor(std::string_view first, std::string_view second) {
  return fold_actor(first) == fold_actor(second);
}

std::optional<std::string> one_line_problem(std::string_view what, std::string_view text,
                                            std::size_t max_bytes) {
  if (text.empty()) return std::string(what) + " is empty";
  if (text.size() > max_bytes) {
    return std::string(what) + " is longer than " + std::to_string(max_bytes) + " bytes";
  }
  if (const auto bad = engine::first_invalid_utf8(text)) {
    return fmt::format("{} is not UTF-8 (byte 0x{:02X} at character {})", what,
                       static_cast<unsigned char>(text[*bad]),
                       engine::characters_before(text, *bad) + 1);
  }
  if (const auto control = engine::first_control_character(text)) {
    const std::size_t length = static_cast<unsigned char>(text[*control]) < 0x80 ? 1 : 2;
    return fmt::format(
        "{} contains a control character ({} at character {}): it must be one "
        "line of text",
        what, engine::escaped(text.substr(*control, length)),
        engine::characters_before(text, *control) + 1);
  }
  return std::nullopt;
}

std::optional<std::string> stamp_problem(const Stamp& stamp) {
  if (auto problem = one_line_problem("actor", stamp.actor, kMaxActorBytes)) return problem;
  const DbResult<std::string> normal = normalise_actor(stamp.actor);
  if (!normal.ok()) return normal.error().message;
  if (normal.value() != stamp.actor) {
    return fmt::format("the actor '{}' is not in normal form ('{}')", engine::excerpt(stamp.actor),
                       normal.value());
  }
  if (!is_utc_timestamp(stamp.at)) {
    return "time '" + engine::excerpt(stamp.at) +
           "' is not UTC RFC 3339 (like 2025-01-31T14:05:09Z)";
  }
  return std::nullopt;
}

}  // namespace hsg::db
