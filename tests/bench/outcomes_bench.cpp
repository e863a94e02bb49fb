// The outcomes report over a big caseload: how long `hsg report outcomes`'s query takes
// and whether memory grows with the number of returns.
//
//   outcomes_bench [returns=100000]
//
// Builds a store whose outcome tables hold N returns (21 answers each) spread over a
// year, short- and long-term alternately, every tenth of them recorded twice (a second
// version that supersedes the first), written straight to the tables with SQLite
// (grants are not created: the report reads only the outcome tables, and foreign keys
// are off for this connection only). Untimed. Then times OutcomeRepository::report() for
// each term over the whole year and over one month, and prints the peak RSS: run it for
// 100k and 1M in separate processes (scripts/bench) and compare.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/core.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "db/outcomes.h"
#include "engine/outcome_questions.h"
#include "tests/bench/bench_measure.h"
#include "tests/bench/bench_must.h"

namespace {

using hsg::bench::Clock;
using hsg::bench::must;
using hsg::bench::peak_rss_mib;
using hsg::bench::seconds_since;

constexpr char kBench[] = "outcomes_bench";

void fill(const std::filesystem::path& file, std::int64_t returns) {
  SQLite::Database raw(file, SQLite::OPEN_READWRITE);
  raw.exec("PRAGMA foreign_keys = OFF");
  SQLite::Transaction transaction(raw);
  SQLite::Statement insert_return(
      raw,
      "INSERT INTO outcome_returns (id, grant_id, client_ref, return_on, term, version, actor, "
      "at) VALUES (?1, ?2, 'G', ?3, ?4, ?5, 'bench', '2025-04-01T00:00:00Z')");
  SQLite::Statement insert_answer(
      raw,
      "INSERT INTO outcome_answers (return_id, measure, needed, achieved) VALUES (?1, ?2, "
      "?3, ?4)");
  const auto first_day = *hsg::engine::Date::from_ymd(2025, 4, 1);
  const auto measures = hsg::engine::outcome_measures();
  std::int64_t id = 0;
  for (std::int64_t grant = 1; grant <= returns; ++grant) {
    const std::int64_t versions = grant % 10 == 0 ? 2 : 1;
    for (std::int64_t version = 1; version <= versions; ++version) {
      ++id;
      insert_return.bind(1, id);
      insert_return.bind(2, grant);
      insert_return.bind(
          3, first_day.plus_days(static_cast<std::int64_t>(grant % 365)).value().to_string());
      insert_return.bind(4, grant % 2 == 0 ? "short" : "long");
      insert_return.bind(5, version);
      insert_return.exec();
      insert_return.reset();
      for (std::size_t m = 0; m < measures.size(); ++m) {
        // A spread of answers that differs by measure and return.
        const std::int64_t mix = (grant * 7 + static_cast<std::int64_t>(m) * 13) % 10;
        insert_answer.bind(1, id);
        insert_answer.bind(2, std::string(measures[m].key));
        insert_answer.bind(3, mix < 6 ? 1 : 0);
        insert_answer.bind(4, mix < 4 ? 1 : 0);
        insert_answer.exec();
        insert_answer.reset();
      }
    }
  }
  transaction.commit();
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t returns = argc > 1 ? std::atoll(argv[1]) : 100'000;
  const auto dir = std::filesystem::temp_directory_path() / "hsg-outcomes-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto file = dir / "hsg.db";
  { must(kBench, hsg::db::Database::open(file)); }
  fill(file, returns);
  hsg::db::Database database = must(kBench, hsg::db::Database::open(file));
  hsg::db::OutcomeRepository outcomes(database);
  const auto year_from = *hsg::engine::Date::from_ymd(2025, 4, 1);
  const auto year_to = *hsg::engine::Date::from_ymd(2026, 3, 31);
  const auto month_to = *hsg::engine::Date::from_ymd(2025, 4, 30);
  for (const auto term :
       {hsg::engine::OutcomeTerm::short_term, hsg::engine::OutcomeTerm::long_term}) {
    for (const auto to : {year_to, month_to}) {
      const auto start = Clock::now();
      const hsg::db::OutcomeTable table = must(kBench, outcomes.report(year_from, to, term));
      fmt::print(
          "outcomes report, {} returns stored, {}-term, {} to {}: {} returns counted in "
          "{:.3f} s\n",
          returns, hsg::engine::to_string(term), year_from.to_string(), to.to_string(),
          table.returns, seconds_since(start));
    }
  }
  fmt::print("peak RSS {:.1f} MiB\n", peak_rss_mib());
  std::filesystem::remove_all(dir);
  return 0;
}
