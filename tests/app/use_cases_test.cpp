// The use cases called directly, without the binary: the worked example of domain.md from
// assessment to the ledger, refusals as values with their exact lines, and an import.
// The figures and messages are those the end-to-end tests (tests/cli/) check through the
// command line, so both front ends are held to the same results.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "app/assessment/allocate_client.h"
#include "app/audit/replay_request.h"
#include "app/clients/client_register.h"
#include "app/decisions/record_decision.h"
#include "app/grants/grant_start.h"
#include "app/grants/ledger_posting.h"
#include "app/imports/import_file.h"
#include "app/imports/import_rows.h"
#include "app/progress.h"
#include "app/store/initialise.h"
#include "tests/app/app_fixture.h"

using hsg::engine::Date;
using hsg::engine::Level;
using hsg::engine::Money;
using hsg::test::AppStore;
using hsg::test::ok;
using hsg::test::refused;
using hsg::test::stamp;

namespace {

Date day(int year, unsigned month, unsigned date) { return *Date::from_ymd(year, month, date); }

std::vector<std::string> lines(std::initializer_list<std::string> given) { return given; }

}  // namespace

TEST_CASE("use cases: the worked example of domain.md, from assessment to the ledger") {
  AppStore store;
  hsg::db::Database& database = store.database();
  // The fixture initialised the store (the bootstrap); again, it changes nothing.
  const hsg::app::Initialised again = ok(hsg::app::initialise(database, stamp()));
  CHECK_FALSE(again.bootstrap);
  CHECK(again.builtin_stored);

  // domain.md "Worked example": intensive 15 → high, 8.0 h × 12 w = £1,776.00; basic 4 →
  // low, 1.0 h × 8 w = £148.00; maintenance 2 → low, 0.5 h × 52 w = £481.00; £2,405.00.
  const hsg::app::AllocatedClient allocated = store.add_worked_example();
  CHECK(allocated.id == 1);
  const hsg::engine::Allocation& allocation = allocated.traced.allocation;
  REQUIRE(allocation.intervention_count == 3);
  const auto& specs = allocated.ruleset.ruleset.spec().interventions;
  CHECK(specs[0].key == "short_term_intensive");
  CHECK(specs[1].key == "short_term_basic");
  CHECK(specs[2].key == "long_term_maintenance");
  const auto& intensive = allocation.interventions[0];
  const auto& basic = allocation.interventions[1];
  const auto& maintenance = allocation.interventions[2];
  CHECK(intensive.score == 15);
  CHECK(intensive.level == Level::high);
  CHECK(intensive.hours_per_week.hundredths() == 800);
  CHECK(intensive.weeks == 12);
  CHECK(intensive.amount.pence() == 177600);
  CHECK(basic.score == 4);
  CHECK(basic.level == Level::low);
  CHECK(basic.hours_per_week.hundredths() == 100);
  CHECK(basic.weeks == 8);
  CHECK(basic.amount.pence() == 14800);
  CHECK(maintenance.score == 2);
  CHECK(maintenance.level == Level::low);
  CHECK(maintenance.hours_per_week.hundredths() == 50);
  CHECK(maintenance.weeks == 52);
  CHECK(maintenance.amount.pence() == 48100);
  CHECK(allocation.calculated_total.pence() == 240500);
  CHECK(allocation.total.pence() == 240500);
  CHECK(allocation.upper_limit.pence() == 250000);
  CHECK_FALSE(allocation.cap_applied);

  const hsg::db::DecisionState agreed =
      ok(hsg::app::agree(database, stamp(), {1, Money::from_pence(240500), "as assessed"}));
  CHECK(agreed.status == hsg::db::DecisionStatus::agreed);
  CHECK(agreed.indicative.pence() == 240500);

  // As `hsg grant start 1 --start 2025-02-03 --held-as direct_payment` (grant_test.cpp):
  // 3 × £592.00, 2 × £74.00 and 13 × £37.00, every 28 days from the start.
  const hsg::app::StartedGrant grant =
      ok(hsg::app::start_grant(database, stamp(), {1, day(2025, 2, 3), "direct_payment", {}}));
  CHECK(grant.id == 1);
  CHECK(grant.plan.agreed.pence() == 240500);
  CHECK(grant.plan.held_as == "direct_payment");
  CHECK(grant.plan.cost_centre == "HSG");
  CHECK(grant.plan.creditor_account == "liabilities:grants payable:direct_payment");
  REQUIRE(grant.plan.interventions.size() == 3);
  CHECK(grant.plan.interventions[0].intervention == "short_term_intensive");
  CHECK(grant.plan.interventions[0].amount.pence() == 177600);
  CHECK(grant.plan.interventions[1].intervention == "short_term_basic");
  CHECK(grant.plan.interventions[1].amount.pence() == 14800);
  CHECK(grant.plan.interventions[2].intervention == "long_term_maintenance");
  CHECK(grant.plan.interventions[2].amount.pence() == 48100);
  CHECK(grant.instalments_per_type == std::vector<std::int64_t>{3, 2, 13});
  REQUIRE(grant.plan.instalments.size() == 18);
  std::int64_t scheduled = 0;
  for (const hsg::db::GrantInstalment& instalment : grant.plan.instalments) {
    INFO(instalment.intervention << " " << instalment.number);
    const std::int64_t expected = instalment.intervention == "short_term_intensive" ? 59200
                                  : instalment.intervention == "short_term_basic"   ? 7400
                                                                                    : 3700;
    CHECK(instalment.amount.pence() == expected);
    CHECK(instalment.due_on == *day(2025, 2, 3).plus_days(28 * (instalment.number - 1)));
    scheduled += instalment.amount.pence();
  }
  CHECK(scheduled == 240500);

  // Through 2025-02-28 only the first instalment of each type is due: £703.00
  // (forgery_test.cpp); posting again pays nothing twice.
  const hsg::db::PostResult posted =
      ok(hsg::app::post_due_instalments(database, stamp("fin"), day(2025, 2, 28)));
  CHECK(posted.posted == 3);
  CHECK(posted.already_posted == 0);
  CHECK(posted.posted_amount.pence() == 70300);
  const hsg::db::PostResult reposted =
      ok(hsg::app::post_due_instalments(database, stamp("fin"), day(2025, 2, 28)));
  CHECK(reposted.posted == 0);
  CHECK(reposted.already_posted == 3);
  CHECK(reposted.posted_amount.pence() == 0);

  const hsg::app::ReplayResult replayed = ok(hsg::app::replay_stored(database, 1));
  CHECK(replayed.allocation_id == 1);
  CHECK(replayed.client_ref == "C-1");
  CHECK(replayed.problem.empty());
  CHECK(replayed.differences.empty());
  CHECK(replayed.identical());

  // A refusal is a value with the lines to show, not an exception.
  CHECK(refused(hsg::app::agree(database, stamp(), {99, Money::from_pence(200000), "x"})) ==
        lines({"hsg: error: cannot agree an amount for allocation 99: no allocation 99"}));
}

