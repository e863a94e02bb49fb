// An actor is one person whatever is typed: the normal form of a name, and the store
// refusing a stamp whose actor is not in it.
#include <catch2/catch.hpp>

#include "db/stamp.h"

namespace {

std::string normal(std::string_view typed) {
  auto name = hsg::db::normalise_actor(typed);
  INFO(typed);
  REQUIRE(name.ok());
  return name.value();
}

std::string refusal(std::string_view typed) {
  auto name = hsg::db::normalise_actor(typed);
  REQUIRE_FALSE(name.ok());
  return name.error().message;
}

}  // namespace

TEST_CASE("an actor's normal form: trimmed, inner spaces single, lowercased") {
  CHECK(normal("asha") == "asha");
  CHECK(normal("Asha") == "asha");
  CHECK(normal("  ASHA\t") == "asha");
  CHECK(normal("Ben   Jones") == "ben jones");
  CHECK(normal("ben\tjones") == "ben jones");
  CHECK(normal("a.b_c-d@council.gov.uk") == "a.b_c-d@council.gov.uk");
  CHECK(normal(std::string(200, 'x')) == std::string(200, 'x'));
}

TEST_CASE("an actor that is blank, too long or outside the character set is refused") {
  const std::string empty = "the actor is empty: it must name the person making the change";
  CHECK(refusal("") == empty);
  CHECK(refusal("   ") == empty);
  CHECK(refusal("\t\n") == empty);
  CHECK(refusal(std::string(201, 'x')) == "the actor is longer than 200 bytes");
  const std::string allowed =
      "may hold only letters a-z (capitals are lowercased), digits 0-9, '.', '_', '-', '@' and "
      "single spaces";
  CHECK(refusal("asha!") == "the actor 'asha!' " + allowed);
  CHECK(refusal("Zoë") == "the actor 'Zoë' " + allowed);
  CHECK(refusal("a/b") == "the actor 'a/b' " + allowed);
}

TEST_CASE("the store refuses a stamp whose actor is not in normal form") {
  const std::string at = "2025-01-31T14:05:09Z";
  CHECK_FALSE(hsg::db::stamp_problem({"asha", at}).has_value());
  CHECK(hsg::db::stamp_problem({"Asha", at}) ==
        std::optional<std::string>("the actor 'Asha' is not in normal form ('asha')"));
  CHECK(hsg::db::stamp_problem({" asha", at}) ==
        std::optional<std::string>("the actor ' asha' is not in normal form ('asha')"));
  CHECK(hsg::db::stamp_problem({"", at}) == std::optional<std::string>("actor is empty"));
}
