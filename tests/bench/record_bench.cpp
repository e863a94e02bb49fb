// Recording N generated allocations through hsg's own path (engine, JSON outputs, the
// audit chain, one transaction as `hsg import` and `hsg generate` use), and in the same
// run the same number of rows of the same shape through a bare SQLiteCpp insert loop
// (the limit). Prints both rates, their ratio and the peak RSS; run it for 10k and 100k
// in separate processes (scripts/bench) to see that memory does not grow with N.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/core.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli/caseload_generator.h"
#include "cli/record_allocation.h"
#include "cli/ruleset_input.h"
#include "db/clients.h"
#include "db/rulesets.h"
#include "db/write_transaction.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

template <typename T>
T must(hsg::db::DbResult<T> result) {
  if (!result.ok()) {
    fmt::print(stderr, "record_bench: {}\n", result.error().message);
    std::exit(2);
  }
  return std::move(result).value();
}

struct HsgRun {
  double seconds = 0;
  std::size_t outputs_bytes = 0;  // of one typical row, for the bare loop to match
};

HsgRun record_with_hsg(const std::filesystem::path& file, std::int64_t count) {
  hsg::db::Database database = must(hsg::db::Database::open(file));
  const hsg::db::Stamp stamp{"bench", "2025-04-01T00:00:00Z"};
  const hsg::rules::LoadedRuleset medway = hsg::cli::load_ruleset_or_builtin(std::nullopt);
  must(hsg::db::RulesetRepository(database).add(stamp, medway.bytes, medway.ruleset));
  const auto first_day = *hsg::engine::Date::from_ymd(2025, 4, 1);
  {
    hsg::cli::CaseloadGenerator generator(medway.ruleset, 42, first_day);
    hsg::db::WriteTransaction transaction = must(hsg::db::WriteTransaction::begin(database));
    hsg::db::ClientRepository clients(database);
    for (std::int64_t i = 0; i < count; ++i) {
      const hsg::cli::GeneratedCase generated = generator.next();
      must(clients.add(
          stamp, {generated.client_ref, generated.group_key, generated.asc_funded, std::nullopt}));
    }
    must(transaction.commit());
  }
  // The same seed gives the same cases again, so none are held in memory.
  hsg::cli::CaseloadGenerator generator(medway.ruleset, 42, first_day);
  const auto start = Clock::now();
  hsg::db::WriteTransaction transaction = must(hsg::db::WriteTransaction::begin(database));
  for (std::int64_t i = 0; i < count; ++i) {
    const hsg::cli::GeneratedCase generated = generator.next();
    auto answers = hsg::engine::Answers::from_indices(medway.ruleset, generated.options);
    hsg::cli::record_allocation(database, stamp, medway,
                                {generated.client_ref, generated.assessed_on, generated.assessor},
                                answers.value());
  }
  must(transaction.commit());
  HsgRun run{seconds_since(start), 0};
  SQLite::Database reader(file.string(), SQLite::OPEN_READONLY);
  run.outputs_bytes = static_cast<std::size_t>(
      reader.execAndGet("SELECT length(outputs) FROM allocations WHERE id = 1").getInt());
  return run;
}

double insert_bare(const std::filesystem::path& file, std::int64_t count,
                   std::size_t outputs_bytes) {
  SQLite::Database database(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  database.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
  database.exec(
      "CREATE TABLE allocations (id INTEGER PRIMARY KEY, client_ref TEXT NOT NULL, "
      "assessed_on TEXT NOT NULL, assessor TEXT NOT NULL, ruleset_id TEXT NOT NULL, "
      "engine_version TEXT NOT NULL, answers TEXT NOT NULL, calculated_total_pence INTEGER "
      "NOT NULL, upper_limit_pence INTEGER NOT NULL, total_pence INTEGER NOT NULL, cap_applied "
      "INTEGER NOT NULL, outputs TEXT NOT NULL, trace_sha256 TEXT NOT NULL) STRICT");
  const std::string answers(320, 'a');
  const std::string outputs(outputs_bytes, 'o');
  const std::string hash(64, 'f');
  const auto start = Clock::now();
  SQLite::Transaction transaction(database);
  SQLite::Statement insert(database,
                           "INSERT INTO allocations VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                           "?, ?)");
  for (std::int64_t i = 0; i < count; ++i) {
    insert.bind(1, fmt::format("G{:06}", i + 1));
    insert.bind(2, "2025-06-01");
    insert.bind(3, "asha");
    insert.bind(4, hash);
    insert.bind(5, "1.0.0");
    insert.bind(6, answers);
    insert.bind(7, static_cast<std::int64_t>(240500));
    insert.bind(8, static_cast<std::int64_t>(250000));
    insert.bind(9, static_cast<std::int64_t>(240500));
    insert.bind(10, 0);
    insert.bind(11, outputs);
    insert.bind(12, hash);
    insert.exec();
    insert.reset();
  }
  transaction.commit();
  return seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t count = argc > 1 ? std::atoll(argv[1]) : 100000;
  const auto directory =
      std::filesystem::temp_directory_path() / fmt::format("hsg-record-bench-{}", getpid());
  std::filesystem::create_directories(directory);
  const HsgRun hsg = record_with_hsg(directory / "hsg.db", count);
  const double bare = insert_bare(directory / "bare.db", count, hsg.outputs_bytes);
  std::filesystem::remove_all(directory);
  const double hsg_rate = static_cast<double>(count) / hsg.seconds;
  const double bare_rate = static_cast<double>(count) / bare;
  fmt::print(
      "record_bench N={}: hsg {:.0f} allocations/s (with the audit chain), bare SQLiteCpp "
      "{:.0f} rows/s, ratio {:.2f}, peak RSS {:.1f} MiB\n",
      count, hsg_rate, bare_rate, hsg_rate / bare_rate, peak_rss_mib());
  return 0;
}
