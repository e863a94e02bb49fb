// Core and flexi end to end (seed 002): the statement of rules/core-flexi.toml, and a
// grant from it paying £160.00 every four weeks, posted to its own expenditure account.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/store_fixture.h"

using hsg::test::run_hsg;
using hsg::test::StoreFixture;

namespace {

const std::string kCoreFlexi = HSG_SOURCE_DIR "/rules/core-flexi.toml";

// core-flexi in force from 2025-04-01 (medway retired then), C-1 allocated under it.
struct CoreFlexiStore : StoreFixture {
  CoreFlexiStore() : StoreFixture(false) {
    ok({"init", "--actor", "asha"});
    ok({"client", "add", "C-1", "--group", "Adults with mental health needs", "--actor", "asha"});
    ok({"rules", "add", kCoreFlexi, "--actor", "asha"});
    ok({"rules", "retire", "f8a3", "--from", "2025-04-01", "--reason", "core and flexi", "--actor",
        "asha"});
    ok({"rules", "adopt", kCoreFlexi, "--from", "2025-04-01", "--reason", "core and flexi",
        "--actor", "asha"});
    ok({"rules", "approve-adoption", kCoreFlexi, "--actor", "manager"});
    ok({"allocate", "C-1", "--date", "2025-04-07", "--actor", "asha"});
  }
};

}  // namespace

TEST_CASE("core and flexi: assess gives 40.00 a week in cash and 3.50 hours a week") {
  const auto assessed = run_hsg({"assess", "--rules", kCoreFlexi, "--date", "2025-04-07"});
  INFO(assessed.err);
  REQUIRE(assessed.exit_code == 0);
  const std::string body = assessed.out.substr(assessed.out.find("\nYour answers"));
  CHECK(body ==
        "\nYour answers\n"
        "  none: this rule set asks no questions\n"
        "\nSupport by type\n"
        "\n  Flexi cash allocation\n"
        "    A fixed allowance, not worked out from the answers\n"
        "    £40.00 a week × 52 weeks = £2,080.00\n"
        "    An equal share of £800.00 a week among 20 places\n"
        "    Reviewed on 2026-04-06\n"
        "\n  Flexible support hours\n"
        "    A fixed allowance, not worked out from the answers\n"
        "    3.50 hours a week of support for 52 weeks, given as time, not cash\n"
        "    Reviewed on 2026-04-06\n"
        "\n  Indicative grant:  £2,080.00 (upper limit £2,080.00, not reached)\n"
        "\nThis is how your indicative grant was worked out. If you think an answer, a score\n"
        "or a figure is wrong, you may ask for a review of this decision.\n");
}

TEST_CASE("core and flexi: the JSON carries the allowance and its pot") {
  const auto assessed =
      run_hsg({"assess", "--rules", kCoreFlexi, "--date", "2025-04-07", "--json"});
  REQUIRE(assessed.exit_code == 0);
  const auto json = nlohmann::json::parse(assessed.out);
  const auto& cash = json["interventions"][0];
  CHECK(cash["type"] == "flexi_cash");
  CHECK(cash["weekly_amount"] == "40.00");
  CHECK(cash["amount"] == "2080.00");
  CHECK(cash["allowance"] == nlohmann::json::parse(R"({"cash_per_week": "40.00",
      "pot": {"amount": "800.00", "weeks": 1, "places": 20, "unallocated": "0.00"}})"));
  CHECK(json["interventions"][1]["hours_per_week"] == "3.50");
  CHECK(json["interventions"][1]["amount"] == "0.00");
  CHECK(json["trace"]["scores"].empty());
  CHECK(json["trace"]["amounts"][0]["exact_hundredths_of_penny"] == 20'800'000);
  CHECK(json["total"] == "2080.00");
}

