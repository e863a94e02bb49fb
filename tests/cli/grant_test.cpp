// Grants end to end: starting only what was agreed, the worked example's schedule,
// ending and reviewing cancel only what is unposted, recoveries, and tampering named.
#include <catch2/catch.hpp>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

const std::string kWorked = HSG_SOURCE_DIR "/docs/examples/worked-example.toml";

void agree_and_start(const StoreFixture& store, const std::string& amount = "2405.00") {
  store.ok({"agree", "1", "--amount", amount, "--reason", "as assessed", "--actor", "asha"});
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
            "--actor", "asha"});
}

}  // namespace

TEST_CASE("grant: the worked example is paid 3 x 592.00, 2 x 74.00 and 13 x 37.00") {
  StoreFixture store;
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  const auto started = store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as",
                                 "direct_payment", "--actor", "asha"});
  CHECK(started.out ==
        "Grant 1 started for allocation 1 on 2025-02-03: £2,405.00 held as direct_payment\n"
        "  short_term_intensive     £  1,776.00  3 instalment(s)\n"
        "  short_term_basic         £    148.00  2 instalment(s)\n"
        "  long_term_maintenance    £    481.00  13 instalment(s)\n");
  CHECK(store.sql("SELECT intervention, count(*), min(amount_pence), max(amount_pence), "
                  "sum(amount_pence), min(due_on), max(due_on) FROM instalments GROUP BY "
                  "intervention ORDER BY intervention;") ==
        "long_term_maintenance|13|3700|3700|48100|2025-02-03|2026-01-05\n"
        "short_term_basic|2|7400|7400|14800|2025-02-03|2025-03-03\n"
        "short_term_intensive|3|59200|59200|177600|2025-02-03|2025-03-31\n");
  CHECK(store.sql("SELECT allocation_id, agreement_id, client_ref, held_as, agreed_pence, "
                  "cost_centre, creditor_account FROM grants;") ==
        "1|1|C-1|direct_payment|240500|HSG|liabilities:grants payable:direct_payment\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: 27 events and 27 records verified", 0) == 0);
}

TEST_CASE("grant: an agreed amount is shared in proportion, instalments sum to each share") {
  StoreFixture store;
  agree_and_start(store, "2200.00");
  // 2,200.00 over 1,776 / 148 / 481: 1,624.62, 135.38, 440.00 (largest remainder).
  CHECK(
      store.sql("SELECT intervention, amount_pence FROM grant_interventions ORDER BY position;") ==
      "short_term_intensive|162462\nshort_term_basic|13538\nlong_term_maintenance|44000\n");
  CHECK(store.sql("SELECT t.intervention FROM grant_interventions t WHERE t.amount_pence <> "
                  "(SELECT sum(amount_pence) FROM instalments i WHERE i.grant_id = t.grant_id "
                  "AND i.intervention = t.intervention);") == "");
  CHECK(store.sql("SELECT group_concat(amount_pence) FROM instalments WHERE intervention = "
                  "'short_term_intensive' ORDER BY number;") == "54154,54154,54154\n");
  CHECK(store.sql("SELECT group_concat(amount_pence) FROM instalments WHERE intervention = "
                  "'short_term_basic';") == "6769,6769\n");
}

TEST_CASE("grant: only an agreed or approved allocation starts, once, and isf needs a provider") {
  StoreFixture store;
  const std::vector<std::string> start{"grant",          "start",      "1",
                                       "--start",        "2025-02-03", "--held-as",
                                       "direct_payment", "--actor",    "asha"};
  CHECK(store.refused(start) ==
        "hsg: error: allocation 1 has no agreed amount yet; agree it first (hsg agree 1 "
        "--amount AMOUNT --reason TEXT)\n");
  store.ok({"agree", "1", "--amount", "2000", "--reason", "family help", "--actor", "asha"});
  CHECK(store.refused(start) ==
        "hsg: error: allocation 1: the agreed amount £2,000.00 is waiting for approval by "
        "someone other than asha (hsg approve 1)\n");
  store.ok({"reject", "1", "--reason", "not evidenced", "--actor", "manager"});
  CHECK(store.refused(start) ==
        "hsg: error: allocation 1: the agreed amount £2,000.00 was rejected; agree a new "
        "amount first\n");
  store.ok({"agree", "1", "--amount", "2000", "--reason", "family help", "--actor", "asha"});
  store.ok({"approve", "1", "--actor", "manager"});
  CHECK(store.refused({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "isf"}) ==
        "hsg: error: an individual service fund (--held-as isf) is held by a provider: name it "
        "with --provider NAME\n");
  CHECK(store.refused({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "cash"}) ==
        "hsg: error: --held-as 'cash' is not a way money is held: direct_payment, "
        "managed_account or isf\n");
  store.ok(
      {"provider", "add", "Acme Support", "--accredited-from", "2024-04-01", "--actor", "asha"});
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "isf", "--provider",
            "Acme Support", "--actor", "asha"});
  CHECK(store.refused(start) ==
        "hsg: error: cannot start a grant for allocation 1: it already has grant 1\n");
  CHECK(store.sql("SELECT held_as, provider, agreed_pence, creditor_account FROM grants;") ==
        "isf|Acme Support|200000|liabilities:grants payable:isf\n");
}

