// The ledger end to end: posting is idempotent, exports are exact, balances add up.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

void started(const StoreFixture& store) {
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
            "--actor", "asha"});
}

// account → balance in pence, from `hsg ledger balance --format csv`.
std::map<std::string, long long> balances(const StoreFixture& store,
                                          const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"ledger", "balance", "--format", "csv"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::istringstream lines(store.ok(args).out);
  std::map<std::string, long long> result;
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    const auto comma = line.find("\",\"");
    const std::string account = line.substr(1, comma - 1);
    std::string amount = line.substr(comma + 3, line.size() - comma - 4);
    if (account == "total") continue;
    amount.erase(std::remove(amount.begin(), amount.end(), '.'), amount.end());
    result[account] = std::stoll(amount);
  }
  return result;
}

}  // namespace

TEST_CASE("ledger: posting twice posts nothing twice, and says so") {
  StoreFixture store;
  started(store);
  const auto first = store.ok({"ledger", "post", "--through", "2025-03-03", "--actor", "fin"});
  CHECK(first.out ==
        "Posted 6 instalment(s) due on or before 2025-03-03: £1,406.00\n"
        "0 instalment(s) due by then were already posted\n");
  const std::string after_first = store.fingerprint();
  const auto second = store.ok({"ledger", "post", "--through", "2025-03-03", "--actor", "fin"});
  CHECK(second.out ==
        "Posted 0 instalment(s) due on or before 2025-03-03: £0.00\n"
        "6 instalment(s) due by then were already posted\n");
  CHECK(store.fingerprint() == after_first);
  CHECK(store.sql("SELECT id, posted_on FROM postings ORDER BY posted_on, id LIMIT 2;") ==
        "I-1-long_term_maintenance-1|2025-02-03\nI-1-short_term_basic-1|2025-02-03\n");
}

TEST_CASE("ledger: CSV export is RFC 4180 with the issue's header, by date, to excluded") {
  StoreFixture store;
  started(store);
  store.ok({"ledger", "post", "--through", "2025-03-03", "--actor", "fin"});
  store.ok({"grant", "recover", "1", "--amount", "10.00", "--reason", "surplus, \"returned\"",
            "--date", "2025-03-03", "--actor", "fin"});
  const auto csv = store.ok({"ledger", "export", "--from", "2025-03-03", "--to", "2025-03-04"});
  CHECK(csv.out ==
        "posting_id,line,date,account,cost_centre,debit,credit,amount,client_ref,grant_id,"
        "intervention,description,reverses\r\n"
        "I-1-long_term_maintenance-2,1,2025-03-03,expenses:housing support:long_term_maintenance,"
        "HSG,37.00,0.00,37.00,C-1,1,long_term_maintenance,grant 1 long_term_maintenance "
        "instalment 2 of 13,\r\n"
        "I-1-long_term_maintenance-2,2,2025-03-03,liabilities:grants payable:direct_payment,HSG,"
        "0.00,37.00,-37.00,C-1,1,,grant 1 long_term_maintenance instalment 2 of 13,\r\n"
        "I-1-short_term_basic-2,1,2025-03-03,expenses:housing support:short_term_basic,HSG,74.00,"
        "0.00,74.00,C-1,1,short_term_basic,grant 1 short_term_basic instalment 2 of 2,\r\n"
        "I-1-short_term_basic-2,2,2025-03-03,liabilities:grants payable:direct_payment,HSG,0.00,"
        "74.00,-74.00,C-1,1,,grant 1 short_term_basic instalment 2 of 2,\r\n"
        "I-1-short_term_intensive-2,1,2025-03-03,expenses:housing support:short_term_intensive,"
        "HSG,592.00,0.00,592.00,C-1,1,short_term_intensive,grant 1 short_term_intensive "
        "instalment 2 of 3,\r\n"
        "I-1-short_term_intensive-2,2,2025-03-03,liabilities:grants payable:direct_payment,HSG,"
        "0.00,592.00,-592.00,C-1,1,,grant 1 short_term_intensive instalment 2 of 3,\r\n"
        "R-1-1,1,2025-03-03,liabilities:grants payable:direct_payment,HSG,10.00,0.00,10.00,C-1,1,,"
        "\"grant 1 recovery 1: surplus, \"\"returned\"\"\",\r\n"
        "R-1-1,2,2025-03-03,expenses:housing support:short_term_intensive,HSG,0.00,7.38,-7.38,C-1,"
        "1,short_term_intensive,\"grant 1 recovery 1: surplus, \"\"returned\"\"\",\r\n"
        "R-1-1,3,2025-03-03,expenses:housing support:short_term_basic,HSG,0.00,0.62,-0.62,C-1,1,"
        "short_term_basic,\"grant 1 recovery 1: surplus, \"\"returned\"\"\",\r\n"
        "R-1-1,4,2025-03-03,expenses:housing support:long_term_maintenance,HSG,0.00,2.00,-2.00,"
        "C-1,1,long_term_maintenance,\"grant 1 recovery 1: surplus, \"\"returned\"\"\",\r\n");
  // [from, to): the day before and a range ending on the posting date hold nothing.
  CHECK(store.ok({"ledger", "export", "--from", "2025-02-04", "--to", "2025-03-03"}).out ==
        "posting_id,line,date,account,cost_centre,debit,credit,amount,client_ref,grant_id,"
        "intervention,description,reverses\r\n");
  const auto json = nlohmann::json::parse(store
                                              .ok({"ledger", "export", "--from", "2025-01-01",
                                                   "--to", "2026-01-01", "--format", "json"})
                                              .out);
  REQUIRE(json.size() == 16);
  CHECK(json[0] == nlohmann::json::parse(
                       R"({"posting_id":"I-1-long_term_maintenance-1","line":1,"date":"2025-02-03",
      "account":"expenses:housing support:long_term_maintenance","cost_centre":"HSG",
      "debit":"37.00","credit":"0.00","amount":"37.00","client_ref":"C-1","grant_id":1,
      "intervention":"long_term_maintenance",
      "description":"grant 1 long_term_maintenance instalment 1 of 13","reverses":null})"));
  CHECK(store.refused({"ledger", "export", "--from", "2025-01-01", "--to", "2026-01-01", "--format",
                       "xml"}) ==
        "hsg: error: --format 'xml' is not one of csv, json, hledger (see 'hsg ledger export "
        "--help')\n");
}

