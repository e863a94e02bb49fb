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

TEST_CASE("a rule set added is a draft: none is in force until one is adopted") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::RulesetRepository rulesets(database);
  ok(rulesets.add(stamp("admin"), "v1", medway_from(2024, 4, 1, "1.0")));
  auto none = rulesets.in_force_on(date(2024, 6, 1));
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message ==
        "no rule set is in force on 2024-06-01: a stored rule set is a draft until it is "
        "adopted (hsg rules list; hsg rules adopt ID --from D --reason TEXT)");
  const auto listed = ok(rulesets.list());
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].version == "1.0");
}

TEST_CASE("a stored rule set is named by a unique prefix of its id of 4 or more digits") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::RulesetRepository rulesets(database);
  ok(rulesets.add(stamp("admin"), kMedwayBytes, medway_ruleset()));
  CHECK(ok(rulesets.resolve("1687")) == kMedwayId);
  CHECK(ok(rulesets.resolve(kMedwayId)) == kMedwayId);
  CHECK(rulesets.resolve("168").error().message ==
        "'168' is not a rule-set id: give 4 to 64 lowercase hex digits of one (hsg rules list)");
  CHECK(rulesets.resolve("1687FB").error().message ==
        "'1687FB' is not a rule-set id: give 4 to 64 lowercase hex digits of one (hsg rules "
        "list)");
  CHECK(rulesets.resolve("abcd").error().message == "no stored rule set has an id starting abcd");
}

TEST_CASE("an ambiguous prefix is refused, listing every rule set it matches") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::RulesetRepository rulesets(database);
  // Found by search: the SHA-256 of "v206" and of "v222" both begin 6cea.
  const std::string first =
      ok(rulesets.add(stamp("admin"), "v206", medway_from(2024, 4, 1, "206"))).info.id;
  const std::string second =
      ok(rulesets.add(stamp("admin"), "v222", medway_from(2024, 4, 1, "222"))).info.id;
  REQUIRE(first.substr(0, 4) == second.substr(0, 4));
  const auto ambiguous = rulesets.resolve(first.substr(0, 4));
  REQUIRE_FALSE(ambiguous.ok());
  CHECK(ambiguous.error().message ==
        "rule-set id " + first.substr(0, 4) + " is ambiguous: 2 stored rule sets start with it: " +
            std::min(first, second) + " (medway version " + (first < second ? "206" : "222") +
            ", effective from 2024-04-01); " + std::max(first, second) + " (medway version " +
            (first < second ? "222" : "206") + ", effective from 2024-04-01); give more digits");
  CHECK(ok(rulesets.resolve(first.substr(0, 12))) == first);
}

TEST_CASE("an unknown rule set id is an error naming it") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  auto missing = db::RulesetRepository(database).get("abc");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "no rule set with id abc");
}

}  // namespace hsg::test
