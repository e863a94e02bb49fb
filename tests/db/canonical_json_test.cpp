// The canonical serialisation: sorted keys, no whitespace, minimal escapes, integers.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/canonical_json.h"

namespace hsg::test {

namespace {

// The members for_each_string_member passes on, in order; nothing if it refuses `text`.
std::optional<std::vector<std::pair<std::string, std::string>>> parse_string_object(
    std::string_view text) {
  std::vector<std::pair<std::string, std::string>> members;
  if (!db::for_each_string_member(text, [&](std::string key, std::string value) {
        members.emplace_back(std::move(key), std::move(value));
      })) {
    return std::nullopt;
  }
  return members;
}

}  // namespace

TEST_CASE("members are sorted by key and written without whitespace") {
  CHECK(
      db::CanonicalObject().add("b", std::int64_t{-2}).add("a", "x").add("c", std::nullopt).str() ==
      R"({"a":"x","b":-2,"c":null})");
  CHECK(db::CanonicalObject().str() == "{}");
}

TEST_CASE("strings escape only quotes, backslashes and control characters") {
  db::CanonicalObject object;
  object.add("s", std::string("\"\\/\b\f\n\r\t\x01\x1f\x7f") + "é£");
  CHECK(object.str() == "{\"s\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\xc3\xa9\xc2\xa3\"}");
}

TEST_CASE("a key written twice is a bug, not a silent overwrite") {
  CHECK_THROWS_AS(db::CanonicalObject().add("a", "1").add("a", "2").str(), std::logic_error);
}

TEST_CASE("a canonical object of strings reads back exactly") {
  const std::string text =
      db::CanonicalObject().add("money", "advice").add("health", "a\"b\n\x02").str();
  const auto members = parse_string_object(text);
  REQUIRE(members.has_value());
  REQUIRE(members->size() == 2);
  CHECK((*members)[0] == std::pair<std::string, std::string>{"health", "a\"b\n\x02"});
  CHECK((*members)[1] == std::pair<std::string, std::string>{"money", "advice"});
  CHECK_FALSE(parse_string_object(R"({"b":"1","a":"2"})").has_value());  // not sorted
  CHECK_FALSE(parse_string_object(R"({"a": "1"})").has_value());         // whitespace
  CHECK_FALSE(parse_string_object(R"({"a":1})").has_value());
  CHECK_FALSE(parse_string_object(R"({"a":"1"}x)").has_value());
  CHECK_FALSE(parse_string_object(R"({"a":"1","a":"2"})").has_value());  // twice
  CHECK_FALSE(parse_string_object(R"({"a":"1})").has_value());           // unterminated
  CHECK_FALSE(parse_string_object(R"({"a":"1\"})").has_value());         // escaped quote
  CHECK_FALSE(parse_string_object(R"({"a":"\q"})").has_value());         // unknown escape
  CHECK(parse_string_object("{}")->empty());
  CHECK(parse_string_object(R"({"a":"1\\"})")->at(0).second == "1\\");  // ends in '\'
}

}  // namespace hsg::test
