// The audit chain: exact hashes, verification, tampering named, truncation caught.
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "db/allocations.h"
#include "db/audit_log.h"
#include "db/clients.h"
#include "db/decisions.h"
#include "db/sha256.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

// A store holding a rule set (event 1), client C-1 (2), allocation 1 (3), an agreement
// beyond tolerance (4) and its approval (5).
void fill(const std::filesystem::path& path) {
  db::Database database = open_database(path);
  const std::string ruleset_id = add_medway(database);
  add_client(database, "C-1");
  ok(db::AllocationRepository(database).record(stamp("alice"), worked_example("C-1", ruleset_id)));
  db::DecisionRepository decisions(database);
  ok(decisions.agree(stamp("alice"), 1, engine::Money::from_pence(300000),
                     "extra \"night\" cover"));
  ok(decisions.approve(stamp("manager"), 1, ""));
}

db::VerifyReport verify(const std::filesystem::path& path,
                        std::optional<std::string_view> checkpoint = std::nullopt) {
  db::Database database = open_database(path);
  return ok(db::AuditLog(database).verify(checkpoint));
}

}  // namespace

TEST_CASE("an event's hash is SHA-256 of its fields joined by newlines, after the previous") {
  const db::AuditEvent event{1,
                             "2025-01-31T14:05:09Z",
                             "alice",
                             "client.add",
                             "clients",
                             "C-1",
                             R"({"asc_funded":0,"client_group":"refugees","ref":"C-1"})",
                             std::string(db::kGenesisHash),
                             ""};
  // As computed by Python's hashlib over the same text (docs/auditor.md).
  CHECK(db::audit_event_hash(event) ==
        "5b03bb97d44446da0d7e66852376f0dc96bca44981452d028356c7a957341c68");
}

TEST_CASE("a store written only through hsg verifies, and its checkpoint names the head") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  db::Database database = open_database(path);
  db::AuditLog log(database);
  const db::VerifyReport report = ok(log.verify());
  CHECK(report.ok);
  CHECK(report.problem.empty());
  CHECK(report.events_checked == 5);
  CHECK(report.records_checked == 5);
  const auto events = ok(log.events());
  REQUIRE(events.size() == 5);
  CHECK(events[0].prev_hash == db::kGenesisHash);
  for (std::size_t i = 1; i < events.size(); ++i) CHECK(events[i].prev_hash == events[i - 1].hash);
  CHECK(ok(log.checkpoint()) == "5:" + events[4].hash);
  CHECK(report.head == "5:" + events[4].hash);
  CHECK(ok(log.verify(report.head)).ok);
  CHECK(ok(log.events_for_client("C-1")).size() == 4);
}

TEST_CASE("search filters and pages in SQLite and counts every match") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  db::Database database = open_database(path);
  add_client(database, "C-2");
  db::AuditLog log(database);
  const auto seqs = [](const db::AuditEventPage& page) {
    std::vector<std::int64_t> found;
    for (const db::AuditEvent& event : page.events) found.push_back(event.seq);
    return found;
  };
  const db::AuditEventPage middle = ok(log.search({}, 1, 2));
  CHECK(seqs(middle) == std::vector<std::int64_t>{2, 3});
  CHECK(middle.total == 6);
  CHECK(ok(log.search({}, 6, 2)).events.empty());
  db::AuditFilter by_actor;
  by_actor.actor = "manager";
  CHECK(seqs(ok(log.search(by_actor, 0, -1))) == std::vector<std::int64_t>{5});
  db::AuditFilter client_one;
  client_one.client_ref = "C-1";
  const db::AuditEventPage first = ok(log.search(client_one, 1, 2));
  CHECK(seqs(first) == std::vector<std::int64_t>{3, 4});
  CHECK(first.total == 4);
  client_one.action = "client.add";
  CHECK(seqs(ok(log.search(client_one, 0, -1))) == std::vector<std::int64_t>{2});
  db::AuditFilter days;
  days.from_day = "2099-01-01";
  CHECK(ok(log.search(days, 0, -1)).total == 0);
  days.from_day = std::nullopt;
  days.to_day = "2025-01-30";  // every event is stamped 2025-01-31
  CHECK(ok(log.search(days, 0, -1)).total == 0);
  days.to_day = "2025-01-31";
  CHECK(ok(log.search(days, 0, -1)).total == 6);
}

