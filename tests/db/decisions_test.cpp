// Agreed amounts, the 10% tolerance of medway, and four eyes on adjustments beyond it.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "db/allocations.h"
#include "db/decisions.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

using engine::Money;

// A store with the worked example (indicative £2,405.00) recorded as allocation 1.
struct Recorded {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  std::int64_t id = 0;
  Recorded() {
    const std::string ruleset_id = add_medway(database);
    add_client(database, "C-1");
    id = ok(db::AllocationRepository(database).record(stamp("alice"),
                                                      worked_example("C-1", ruleset_id)));
  }
};

}  // namespace

TEST_CASE("tolerance is exact: 10% of £2,405.00 is £240.50 either way") {
  const Money indicative = Money::from_pence(240500);
  CHECK_FALSE(db::exceeds_tolerance(Money::from_pence(264550), indicative, 10));  // +240.50
  CHECK(db::exceeds_tolerance(Money::from_pence(264551), indicative, 10));
  CHECK_FALSE(db::exceeds_tolerance(Money::from_pence(216450), indicative, 10));  // -240.50
  CHECK(db::exceeds_tolerance(Money::from_pence(216449), indicative, 10));
  CHECK(db::exceeds_tolerance(Money::from_pence(1), Money::from_pence(0), 10));
  CHECK_FALSE(db::exceeds_tolerance(Money::from_pence(0), Money::from_pence(0), 10));
}

TEST_CASE("an allocation with no agreement stands at its indicative amount") {
  Recorded recorded;
  const auto state = ok(db::DecisionRepository(recorded.database).state(recorded.id));
  CHECK(state.status == db::DecisionStatus::indicative);
  CHECK(state.indicative.pence() == 240500);
  CHECK(state.tolerance_percent == 10);
}

TEST_CASE("an agreement within tolerance needs no approval") {
  Recorded recorded;
  db::DecisionRepository decisions(recorded.database);
  const auto state = ok(decisions.agree(stamp("alice"), recorded.id, Money::from_pence(216450),
                                        "client asked for extra settling-in help"));
  CHECK(state.status == db::DecisionStatus::agreed);
  REQUIRE(state.agreement.has_value());
  CHECK(state.agreement->id == 1);
  CHECK(state.agreement->agreed == Money::from_pence(216450));
  CHECK(state.agreement->needs_approval == false);
  CHECK(state.agreement->actor == "alice");
  CHECK(state.agreement->reason == "client asked for extra settling-in help");
}

TEST_CASE("an agreement above the upper limit waits for approval, whatever the tolerance") {
  Recorded recorded;
  db::DecisionRepository decisions(recorded.database);
  auto state = ok(decisions.agree(stamp("alice"), recorded.id, Money::from_pence(250000), "limit"));
  CHECK(state.status == db::DecisionStatus::agreed);
  CHECK(state.upper_limit == Money::from_pence(250000));
  state = ok(decisions.agree(stamp("alice"), recorded.id, Money::from_pence(250001), "a penny"));
  CHECK(state.status == db::DecisionStatus::pending_approval);
  CHECK(state.agreement->needs_approval == true);
  CHECK_FALSE(db::exceeds_tolerance(Money::from_pence(250001), state.indicative, 10));
}

