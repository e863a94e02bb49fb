// hsg generate: synthetic clients are never mixed into a database of real ones by accident.
#include <catch2/catch.hpp>

#include <string>

#include "tests/cli/store_fixture.h"

namespace {

const std::string kMixingRefused =
    "hsg: error: the database holds 1 client that hsg generate did not add; synthetic "
    "clients are not to be mixed with real ones, so nothing was generated (use a new "
    "database, or add --force to generate here anyway)\n";

}  // namespace

TEST_CASE("generate: a database holding a client it did not add is refused, unless --force") {
  hsg::test::StoreFixture store(false);
  store.ok({"init", "--actor", "asha"});
  store.ok({"client", "add", "C-1", "--group", "older_people", "--actor", "asha"});
  CHECK(store.refused({"generate", "--clients", "5", "--seed", "3", "--actor", "asha"}) ==
        kMixingRefused);
  CHECK(store.sql("SELECT count(*) FROM clients;") == "1\n");
  store.ok({"generate", "--clients", "5", "--seed", "3", "--actor", "asha", "--force"});
  CHECK(store.sql("SELECT seed, from_on, client_count, first_client_ref, last_client_ref, "
                  "forced FROM generations;") == "3|2025-04-01|5|G000001|G000005|1\n");
  CHECK(store.sql("SELECT count(*) FROM clients;") == "6\n");
  CHECK(store.ok({"audit", "verify"}).out.starts_with("ok: 14 events and 14 records verified;"));
}

TEST_CASE("generate: an empty database takes a caseload, and a client added later stops the next") {
  hsg::test::StoreFixture store(false);
  store.ok({"init", "--actor", "asha"});
  store.ok(
      {"generate", "--clients", "4", "--seed", "3", "--from", "2025-01-01", "--actor", "asha"});
  CHECK(store.sql("SELECT seed, from_on, client_count, first_client_ref, last_client_ref, "
                  "forced FROM generations;") == "3|2025-01-01|4|G000001|G000004|0\n");
  store.ok({"client", "add", "C-1", "--group", "older_people", "--actor", "asha"});
  CHECK(store.refused({"generate", "--clients", "5", "--seed", "3", "--actor", "asha"}) ==
        kMixingRefused);
}

TEST_CASE("generate: assessments dated after today need --allow-future, kept in the chain") {
  hsg::test::StoreFixture store(false);
  store.ok({"init", "--actor", "asha"});
  const std::string head = store.sql("SELECT max(seq) FROM audit_events;");
  const std::string refused = store.refused(
      {"generate", "--clients", "3", "--seed", "3", "--from", "2099-01-01", "--actor", "asha"});
  CHECK_THAT(refused, Catch::StartsWith("hsg: error: the assessment of G000001, dated 2099-"));
  CHECK_THAT(refused, Catch::EndsWith(", the local date); an assessment is not dated in the "
                                      "future unless --allow-future REASON says why\n"));
  CHECK(store.sql("SELECT max(seq) FROM audit_events;") == head);
  CHECK(store.sql("SELECT count(*) FROM clients;") == "0\n");
  store.ok({"generate", "--clients", "3", "--seed", "3", "--from", "2099-01-01", "--allow-future",
            "next century's caseload, for a demo", "--actor", "asha"});
  CHECK(store.sql("SELECT count(*) FROM audit_events WHERE action = 'allocation.allow_future';") ==
        "3\n");
  CHECK(store.ok({"audit", "verify"}).out.starts_with("ok: "));
}
