#include "engine/text.h"

#include <catch2/catch.hpp>
#include <string>

using hsg::engine::characters_before;
using hsg::engine::escaped;
using hsg::engine::excerpt;
using hsg::engine::first_control_character;
using hsg::engine::first_invalid_utf8;

TEST_CASE("text: well-formed UTF-8 passes, each kind of ill-formed byte is found") {
  CHECK_FALSE(
      first_invalid_utf8("Asha Patel, caf\xC3\xA9, \xE2\x82\xAC"
                         "5, \xF0\x9F\x8F\xA0"));
  CHECK(first_invalid_utf8("ab\xFF") == 2U);            // never a UTF-8 byte
  CHECK(first_invalid_utf8("a\xC0\xAF") == 1U);         // overlong '/'
  CHECK(first_invalid_utf8("\xED\xA0\x80") == 0U);      // a surrogate, U+D800
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0U);  // above U+10FFFF
  CHECK(first_invalid_utf8("ok\xE2\x82") == 2U);        // cut short at the end
  CHECK(first_invalid_utf8("\x80") == 0U);              // a continuation with no lead
}

TEST_CASE("text: C0, DEL and C1 are control characters, other text is not") {
  CHECK_FALSE(first_control_character("approved, caf\xC3\xA9 \xC2\xA0"));  // U+00A0 is not
  CHECK(first_control_character("ok\nApproved by ben") == 2U);
  CHECK(first_control_character("\x1B[2K") == 0U);
  CHECK(first_control_character("a\x7F") == 1U);
  CHECK(first_control_character("ab\xC2\x9B"
                                "2K") == 2U);  // C1 CSI
  CHECK(first_control_character(std::string("a\0b", 3)) == 1U);
}

TEST_CASE("text: escaped() writes control characters and bad bytes as escapes") {
  CHECK(escaped("fine \xC3\xA9") == "fine \xC3\xA9");
  CHECK(escaped("ok\nApproved by ben\r\t") == "ok\\nApproved by ben\\r\\t");
  CHECK(escaped(std::string("\x1B[31m\0\x7F", 7)) == "\\x1B[31m\\x00\\x7F");
  CHECK(escaped("\xC2\x9B"
                "2K \xFF\xC0") == "\\u009B2K \\xFF\\xC0");
}

TEST_CASE("text: excerpt() keeps 60 characters and says how long the whole was") {
  CHECK(excerpt("short") == "short");
  CHECK(excerpt(std::string(60, 'x')) == std::string(60, 'x'));
  CHECK(excerpt(std::string(52428800, 'x')) == std::string(60, 'x') + "\u2026(52428800 bytes)");
  std::string accents;
  for (int i = 0; i < 61; ++i) accents += "\xC3\xA9";
  std::string sixty;
  for (int i = 0; i < 60; ++i) sixty += "\xC3\xA9";
  CHECK(excerpt(accents) == sixty + "\u2026(122 bytes)");  // cut between characters
  CHECK(excerpt(std::string("a\0b", 3)) == "a\\x00b");
}

TEST_CASE("text: columns count characters, a bad byte as one") {
  CHECK(characters_before("caf\xC3\xA9!", 5) == 4U);
  CHECK(characters_before("a\xFF"
                          "b",
                          2) == 2U);
  CHECK(characters_before("abc", 0) == 0U);
}
