// Spending a grant's cash end to end: purchases within the balance, sign-off by a
// different person, the balance refused with its figures, receipts by SHA-256, the
// support plan's objectives, the surplus and its recovery, and tampering named.
//
// The worked example's grant starts on 2025-02-03; posted through 2025-02-28 it has paid
// in £703.00. A week's payment is 1,776.00/12 + 148.00/8 + 481.00/52 = 148.00 + 18.50 +
// 9.25 = £175.75, medway has no [spending] table, so a purchase of more than £175.75
// needs sign-off and the surplus is what is saved above 4 weeks' payments, £703.00.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

// The worked example agreed, started on 2025-02-03 and posted through 2025-02-28.
void paid_in(const StoreFixture& store) {
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
            "--actor", "asha"});
  store.ok({"ledger", "post", "--through", "2025-02-28", "--actor", "fin"});
}

std::vector<std::string> purchase(const std::string& date, const std::string& amount,
                                  const std::string& description, const std::string& objective,
                                  const std::string& actor = "asha") {
  return {"spend",         "record",    "1",           "--date",  date,      "--amount", amount,
          "--description", description, "--objective", objective, "--actor", actor};
}

}  // namespace

TEST_CASE("spend: a purchase within a week's payment is spent at once and audited") {
  StoreFixture store;
  paid_in(store);
  CHECK(store.ok(purchase("2025-02-10", "25.00", "Bus pass", "travel")).out ==
        "Purchase 1 recorded for grant 1 on 2025-02-10: £25.00 for Bus pass (objective travel)\n"
        "  spent\n");
  CHECK(store.ok({"spend", "show", "1", "--as-of", "2025-02-28"}).out ==
        "Grant 1 cash as of 2025-02-28\n"
        "  paid in              £    703.00\n"
        "  spent                £     25.00\n"
        "  awaiting sign-off    £      0.00\n"
        "  recovered            £      0.00\n"
        "  saved                £    678.00\n"
        "  a week's payment £175.75; sign-off above £175.75 (one week's payment, the default); "
        "surplus above 4 weeks' payments\n"
        "  #  date            amount  state              objective         description\n"
        "  1  2025-02-10       25.00  spent              travel            Bus pass\n");
  // Before the purchase's date it is not counted; before the grant, nothing is paid in.
  CHECK(store.ok({"spend", "show", "1", "--as-of", "2025-02-09"})
            .out.find("  saved                £    703.00\n") != std::string::npos);
  CHECK(store.sql("SELECT grant_id, number, purchased_on, amount_pence, description, "
                  "objective_key, ifnull(plan_id, '-'), ifnull(receipt_sha256, '-'), "
                  "needs_sign_off, sign_off_above_pence, actor FROM purchases;") ==
        "1|1|2025-02-10|2500|Bus pass|travel|-|-|0|17575|asha\n");
  CHECK(store.sql("SELECT action, entity_type, entity_id FROM audit_events ORDER BY seq DESC "
                  "LIMIT 1;") == "purchase.record|purchases|1/1\n");
  // No ledger line: the instalment already expensed the money (docs/finance.md).
  CHECK(store.sql("SELECT count(*) FROM postings;") == "3\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: 37 events and 37 records verified", 0) == 0);
}

