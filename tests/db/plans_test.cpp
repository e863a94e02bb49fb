// Providers and support plans on a real file: accreditation by date with history kept,
// plan versions, append-only tables, and audit verification of every row written.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "db/audit_log.h"
#include "db/plans.h"
#include "db/providers.h"
#include "tests/db/db_fixture.h"
#include "tests/db/grant_fixture.h"

namespace hsg::test {

namespace {

using engine::Money;

bool accredited(db::Database& database, const char* name, const char* on) {
  const auto provider = ok(db::ProviderRepository(database).find(name));
  return provider && db::accredited_on(*provider, date(on));
}

db::NewPlan small_plan(const std::string& bytes) {
  return {1,
          date("2025-02-03"),
          bytes,
          {{"tenancy", "Keep my tenancy", "economic_wellbeing"}},
          {{4, "Weekly visits", "tenancy", "Medway Housing Support Ltd", "independence_skills",
            Money::from_pence(120000)},
           {1, "A neighbour helps", "tenancy", std::nullopt, "settling_in", Money()}}};
}

}  // namespace

TEST_CASE("providers: accreditation covers its dates, an end stops it, history is kept") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::ProviderRepository providers(database);
  CHECK(ok(providers.accredit(
            stamp("alice"), {"Acme", "generalist", date("2025-01-01"), date("2025-06-30")})) == 1);
  CHECK_FALSE(accredited(database, "Acme", "2024-12-31"));
  CHECK(accredited(database, "Acme", "2025-01-01"));
  CHECK(accredited(database, "Acme", "2025-06-30"));
  CHECK_FALSE(accredited(database, "Acme", "2025-07-01"));
  CHECK(ok(providers.accredit(stamp("alice"),
                              {"Acme", "generalist", date("2025-09-01"), std::nullopt})) == 2);
  CHECK(accredited(database, "Acme", "2030-01-01"));
  ok(providers.end(stamp("alice"), "Acme", date("2026-03-31")));
  CHECK(accredited(database, "Acme", "2026-03-31"));
  CHECK_FALSE(accredited(database, "Acme", "2026-04-01"));
  CHECK(accredited(database, "Acme", "2025-03-01"));  // the earlier period is untouched
  CHECK(providers.end(stamp("alice"), "Acme", date("2026-05-01")).error().message ==
        "cannot end the accreditation of provider 'Acme': it is not accredited on 2026-05-01");
  CHECK(providers.accredit(stamp("alice"), {"Acme", "specialist", date("2027-01-01"), std::nullopt})
            .error()
            .message ==
        "cannot accredit provider 'Acme': it is a generalist provider, not "
        "specialist");
  CHECK(providers
            .accredit(stamp("alice"), {"Zed", "generalist", date("2025-02-01"), date("2025-01-01")})
            .error()
            .message ==
        "cannot accredit provider 'Zed': --until 2025-01-01 is before "
        "--accredited-from 2025-02-01");
  const auto on = ok(providers.list(date("2026-04-01")));
  CHECK(on.empty());
  const auto all = ok(providers.list(std::nullopt));
  REQUIRE(all.size() == 1);
  CHECK(all[0].accreditations ==
        std::vector<db::Accreditation>{{1, date("2025-01-01"), date("2025-06-30")},
                                       {2, date("2025-09-01"), std::nullopt}});
  CHECK(all[0].ends == std::vector<db::ProviderEnd>{{date("2026-03-31"), 2}});
  CHECK(ok(db::AuditLog(database).verify()).records_checked == 4);
}

TEST_CASE("providers: a mistaken end is undone by accrediting again, not overwritten") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::ProviderRepository providers(database);
  ok(providers.accredit(stamp("alice"), {"Acme", "generalist", date("2024-04-01"), {}}));
  ok(providers.end(stamp("alice"), "Acme", date("2025-03-31")));
  CHECK(ok(providers.list(date("2025-04-01"))).empty());
  // Accredited again from a day before the end: the new period is not closed by it.
  ok(providers.accredit(stamp("alice"), {"Acme", "generalist", date("2025-01-01"), {}}));
  const auto on = ok(providers.list(date("2025-04-01")));
  REQUIRE(on.size() == 1);
  CHECK(on[0].ends == std::vector<db::ProviderEnd>{{date("2025-03-31"), 1}});
  CHECK(ok(providers.list(date("2024-12-31"))).size() == 1);  // the first period, before its end
  CHECK(ok(db::AuditLog(database).verify()).ok);
}

