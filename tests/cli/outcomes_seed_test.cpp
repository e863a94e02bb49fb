// Seed 003's short-term outcomes table, reproduced from recorded returns.
//
// Bath & North East Somerset's 2010-11 table (seed 003, "Short Term Services") gives, for
// 456 returns, per measure: the number achieving the outcome, that as a % of those who
// needed support with it, and as a % of all 456. The seed does not print how many needed
// each; for each measure the test takes the smallest count that gives the seed's
// percentage (found below by search, and written down so a change is seen). Then it
// records 456 real returns, each against its own grant, through the hsg dispatcher in
// process (as simulation_test.cpp does), so that return i needs measure m iff i <
// needed(m) and achieved it iff i < achieved(m); and checks that `hsg report outcomes`
// computes every figure of the seed's table.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "engine/outcome_questions.h"
#include "tests/cli/in_process.h"
#include "tests/cli/run_process.h"

namespace {

constexpr std::int64_t kReturns = 456;

struct SeedRow {
  const char* measure;
  std::int64_t achieved;           // "Number achieving outcome"
  std::int64_t percent_of_needed;  // "% of those who identified this as a need …"
  std::int64_t percent_of_all;     // "This as % of all 456 clients", as printed
  std::int64_t needed;             // the smallest count giving percent_of_needed
};

// Seed 003, short-term services, in its order. 2dii prints 58% of all, but 163 of 456 is
// 35.7%, and 54% of those needing means 300-304 needed, so 58% cannot be right whatever
// the need (58% of 456 would be 263 to 266 achieving): a slip in the seed (the long-term table's
// 2dii, 123 of 292 = 42%, is consistent). The report's 36% is asserted below instead.
constexpr std::array<SeedRow, 21> kShortTerm{{
    {"1a", 332, 94, 73, 352},   {"1b", 154, 77, 34, 199},    {"1ci", 32, 33, 7, 96},
    {"1cii", 49, 51, 11, 96},   {"2ai", 111, 60, 24, 184},   {"2aii", 39, 21, 9, 182},
    {"2b", 108, 82, 24, 131},   {"2c", 63, 66, 14, 95},      {"2di", 279, 93, 61, 299},
    {"2dii", 163, 54, 58, 300}, {"3a", 162, 87, 36, 186},    {"3b", 177, 86, 39, 205},
    {"3c", 92, 61, 20, 150},    {"3d", 7, 100, 2, 7},        {"4ai", 159, 71, 35, 223},
    {"4aii", 253, 81, 55, 311}, {"4b", 40, 74, 9, 54},       {"4ci", 40, 91, 9, 44},
    {"4cii", 22, 81, 5, 27},    {"4ciii", 120, 94, 26, 127}, {"5", 293, 84, 64, 347},
}};

// The seed's rounding, independently of engine/: whole percent, halves up.
std::int64_t percent(std::int64_t part, std::int64_t whole) {
  return (200 * part + whole) / (2 * whole);
}

std::int64_t smallest_need(const SeedRow& row) {
  for (std::int64_t needed = row.achieved; needed <= kReturns; ++needed) {
    if (percent(row.achieved, needed) == row.percent_of_needed) return needed;
  }
  return -1;
}

// The store under test, one command at a time, in process.
class Store {
 public:
  explicit Store(const hsg::test::TempDir& dir) : dir_(dir) {}
  std::string ok(std::vector<std::string> args) const {
    args.push_back("--db");
    args.push_back((dir_ / "hsg.db").string());
    const hsg::test::ProcessResult result = hsg::test::run_in_process(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result.out;
  }

 private:
  const hsg::test::TempDir& dir_;
};

// The outcomes file of return `index`: each measure needed by the first `needed` returns
// and achieved by the first `achieved`.
std::string outcomes_file(std::int64_t index) {
  std::string text = "term = \"short\"\n[outcomes]\n";
  for (const SeedRow& row : kShortTerm) {
    text += "\"" + std::string(row.measure) +
            "\" = { needed = " + (index < row.needed ? "true" : "false") +
            ", achieved = " + (index < row.achieved ? "true" : "false") + " }\n";
  }
  return text;
}

}  // namespace

TEST_CASE("seed 003: the need counts are the smallest that give the seed's percentages") {
  for (const SeedRow& row : kShortTerm) {
    INFO(row.measure);
    CHECK(smallest_need(row) == row.needed);
    CHECK(percent(row.achieved, kReturns) ==
          (std::string(row.measure) == "2dii" ? 36 : row.percent_of_all));
  }
  REQUIRE(hsg::engine::outcome_measures().size() == kShortTerm.size());
  for (std::size_t i = 0; i < kShortTerm.size(); ++i) {
    CHECK(hsg::engine::outcome_measures()[i].key == kShortTerm[i].measure);
  }
}

TEST_CASE("seed 003: 456 short-term returns give the seed's table") {
  // As in the simulation: durability is not under test and every write fsyncs, so the
  // database goes on memory-backed /dev/shm where there is one.
  if (std::filesystem::is_directory("/dev/shm") && access("/dev/shm", W_OK) == 0) {
    setenv("TMPDIR", "/dev/shm", 1);
  }
  hsg::test::TempDir dir;
  const Store store(dir);
  store.ok({"init", "--actor", "asha"});
  // More clients than returns: an allocation with nothing to pay cannot become a grant.
  store.ok(
      {"generate", "--clients", "520", "--seed", "3", "--from", "2025-04-01", "--actor", "asha"});
  const std::string totals =
      hsg::test::run_sqlite((dir / "hsg.db").string(),
                            "SELECT id, printf('%d.%02d', total_pence / 100, total_pence % 100) "
                            "FROM allocations WHERE total_pence > 0 ORDER BY id LIMIT 456;");
  std::istringstream rows(totals);
  std::string line;
  std::int64_t index = 0;
  const auto file = dir / "outcomes.toml";
  while (std::getline(rows, line)) {
    const std::string allocation = line.substr(0, line.find('|'));
    const std::string amount = line.substr(line.find('|') + 1);
    store.ok(
        {"agree", allocation, "--amount", amount, "--reason", "as assessed", "--actor", "asha"});
    const std::string grant = std::to_string(index + 1);
    store.ok({"grant", "start", allocation, "--start", "2026-04-01", "--held-as", "direct_payment",
              "--actor", "asha"});
    hsg::test::write_file(file, outcomes_file(index));
    store.ok({"outcome", "record", grant, "--date", "2026-09-30", "--file", file.string(),
              "--actor", "asha"});
    ++index;
  }
  REQUIRE(index == kReturns);

  const auto report =
      nlohmann::json::parse(store.ok({"report", "outcomes", "--from", "2026-04-01", "--to",
                                      "2027-03-31", "--term", "short", "--json"}));
  REQUIRE(report["terms"].size() == 1);
  const auto& term = report["terms"][0];
  CHECK(term["term"] == "short");
  CHECK(term["returns"] == kReturns);
  REQUIRE(term["measures"].size() == kShortTerm.size());
  for (std::size_t i = 0; i < kShortTerm.size(); ++i) {
    const SeedRow& row = kShortTerm[i];
    const auto& measure = term["measures"][i];
    INFO(row.measure);
    CHECK(measure["measure"] == row.measure);
    CHECK(measure["achieved"] == row.achieved);
    CHECK(measure["needed"] == row.needed);
    CHECK(measure["percent_of_needed"] == row.percent_of_needed);
    CHECK(measure["percent_of_all"] ==
          (std::string(row.measure) == "2dii" ? 36 : row.percent_of_all));
  }

  const std::string text = store.ok(
      {"report", "outcomes", "--from", "2026-04-01", "--to", "2027-03-31", "--term", "short"});
  CHECK(text.substr(0, text.find("Enjoy")) ==
        "Outcomes of short-term services, 2026-04-01 to 2027-03-31: 456 return(s)\n"
        "                                            achieving % of needing  % of all\n"
        "Economic wellbeing\n"
        "1a     maximise income                            332          94%       73%\n"
        "1b     reduce overall debt                        154          77%       34%\n"
        "1ci    paid work (after leaving)                   32          33%        7%\n"
        "1cii   paid work (while in service)                49          51%       11%\n");
  // Nothing is long-term: every figure of that table is "—".
  const std::string long_term = store.ok(
      {"report", "outcomes", "--from", "2026-04-01", "--to", "2027-03-31", "--term", "long"});
  CHECK(long_term.find(
            "1a     maximise income                              0            —         —\n") !=
        std::string::npos);
  CHECK(store.ok({"audit", "verify"}).rfind("ok: ", 0) == 0);
}