TEST_CASE("spend: a purchase above a week's payment awaits sign-off by a different person") {
  StoreFixture store;
  paid_in(store);
  store.ok(purchase("2025-02-10", "25.00", "Bus pass", "travel"));
  CHECK(store.ok(purchase("2025-02-12", "200.00", "Laptop for a course", "learning")).out ==
        "Purchase 2 recorded for grant 1 on 2025-02-12: £200.00 for Laptop for a course "
        "(objective learning)\n"
        "  awaiting sign-off, being more than £175.75 (one week's payment, the default): "
        "reserved until a different person signs it off (hsg spend approve 1 2) or it is "
        "refused\n");
  // Reserved: the balance is 703.00 - 25.00 - 200.00 = 478.00, and not a penny more.
  CHECK(store.refused(purchase("2025-02-20", "478.01", "Sofa", "home")) ==
        "hsg: error: cannot record a purchase for grant 1: £478.01 is more than the grant's "
        "balance on 2025-02-20, £478.00 (paid in £703.00 by then, less £225.00 spent or "
        "awaiting sign-off and £0.00 recovered, at any date)\n");
  CHECK(store.refused({"spend", "approve", "1", "2", "--date", "2025-02-14", "--actor", "Asha"}) ==
        "hsg: error: cannot sign off purchase 2 of grant 1: asha recorded it, and a purchase is "
        "signed off by a different person (four eyes)\n");
  CHECK(store.refused({"spend", "approve", "1", "1", "--date", "2025-02-14", "--actor", "sam"}) ==
        "hsg: error: cannot sign off purchase 1 of grant 1: it did not need sign-off (£25.00 is "
        "not more than £175.75)\n");
  CHECK(store.ok({"spend", "approve", "1", "2", "--date", "2025-02-14", "--actor", "sam"}).out ==
        "Purchase 2 of grant 1 (Laptop for a course, £200.00) signed off by sam on 2025-02-14\n");
  CHECK(store.refused({"spend", "approve", "1", "2", "--date", "2025-02-15", "--actor", "kim"}) ==
        "hsg: error: cannot sign off purchase 2 of grant 1: it was already signed off by sam on "
        "2025-02-14\n");
  CHECK(store.refused({"spend", "refuse", "1", "2", "--reason", "too late", "--actor", "kim"}) ==
        "hsg: error: cannot refuse purchase 2 of grant 1: it was already signed off by sam on "
        "2025-02-14\n");
  // The day before the sign-off it was still awaiting it.
  CHECK(store.ok({"spend", "show", "1", "--as-of", "2025-02-13"})
            .out.find(
                "  2  2025-02-12      200.00  awaiting sign-off  learning          Laptop for a "
                "course\n") != std::string::npos);
  // A refusal releases what was reserved; the recorder refusing is a withdrawal.
  store.ok(purchase("2025-02-20", "300.00", "Holiday deposit", "wellbeing"));
  CHECK(store
            .ok({"spend", "refuse", "1", "3", "--date", "2025-02-21", "--reason", "Not in the plan",
                 "--actor", "asha"})
            .out ==
        "Purchase 3 of grant 1 (Holiday deposit, £300.00) refused by asha on "
        "2025-02-21\n");
  const auto json = store.ok({"spend", "show", "1", "--as-of", "2025-02-28", "--json"}).out;
  CHECK(json.find("\"paid_in\": \"703.00\",\n  \"spent\": \"225.00\",\n  \"awaiting_sign_off\": "
                  "\"0.00\",\n  \"recovered\": \"0.00\",\n  \"saved\": \"478.00\"") !=
        std::string::npos);
  CHECK(json.find("\"status\": \"refused\"") != std::string::npos);
  CHECK(store.sql("SELECT grant_id, number, kind, decided_on, reason, actor FROM "
                  "purchase_decisions ORDER BY number;") ==
        "1|2|approve|2025-02-14|signed off|sam\n"
        "1|3|refuse|2025-02-21|Not in the plan|asha\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: 41 events and 41 records verified", 0) == 0);
}

TEST_CASE("spend: a purchase outside the grant's dates or with a bad amount is refused") {
  StoreFixture store;
  paid_in(store);
  CHECK(store.refused(purchase("2025-02-02", "10.00", "Early", "travel")) ==
        "hsg: error: cannot record a purchase for grant 1: 2025-02-02 is before the grant "
        "started (2025-02-03)\n");
  CHECK(store.refused(purchase("2025-02-10", "0.00", "Nothing", "travel")) ==
        "hsg: error: --amount 0.00 must be more than 0.00 (see 'hsg spend record --help')\n");
  CHECK(store.refused(purchase("2025-02-10", "1.234", "Odd", "travel")).find("--amount '1.234'") !=
        std::string::npos);
  CHECK(store.refused(purchase("2025-02-10", "10.00", "Bus", "Travel")) ==
        "hsg: error: cannot record a purchase for grant 1: objective 'Travel' is not an "
        "objective key (1 to 64 of a-z, 0-9 and '_')\n");
  CHECK(store.refused({"spend", "record", "2", "--date", "2025-02-10", "--amount", "1.00",
                       "--description", "x", "--objective", "x", "--actor", "asha"}) ==
        "hsg: error: no grant 2\n");
  store.ok({"grant", "end", "1", "--date", "2025-02-20", "--reason", "moved", "--actor", "asha"});
  CHECK(store.refused(purchase("2025-02-21", "10.00", "Late", "travel")) ==
        "hsg: error: cannot record a purchase for grant 1: 2025-02-21 is after the grant ended "
        "(2025-02-20)\n");
  store.ok(purchase("2025-02-20", "10.00", "Last day", "travel"));
}

