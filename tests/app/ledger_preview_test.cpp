// What the finance page's preview shows and the post that must match it
// (app/grants/ledger_posting.h), on the worked example's grant (docs/finance.md): through
// 2025-02-28 the first instalment of each type is due, £703.00.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "app/decisions/record_decision.h"
#include "app/grants/grant_start.h"
#include "app/grants/ledger_posting.h"
#include "app/grants/ledger_reports.h"
#include "tests/app/app_fixture.h"

using hsg::engine::Date;
using hsg::engine::Money;
using hsg::test::AppStore;
using hsg::test::ok;
using hsg::test::refused;
using hsg::test::stamp;

namespace {

Date day(int year, unsigned month, unsigned date) { return *Date::from_ymd(year, month, date); }

void start_worked_grant(AppStore& store) {
  hsg::db::Database& database = store.database();
  store.add_worked_example();
  ok(hsg::app::agree(database, stamp(), {1, Money::from_pence(240500), "as assessed"}));
  ok(hsg::app::start_grant(database, stamp(), {1, day(2025, 2, 3), "direct_payment", {}}));
}

}  // namespace

TEST_CASE("ledger preview: what is due is listed and the post of it posts exactly that once",
          "[ledger][preview]") {
  AppStore store;
  hsg::db::Database& database = store.database();
  start_worked_grant(store);

  const hsg::app::PostPreview preview =
      ok(hsg::app::preview_due_instalments(database, day(2025, 2, 28)));
  CHECK(preview.count == 3);
  CHECK(preview.total.pence() == 70300);
  REQUIRE(preview.due.size() == 3);
  CHECK(preview.due[0].intervention == "short_term_intensive");
  CHECK(preview.due[0].number == 1);
  CHECK(preview.due[0].of == 3);
  CHECK(preview.due[0].due_on == "2025-02-03");
  CHECK(preview.due[0].client_ref == "C-1");
  CHECK(preview.due[0].amount.pence() == 59200);
  CHECK(preview.due[1].intervention == "short_term_basic");
  CHECK(preview.due[1].amount.pence() == 7400);
  CHECK(preview.due[2].intervention == "long_term_maintenance");
  CHECK(preview.due[2].of == 13);
  CHECK(preview.due[2].amount.pence() == 3700);
  // A preview writes nothing.
  CHECK(ok(hsg::app::ledger_rows(database, day(2025, 2, 1), day(2025, 3, 1))).empty());

  // A preview that no longer holds is refused, nothing posted.
  CHECK(refused(hsg::app::post_previewed_instalments(
            database, stamp("fin"), {day(2025, 2, 28), 3, Money::from_pence(70200)})) ==
        std::vector<std::string>{
            "hsg: error: what is due by 2025-02-28 has changed since it was shown: 3 "
            "instalment(s) £702.00 then, 3 instalment(s) £703.00 now; nothing was posted, look "
            "at what is due again"});
  CHECK(ok(hsg::app::ledger_rows(database, day(2025, 2, 1), day(2025, 3, 1))).empty());

  const hsg::db::PostResult posted = ok(hsg::app::post_previewed_instalments(
      database, stamp("fin"), {day(2025, 2, 28), 3, Money::from_pence(70300)}));
  CHECK(posted.posted == 3);
  CHECK(posted.already_posted == 0);
  CHECK(posted.posted_amount.pence() == 70300);
  const std::vector<hsg::app::LedgerRow> rows =
      ok(hsg::app::ledger_rows(database, day(2025, 2, 1), day(2025, 3, 1)));
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].posting_id == "I-1-long_term_maintenance-1");
  CHECK(rows[0].intervention == "long_term_maintenance");
  CHECK(rows[0].debit_pence == 3700);
  CHECK(rows[1].account == "liabilities:grants payable:direct_payment");
  CHECK(rows[1].intervention.empty());
  CHECK(rows[1].credit_pence == 3700);

  // The same preview sent again is refused; what is due now (nothing) posts nothing.
  CHECK(refused(hsg::app::post_previewed_instalments(
            database, stamp("fin"), {day(2025, 2, 28), 3, Money::from_pence(70300)})) ==
        std::vector<std::string>{
            "hsg: error: what is due by 2025-02-28 has changed since it was shown: 3 "
            "instalment(s) £703.00 then, 0 instalment(s) £0.00 now; nothing was posted, look at "
            "what is due again"});
  CHECK(ok(hsg::app::preview_due_instalments(database, day(2025, 2, 28))).count == 0);
  const hsg::db::PostResult again = ok(hsg::app::post_previewed_instalments(
      database, stamp("fin"), {day(2025, 2, 28), 0, Money::from_pence(0)}));
  CHECK(again.posted == 0);
  CHECK(again.already_posted == 3);
  CHECK(ok(hsg::app::ledger_rows(database, day(2025, 2, 1), day(2025, 3, 1))).size() == 6);
}
