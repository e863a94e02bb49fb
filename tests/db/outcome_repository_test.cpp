// Outcomes returns in the store: versions, what record() refuses, the report's counts,
// append-only tables and the audit chain checking every row.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "db/audit_log.h"
#include "db/outcomes.h"
#include "tests/db/db_fixture.h"
#include "tests/db/grant_fixture.h"

namespace hsg::test {

namespace {

using engine::OutcomeAnswer;
using engine::OutcomeTerm;

// Every measure, with the first `needed` needed and the first `achieved` achieved.
std::vector<OutcomeAnswer> answers(std::size_t needed, std::size_t achieved) {
  std::vector<OutcomeAnswer> list;
  for (const engine::OutcomeMeasure& measure : engine::outcome_measures()) {
    list.push_back({std::string(measure.key), list.size() < needed, list.size() < achieved});
  }
  return list;
}

struct Granted : Agreed {
  std::int64_t grant_id = ok(db::GrantRepository(database).start(stamp("alice"), grant));
  db::OutcomeRepository outcomes{database};
};

}  // namespace

TEST_CASE("outcomes: re-recording a grant and date writes the next version") {
  Granted store;
  const auto first =
      ok(store.outcomes.record(stamp("alice"), {store.grant_id, date("2025-04-28"),
                                                OutcomeTerm::short_term, answers(3, 1)}));
  CHECK(first.version == 1);
  CHECK(first.client_ref == "C-1");
  const auto second = ok(store.outcomes.record(
      stamp("bob"), {store.grant_id, date("2025-04-28"), OutcomeTerm::short_term, answers(3, 3)}));
  CHECK(second.version == 2);
  const auto other_day = ok(store.outcomes.record(
      stamp("bob"), {store.grant_id, date("2025-03-01"), OutcomeTerm::long_term, answers(0, 0)}));
  CHECK(other_day.version == 1);

  const auto stored = ok(store.outcomes.of_grant(store.grant_id));
  REQUIRE(stored.size() == 3);
  CHECK(stored[0].return_on == date("2025-03-01"));
  CHECK(stored[1].version == 1);
  CHECK(stored[1].answers == answers(3, 1));
  CHECK(stored[2].version == 2);
  CHECK(stored[2].actor == "bob");
  CHECK(stored[2].answers == answers(3, 3));

  // Only the latest version of 2025-04-28 counts; the long-term return is another table.
  const auto table =
      ok(store.outcomes.report(date("2025-01-01"), date("2025-12-31"), OutcomeTerm::short_term));
  CHECK(table.returns == 1);
  REQUIRE(table.counts.size() == 21);
  CHECK(table.counts[0].needed == 1);
  CHECK(table.counts[2].achieved == 1);
  CHECK(table.counts[3].needed == 0);
  const auto long_table =
      ok(store.outcomes.report(date("2025-01-01"), date("2025-12-31"), OutcomeTerm::long_term));
  CHECK(long_table.returns == 1);
  CHECK(long_table.counts[0].needed == 0);

  const auto verified = ok(db::AuditLog(store.database).verify());
  CHECK(verified.ok);
  CHECK(verified.problem.empty());
}

TEST_CASE("outcomes: a later version with another term moves the return to that table") {
  Granted store;
  ok(store.outcomes.record(stamp("alice"), {store.grant_id, date("2025-04-28"),
                                            OutcomeTerm::short_term, answers(1, 1)}));
  ok(store.outcomes.record(
      stamp("alice"), {store.grant_id, date("2025-04-28"), OutcomeTerm::long_term, answers(1, 1)}));
  CHECK(ok(store.outcomes.report(date("2025-04-28"), date("2025-04-28"), OutcomeTerm::short_term))
            .returns == 0);
  CHECK(ok(store.outcomes.report(date("2025-04-28"), date("2025-04-28"), OutcomeTerm::long_term))
            .returns == 1);
}

TEST_CASE("outcomes: the report's dates are inclusive") {
  Granted store;
  for (const char* on : {"2025-03-01", "2025-03-31", "2025-04-01"}) {
    ok(store.outcomes.record(stamp("alice"),
                             {store.grant_id, date(on), OutcomeTerm::short_term, answers(2, 1)}));
  }
  const auto march =
      ok(store.outcomes.report(date("2025-03-01"), date("2025-03-31"), OutcomeTerm::short_term));
  CHECK(march.returns == 2);
  CHECK(march.counts[0].achieved == 2);
  CHECK(march.counts[1].needed == 2);
  CHECK(march.counts[1].achieved == 0);
}

TEST_CASE("outcomes: record refuses, writing nothing") {
  Granted store;
  const auto refused = [&](const db::NewOutcomeReturn& outcome_return) {
    auto result = store.outcomes.record(stamp("alice"), outcome_return);
    REQUIRE_FALSE(result.ok());
    return result.error().message;
  };
  CHECK(refused({99, date("2025-04-28"), OutcomeTerm::short_term, answers(0, 0)}) ==
        "cannot record outcomes for grant 99: no grant 99");
  CHECK(refused({store.grant_id, date("2025-02-02"), OutcomeTerm::short_term, answers(0, 0)}) ==
        "cannot record outcomes for grant 1: 2025-02-02 is before the grant started "
        "(2025-02-03)");
  CHECK(refused({store.grant_id, date("2025-04-28"), OutcomeTerm::short_term, answers(1, 2)}) ==
        "cannot record outcomes for grant 1: measure 1b is achieved but was not needed");
  auto short_list = answers(0, 0);
  short_list.pop_back();
  CHECK(refused({store.grant_id, date("2025-04-28"), OutcomeTerm::short_term, short_list}) ==
        "cannot record outcomes for grant 1: a return answers all 21 measures, not 20");
  auto swapped = answers(0, 0);
  std::swap(swapped[0], swapped[1]);
  CHECK(refused({store.grant_id, date("2025-04-28"), OutcomeTerm::short_term, swapped}) ==
        "cannot record outcomes for grant 1: answer 1 is for measure '1b', expected '1a'");
  CHECK(ok(store.outcomes.of_grant(store.grant_id)).empty());
}

TEST_CASE("outcomes: both tables refuse UPDATE and DELETE, and an edit is found by verify") {
  Granted store;
  ok(store.outcomes.record(stamp("alice"), {store.grant_id, date("2025-04-28"),
                                            OutcomeTerm::short_term, answers(2, 1)}));
  const auto path = store.dir.file("hsg.db");
  for (const std::string table : {"outcome_returns", "outcome_answers"}) {
    INFO(table);
    CHECK(refusal(path, "UPDATE " + table + " SET rowid = rowid") ==
          "append-only: " + table + " rows are never updated");
    CHECK(refusal(path, "DELETE FROM " + table) ==
          "append-only: " + table + " rows are never deleted");
  }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER outcome_answers_no_update");
    raw.exec("UPDATE outcome_answers SET achieved = 1 WHERE measure = '1b'");
  }
  const auto verified = ok(db::AuditLog(store.database).verify());
  CHECK_FALSE(verified.ok);
  CHECK_THAT(verified.problem, Catch::Contains("outcome_answers 1/1b no longer matches"));
}

TEST_CASE("outcomes: a row written without its audit event is found by verify") {
  Granted store;
  ok(store.outcomes.record(stamp("alice"), {store.grant_id, date("2025-04-28"),
                                            OutcomeTerm::short_term, answers(2, 1)}));
  {
    SQLite::Database raw(store.dir.file("hsg.db"), SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO outcome_returns VALUES (NULL, 1, 'C-1', '2025-05-01', 'short', 1, 'x', "
        "'2025-05-01T00:00:00Z')");
  }
  const auto verified = ok(db::AuditLog(store.database).verify());
  CHECK_FALSE(verified.ok);
  CHECK(verified.problem ==
        "outcome_returns 2 was not written by any audit event (2 rows, 1 written)");
}

}  // namespace hsg::test
