// Rule sets by content hash, and which one is in force on a date.
#include <catch2/catch.hpp>

#include "db/audit_log.h"
#include "db/rulesets.h"
#include "tests/db/db_fixture.h"
#include "tests/engine/medway_spec.h"

namespace hsg::test {

namespace {

engine::Ruleset medway_from(int year, unsigned month, unsigned day, std::string version) {
  engine::RulesetSpec spec = medway_spec();
  spec.version = std::move(version);
  spec.effective_from = *engine::Date::from_ymd(year, month, day);
  return std::move(engine::Ruleset::create(spec)).value();
}

engine::Date date(int year, unsigned month, unsigned day) {
  return *engine::Date::from_ymd(year, month, day);
}

}  // namespace

TEST_CASE("a rule set is stored under the SHA-256 of its bytes, with its name and version") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::RulesetRepository rulesets(database);
  const auto added = ok(rulesets.add(stamp("admin"), kMedwayBytes, medway_ruleset()));
  CHECK(added.added);
  CHECK(added.info.id == kMedwayId);
  const auto stored = ok(rulesets.get(kMedwayId));
  CHECK(stored.bytes == kMedwayBytes);
  CHECK(stored.info ==
        db::RulesetInfo{std::string(kMedwayId), "medway", "1.0", date(2024, 4, 1), 10});
}

TEST_CASE("adding the same bytes twice is a no-op that writes no audit event") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::RulesetRepository rulesets(database);
  ok(rulesets.add(stamp("admin"), kMedwayBytes, medway_ruleset()));
  const std::string head = ok(db::AuditLog(database).checkpoint());
  const auto again = ok(rulesets.add(stamp("bob"), kMedwayBytes, medway_ruleset()));
  CHECK_FALSE(again.added);
  CHECK(again.info.id == kMedwayId);
  CHECK(ok(db::AuditLog(database).checkpoint()) == head);
  CHECK(ok(rulesets.list()).size() == 1);
}

TEST_CASE("the rule set in force is the latest effective on or before the date") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::RulesetRepository rulesets(database);
  const auto v1 = ok(rulesets.add(stamp("admin"), "v1", medway_from(2024, 4, 1, "1.0"))).info.id;
  const auto v2 = ok(rulesets.add(stamp("admin"), "v2", medway_from(2025, 4, 1, "2.0"))).info.id;

  CHECK(ok(rulesets.in_force_on(date(2024, 4, 1))).info.id == v1);
  CHECK(ok(rulesets.in_force_on(date(2025, 3, 31))).info.id == v1);
  CHECK(ok(rulesets.in_force_on(date(2025, 4, 1))).info.id == v2);
  CHECK(ok(rulesets.in_force_on(date(2030, 1, 1))).info.version == "2.0");

  auto none = rulesets.in_force_on(date(2024, 3, 31));
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message == "no rule set is in force on 2024-03-31");

  const auto listed = ok(rulesets.list());
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].version == "1.0");
  CHECK(listed[1].version == "2.0");
}

TEST_CASE("two rule sets taking effect on the same latest day must be chosen between") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::RulesetRepository rulesets(database);
  ok(rulesets.add(stamp("admin"), "a", medway_from(2024, 4, 1, "1.0")));
  ok(rulesets.add(stamp("admin"), "b", medway_from(2024, 4, 1, "1.1")));
  auto chosen = rulesets.in_force_on(date(2024, 6, 1));
  REQUIRE_FALSE(chosen.ok());
  CHECK_THAT(chosen.error().message,
             Catch::StartsWith("2 rule sets are equally in force on 2024-06-01 (same "
                               "effective_from): "));
}

TEST_CASE("an unknown rule set id is an error naming it") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  auto missing = db::RulesetRepository(database).get("abc");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "no rule set with id abc");
}

}  // namespace hsg::test