TEST_CASE("core and flexi: a grant pays 13 x 160.00 every four weeks to flexi_cash") {
  CoreFlexiStore store;
  store.ok({"agree", "1", "--amount", "2080.00", "--reason", "as assessed", "--actor", "asha"});
  CHECK(store
            .ok({"grant", "start", "1", "--start", "2025-04-07", "--held-as", "managed_account",
                 "--actor", "asha"})
            .out ==
        "Grant 1 started for allocation 1 on 2025-04-07: £2,080.00 held as managed_account\n"
        "  flexi_cash               £  2,080.00  13 instalment(s)\n"
        "  flexi_hours              £      0.00  0 instalment(s)\n");
  CHECK(store.sql("SELECT intervention, count(*), min(amount_pence), max(amount_pence), "
                  "min(due_on), max(due_on) FROM instalments GROUP BY intervention;") ==
        "flexi_cash|13|16000|16000|2025-04-07|2026-03-09\n");
  CHECK(store.ok({"ledger", "post", "--through", "2025-05-05", "--actor", "fin"}).out ==
        "Posted 2 instalment(s) due on or before 2025-05-05: £320.00\n"
        "0 instalment(s) due by then were already posted\n");
  CHECK(store.sql("SELECT posting_id, account, debit_pence, credit_pence FROM posting_lines "
                  "ORDER BY posting_id, line;") ==
        "I-1-flexi_cash-1|expenses:housing support:flexi_cash|16000|0\n"
        "I-1-flexi_cash-1|liabilities:grants payable:managed_account|0|16000\n"
        "I-1-flexi_cash-2|expenses:housing support:flexi_cash|16000|0\n"
        "I-1-flexi_cash-2|liabilities:grants payable:managed_account|0|16000\n");
  CHECK(store.ok({"audit", "replay", "--all"}).out ==
        "replayed 1 allocations: 1 identical, 0 different\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: ", 0) == 0);
  const std::string letter = store.ok({"letter", "1", "--date", "2025-04-07"}).out;
  for (const char* line :
       {"Everyone these rules apply to gets the same allowance; it does not depend on answers "
        "about your needs.</p>\n",
        "<li>Flexi cash allocation: a fixed allowance, not worked out from your answers: £40.00 a "
        "week × 52 "
        "weeks = <strong>£2,080.00</strong>. An equal share of £800.00 a week among 20 "
        "places.</li>\n",
        "<li>Flexible support hours: a fixed allowance, not worked out from your answers: 3.50 "
        "hours a week "
        "of support for 52 weeks, at times you choose, given as time, not money.</li>\n",
        "<li>7 April 2025: £160.00 (paid)</li>\n", "<li>9 March 2026: £160.00</li>\n",
        "<li>Flexi cash allocation: by 6 April 2026, after 52 weeks.</li>\n"}) {
    INFO(line);
    CHECK(letter.find(line) != std::string::npos);
  }
  CHECK(letter.find("<th>Your need</th>") == std::string::npos);  // no questions asked
}

TEST_CASE("core and flexi: a what-if moves every client to 2080.00 whatever they answered") {
  StoreFixture store(false);
  store.ok({"init", "--actor", "c"});
  store.ok({"generate", "--clients", "50", "--seed", "3", "--actor", "c"});
  const auto whatif = nlohmann::json::parse(
      store.ok({"whatif", "--rules", kCoreFlexi, "--as-of", "2026-12-07", "--json"}).out);
  CHECK(whatif["clients"]["assessed"] == 50);
  CHECK(whatif["clients"]["cannot_be_assessed"] == 0);
  CHECK(whatif["totals"]["after"] == "104000.00");  // 50 × 52 × £40.00
  CHECK(whatif["totals"]["annualised_after"] == "104000.00");
}

TEST_CASE("core and flexi: a budget search is refused as the candidate uses no hourly rate") {
  StoreFixture store(false);
  store.ok({"init", "--actor", "c"});
  store.ok({"generate", "--clients", "5", "--seed", "3", "--actor", "c"});
  CHECK(store.refused({"whatif", "--rules", kCoreFlexi, "--budget", "70000"}) ==
        "hsg: error: --budget: the candidate has fixed allowances alone and no hourly rate, so "
        "there is no rate to search for; its totals are the same at every rate\n");
}

TEST_CASE("core and flexi: an import needs no area columns and medway's rows still do") {
  CoreFlexiStore store;
  const std::string flexi = (store.dir() / "flexi.csv").string();
  hsg::test::write_file(flexi, "client_ref,date,assessor\nC-1,2025-05-01,asha\n");
  CHECK(store.ok({"import", flexi, "--actor", "asha"}).out ==
        "imported 1 assessment from " + flexi + " as import 1\n");
  CHECK(store.sql("SELECT id, answers FROM allocations ORDER BY id;") == "1|{}\n2|{}\n");
  // Before 2025-04-01 medway is in force, which asks ten questions.
  const std::string medway = (store.dir() / "medway.csv").string();
  hsg::test::write_file(medway, "client_ref,date,assessor\nC-1,2025-03-01,asha\n");
  CHECK(store.refused({"import", medway, "--actor", "asha"}) ==
        medway +
            ":1: the header has no column for area tenancy_skills, housing_options, "
            "home_maintenance, settling_in, on_call, money, health, safety, social, work_learning "
            "of rule set medway 1.0\nhsg: error: 1 problem; nothing was imported\n");
}