TEST_CASE("ledger: --output writes the whole file, debits equal credits for any range") {
  StoreFixture store;
  started(store);
  store.ok({"ledger", "post", "--through", "2026-12-31", "--actor", "fin"});
  const std::string file = (store.dir() / "all.csv").string();
  const auto written = store.ok(
      {"ledger", "export", "--from", "2025-01-01", "--to", "2027-01-01", "--output", file});
  CHECK(written.out.empty());
  CHECK(written.err == "wrote 36 ledger line(s) to " + file + "\n");
  const std::string text = hsg::test::read_file(file);
  CHECK(std::count(text.begin(), text.end(), '\n') == 37);
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"2025-01-01", "2025-03-01"}, {"2025-03-01", "2025-07-15"}, {"2025-07-15", "2027"}}) {
    CHECK(store.sql("SELECT sum(debit_pence) - sum(credit_pence) FROM posting_lines l JOIN "
                    "postings p ON p.id = l.posting_id WHERE p.posted_on >= '" +
                    from + "' AND p.posted_on < '" + to + "';") == "0\n");
  }
}

TEST_CASE("ledger: balances, opening + period = closing, and a reversal nets to zero") {
  StoreFixture store;
  started(store);
  store.ok({"ledger", "post", "--through", "2025-03-31", "--actor", "fin"});
  CHECK(store.ok({"ledger", "balance", "--as-of", "2025-03-03"}).out ==
        "           74.00  expenses:housing support:long_term_maintenance\n"
        "          148.00  expenses:housing support:short_term_basic\n"
        "        1,184.00  expenses:housing support:short_term_intensive\n"
        "       -1,406.00  liabilities:grants payable:direct_payment\n"
        "----------------\n"
        "            0.00\n");
  const auto opening = balances(store, {"--as-of", "2025-03-02"});
  const auto closing = balances(store, {"--as-of", "2025-03-31"});
  // The period 2025-03-03 .. 2025-03-31 from the export, summed by account.
  std::map<std::string, long long> movement;
  for (const auto& line : nlohmann::json::parse(store
                                                    .ok({"ledger", "export", "--from", "2025-03-03",
                                                         "--to", "2025-04-01", "--format", "json"})
                                                    .out)) {
    std::string amount = line["amount"];
    amount.erase(std::remove(amount.begin(), amount.end(), '.'), amount.end());
    movement[line["account"]] += std::stoll(amount);
  }
  for (const auto& [account, pence] : closing) {
    const auto before = opening.count(account) ? opening.at(account) : 0;
    CHECK(before + movement[account] == pence);
  }
  const auto reversed = store.ok({"ledger", "reverse", "I-1-short_term_intensive-3", "--reason",
                                  "paid in error", "--date", "2025-04-01", "--actor", "fin"});
  CHECK(reversed.out ==
        "Posted X-I-1-short_term_intensive-3 on 2025-04-01, reversing "
        "I-1-short_term_intensive-3\n");
  const auto after = balances(store);
  CHECK(after.at("expenses:housing support:short_term_intensive") == 118400);
  CHECK(after.at("liabilities:grants payable:direct_payment") ==
        closing.at("liabilities:grants payable:direct_payment") + 59200);
  CHECK(store.refused({"ledger", "reverse", "I-1-short_term_basic-1", "--reason", "x", "--date",
                       "2025-02-02"}) ==
        "hsg: error: cannot reverse posting I-1-short_term_basic-1: 2025-02-02 is before the "
        "posting's own date 2025-02-03\n");
  CHECK(store.refused({"ledger", "reverse", "I-9-x-1", "--reason", "x", "--date", "2025-02-02"}) ==
        "hsg: error: cannot reverse posting I-9-x-1: no posting I-9-x-1\n");
  CHECK(store.ok({"grant", "show", "1"})
            .out.find("short_term_intensive       3  2025-03-31  £"
                      "   592.00  reversed "
                      "I-1-short_term_intensive-3\n") != std::string::npos);
}