TEST_CASE("an agreement above the limit stored before the limit rule waits for approval") {
  Recorded recorded;
  {
    // As a database written before an amount above the limit needed approval: £2,600.00
    // on the £2,500.00 limit, within the 10% tolerance, stored with needs_approval 0.
    SQLite::Database raw(recorded.dir.file("hsg.db"), SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO decisions (allocation_id, kind, actor, at, reason, agreed_pence, "
        "needs_approval) VALUES (1, 'agree', 'alice', '2025-01-31T10:00:00Z', 'legacy', 260000, "
        "0);");
  }
  db::DecisionRepository decisions(recorded.database);
  auto state = ok(decisions.state(recorded.id));
  CHECK(state.status == db::DecisionStatus::pending_approval);
  CHECK(state.agreement->needs_approval == false);
  auto own = decisions.approve(stamp("alice"), recorded.id, "");
  REQUIRE_FALSE(own.ok());
  CHECK(own.error().message ==
        "cannot approve allocation 1: alice agreed this amount, so another person must approve it");
  state = ok(decisions.approve(stamp("manager"), recorded.id, "evidenced"));
  CHECK(state.status == db::DecisionStatus::approved);
}

TEST_CASE("four eyes compares names in their folded form, and refuses a stamp not in it") {
  Recorded recorded;
  db::DecisionRepository decisions(recorded.database);
  ok(decisions.agree(stamp("alice"), recorded.id, Money::from_pence(100000), "moving away"));
  CHECK(db::same_actor("Alice ", "alice"));
  CHECK(db::same_actor("  ALICE   SMITH", "alice smith"));
  CHECK_FALSE(db::same_actor("alice", "alice2"));
  auto typed = decisions.approve(stamp("Alice"), recorded.id, "");
  REQUIRE_FALSE(typed.ok());
  CHECK(typed.error().message ==
        "cannot approve allocation 1: the actor 'Alice' is not in normal form ('alice')");
}

TEST_CASE("an agreement stored before normal forms is compared in its folded form") {
  Recorded recorded;
  {
    // As a database written before this rule could hold it: the agreer typed "Asha ".
    SQLite::Database raw(recorded.dir.file("hsg.db"), SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO decisions (allocation_id, kind, actor, at, reason, agreed_pence, "
        "needs_approval) VALUES (1, 'agree', 'Asha ', '2025-01-31T10:00:00Z', 'legacy', 200000, "
        "1);");
  }
  auto own = db::DecisionRepository(recorded.database).approve(stamp("asha"), recorded.id, "");
  REQUIRE_FALSE(own.ok());
  CHECK(own.error().message ==
        "cannot approve allocation 1: asha agreed this amount, so another person must approve it");
}

TEST_CASE("an agreement beyond tolerance waits, its author may not approve it, another may") {
  Recorded recorded;
  db::DecisionRepository decisions(recorded.database);
  auto state = ok(decisions.agree(stamp("alice"), recorded.id, Money::from_pence(264551),
                                  "two extra weeks of intensive support"));
  CHECK(state.status == db::DecisionStatus::pending_approval);

  auto self = decisions.approve(stamp("alice"), recorded.id, "");
  REQUIRE_FALSE(self.ok());
  CHECK(self.error().message ==
        "cannot approve allocation 1: alice agreed this amount, so another person must approve it");

  state = ok(decisions.approve(stamp("manager", "2025-02-01T09:00:00Z"), recorded.id, "fine"));
  CHECK(state.status == db::DecisionStatus::approved);
  REQUIRE(state.resolution.has_value());
  CHECK(state.resolution->actor == "manager");
  CHECK(state.resolution->at == "2025-02-01T09:00:00Z");
  CHECK(state.resolution->agreement_id == 1);

  auto again = decisions.approve(stamp("other"), recorded.id, "");
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().message ==
        "cannot approve allocation 1: no agreed amount is waiting for "
        "approval (it is approved)");
}

TEST_CASE("a rejection needs a reason and another person, and a new agreement supersedes") {
  Recorded recorded;
  db::DecisionRepository decisions(recorded.database);
  ok(decisions.agree(stamp("alice"), recorded.id, Money::from_pence(100000), "client moving away"));

  auto no_reason = decisions.reject(stamp("manager"), recorded.id, "  ");
  REQUIRE_FALSE(no_reason.ok());
  CHECK(no_reason.error().message == "cannot reject allocation 1: a reason is required");
  CHECK_FALSE(decisions.reject(stamp("alice"), recorded.id, "my mistake").ok());

  auto state = ok(decisions.reject(stamp("manager"), recorded.id, "move not confirmed"));
  CHECK(state.status == db::DecisionStatus::rejected);
  CHECK(state.resolution->reason == "move not confirmed");

  state =
      ok(decisions.agree(stamp("alice"), recorded.id, Money::from_pence(240500), "as assessed"));
  CHECK(state.status == db::DecisionStatus::agreed);
  CHECK(state.agreement->id == 3);
  CHECK_FALSE(state.resolution.has_value());

  const auto history = ok(decisions.history(recorded.id));
  REQUIRE(history.size() == 3);
  CHECK(history[0].kind == db::DecisionKind::agree);
  CHECK(history[1].kind == db::DecisionKind::reject);
  CHECK(history[2].kind == db::DecisionKind::agree);
}

TEST_CASE("an agreement without a reason, or for no allocation, is refused") {
  Recorded recorded;
  db::DecisionRepository decisions(recorded.database);
  auto no_reason = decisions.agree(stamp("alice"), recorded.id, Money::from_pence(1), "");
  REQUIRE_FALSE(no_reason.ok());
  CHECK(no_reason.error().message ==
        "cannot agree an amount for allocation 1: a reason is required");
  auto missing = decisions.agree(stamp("alice"), 99, Money::from_pence(1), "why");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "cannot agree an amount for allocation 99: no allocation 99");
  auto negative = decisions.agree(stamp("alice"), recorded.id, Money::from_pence(-1), "why");
  CHECK_FALSE(negative.ok());
  CHECK(ok(decisions.history(recorded.id)).empty());
}

}  // namespace hsg::test
