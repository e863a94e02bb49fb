// Ledger benchmarks: `hsg ledger post` over a 100,000-client caseload (target < 10 s),
// and exporting 1,000,000+ ledger lines to CSV against `sqlite3 -csv` running the
// equivalent query on the same file (the limit; target within 1.5x), with each
// process's peak RSS (export's should not grow with the number of lines: it streams).
//
// Usage: ledger_bench [CLIENTS]   (default 100000). The caseload comes from
// bench_caseload (generated once per build and reused); agreeing it and starting every
// grant is done in process, in one transaction, through the same code as
// `hsg agree` and `hsg grant start`, and is timed too. Every grant starts on 2026-06-01,
// after the caseload's last assessment (its year runs from 2025-04-01): a grant cannot
// start before its assessment.
#include <fmt/core.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/grants/grant_plan.h"
#include "db/allocations.h"
#include "db/decisions.h"
#include "db/grants.h"
#include "db/write_transaction.h"
#include "tests/bench/bench_caseload.h"
#include "tests/bench/bench_measure.h"

namespace {

using hsg::bench::Clock;
using hsg::bench::seconds_since;

struct Run {
  double seconds = 0;
  long peak_rss_kib = 0;
  int status = 0;
};

// Runs argv with stdout to `output`, timing it and reading its peak RSS.
Run run(const std::vector<std::string>& argv, const std::string& output) {
  std::fflush(stdout);  // or the child would write our buffered text again
  const auto started = Clock::now();
  const pid_t child = fork();
  if (child == 0) {
    if (!freopen(output.c_str(), "w", stdout)) _exit(127);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  return {std::chrono::duration<double>(Clock::now() - started).count(), usage.ru_maxrss, status};
}

constexpr const char* kEquivalentQuery =
    "SELECT l.posting_id, l.line, p.posted_on AS date, l.account, l.cost_centre, "
    "printf('%d.%02d', l.debit_pence / 100, l.debit_pence % 100) AS debit, "
    "printf('%d.%02d', l.credit_pence / 100, l.credit_pence % 100) AS credit, "
    "printf('%s%d.%02d', CASE WHEN l.debit_pence < l.credit_pence THEN '-' ELSE '' END, "
    "abs(l.debit_pence - l.credit_pence) / 100, abs(l.debit_pence - l.credit_pence) % 100) "
    "AS amount, l.client_ref, l.grant_id, l.intervention, p.description, p.reverses "
    "FROM postings p JOIN posting_lines l ON l.posting_id = p.id "
    "WHERE p.posted_on >= '2026-01-01' AND p.posted_on < '2028-01-01' "
    "ORDER BY p.posted_on, p.id, l.line;";

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t clients = argc > 1 ? std::atoll(argv[1]) : 100'000;
  const std::filesystem::path source = hsg::bench::caseload_database(clients);
  const std::filesystem::path directory = std::filesystem::temp_directory_path();
  const std::filesystem::path path = directory / fmt::format("hsg-ledger-bench-{}.db", getpid());
  std::filesystem::copy_file(source, path, std::filesystem::copy_options::overwrite_existing);
  const std::string db = path.string();

  {
    auto start = Clock::now();
    auto opened = hsg::db::Database::open(path);
    if (!opened.ok()) return fmt::print(stderr, "{}\n", opened.error().message), 1;
    hsg::db::Database database = std::move(opened).value();
    const hsg::db::Stamp stamp{"bench", "2025-06-01T09:00:00Z"};
    auto transaction = hsg::db::WriteTransaction::begin(database);
    hsg::app::StoredRulesets rulesets(database);
    std::vector<std::pair<std::int64_t, std::int64_t>> allocations;  // id, total
    hsg::db::AllocationRepository(database).for_each([&](const hsg::db::StoredAllocation& row) {
      allocations.emplace_back(row.id, row.total.pence());
      return true;
    });
    std::int64_t started = 0;
    for (const auto& [id, total] : allocations) {
      if (!hsg::db::DecisionRepository(database)
               .agree(stamp, id, hsg::engine::Money::from_pence(total), "as assessed")
               .ok()) {
        return 1;
      }
      const hsg::db::NewGrant plan = hsg::app::plan_grant(
          database, rulesets, {id, *hsg::engine::Date::parse("2026-06-01"), "direct_payment", {}});
      auto grant = hsg::db::GrantRepository(database).start(stamp, plan);
      if (!grant.ok()) return fmt::print(stderr, "{}\n", grant.error().message), 1;
      ++started;
    }
    if (!transaction.value().commit().ok()) return 1;
    fmt::print("setup: agreed and started {} grants in {:.1f} s (in process)\n", started,
               seconds_since(start));
  }

  const Run first =
      run({HSG_BINARY, "ledger", "post", "--through", "2026-06-01", "--db", db, "--actor", "bench"},
          "/dev/null");
  fmt::print(
      "ledger post (first instalments, {} clients): {:.2f} s, peak RSS {} MiB "
      "(target < 10 s)\n",
      clients, first.seconds, first.peak_rss_kib / 1024);
  const Run again =
      run({HSG_BINARY, "ledger", "post", "--through", "2026-06-01", "--db", db, "--actor", "bench"},
          "/dev/null");
  fmt::print("ledger post again (nothing to post): {:.2f} s\n", again.seconds);
  const Run month =
      run({HSG_BINARY, "ledger", "post", "--through", "2026-08-30", "--db", db, "--actor", "bench"},
          "/dev/null");
  fmt::print("ledger post through 2026-08-30 (three more cycles): {:.2f} s\n", month.seconds);

  const std::string ours = (directory / fmt::format("hsg-ledger-bench-{}.csv", getpid())).string();
  const std::string theirs =
      (directory / fmt::format("hsg-ledger-bench-{}.sqlite.csv", getpid())).string();
  const Run sqlite = run({"sqlite3", "-csv", "-header", db, kEquivalentQuery}, theirs);
  const Run exported = run(
      {HSG_BINARY, "ledger", "export", "--from", "2026-01-01", "--to", "2028-01-01", "--db", db},
      ours);
  const Run part = run(
      {HSG_BINARY, "ledger", "export", "--from", "2026-01-01", "--to", "2026-06-02", "--db", db},
      "/dev/null");
  std::int64_t lines = -1;
  {
    FILE* file = fopen(ours.c_str(), "r");
    if (file != nullptr) {
      for (int c = 0; (c = fgetc(file)) != EOF;) lines += c == '\n' ? 1 : 0;
      fclose(file);
    }
  }
  fmt::print("export: {} ledger lines to CSV\n", lines);
  fmt::print("  sqlite3 -csv (equivalent query): {:.2f} s, peak RSS {} MiB\n", sqlite.seconds,
             sqlite.peak_rss_kib / 1024);
  fmt::print("  hsg ledger export --format csv:  {:.2f} s, peak RSS {} MiB\n", exported.seconds,
             exported.peak_rss_kib / 1024);
  fmt::print("  ratio hsg / sqlite3: {:.2f} (target <= 1.5)\n", exported.seconds / sqlite.seconds);
  fmt::print(
      "  hsg export of the first cycle only: {:.2f} s, peak RSS {} MiB (memory does not "
      "grow with lines)\n",
      part.seconds, part.peak_rss_kib / 1024);
  std::filesystem::remove(ours);
  std::filesystem::remove(theirs);
  std::filesystem::remove(path);
  std::filesystem::remove(db + "-wal");
  std::filesystem::remove(db + "-shm");
  return first.status == 0 && exported.status == 0 && sqlite.status == 0 ? 0 : 1;
}
