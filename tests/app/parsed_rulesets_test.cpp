// app/assessment/parsed_rulesets.h: a stored rule set is parsed once per process, and
// changed bytes are never answered from the memo.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "app/assessment/parsed_rulesets.h"
#include "rules/sha256.h"
#include "rules/shipped.h"

using hsg::app::parsed_ruleset;

TEST_CASE("The same stored bytes are parsed once and give what the loader gives",
          "[parsed_rulesets]") {
  const std::string bytes(hsg::rules::medway_toml());
  const std::string id = hsg::rules::sha256_hex(bytes);
  auto first = parsed_ruleset(id, bytes);
  auto second = parsed_ruleset(id, bytes);
  CHECK(first.get() == second.get());
  CHECK(first->id == id);
  CHECK(first->bytes == bytes);
  CHECK(first->source == "rule set " + id);
  CHECK(first->ruleset.spec().name == "medway");
}

TEST_CASE("Changed bytes under the same id are parsed again, not served from the memo",
          "[parsed_rulesets]") {
  const std::string bytes(hsg::rules::medway_toml());
  const std::string id = hsg::rules::sha256_hex(bytes);
  auto original = parsed_ruleset(id, bytes);
  std::string changed = bytes;
  const auto at = changed.find("adjustment_tolerance_percent = 10");
  REQUIRE(at != std::string::npos);
  changed.replace(at, 33, "adjustment_tolerance_percent = 15");
  auto reparsed = parsed_ruleset(id, changed);
  CHECK(reparsed.get() != original.get());
  CHECK(reparsed->ruleset.spec().adjustment_tolerance_percent == 15);
  CHECK(original->ruleset.spec().adjustment_tolerance_percent == 10);
  CHECK(reparsed->id == hsg::rules::sha256_hex(changed));
  CHECK_THROWS_AS(parsed_ruleset(id, "not = [ a rule set"), std::runtime_error);
}
