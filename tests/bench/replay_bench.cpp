// Replays per second of stored allocations, against the limit of reading the same rows.
//
//   replay_bench [count=1000000] [rounds=3]
//
// On a generated caseload of `count` allocations (tests/bench/bench_caseload.h, made once
// with the real hsg and reused), alternately, `rounds` times each:
//   - replay: replay_range() over every allocation, the pass `hsg audit replay --all` and
//     `hsg audit verify --replay` make (read, resolve the answers, recompute with the
//     engine, rebuild the outputs and the trace and hash them, compare field by field);
//   - read-only (the limit): the same rows through the same read (for_each_in, which
//     parses each row into a StoredAllocation) and nothing else.
// Prints the best round of each, the ratio and the peak RSS (which must not grow with N:
// run it for 100k and 1M). Every replay must be identical, or the benchmark fails.
#include <fmt/core.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "app/audit/replay_pass.h"
#include "db/allocations.h"
#include "tests/bench/bench_caseload.h"
#include "tests/bench/bench_measure.h"

namespace {

using hsg::bench::Clock;
using hsg::bench::peak_rss_mib;
using hsg::bench::seconds_since;

double replay_all(hsg::db::Database& database, std::int64_t count) {
  const auto start = Clock::now();
  const hsg::app::ReplaySummary summary =
      hsg::app::replay_range(database, {}, hsg::app::no_progress());
  const double seconds = seconds_since(start);
  if (summary.replayed != count || summary.identical != count) {
    fmt::print(stderr, "replay_bench: {} replayed, {} identical, expected {}\n", summary.replayed,
               summary.identical, count);
    std::exit(2);
  }
  return seconds;
}

double read_all(hsg::db::Database& database, std::int64_t count) {
  std::int64_t pence = 0;
  const auto start = Clock::now();
  const auto visited = hsg::db::AllocationRepository(database).for_each_in({}, [&](auto& stored) {
    pence += stored.total.pence();
    return true;
  });
  const double seconds = seconds_since(start);
  if (!visited.ok() || visited.value() != count || pence <= 0) {
    fmt::print(stderr, "replay_bench: the read-only pass did not read {} rows\n", count);
    std::exit(2);
  }
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t count = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  const auto file = hsg::bench::caseload_database(count);
  auto database = hsg::db::Database::open(file);
  if (!database.ok()) {
    fmt::print(stderr, "replay_bench: {}\n", database.error().message);
    return 2;
  }
  double best_replay = 1e300;
  double best_read = 1e300;
  for (int round = 0; round < rounds; ++round) {
    best_replay = std::min(best_replay, replay_all(database.value(), count));
    best_read = std::min(best_read, read_all(database.value(), count));
  }
  const auto rate = [count](double seconds) { return static_cast<double>(count) / seconds; };
  fmt::print(
      "replay_bench N={}: replay {:.0f} allocations/s (all identical); read-only {:.0f} rows/s; "
      "ratio {:.2f}; best of {} rounds; peak RSS {:.1f} MiB\n",
      count, rate(best_replay), rate(best_read), best_read / best_replay, rounds, peak_rss_mib());
  return 0;
}
