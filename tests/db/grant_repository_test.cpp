// The grant and ledger repositories on a real file: what start() refuses (a schedule that
// does not add up, an unapproved amount above the limit, a start before the assessment),
// that every new history table refuses UPDATE and DELETE, and posting is idempotent.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "db/audit_log.h"
#include "db/decisions.h"
#include "db/grants.h"
#include "db/ledger.h"
#include "tests/db/db_fixture.h"
#include "tests/db/grant_fixture.h"

namespace hsg::test {

namespace {

using engine::Date;
using engine::Money;

}  // namespace

TEST_CASE("grants: start refuses a schedule that does not add up") {
  Agreed store;
  db::GrantRepository grants(store.database);
  auto wrong_total = store.grant;
  wrong_total.interventions[0].amount = Money::from_pence(177599);
  CHECK(grants.start(stamp("alice"), wrong_total).error().message ==
        "cannot start a grant for allocation 1: its type amounts sum to 2404.99, not the agreed "
        "2405.00");
  auto short_instalments = store.grant;
  short_instalments.instalments[2].amount = Money::from_pence(7399);
  CHECK(grants.start(stamp("alice"), short_instalments).error().message ==
        "cannot start a grant for allocation 1: the instalments of short_term_basic sum to "
        "147.99, not its amount 148.00");
  auto gap = store.grant;
  gap.instalments[2].number = 3;
  CHECK(grants.start(stamp("alice"), gap).error().message ==
        "cannot start a grant for allocation 1: instalment 3 of short_term_basic is out of "
        "order or not positive");
  auto stale = store.grant;
  stale.agreed = Money::from_pence(240000);
  stale.interventions[0].amount = Money::from_pence(177100);
  stale.instalments[0].amount = Money::from_pence(177100);
  CHECK(grants.start(stamp("alice"), stale).error().message ==
        "cannot start a grant for allocation 1: the latest agreement is 1 for 2405.00, not 1 "
        "for 2400.00");
  CHECK(ok(grants.start(stamp("alice"), store.grant)) == 1);
  CHECK(ok(db::AuditLog(store.database).verify()).records_checked ==
        12);  // 4 before, 1 + 3 + 4 now
}

TEST_CASE("grants: an above-limit agreement stored before the limit rule starts only approved") {
  Agreed store;
  {
    // As a database written before an amount above the limit needed approval could hold
    // it: £2,600.00 (within the 10% tolerance) on the £2,500.00 limit, needs_approval 0.
    SQLite::Database raw(store.dir.file("hsg.db"), SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO decisions (allocation_id, kind, actor, at, reason, agreed_pence, "
        "needs_approval) VALUES (1, 'agree', 'alice', '2025-01-31T10:00:00Z', 'legacy', 260000, "
        "0);");
  }
  db::NewGrant above = store.grant;
  above.agreement_id = 2;
  above.agreed = Money::from_pence(260000);
  above.interventions[0].amount = Money::from_pence(197100);
  above.instalments[0].amount = Money::from_pence(197100);
  db::GrantRepository grants(store.database);
  const std::string head = ok(db::AuditLog(store.database).checkpoint());
  auto refused = grants.start(stamp("alice"), above);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message ==
        "cannot start a grant for allocation 1: the agreed £2,600.00 is above the allocation's "
        "upper limit £2,500.00, so it is paid only once another person approves it (it is "
        "pending_approval)");
  CHECK(ok(db::AuditLog(store.database).checkpoint()) == head);
  CHECK(ok(grants.of_allocation(1)) == std::nullopt);
  ok(db::DecisionRepository(store.database).approve(stamp("manager"), 1, "evidenced"));
  CHECK(ok(grants.start(stamp("alice"), above)) == 1);
}

TEST_CASE("grants: a grant cannot start before its assessment, whatever the front end") {
  Agreed store;
  db::NewGrant early = store.grant;  // the worked example was assessed on 2024-05-01
  early.start_on = date("2024-04-30");
  db::GrantRepository grants(store.database);
  const std::string head = ok(db::AuditLog(store.database).checkpoint());
  auto refused = grants.start(stamp("alice"), early);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message ==
        "cannot start a grant for allocation 1: it would start on 2024-04-30, before the "
        "allocation's assessment date 2024-05-01: a grant cannot start before its assessment");
  CHECK(ok(db::AuditLog(store.database).checkpoint()) == head);
  early.start_on = date("2024-05-01");
  CHECK(ok(grants.start(stamp("alice"), early)) == 1);
}

