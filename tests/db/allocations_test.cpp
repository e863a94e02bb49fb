// Recording allocations: everything replay needs, read back exactly.
#include <catch2/catch.hpp>

#include <fmt/core.h>

#include "db/allocations.h"
#include "db/audit_log.h"
#include "db/clients.h"
#include "db/sha256.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

TEST_CASE("the worked example is recorded and read back field by field") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  const std::string ruleset_id = add_medway(database);
  add_client(database, "C-1");
  db::AllocationRepository allocations(database);

  const db::NewAllocation input = worked_example("C-1", ruleset_id);
  CHECK(ok(allocations.record(stamp("alice"), input)) == 1);
  CHECK(ok(allocations.record(stamp("alice"), input)) == 2);

  const db::StoredAllocation stored = ok(allocations.get(1));
  CHECK(stored.id == 1);
  CHECK(stored.client_ref == "C-1");
  CHECK(stored.assessed_on.to_string() == "2024-05-01");
  CHECK(stored.assessor == "alice");
  CHECK(stored.ruleset_id == kMedwayId);
  CHECK(stored.engine_version == "1.0.0");
  CHECK(stored.total.pence() == 240500);
  CHECK(stored.calculated_total.pence() == 240500);
  CHECK(stored.upper_limit.pence() == 250000);
  CHECK_FALSE(stored.cap_applied);
  CHECK(stored.outputs_sha256 == db::sha256_hex(R"({"total":"2405.00"})"));
  CHECK(stored.trace_sha256 == db::sha256_hex("trace of the worked example"));
  REQUIRE(stored.answers.size() == 10);
  CHECK(stored.answers[0].area == "health");  // sorted by area id
  CHECK(stored.answers[0].option == "none");
  CHECK(stored.answers[5].area == "safety");
  CHECK(stored.answers[5].option == "alongside");

  CHECK(ok(allocations.for_client("C-1")).size() == 2);
  std::int64_t seen = 0;
  CHECK(ok(allocations.for_each([&](const db::StoredAllocation& each) {
          seen += each.total.pence();
          return true;
        })) == 2);
  CHECK(seen == 481000);
}

TEST_CASE("the audit event of an allocation is its row in canonical JSON, outputs hashed") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  const std::string ruleset_id = add_medway(database);
  add_client(database, "C-1");
  ok(db::AllocationRepository(database).record(stamp("alice"), worked_example("C-1", ruleset_id)));
  const auto events = ok(db::AuditLog(database).events());
  REQUIRE(events.size() == 3);
  CHECK(events[2].action == "allocation.record");
  CHECK(events[2].entity_type == "allocations");
  CHECK(events[2].entity_id == "1");
  CHECK(events[2].payload ==
        "{\"answers\":\"{\\\"health\\\":\\\"none\\\",\\\"home_maintenance\\\":\\\"none\\\","
        "\\\"housing_options\\\":\\\"none\\\",\\\"money\\\":\\\"advice\\\",\\\"on_call\\\":"
        "\\\"monitoring\\\",\\\"safety\\\":\\\"alongside\\\",\\\"settling_in\\\":\\\"alongside"
        "\\\",\\\"social\\\":\\\"none\\\",\\\"tenancy_skills\\\":\\\"alongside\\\","
        "\\\"work_learning\\\":\\\"none\\\"}\",\"assessed_on\":\"2024-05-01\",\"assessor\":"
        "\"alice\",\"calculated_total_pence\":240500,\"cap_applied\":0,\"client_ref\":\"C-1\","
        "\"engine_version\":\"1.0.0\",\"id\":1,\"outputs_sha256\":\"" +
            db::sha256_hex("{\"total\":\"2405.00\"}") + "\",\"ruleset_id\":\"" +
            std::string(kMedwayId) + "\",\"total_pence\":240500,\"trace_sha256\":\"" +
            db::sha256_hex("trace of the worked example") + "\",\"upper_limit_pence\":250000}");
}

TEST_CASE("an allocation for an unknown client or rule set is refused and writes nothing") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  const std::string ruleset_id = add_medway(database);
  add_client(database, "C-1");
  const std::string head = ok(db::AuditLog(database).checkpoint());
  db::AllocationRepository allocations(database);

  auto unknown_client = allocations.record(stamp("alice"), worked_example("C-9", ruleset_id));
  REQUIRE_FALSE(unknown_client.ok());
  CHECK(unknown_client.error().message ==
        "cannot record the allocation for client C-9: unknown client C-9");

  auto unknown_rules = allocations.record(stamp("alice"), worked_example("C-1", "feed"));
  REQUIRE_FALSE(unknown_rules.ok());
  CHECK(unknown_rules.error().message ==
        "cannot record the allocation for client C-1: unknown rule set feed");

  db::NewAllocation twice = worked_example("C-1", ruleset_id);
  twice.answers.push_back({"money", "none"});
  auto duplicate = allocations.record(stamp("alice"), twice);
  REQUIRE_FALSE(duplicate.ok());
  CHECK(duplicate.error().message ==
        "cannot record the allocation for client C-1: area money is answered twice");

  db::NewAllocation inconsistent = worked_example("C-1", ruleset_id);
  inconsistent.allocation.total = engine::Money::from_pence(1);
  CHECK_FALSE(allocations.record(stamp("alice"), inconsistent).ok());

  db::NewAllocation unhashed = worked_example("C-1", ruleset_id);
  unhashed.outputs_sha256 = R"({"total":"2405.00"})";
  auto not_a_hash = allocations.record(stamp("alice"), unhashed);
  REQUIRE_FALSE(not_a_hash.ok());
  CHECK(not_a_hash.error().message ==
        "cannot record the allocation for client C-1: its outputs hash is not a SHA-256");

  auto bad_time =
      allocations.record(stamp("alice", "yesterday"), worked_example("C-1", ruleset_id));
  REQUIRE_FALSE(bad_time.ok());
  CHECK_THAT(bad_time.error().message, Catch::EndsWith("time 'yesterday' is not UTC RFC 3339 "
                                                       "(like 2025-01-31T14:05:09Z)"));

  CHECK(ok(db::AuditLog(database).checkpoint()) == head);
  CHECK(ok(allocations.for_client("C-1")).empty());
}