TEST_CASE("spend: with a support plan the objective is one of the plan's") {
  StoreFixture store;
  paid_in(store);
  store.ok({"provider", "add", "Medway Housing Support Ltd", "--accredited-from", "2024-04-01",
            "--actor", "asha"});
  store.ok({"plan", "set", "1", "--file", HSG_SOURCE_DIR "/docs/examples/support-plan.toml",
            "--date", "2025-02-05", "--actor", "asha"});
  // Before the plan's date there is no plan to check against.
  store.ok(purchase("2025-02-04", "5.00", "Stamps", "post"));
  CHECK(store.refused(purchase("2025-02-06", "5.00", "Stamps", "post")) ==
        "hsg: error: cannot record a purchase for grant 1: objective 'post' is not an objective "
        "of the grant's support plan in force on 2025-02-06 (hsg plan show 1): tenancy, "
        "friends\n");
  store.ok(purchase("2025-02-06", "12.50", "Lunch club", "friends"));
  CHECK(store.sql("SELECT number, objective_key, ifnull(plan_id, '-') FROM purchases;") ==
        "1|post|-\n2|friends|1\n");
}

TEST_CASE("spend: a receipt is stored once by its SHA-256 and the chain holds only the hash") {
  StoreFixture store;
  paid_in(store);
  const auto receipt = store.dir() / "receipt.txt";
  hsg::test::write_file(receipt, "abc");
  auto with_receipt = purchase("2025-02-10", "25.00", "Bus pass", "travel");
  with_receipt.insert(with_receipt.end(), {"--receipt", receipt.string()});
  CHECK(store.ok(with_receipt).out ==
        "Purchase 1 recorded for grant 1 on 2025-02-10: £25.00 for Bus pass (objective travel)\n"
        "  receipt sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (3 "
        "bytes)\n"
        "  spent\n");
  store.ok(with_receipt);
  CHECK(store.sql("SELECT sha256, size_bytes, CAST(bytes AS TEXT) FROM receipts;") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad|3|abc\n");
  CHECK(store.sql("SELECT count(*) FROM audit_events WHERE payload LIKE '%abc\"%';") == "0\n");
  CHECK(store.sql("SELECT count(*) FROM audit_events WHERE payload LIKE "
                  "'%\"receipt_sha256\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f"
                  "20015ad\"%';") == "2\n");
  CHECK(store.ok({"spend", "show", "1", "--as-of", "2025-02-10"})
            .out.find("     receipt sha256 "
                      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad "
                      "(3 bytes)\n") != std::string::npos);
  // Above 10 MiB a receipt is refused from the file's size, and nothing is written.
  const auto big = store.dir() / "big.pdf";
  hsg::test::write_file(big, std::string(10 * 1024 * 1024 + 1, 'x'));
  auto with_big = purchase("2025-02-10", "25.00", "Bus pass", "travel");
  with_big.insert(with_big.end(), {"--receipt", big.string()});
  CHECK(store.refused(with_big) == "hsg: error: --receipt '" + big.string() +
                                       "' has 10485761 bytes; a receipt may have at most "
                                       "10485760 (10 MiB) (see 'hsg spend record --help')\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: ", 0) == 0);
}

TEST_CASE("spend: the surplus above 4 weeks' payments, recovered, leaves 4 weeks' saved") {
  StoreFixture store;
  paid_in(store);
  store.ok(purchase("2025-02-10", "25.00", "Bus pass", "travel"));
  store.ok({"ledger", "post", "--through", "2025-03-31", "--actor", "fin"});
  // Paid in 703.00 + 1,332.00 = 2,035.00; saved 2,010.00; kept 4 x 175.75 = 703.00.
  CHECK(store.ok({"spend", "surplus", "1", "--as-of", "2025-03-31"}).out ==
        "Grant 1 surplus as of 2025-03-31\n"
        "  saved                £  2,010.00\n"
        "  kept                 £    703.00  (4 weeks of £175.75)\n"
        "  surplus              £  1,307.00\n"
        "To recover it: hsg grant recover 1 --amount 1307.00 --date 2025-03-31 --reason 'Surplus "
        "above 4 weeks of payments'\n");
  CHECK(store.ok({"spend", "surplus", "1", "--as-of", "2025-03-31", "--json"}).out ==
        "{\n  \"grant_id\": 1,\n  \"as_of\": \"2025-03-31\",\n  \"saved\": \"2010.00\",\n"
        "  \"week_payment\": \"175.75\",\n  \"keep_weeks\": 4,\n  \"kept\": \"703.00\",\n"
        "  \"surplus\": \"1307.00\"\n}\n");
  // A recovery may not take what was spent.
  CHECK(store.refused({"grant", "recover", "1", "--amount", "2010.01", "--date", "2025-03-31",
                       "--reason", "all", "--actor", "fin"}) ==
        "hsg: error: cannot record a recovery for grant 1: 2010.01 is more than the grant has "
        "paid less what was already recovered and what its purchases spent or "
        "await sign-off (2035.00 paid, 0.00 recovered, 25.00 purchased, 2010.00 recoverable)\n");
  store.ok({"grant", "recover", "1", "--amount", "1307.00", "--date", "2025-03-31", "--reason",
            "Surplus above 4 weeks of payments", "--actor", "fin"});
  CHECK(store.ok({"spend", "surplus", "1", "--as-of", "2025-03-31"}).out ==
        "Grant 1 surplus as of 2025-03-31\n"
        "  saved                £    703.00\n"
        "  kept                 £    703.00  (4 weeks of £175.75)\n"
        "  surplus              £      0.00\n"
        "Nothing to recover.\n");
  CHECK(store.ok({"spend", "show", "1", "--as-of", "2025-03-31"})
            .out.find("  recovered            £  1,307.00\n  saved                £    703.00\n") !=
        std::string::npos);
  // Nor may a reversal take back a payment the purchases and recovery rely on.
  store.ok(purchase("2025-03-31", "600.00", "Course fees", "learning"));
  CHECK(store.refused({"ledger", "reverse", "I-1-short_term_intensive-3", "--reason", "error",
                       "--date", "2025-03-31", "--actor", "fin"}) ==
        "hsg: error: cannot reverse posting I-1-short_term_intensive-3: grant 1 would then have "
        "paid 1443.00, less than the 625.00 its purchases spent or await sign-off and the 1307.00 "
        "recovered\n");
}

