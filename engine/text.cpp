#include "engine/text.h"

#include <array>
#include <cstdint>

namespace hsg::engine {

namespace {

// The length of the well-formed UTF-8 character at `offset`, or 0 if there is none.
std::size_t character_length(std::string_view text, std::size_t offset) {
  const auto byte = [&](std::size_t at) { return static_cast<std::uint8_t>(text[at]); };
  const std::uint8_t lead = byte(offset);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint8_t low = 0x80;  // the range of the second byte (RFC 3629's table)
  std::uint8_t high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong form
    if (lead == 0xED) high = 0x9F;  // no surrogate
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong form
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (offset + length > text.size()) return 0;
  if (byte(offset + 1) < low || byte(offset + 1) > high) return 0;
  for (std::size_t next = 2; next < length; ++next) {
    if (byte(offset + next) < 0x80 || byte(offset + next) > 0xBF) return 0;
  }
  return length;
}

// Whether the character at `offset` (of `length` bytes) is C0, DEL or C1.
bool is_control(std::string_view text, std::size_t offset, std::size_t length) {
  const auto lead = static_cast<std::uint8_t>(text[offset]);
  if (length == 1) return lead < 0x20 || lead == 0x7F;
  return length == 2 && lead == 0xC2 && static_cast<std::uint8_t>(text[offset + 1]) < 0xA0;
}

constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                    '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

void append_hex_escape(std::string& out, std::string_view prefix, std::uint8_t value) {
  out += prefix;
  out += kHex[value >> 4U];
  out += kHex[value & 0xFU];
}

void append_escaped(std::string& out, std::string_view text, std::size_t offset,
                    std::size_t length) {
  if (length == 0) {
    append_hex_escape(out, "\\x", static_cast<std::uint8_t>(text[offset]));
  } else if (!is_control(text, offset, length)) {
    out.append(text.substr(offset, length));
  } else if (length == 2) {
    append_hex_escape(out, "\\u00", static_cast<std::uint8_t>(text[offset + 1]));
  } else if (text[offset] == '\n') {
    out += "\\n";
  } else if (text[offset] == '\r') {
    out += "\\r";
  } else if (text[offset] == '\t') {
    out += "\\t";
  } else {
    append_hex_escape(out, "\\x", static_cast<std::uint8_t>(text[offset]));
  }
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t offset = 0; offset < text.size();) {
    const std::size_t length = character_length(text, offset);
    if (length == 0) return offset;
    offset += length;
  }
  return std::nullopt;
}

std::optional<std::size_t> first_control_character(std::string_view text) {
  for (std::size_t offset = 0; offset < text.size();) {
    const std::size_t length = character_length(text, offset);
    if (length != 0 && is_control(text, offset, length)) return offset;
    offset += length == 0 ? 1 : length;
  }
  return std::nullopt;
}

std::size_t characters_before(std::string_view text, std::size_t offset) {
  std::size_t characters = 0;
  for (std::size_t at = 0; at < offset && at < text.size(); ++characters) {
    const std::size_t length = character_length(text, at);
    at += length == 0 ? 1 : length;
  }
  return characters;
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t offset = 0; offset < text.size();) {
    const std::size_t length = character_length(text, offset);
    append_escaped(out, text, offset, length);
    offset += length == 0 ? 1 : length;
  }
  return out;
}

std::string excerpt(std::string_view text, std::size_t max_characters) {
  std::string out;
  std::size_t offset = 0;
  for (std::size_t characters = 0; offset < text.size() && characters < max_characters;
       ++characters) {
    const std::size_t length = character_length(text, offset);
    append_escaped(out, text, offset, length);
    offset += length == 0 ? 1 : length;
  }
  if (offset < text.size()) out += "\u2026(" + std::to_string(text.size()) + " bytes)";
  return out;
}

}  // namespace hsg::engine