namespace {

db::NewAllocation assessed(const std::string& client_ref, const std::string& ruleset_id, int year,
                           unsigned month, unsigned day) {
  db::NewAllocation allocation = worked_example(client_ref, ruleset_id);
  allocation.assessed_on = *engine::Date::from_ymd(year, month, day);
  return allocation;
}

std::vector<std::int64_t> ids_in(db::AllocationRepository& allocations,
                                 const db::AllocationRange& range) {
  std::vector<std::int64_t> ids;
  ok(allocations.for_each_in(range, [&](db::StoredAllocation& each) {
    ids.push_back(each.id);
    return true;
  }));
  return ids;
}

}  // namespace

TEST_CASE("allocations in a date range, both days included, of one client if named") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  const std::string ruleset_id = add_medway(database);
  add_client(database, "C-1");
  add_client(database, "C-2");
  db::AllocationRepository allocations(database);
  ok(allocations.record(stamp("alice"), assessed("C-1", ruleset_id, 2024, 5, 1)));   // 1
  ok(allocations.record(stamp("alice"), assessed("C-2", ruleset_id, 2024, 6, 1)));   // 2
  ok(allocations.record(stamp("alice"), assessed("C-1", ruleset_id, 2024, 7, 1)));   // 3
  ok(allocations.record(stamp("alice"), assessed("C-2", ruleset_id, 2024, 4, 30)));  // 4

  using V = std::vector<std::int64_t>;
  CHECK(ids_in(allocations, {}) == V{1, 2, 3, 4});
  CHECK(ids_in(allocations, {engine::Date::from_ymd(2024, 5, 1), engine::Date::from_ymd(2024, 6, 1),
                             std::nullopt}) == V{1, 2});
  CHECK(ids_in(allocations, {engine::Date::from_ymd(2024, 5, 2), std::nullopt, std::nullopt}) ==
        V{2, 3});
  CHECK(ids_in(allocations, {std::nullopt, engine::Date::from_ymd(2024, 5, 1), std::nullopt}) ==
        V{1, 4});
  CHECK(ids_in(allocations, {std::nullopt, std::nullopt, "C-1"}) == V{1, 3});
  CHECK(ids_in(allocations, {std::nullopt, std::nullopt, "C-9"}).empty());
  CHECK(ok(allocations.count_in({})) == 4);
  CHECK(ok(allocations.count_in({engine::Date::from_ymd(2024, 5, 2), std::nullopt, "C-1"})) == 1);
}

TEST_CASE("each client's latest allocation on or before a date, with the client's group") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  const std::string ruleset_id = add_medway(database);
  add_client(database, "C-1");
  add_client(database, "C-2");
  add_client(database, "C-3");  // never assessed
  ok(db::ClientRepository(database).add(stamp("alice"),
                                        {"C-4", "older_people", false, std::nullopt}));
  db::AllocationRepository allocations(database);
  ok(allocations.record(stamp("alice"), assessed("C-1", ruleset_id, 2024, 5, 1)));  // 1
  ok(allocations.record(stamp("alice"), assessed("C-1", ruleset_id, 2024, 7, 1)));  // 2
  ok(allocations.record(stamp("alice"), assessed("C-1", ruleset_id, 2024, 7, 1)));  // 3: same day
  ok(allocations.record(stamp("alice"), assessed("C-2", ruleset_id, 2024, 8, 1)));  // 4
  ok(allocations.record(stamp("alice"), assessed("C-4", ruleset_id, 2024, 1, 1)));  // 5

  const auto latest = [&](unsigned month, std::optional<std::string> group) {
    std::vector<std::string> seen;
    ok(allocations.for_each_latest(*engine::Date::from_ymd(2024, month, 1), group,
                                   [&](const db::StoredAllocation& each, std::string_view key) {
                                     seen.push_back(
                                         fmt::format("{}:{}:{}", each.client_ref, each.id, key));
                                     return true;
                                   }));
    return seen;
  };
  using V = std::vector<std::string>;
  CHECK(latest(6, std::nullopt) == V{"C-1:1:refugees", "C-4:5:older_people"});
  CHECK(latest(7, std::nullopt) == V{"C-1:3:refugees", "C-4:5:older_people"});
  CHECK(latest(8, std::nullopt) == V{"C-1:3:refugees", "C-2:4:refugees", "C-4:5:older_people"});
  CHECK(latest(8, "older_people") == V{"C-4:5:older_people"});
  CHECK(latest(8, "offenders").empty());
}

}  // namespace hsg::test