TEST_CASE("a changed allocation is named by verification") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  tamper(path, "UPDATE allocations SET total_pence = 250000 WHERE id = 1");
  const db::VerifyReport report = verify(path);
  CHECK_FALSE(report.ok);
  CHECK(report.first_bad_seq == 3);
  CHECK(report.problem == "allocations 1 no longer matches audit event 3 that wrote it");
}

TEST_CASE("a changed decision reason and changed rule-set bytes are named") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  SECTION("decision") {
    tamper(path, "UPDATE decisions SET reason = 'routine' WHERE id = 1");
    CHECK(verify(path).problem == "decisions 1 no longer matches audit event 4 that wrote it");
  }
  SECTION("rule set bytes") {
    tamper(path, "UPDATE rulesets SET bytes = CAST('name = \"medway\"' AS BLOB)");
    CHECK(verify(path).problem ==
          "rulesets " + std::string(kMedwayId) + " no longer matches audit event 1 that wrote it");
  }
}

TEST_CASE("a changed audit payload, a deleted row and an unrecorded row are named") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  SECTION("payload") {
    tamper(path,
           "UPDATE audit_events SET payload = replace(payload, '300000', '200000') "
           "WHERE seq = 4");
    const db::VerifyReport report = verify(path);
    CHECK(report.first_bad_seq == 4);
    CHECK_THAT(report.problem, Catch::StartsWith("audit event 4: hash does not match its "
                                                 "contents (stored "));
  }
  SECTION("payload and hash rewritten together: the row no longer matches") {
    db::Database database = open_database(path);
    auto event = ok(db::AuditLog(database).events())[3];
    event.payload = "{}";
    const std::string forged = db::audit_event_hash(event);
    tamper(path, "UPDATE audit_events SET payload = '{}', hash = '" + forged + "' WHERE seq = 4");
    CHECK(verify(path).problem == "decisions 1 no longer matches audit event 4 that wrote it");
  }
  SECTION("deleted row") {
    tamper(path, "PRAGMA foreign_keys = OFF; DELETE FROM decisions WHERE id = 2");
    CHECK(verify(path).problem == "decisions 2 (written by audit event 5) is missing");
  }
  SECTION("row with no event") {
    tamper(path, "INSERT INTO clients VALUES ('C-X', 'refugees', 0)");
    CHECK(verify(path).problem ==
          "clients C-X was not written by any audit event (2 rows, 1 written)");
  }
  SECTION("missing event in the middle") {
    tamper(path, "DELETE FROM audit_events WHERE seq = 2");
    CHECK(verify(path).problem == "audit event 3 follows event 1: event 2 is missing");
  }
}

TEST_CASE("deleting the last events is caught against an earlier checkpoint") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  std::string checkpoint;
  {
    db::Database database = open_database(path);
    checkpoint = ok(db::AuditLog(database).checkpoint());
  }
  tamper(path,
         "PRAGMA foreign_keys = OFF; DELETE FROM decisions WHERE id = 2;"
         "DELETE FROM audit_events WHERE seq = 5");
  CHECK(verify(path).ok);  // the chain alone cannot tell
  const db::VerifyReport report = verify(path, checkpoint);
  CHECK_FALSE(report.ok);
  CHECK(report.problem == "the log has been cut short: checkpoint " + checkpoint +
                              " names event 5, but the last event is 4");
}

TEST_CASE("a checkpoint whose hash differs from the log is named") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  const std::string wrong = "2:" + db::sha256_hex("not it");
  CHECK(verify(path, wrong).problem == "audit event 2 differs from checkpoint " + wrong);
  db::Database database = open_database(path);
  auto malformed = db::AuditLog(database).verify("5:xyz");
  REQUIRE_FALSE(malformed.ok());
  CHECK(malformed.error().message ==
        "checkpoint '5:xyz' is not SEQ:HASH (a number, a colon and 64 lowercase hex digits)");
}

TEST_CASE("an empty log verifies and checkpoints at zero, a checkpoint no verify takes") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::AuditLog log(database);
  const std::string zero = "0:" + std::string(db::kGenesisHash);
  CHECK(ok(log.checkpoint()) == zero);
  CHECK(ok(log.verify()).ok);
  // Any log extends the empty one, so 0:000…0 would pass on every database.
  CHECK(log.verify(zero).error().message ==
        "checkpoint '" + zero +
            "' names no event (0 is the empty log, which every log extends); take a checkpoint "
            "with hsg audit checkpoint once the log has events");
}

}  // namespace hsg::test