TEST_CASE("use cases: the same person cannot approve their own adjustment beyond 10%") {
  AppStore store;
  hsg::db::Database& database = store.database();
  store.add_worked_example();
  // £2,000.00 is 16.8% less than £2,405.00 (store_test.cpp): it waits for approval.
  CHECK(ok(hsg::app::agree(database, stamp("asha"), {1, Money::from_pence(200000), "family help"}))
            .status == hsg::db::DecisionStatus::pending_approval);
  CHECK(
      refused(hsg::app::resolve(database, stamp("asha"), {1, hsg::app::Resolution::approve, ""})) ==
      lines({"hsg: error: cannot approve allocation 1: asha agreed this amount, so another "
             "person must approve it"}));
  const hsg::db::DecisionState approved =
      ok(hsg::app::resolve(database, stamp("ben"), {1, hsg::app::Resolution::approve, ""}));
  CHECK(approved.status == hsg::db::DecisionStatus::approved);
  REQUIRE(approved.resolution);
  CHECK(approved.resolution->actor == "ben");
}

TEST_CASE("use cases: an import records its rows once, and the same bytes again are refused") {
  AppStore store;
  hsg::db::Database& database = store.database();
  ok(hsg::app::add_client(database, stamp(), {"C-1", "older_people", false, std::nullopt}));
  // The good rows of import_test.cpp.
  const std::string header =
      "client_ref,date,assessor,tenancy_skills,housing_options,home_maintenance,settling_in,"
      "on_call,money,health,safety,social,work_learning\n";
  const std::string worked =
      "alongside,none,none,alongside,monitoring,advice,none,alongside,none,none";
  const std::string bytes = header + "C-1,2025-01-15,ben," + worked + "\r\n" +
                            "\"C-1\",2025-02-01,\"chloe senior\"," + worked + "\n";
  const auto import = [&](const std::string& name, const std::string& text) {
    return hsg::app::import_rows(database,
                                 {ok(hsg::app::import_file_of(name, text)),
                                  stamp(),
                                  {hsg::test::today(), std::nullopt},
                                  false},
                                 hsg::app::no_progress());
  };

  // A bad row: every problem returned, nothing written (import 1 below is the first).
  const hsg::app::ImportOutcome bad =
      ok(import("bad.csv", header + "C-9,2025-01-15,ben," + worked + "\n"));
  CHECK(bad.problems == lines({"bad.csv:2:1: unknown client 'C-9' (client_ref)"}));
  CHECK_FALSE(bad.recorded);

  const hsg::app::ImportOutcome first = ok(import("good.csv", bytes));
  CHECK(first.problems.empty());
  REQUIRE(first.recorded);
  CHECK(first.recorded->id == 1);
  CHECK(first.recorded->recorded.file_name == "good.csv");
  CHECK(first.recorded->recorded.row_count == 2);
  CHECK(first.recorded->recorded.first_allocation_id == 1);
  CHECK(first.recorded->recorded.last_allocation_id == 2);
  CHECK_FALSE(first.recorded->recorded.again_of);
  CHECK(first.recorded->actor == "asha");

  CHECK(refused(import("good.csv", bytes)) ==
        lines({std::string("hsg: error: the rows of good.csv were imported already: import 1 "
                           "(good.csv, 2 assessments: allocations 1 to 2) at ") +
               hsg::test::kAt +
               " by asha; nothing was imported (to record them again on purpose, add --again)"}));
}
