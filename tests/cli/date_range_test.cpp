// Issue 20's far-future dates: every date lies from 1900-01-01 to 2199-12-31, and a grant
// whose instalments would fall past the end is refused when it starts (a grant started
// 9999-11-01 once had instalments dated "10000-01-24", which sort before 2025 as text).
#include <catch2/catch.hpp>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

const std::string kWorked = HSG_SOURCE_DIR "/docs/examples/worked-example.toml";

// Client C-1 with the worked example recorded and agreed on `assessed_on`.
void agree_on(const StoreFixture& store, const std::string& assessed_on) {
  store.ok({"init", "--actor", "asha"});
  store.ok(
      {"client", "add", "C-1", "--group", "Older people with support needs", "--actor", "asha"});
  store.ok({"allocate", "C-1", "--answers", kWorked, "--date", assessed_on, "--allow-future",
            "far-future test", "--actor", "asha"});
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
}

}  // namespace

TEST_CASE("dates: 2199-12-31 is the last date hsg takes, 2200-01-01 and 9999-11-01 are refused") {
  const StoreFixture store(false);
  agree_on(store, "2199-01-29");
  for (const std::string start : {"2200-01-01", "9999-11-01"}) {
    CHECK(store.refused({"grant", "start", "1", "--start", start, "--held-as", "direct_payment",
                         "--actor", "asha"}) ==
          "hsg: error: --start '" + start +
              "' is outside the dates hsg handles, 1900-01-01 to 2199-12-31 (see 'hsg grant "
              "start --help')\n");
  }
  CHECK(store.refused({"allocate", "C-1", "--answers", kWorked, "--date", "2200-01-01",
                       "--allow-future", "far-future test", "--actor", "asha"}) ==
        "hsg: error: --date '2200-01-01' is outside the dates hsg handles, 1900-01-01 to "
        "2199-12-31\n");
  CHECK(store.refused({"ledger", "post", "--through", "1899-12-31", "--actor", "asha"}) ==
        "hsg: error: --through '1899-12-31' is outside the dates hsg handles, 1900-01-01 to "
        "2199-12-31 (see 'hsg ledger post --help')\n");
}

TEST_CASE("dates: a grant whose instalments would fall past 2199-12-31 is refused at its start") {
  const StoreFixture store(false);
  agree_on(store, "2199-01-29");
  // long_term_maintenance: 13 four-weekly instalments, the last 336 days after the start.
  CHECK(store.refused({"grant", "start", "1", "--start", "2199-01-30", "--held-as",
                       "direct_payment", "--actor", "asha"}) ==
        "hsg: error: --start 2199-01-30: the instalments of long_term_maintenance would run "
        "past 2199-12-31, the last date hsg handles\n");
  CHECK(store.sql("SELECT count(*) FROM grants; SELECT count(*) FROM instalments;") == "0\n0\n");
  store.ok({"grant", "start", "1", "--start", "2199-01-29", "--held-as", "direct_payment",
            "--actor", "asha"});
  CHECK(store.sql("SELECT count(*), min(due_on), max(due_on) FROM instalments;") ==
        "18|2199-01-29|2199-12-31\n");
  // The reproduction: nothing dated after --through is posted.
  store.ok({"ledger", "post", "--through", "2025-12-31", "--actor", "asha"});
  CHECK(store.sql("SELECT count(*) FROM postings;") == "0\n");
}

TEST_CASE("dates: a statement whose review date would pass 2199-12-31 says so") {
  const hsg::test::ProcessResult assessed =
      hsg::test::run_hsg({"assess", "--answers", kWorked, "--date", "2199-12-31"});
  INFO(assessed.err);
  REQUIRE(assessed.exit_code == 0);
  CHECK_THAT(assessed.out, Catch::Contains("That is £148.00 a week for 12 weeks; reviewed after "
                                           "2199-12-31\n"));
}