TEST_CASE("spend: an altered purchase, decision or receipt is named by audit verify") {
  StoreFixture store;
  paid_in(store);
  const auto receipt = store.dir() / "receipt.txt";
  hsg::test::write_file(receipt, "abc");
  auto with_receipt = purchase("2025-02-10", "200.00", "Laptop", "learning");
  with_receipt.insert(with_receipt.end(), {"--receipt", receipt.string()});
  store.ok(with_receipt);
  store.ok({"spend", "approve", "1", "1", "--date", "2025-02-11", "--actor", "sam"});
  SECTION("an amount") {
    store.sql(
        "DROP TRIGGER purchases_no_update; UPDATE purchases SET amount_pence = 100; "
        "CREATE TRIGGER purchases_no_update BEFORE UPDATE ON purchases\nBEGIN SELECT "
        "RAISE(ABORT, 'append-only: purchases rows are never updated'); END;");
    CHECK(store.run({"audit", "verify"}).err ==
          "hsg: audit verification FAILED: purchases 1/1 no longer matches audit event 37 that "
          "wrote it\n");
    // Nor is the altered purchase acted on: the balance it would give is not trusted.
    CHECK(store.refused(purchase("2025-02-12", "1.00", "Pen", "learning")) ==
          "hsg: error: refusing to act on grant 1: purchases 1/1 no longer matches audit event "
          "37 that wrote it; run 'hsg audit verify'\n");
  }
  SECTION("a sign-off") {
    store.sql(
        "DROP TRIGGER purchase_decisions_no_update; UPDATE purchase_decisions SET actor = "
        "'asha';");
    CHECK(store.run({"audit", "verify"})
              .err.find("purchase_decisions 1/1 no longer matches audit event 38 that wrote it") !=
          std::string::npos);
  }
  SECTION("a receipt's bytes") {
    store.sql("DROP TRIGGER receipts_no_update; UPDATE receipts SET bytes = CAST('abd' AS BLOB);");
    CHECK(store.run({"audit", "verify"})
              .err.find(
                  "receipts ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad: its "
                  "bytes no longer have that SHA-256") != std::string::npos);
  }
  SECTION("a receipt removed") {
    store.sql("DELETE FROM receipts;");
    const auto verified = store.run({"audit", "verify"});
    CHECK(verified.exit_code == 1);
    CHECK(verified.err ==
          "hsg: audit verification FAILED: receipts "
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (of purchase 1/1) "
          "is missing\n");
  }
  SECTION("a purchase no event wrote") {
    store.sql(
        "INSERT INTO purchases VALUES (1, 2, '2025-02-12', 100, 'x', 'x', NULL, NULL, "
        "NULL, 0, 17575, 'asha', '2025-02-12T00:00:00Z');");
    CHECK(store.run({"audit", "verify"}).err ==
          "hsg: audit verification FAILED: purchases 1/2 was not written by any audit event (2 "
          "rows, 1 written)\n");
  }
}

