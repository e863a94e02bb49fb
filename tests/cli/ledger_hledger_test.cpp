// Debian's hledger reads the exported journal and its balances equal hsg's, account by
// account, on a generated caseload. hledger must be installed (scripts/setup does it):
// without it this test fails rather than skips.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <string>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

// stdout of a shell command and its exit status.
std::pair<int, std::string> shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (std::size_t got = fread(buffer.data(), 1, buffer.size(), pipe))
    out.append(buffer.data(), got);
  const int status = pclose(pipe);
  return {status, out};
}

}  // namespace

TEST_CASE("ledger: hledger's balance of the exported journal equals hsg ledger balance") {
  StoreFixture store(false);
  store.ok({"init", "--actor", "asha"});
  // Assessed in the year before the grants start on 2025-06-02: none starts before it.
  store.ok(
      {"generate", "--clients", "40", "--seed", "5", "--from", "2024-06-01", "--actor", "asha"});
  store.ok(
      {"provider", "add", "Acme Support", "--accredited-from", "2024-04-01", "--actor", "asha"});
  const std::string rows = store.sql("SELECT id, total_pence FROM allocations ORDER BY id;");
  std::size_t at = 0;
  int index = 0;
  while (at < rows.size()) {
    const std::size_t end = rows.find('\n', at);
    const std::string row = rows.substr(at, end - at);
    at = end + 1;
    const std::string id = row.substr(0, row.find('|'));
    const long long total = std::stoll(row.substr(row.find('|') + 1));
    const std::string amount = std::to_string(total / 100) + "." + (total % 100 < 10 ? "0" : "") +
                               std::to_string(total % 100);
    store.ok({"agree", id, "--amount", amount, "--reason", "as assessed", "--actor", "asha"});
    const char* held[] = {"direct_payment", "managed_account", "isf"};
    std::vector<std::string> start{"grant",     "start",         id,        "--start", "2025-06-02",
                                   "--held-as", held[index % 3], "--actor", "asha"};
    if (index % 3 == 2) {
      start.push_back("--provider");
      start.push_back("Acme Support");
    }
    store.ok(start);
    ++index;
  }
  REQUIRE(index == 40);
  store.ok({"ledger", "post", "--through", "2025-12-31", "--actor", "finance"});
  store.ok({"grant", "recover", "2", "--amount", "25.00", "--reason", "unspent; returned", "--date",
            "2025-09-01", "--actor", "finance"});
  std::string latest = store.sql(
      "SELECT id FROM postings WHERE grant_id = 4 AND posted_on <= '2025-09-02' ORDER BY "
      "posted_on DESC, id LIMIT 1;");
  REQUIRE(latest.size() > 1);
  latest.pop_back();
  store.ok({"ledger", "reverse", latest, "--reason", "paid in error", "--date", "2025-09-02",
            "--actor", "finance"});
  store.ok({"grant", "end", "3", "--date", "2025-08-31", "--reason", "moved", "--actor", "a"});
  const std::string journal = (store.dir() / "ledger.journal").string();
  store.ok({"ledger", "export", "--from", "2025-01-01", "--to", "2026-01-01", "--format", "hledger",
            "--output", journal});

  const auto [status, hledger] = shell("hledger -f '" + journal + "' bal -O csv 2>&1");
  INFO(hledger);
  REQUIRE(status == 0);
  const std::string ours = store.ok({"ledger", "balance", "--format", "csv"}).out;
  CHECK(hledger == ours);
  CHECK(ours.find("\"total\",\"0\"\n") != std::string::npos);
  // Opening balance + period = closing, in hledger's own arithmetic too.
  const auto [period_status, period] =
      shell("hledger -f '" + journal + "' bal -b 2025-07-01 -e 2026-01-01 -O csv 2>&1");
  REQUIRE(period_status == 0);
  CHECK(period.find("\"total\",\"0\"\n") != std::string::npos);
  CHECK(hledger.find("\"liabilities:grants payable:isf\",\"-") != std::string::npos);
}
