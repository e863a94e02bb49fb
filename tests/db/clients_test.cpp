// Clients: references, Supporting People client groups, personal details held apart.
#include <catch2/catch.hpp>

#include "db/audit_log.h"
#include "db/client_erasures.h"
#include "db/client_groups.h"
#include "db/clients.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

TEST_CASE("the eighteen client groups of the Supporting People list are known by key") {
  CHECK(db::client_groups().size() == 18);
  CHECK(db::parse_client_group("older_people") == "older_people");
  CHECK(db::parse_client_group("travellers") == "travellers");
}

TEST_CASE("a client group may be given by its full name, in any case, with its full stop") {
  CHECK(db::parse_client_group("People who misuse substances (drugs and/or alcohol).") ==
        "substance_misuse");
  CHECK(db::parse_client_group("WOMEN EXPERIENCING AND/OR AT RISK OF DOMESTIC VIOLENCE") ==
        "domestic_violence");
  CHECK(db::parse_client_group("people with hiv/aids") == "hiv_aids");
  CHECK_FALSE(db::parse_client_group("Older_People").has_value());
  CHECK_FALSE(db::parse_client_group("pensioners").has_value());
}

TEST_CASE("a client is added with its group's key and read back") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::ClientRepository clients(database);
  const auto added = ok(clients.add(
      stamp("alice"), {"C-0017", "Young people leaving care.", true, std::string("Sam Jones")}));
  CHECK(added == db::Client{"C-0017", "young_people_leaving_care", true, "Sam Jones"});
  CHECK(ok(clients.get("C-0017")) == added);
  ok(clients.add(stamp("alice"), {"A/2", "refugees", false, std::nullopt}));
  const auto listed = ok(clients.list());
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].ref == "A/2");
  CHECK_FALSE(listed[0].name.has_value());
}

TEST_CASE("an unknown client group is refused, listing the keys") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  auto refused =
      db::ClientRepository(database).add(stamp("alice"), {"C-1", "pensioners", false, {}});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message ==
        "cannot add client C-1: unknown client group 'pensioners'; use one of: older_people, "
        "older_people_mental_health, mental_health, learning_disabilities, "
        "physical_or_sensory_disability, single_homeless, substance_misuse, offenders, "
        "mentally_disordered_offenders, young_people_at_risk, young_people_leaving_care, "
        "teenage_parents, domestic_violence, hiv_aids, homeless_families, rough_sleepers, "
        "refugees, travellers (or the group's full name)");
  CHECK(ok(db::ClientRepository(database).list()).empty());
}

TEST_CASE("a client reference is checked and added once only") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::ClientRepository clients(database);
  auto spaced = clients.add(stamp("alice"), {"C 1", "refugees", false, {}});
  REQUIRE_FALSE(spaced.ok());
  CHECK(spaced.error().message ==
        "cannot add client C 1: client reference 'C 1' may use only letters, digits and . _ / -");
  ok(clients.add(stamp("alice"), {"C-1", "refugees", false, {}}));
  auto twice = clients.add(stamp("bob"), {"C-1", "travellers", false, {}});
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().message == "cannot add client C-1: it already exists");
  auto unknown = clients.get("C-2");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message == "unknown client C-2");
}

TEST_CASE("personal details never enter the audit log and can be erased") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::ClientRepository clients(database);
  ok(clients.add(stamp("alice"), {"C-1", "refugees", false, std::string("Sam Jones")}));
  const auto events = ok(clients.history("C-1"));
  REQUIRE(events.size() == 2);
  CHECK(events[0].action == "client.add");
  CHECK(events[0].payload == R"({"asc_funded":0,"client_group":"refugees","ref":"C-1"})");
  CHECK(events[1].action == "client_personal.set");
  CHECK(events[1].payload == R"({"ref":"C-1"})");

  const db::ClientErasure erased =
      ok(db::ClientErasures(database).erase(stamp("dpo"), "C-1", "subject's request DP-7"));
  CHECK(erased.name_erased);
  CHECK(erased.receipts_erased.empty());
  CHECK_FALSE(ok(clients.get("C-1")).name.has_value());
  CHECK(ok(db::AuditLog(database).verify()).ok);
  const db::AuditEvent last = ok(clients.history("C-1")).back();
  CHECK(last.action == "client.erase");
  CHECK(last.entity_id == "C-1/1");
  CHECK(last.payload == R"({"name_erased":1,"number":1,"reason":"subject's request DP-7",)"
                        R"("receipts_erased":"","ref":"C-1"})");
  const auto again = db::ClientErasures(database).erase(stamp("dpo"), "C-1", "again");
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().message ==
        "cannot erase the personal details of client C-1: no name or receipt of theirs is "
        "held (already erased, or never given)");
}

}  // namespace hsg::test