TEST_CASE("plans: a new version supersedes, the old stays readable, rows verify") {
  Agreed store;
  ok(db::GrantRepository(store.database).start(stamp("alice"), store.grant));
  db::PlanRepository plans(store.database);
  CHECK(ok(plans.get(1)) == std::nullopt);
  const db::Plan first = ok(plans.add(stamp("alice"), small_plan("first")));
  CHECK(first.version == 1);
  CHECK(first.sha256 == "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e");
  auto changed = small_plan("second");
  changed.uses[0].amount = Money::from_pence(100000);
  CHECK(ok(plans.add(stamp("bea"), changed)).version == 2);
  const auto latest = ok(plans.get(1));
  REQUIRE(latest);
  CHECK(latest->version == 2);
  CHECK(latest->actor == "bea");
  CHECK(latest->uses == changed.uses);
  const auto old = ok(plans.get(1, 1));
  REQUIRE(old);
  CHECK(old->bytes == "first");
  CHECK(old->uses[0].amount.pence() == 120000);
  CHECK(old->objectives == first.objectives);
  // 4 before the grant, 8 for it; each plan 1 + 1 objective + 2 uses.
  CHECK(ok(db::AuditLog(store.database).verify()).records_checked == 20);
}

TEST_CASE("plans: the store refuses a plan that cannot hold, and writes nothing") {
  Agreed store;
  db::PlanRepository plans(store.database);
  CHECK(plans.add(stamp("alice"), small_plan("x")).error().message ==
        "cannot record a plan for grant 1: no grant 1");
  ok(db::GrantRepository(store.database).start(stamp("alice"), store.grant));
  auto stray = small_plan("x");
  stray.uses[1].objective = "friends";
  CHECK(plans.add(stamp("alice"), stray).error().message ==
        "cannot record a plan for grant 1: a use serves 'friends', which is not an objective of "
        "the plan");
  CHECK(ok(plans.get(1)) == std::nullopt);
}

TEST_CASE("plans: tampering with a stored plan is named by audit verify") {
  Agreed store;
  ok(db::GrantRepository(store.database).start(stamp("alice"), store.grant));
  ok(db::PlanRepository(store.database).add(stamp("alice"), small_plan("first")));
  const auto path = store.dir.file("hsg.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(
        "DROP TRIGGER plan_uses_no_update; UPDATE plan_uses SET amount_pence = 1 WHERE "
        "position = 1");
  }
  db::Database database = open_database(path);
  CHECK(ok(db::AuditLog(database).verify()).problem ==
        "plan_uses 1/1 no longer matches audit event 15 that wrote it");
}

TEST_CASE("providers and plans: every table refuses UPDATE and DELETE") {
  Agreed store;
  ok(db::GrantRepository(store.database).start(stamp("alice"), store.grant));
  db::ProviderRepository providers(store.database);
  ok(providers.accredit(stamp("alice"), {"Medway Housing Support Ltd", "generalist",
                                         date("2025-01-01"), std::nullopt}));
  ok(providers.end(stamp("alice"), "Medway Housing Support Ltd", date("2025-12-31")));
  ok(db::PlanRepository(store.database).add(stamp("alice"), small_plan("x")));
  const auto path = store.dir.file("hsg.db");
  for (const std::string table : {"providers", "provider_accreditations", "provider_ends", "plans",
                                  "plan_objectives", "plan_uses"}) {
    INFO(table);
    REQUIRE(refusal(path, "SELECT 1 FROM " + table + " LIMIT 1") == "accepted");
    CHECK(refusal(path, "UPDATE " + table + " SET rowid = rowid") ==
          "append-only: " + table + " rows are never updated");
    CHECK(refusal(path, "DELETE FROM " + table) ==
          "append-only: " + table + " rows are never deleted");
  }
}

}  // namespace hsg::test
