// Why an allocation is dated after the day it was recorded: an audit note, checked by
// verification against the allocation it names.
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "db/allocations.h"
#include "db/audit_event.h"
#include "db/audit_log.h"
#include "db/future_dates.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

engine::Date date(const char* text) { return *engine::Date::parse(text); }

// Appends `payload` as a note on allocation 1 with a correct hash, as a forger who
// recomputes the chain would.
void forge_note(const std::filesystem::path& path, const std::string& payload) {
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  SQLite::Statement head(raw, "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
  REQUIRE(head.executeStep());
  db::AuditEvent event{head.getColumn(0).getInt64() + 1,
                       "2025-01-31T14:05:09Z",
                       "alice",
                       "allocation.allow_future",
                       "allocations",
                       "1",
                       payload,
                       head.getColumn(1).getString(),
                       ""};
  event.hash = db::audit_event_hash(event);
  SQLite::Statement insert(raw,
                           "INSERT INTO audit_events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  insert.bind(1, event.seq);
  insert.bind(2, event.at);
  insert.bind(3, event.actor);
  insert.bind(4, event.action);
  insert.bind(5, event.entity_type);
  insert.bind(6, event.entity_id);
  insert.bind(7, event.payload);
  insert.bind(8, event.prev_hash);
  insert.bind(9, event.hash);
  insert.exec();
}

}  // namespace

TEST_CASE("a note on an allocation dated after the day it was recorded is kept and verified") {
  TempDir dir;
  {
    db::Database database = open_database(dir.file("hsg.db"));
    const std::string ruleset_id = add_medway(database);
    add_client(database, "C-1");
    ok(db::AllocationRepository(database).record(stamp("alice"),
                                                 worked_example("C-1", ruleset_id)));
    db::FutureDateNotes notes(database);
    CHECK(ok(notes.of_allocation(1)) == std::nullopt);
    const auto same_day = notes.record(stamp("alice"), 1, date("2024-05-01"), "booked");
    REQUIRE_FALSE(same_day.ok());
    CHECK(same_day.error().message ==
          "cannot record why allocation 1 is dated after today: it is dated 2024-05-01, not "
          "after 2024-05-01");
    const auto blank = notes.record(stamp("alice"), 1, date("2024-04-20"), "  ");
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error().message ==
          "cannot record why allocation 1 is dated after today: --allow-future needs a reason");
    ok(notes.record(stamp("alice"), 1, date("2024-04-20"), "booked ahead"));
    CHECK(ok(notes.of_allocation(1)) ==
          db::FutureDateNote{date("2024-05-01"), date("2024-04-20"), "booked ahead"});
    const db::VerifyReport report = ok(db::AuditLog(database).verify());
    INFO(report.problem);
    CHECK(report.ok);
    CHECK(report.events_checked == 4);
  }
  // A forged note naming another date is noticed even with its hash recomputed.
  forge_note(dir.file("hsg.db"),
             R"({"assessed_on":"2024-05-02","reason":"x","recorded_on":"2024-04-20"})");
  db::Database database = open_database(dir.file("hsg.db"));
  const db::VerifyReport report = ok(db::AuditLog(database).verify());
  CHECK_FALSE(report.ok);
  CHECK(report.first_bad_seq == 5);
  CHECK(report.problem == "audit event 5 (allocation.allow_future) no longer matches allocation 1");
}

}  // namespace hsg::test