TEST_CASE("grant: ending cancels only unposted instalments due after the end date") {
  StoreFixture store;
  agree_and_start(store);
  store.ok({"ledger", "post", "--through", "2025-03-03", "--actor", "finance"});
  // Post one instalment due after the end date early, by hand-free means: post through
  // 2025-04-28, then end at 2025-03-31 — the 04-28 instalment stays posted.
  store.ok({"ledger", "post", "--through", "2025-04-28", "--actor", "finance"});
  const auto ended = store.ok({"grant", "end", "1", "--date", "2025-03-31", "--reason",
                               "moved out of the area", "--actor", "asha"});
  CHECK(ended.out ==
        "Grant 1 ended on 2025-03-31: 9 unposted instalment(s) due after it cancelled "
        "(£333.00)\n"
        "  1 instalment(s) due after 2025-03-31 were already posted and stay posted: money to "
        "come back is a recovery (hsg grant recover 1 --amount AMOUNT --reason TEXT)\n");
  CHECK(store.sql("SELECT count(*), min(c.number), max(c.number) FROM instalment_cancellations "
                  "c JOIN postings p ON p.id = 'I-1-' || c.intervention || '-' || c.number;") ==
        "0||\n");
  CHECK(store.sql("SELECT intervention, min(number), max(number) FROM instalment_cancellations "
                  "GROUP BY intervention;") == "long_term_maintenance|5|13\n");
  // Nothing cancelled is ever posted, however far ahead one posts.
  const auto later = store.ok({"ledger", "post", "--through", "2027-01-01", "--actor", "f"});
  CHECK(later.out ==
        "Posted 0 instalment(s) due on or before 2027-01-01: £0.00\n"
        "9 instalment(s) due by then were already posted\n");
  CHECK(store.refused({"grant", "end", "1", "--date", "2025-04-30", "--reason", "again"}) ==
        "hsg: error: cannot end grant 1: it already ended on 2025-03-31 (moved out of the "
        "area)\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: ", 0) == 0);
}

TEST_CASE("grant: a review records a new allocation and ends the old grant the day before") {
  StoreFixture store;
  agree_and_start(store);
  store.ok({"ledger", "post", "--through", "2025-03-03", "--actor", "finance"});
  const auto reviewed = store.ok(
      {"grant", "review", "1", "--answers", kWorked, "--date", "2025-03-31", "--actor", "asha"});
  CHECK(reviewed.out ==
        "Allocation #2 recorded for client C-1: indicative grant £2,405.00\n"
        "Grant 1 ended on 2025-03-30: 12 unposted instalment(s) due after it cancelled "
        "(£999.00)\n"
        "Next: agree allocation 2 and start its grant from 2025-03-31 (hsg grant start 2 "
        "--start 2025-03-31 --held-as direct_payment)\n");
  CHECK(store.sql("SELECT end_on, kind, review_allocation_id FROM grant_ends;") ==
        "2025-03-30|review|2\n");
  // Due on the review date itself (03-31) is cancelled: the new grant pays from then.
  CHECK(store.sql("SELECT count(*) FROM instalment_cancellations WHERE number = 3 AND "
                  "intervention = 'short_term_intensive';") == "1\n");
  store.ok({"agree", "2", "--amount", "2405", "--reason", "as assessed", "--actor", "asha"});
  store.ok({"grant", "start", "2", "--start", "2025-03-31", "--held-as", "direct_payment",
            "--actor", "asha"});
  store.ok({"ledger", "post", "--through", "2025-03-31", "--actor", "finance"});
  CHECK(store.sql("SELECT grant_id, count(*) FROM postings WHERE posted_on = '2025-03-31' GROUP "
                  "BY grant_id;") == "2|3\n");
  // A review of an ended grant, or with bad answers, writes nothing.
  store.refused({"grant", "review", "1", "--answers", kWorked, "--date", "2025-05-01"});
  store.refused({"grant", "review", "2", "--answer", "money=lots", "--date", "2025-05-01"});
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: ", 0) == 0);
}