TEST_CASE("grants: every grant and ledger table refuses UPDATE and DELETE") {
  Agreed store;
  ok(db::GrantRepository(store.database).start(stamp("alice"), store.grant));
  ok(db::LedgerRepository(store.database).post_through(stamp("fin"), date("2025-02-03")));
  ok(db::GrantRepository(store.database)
         .recover(stamp("fin"), 1, Money::from_pence(100), date("2025-02-04"), "surplus"));
  ok(db::GrantRepository(store.database).end(stamp("alice"), 1, date("2025-02-10"), "moved"));
  const auto path = store.dir.file("hsg.db");
  for (const std::string table :
       {"grants", "grant_interventions", "instalments", "grant_ends", "instalment_cancellations",
        "recoveries", "postings", "posting_lines"}) {
    INFO(table);
    REQUIRE(refusal(path, "SELECT 1 FROM " + table + " LIMIT 1") == "accepted");
    CHECK(refusal(path, "UPDATE " + table + " SET rowid = rowid") ==
          "append-only: " + table + " rows are never updated");
    CHECK(refusal(path, "DELETE FROM " + table) ==
          "append-only: " + table + " rows are never deleted");
  }
}

TEST_CASE("ledger: posting through a date twice posts once") {
  Agreed store;
  ok(db::GrantRepository(store.database).start(stamp("alice"), store.grant));
  db::LedgerRepository ledger(store.database);
  const auto first = ok(ledger.post_through(stamp("fin"), date("2025-03-03")));
  CHECK(first.posted == 4);
  CHECK(first.already_posted == 0);
  CHECK(first.posted_amount == Money::from_pence(240500));
  const auto second = ok(ledger.post_through(stamp("fin"), date("2025-03-03")));
  CHECK(second.posted == 0);
  CHECK(second.already_posted == 4);
  const auto balances = ok(ledger.balance(std::nullopt));
  REQUIRE(balances.size() == 4);
  CHECK(balances[0].account == "expenses:b");
  CHECK(balances[0].balance_pence == 14800);
  CHECK(balances[3].account == "liabilities:dp");
  CHECK(balances[3].balance_pence == -240500);
}

}  // namespace hsg::test

namespace hsg::test {

// Issue 20: a due date of another width ("10000-01-24" sorts before "2025-12-31" as text)
// is checked again as a date, and nothing is posted.
TEST_CASE("ledger: an instalment whose due date is not one hsg writes is refused, not posted") {
  Agreed store;
  ok(db::GrantRepository(store.database).start(stamp("alice"), store.grant));
  const std::string head = ok(db::AuditLog(store.database).checkpoint());
  REQUIRE(refusal(store.dir.file("hsg.db"),
                  "INSERT INTO instalments VALUES (1, 'short_term_basic', 3, '10000-01-24', 1)") ==
          "accepted");
  const auto posted =
      db::LedgerRepository(store.database).post_through(stamp("fin"), date("2025-12-31"));
  REQUIRE_FALSE(posted.ok());
  CHECK(posted.error().message ==
        "cannot post the instalments due by 2025-12-31: instalment 3 of grant 1 short_term_basic "
        "is due on '10000-01-24', not a date hsg wrote; run 'hsg audit verify'");
  CHECK(ok(db::AuditLog(store.database).checkpoint()) == head);
}

}  // namespace hsg::test