TEST_CASE("ledger: commitments by month and type, and spend against a budget") {
  StoreFixture store;
  started(store);
  store.ok({"ledger", "post", "--through", "2025-03-31", "--actor", "fin"});
  store.ok({"grant", "end", "1", "--date", "2025-06-30", "--reason", "moved", "--actor", "a"});
  CHECK(store.ok({"ledger", "commitments", "--as-of", "2025-03-31"}).out ==
        "Commitments as of 2025-03-31\n"
        "month    intervention             instalments         amount\n"
        "2025-04  long_term_maintenance              1          37.00\n"
        "2025-05  long_term_maintenance              1          37.00\n"
        "2025-06  long_term_maintenance              1          37.00\n"
        "total                                       3         111.00\n");
  // As of an earlier date, what was posted later is still a commitment.
  CHECK(store.ok({"ledger", "commitments", "--as-of", "2025-02-28"})
            .out.find("2025-03  short_term_intensive               2       1,184.00\n") !=
        std::string::npos);
  CHECK(store
            .ok({"ledger", "summary", "--from", "2025-02-01", "--to", "2025-04-01", "--by",
                 "intervention", "--budget", "2000"})
            .out ==
        "Spend from 2025-02-01 to 2025-04-01 (not included), by intervention\n"
        "  long_term_maintenance                            111.00\n"
        "  short_term_basic                                 148.00\n"
        "  short_term_intensive                           1,776.00\n"
        "  total                                          2,035.00\n"
        "  budget                                         2,000.00\n"
        "  remaining                                        -35.00\n");
  CHECK(
      store.ok({"ledger", "summary", "--from", "2025-02-01", "--to", "2025-04-01", "--by", "month"})
          .out.find("  2025-03                                        1,332.00\n") !=
      std::string::npos);
  CHECK(store
            .ok({"ledger", "summary", "--from", "2025-02-01", "--to", "2025-04-01", "--by",
                 "client-group"})
            .out.find("  older_people ") != std::string::npos);
  CHECK(store
            .ok({"ledger", "summary", "--from", "2025-02-01", "--to", "2025-04-01", "--by",
                 "cost-centre"})
            .out.find("  HSG                                            2,035.00\n") !=
        std::string::npos);
  for (const char* sub : {"post", "reverse", "export", "balance", "commitments", "summary"}) {
    CHECK(store.ok({"ledger", sub, "--help"}).out.rfind("Usage: hsg ledger ", 0) == 0);
  }
}