TEST_CASE("spend: a week's payment is the exact sum of amount over weeks rounded once") {
  StoreFixture store;
  store.ok({"agree", "1", "--amount", "2200.00", "--reason", "family help", "--actor", "asha"});
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
            "--actor", "asha"});
  // 1,624.62 / 12 + 135.38 / 8 + 440.00 / 52 = (162462 x 26 + 13538 x 39 + 44000 x 6) / 312
  // pence = 5,015,994 / 312 = 16,076.90... pence: £160.77.
  const auto json = store.ok({"spend", "show", "1", "--as-of", "2025-02-03", "--json"}).out;
  CHECK(json.find("\"week_payment\": \"160.77\",\n    \"sign_off_above\": \"160.77\",\n    "
                  "\"keep_weeks\": 4,") != std::string::npos);
  CHECK(json.find("\"paid_in\": \"0.00\"") != std::string::npos);
  CHECK(store.refused(purchase("2025-02-03", "0.01", "Pen", "learning")) ==
        "hsg: error: cannot record a purchase for grant 1: £0.01 is more than the grant's "
        "balance on 2025-02-03, £0.00 (paid in £0.00 by then, less £0.00 spent or awaiting "
        "sign-off and £0.00 recovered, at any date)\n");
}

TEST_CASE("spend: a rule set's [spending] table sets the sign-off threshold and the weeks kept") {
  StoreFixture store;
  const auto rules = store.dir() / "medway-spending.toml";
  hsg::test::write_file(rules, hsg::test::read_file(HSG_SOURCE_DIR "/rules/medway.toml") +
                                   "\n[spending]\nsign_off_above = \"40.00\"\nkeep_weeks = 2\n");
  store.ok({"rules", "add", rules.string(), "--actor", "asha"});
  const std::string id =
      store.sql("SELECT substr(id, 1, 12) FROM rulesets WHERE id NOT LIKE 'f8a3%';").substr(0, 12);
  store.ok({"rules", "retire", "f8a3", "--from", "2025-04-01", "--reason", "replaced", "--actor",
            "asha"});
  store.ok(
      {"rules", "adopt", id, "--from", "2025-04-01", "--reason", "spending", "--actor", "asha"});
  store.ok({"rules", "approve-adoption", id, "--actor", "manager"});
  store.ok({"allocate", "C-1", "--answers", HSG_SOURCE_DIR "/docs/examples/worked-example.toml",
            "--date", "2025-04-01", "--actor", "asha"});
  store.ok({"agree", "2", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  // Allocation 2, under the adopted rule set, becomes grant 1.
  store.ok({"grant", "start", "2", "--start", "2025-04-07", "--held-as", "direct_payment",
            "--actor", "asha"});
  store.ok({"ledger", "post", "--through", "2025-04-30", "--actor", "fin"});
  const auto spend = [](const std::string& amount) {
    return std::vector<std::string>{
        "spend",         "record",       "1",           "--date", "2025-04-08", "--amount", amount,
        "--description", "Darts league", "--objective", "social", "--actor",    "asha"};
  };
  CHECK(store.ok(spend("40.00")).out.find("  spent\n") != std::string::npos);
  CHECK(
      store.ok(spend("40.01")).out.find("  awaiting sign-off, being more than £40.00: reserved") !=
      std::string::npos);
  // 703.00 - 40.00 - 40.01 = 622.99 saved; kept 2 x 175.75 = 351.50; surplus 271.49.
  CHECK(store.ok({"spend", "surplus", "1", "--as-of", "2025-04-30"}).out ==
        "Grant 1 surplus as of 2025-04-30\n"
        "  saved                £    622.99\n"
        "  kept                 £    351.50  (2 weeks of £175.75)\n"
        "  surplus              £    271.49\n"
        "To recover it: hsg grant recover 1 --amount 271.49 --date 2025-04-30 --reason 'Surplus "
        "above 2 weeks of payments'\n");
}

TEST_CASE("spend: --help for each subcommand") {
  StoreFixture store(false);
  for (const auto& [sub, usage] : std::vector<std::pair<std::string, std::string>>{
           {"record",
            "Usage: hsg spend record GRANT --date D --amount AMOUNT --description TEXT "
            "--objective ID [--receipt FILE]\n"},
           {"approve", "Usage: hsg spend approve GRANT PURCHASE [--date D] [--reason TEXT]\n"},
           {"refuse", "Usage: hsg spend refuse GRANT PURCHASE --reason TEXT [--date D]\n"},
           {"show", "Usage: hsg spend show GRANT [--as-of D] [--json]\n"},
           {"surplus", "Usage: hsg spend surplus GRANT --as-of D [--json]\n"}}) {
    const auto help = store.ok({"spend", sub, "--help"});
    CHECK(help.out.substr(0, usage.size()) == usage);
  }
}