TEST_CASE("grant: a recovery is its own posting, never more than was paid") {
  StoreFixture store;
  agree_and_start(store);
  store.ok({"ledger", "post", "--through", "2025-02-03", "--actor", "finance"});  // 703.00
  CHECK(store.refused({"grant", "recover", "1", "--amount", "703.01", "--reason", "surplus",
                       "--date", "2025-03-01"}) ==
        "hsg: error: cannot record a recovery for grant 1: 703.01 is more than the grant has "
        "paid less what was already recovered (703.00 paid, 0.00 recovered, 703.00 "
        "recoverable)\n");
  CHECK(store
            .ok({"grant", "recover", "1", "--amount", "100.00", "--reason", "unspent surplus",
                 "--date", "2025-03-01", "--actor", "finance"})
            .out == "Recovery R-1-1 posted on 2025-03-01: £100.00 back from grant 1\n");
  // Dr creditor 100.00 / Cr expenditure in proportion to 1,776 / 148 / 481.
  CHECK(store.sql("SELECT line, account, debit_pence, credit_pence, ifnull(intervention, '-') "
                  "FROM posting_lines WHERE posting_id = 'R-1-1' ORDER BY line;") ==
        "1|liabilities:grants payable:direct_payment|10000|0|-\n"
        "2|expenses:housing support:short_term_intensive|0|7385|short_term_intensive\n"
        "3|expenses:housing support:short_term_basic|0|615|short_term_basic\n"
        "4|expenses:housing support:long_term_maintenance|0|2000|long_term_maintenance\n");
  CHECK(store
            .refused({"grant", "recover", "1", "--amount", "603.01", "--reason", "more", "--date",
                      "2025-03-01"})
            .find("(703.00 paid, 100.00 recovered, 603.00 recoverable)") != std::string::npos);
  // Reversing the recovery restores what may be recovered; a posting reverses once.
  store.ok({"ledger", "reverse", "R-1-1", "--reason", "cheque bounced", "--date", "2025-03-02",
            "--actor", "finance"});
  CHECK(
      store.refused({"ledger", "reverse", "R-1-1", "--reason", "again", "--date", "2025-03-02"}) ==
      "hsg: error: cannot reverse posting R-1-1: it was already reversed by X-R-1-1\n");
  CHECK(store.sql("SELECT account, sum(debit_pence) - sum(credit_pence) FROM posting_lines WHERE "
                  "posting_id IN ('R-1-1', 'X-R-1-1') GROUP BY account HAVING "
                  "sum(debit_pence) <> sum(credit_pence);") == "");
  store.ok({"grant", "recover", "1", "--amount", "703.00", "--reason", "all of it", "--date",
            "2025-03-03", "--actor", "finance"});
  const auto shown = store.ok({"grant", "show", "1"}).out;
  CHECK(shown.find("  1  2025-03-01  £   100.00  R-1-1 (reversed): unspent surplus\n") !=
        std::string::npos);
  CHECK(shown.find("Paid £703.00, recovered £703.00, still scheduled £1,702.00, cancelled "
                   "£0.00\n") != std::string::npos);
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: ", 0) == 0);
}

TEST_CASE("grant: an altered or unbalanced posting line is named") {
  StoreFixture store;
  agree_and_start(store);
  store.ok({"ledger", "post", "--through", "2025-02-03", "--actor", "finance"});
  store.sql(
      "DROP TRIGGER posting_lines_no_update; UPDATE posting_lines SET debit_pence = 59300 "
      "WHERE posting_id = 'I-1-short_term_intensive-1' AND line = 1;");
  const auto balance = store.run({"ledger", "balance"});
  CHECK(balance.exit_code == 1);
  CHECK(balance.err ==
        "hsg: error: cannot read the ledger: posting I-1-short_term_intensive-1 does not "
        "balance: debits 593.00, credits 592.00\n");
  const auto exported =
      store.run({"ledger", "export", "--from", "2025-01-01", "--to", "2026-01-01"});
  CHECK(exported.exit_code == 1);
  CHECK(exported.err.find("posting I-1-short_term_intensive-1 does not balance") !=
        std::string::npos);
  const auto verified = store.run({"audit", "verify"});
  CHECK(verified.exit_code == 1);
  CHECK(verified.err.find("posting_lines I-1-short_term_intensive-1/1 no longer matches audit "
                          "event") != std::string::npos);
}

TEST_CASE("grant: a ledger row no audit event wrote is named by audit verify") {
  StoreFixture store;
  agree_and_start(store);
  store.sql("INSERT INTO instalment_cancellations VALUES (1, 'short_term_basic', 2, 'sneaky');");
  const auto verified = store.run({"audit", "verify"});
  CHECK(verified.exit_code == 1);
  CHECK(verified.err ==
        "hsg: audit verification FAILED: instalment_cancellations 1/short_term_basic/2 was not "
        "written by any audit event (1 rows, 0 written)\n");
}

TEST_CASE("grant: list and --help") {
  StoreFixture store;
  agree_and_start(store);
  store.ok({"grant", "end", "1", "--date", "2025-03-31", "--reason", "moved", "--actor", "a"});
  CHECK(store.ok({"grant", "list"}).out ==
        " grant  client        alloc  start       held as               agreed  ended\n"
        "     1  C-1               1  2025-02-03  direct_payment      2,405.00  2025-03-31\n");
  CHECK(store.ok({"grant", "list", "--active-on", "2025-04-01"}).out.find("     1") ==
        std::string::npos);
  CHECK(store.ok({"grant", "list", "--active-on", "2025-03-31"}).out.find("     1  C-1") !=
        std::string::npos);
  for (const char* sub : {"start", "end", "review", "recover", "show", "list"}) {
    CHECK(store.ok({"grant", sub, "--help"}).out.rfind("Usage: hsg grant ", 0) == 0);
  }
  CHECK(store.ok({"grant", "--help"}).out.rfind("Usage: hsg grant SUBCOMMAND", 0) == 0);
}
