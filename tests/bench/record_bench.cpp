// Allocations recorded per second through hsg's own path, against the limit of writing
// the same rows with nothing else.
//
//   record_bench [count=100000] [rounds=3]
//
// hsg: N generated cases recorded as `hsg import` and `hsg generate` record them
// (app/assessment/allocation_pipeline.h: the engine, stored outputs, trace and their hashes on
// other threads; the checks, the allocation row and its audit event on this one) inside one
// all-or-nothing WriteTransaction unit, as they do. Timed: BEGIN, every case (drawing
// its answers included) and COMMIT; not adding the clients (done before, untimed).
//
// The limit, in the same run: a bare SQLiteCpp loop on a second file with the same
// pragmas and the same two tables and index (no triggers or foreign keys), inserting the
// very rows hsg wrote — every allocation row and its audit event, byte for byte, read
// back from hsg's file in chunks of 1,024 so memory stays flat. Timed: BEGIN, the
// inserts and COMMIT, not the reading. For comparison it also times inserting the
// allocation rows alone (the limit as measured before the audit chain was counted).
//
// Both COMMITs include SQLite's automatic WAL checkpoint and its fsync, as a real
// command's would; the disk is shared and its time varies, so each round runs all three
// on fresh files, alternately, and the best round of each is printed.
// Cases are generated again rather than kept, so memory should not grow with N: run it
// for 10k and 100k in separate processes (scripts/bench) and compare the peak RSS (of
// the first round's hsg part, before any bare loop ran).
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/core.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/assessment/allocation_pipeline.h"
#include "app/assessment/record_allocation.h"
#include "app/assessment/ruleset_input.h"
#include "app/caseload/caseload_generator.h"
#include "db/clients.h"
#include "db/database.h"
#include "db/rulesets.h"
#include "db/write_transaction.h"
#include "tests/bench/bench_measure.h"
#include "tests/bench/bench_must.h"

namespace {

using hsg::bench::Clock;
using hsg::bench::peak_rss_mib;
using hsg::bench::seconds_since;

template <typename T>
T must(hsg::db::DbResult<T> result) {
  return hsg::bench::must("record_bench", std::move(result));
}

double record_with_hsg(const std::filesystem::path& file, std::int64_t count) {
  hsg::db::Database database = must(hsg::db::Database::open(file));
  const hsg::db::Stamp stamp{"bench", "2025-04-01T00:00:00Z"};
  const hsg::rules::LoadedRuleset medway = hsg::app::load_ruleset_or_builtin(std::nullopt);
  must(hsg::db::RulesetRepository(database).add(stamp, medway.bytes, medway.ruleset));
  const auto first_day = *hsg::engine::Date::from_ymd(2025, 4, 1);
  {
    hsg::app::CaseloadGenerator generator(medway.ruleset, 42, first_day);
    hsg::db::WriteTransaction transaction = must(hsg::db::WriteTransaction::begin(database));
    hsg::db::ClientRepository clients(database);
    for (std::int64_t i = 0; i < count; ++i) {
      const hsg::app::GeneratedCase generated = generator.next();
      must(clients.add(
          stamp, {generated.client_ref, generated.group_key, generated.asc_funded, std::nullopt}));
    }
    must(transaction.commit());
  }
  // The same seed gives the same cases again, so none are held in memory.
  hsg::app::CaseloadGenerator generator(medway.ruleset, 42, first_day);
  const auto start = Clock::now();
  hsg::db::WriteTransaction transaction = must(hsg::db::WriteTransaction::begin_unit(database));
  std::int64_t generated_count = 0;
  hsg::app::record_pipelined<hsg::app::GeneratedCase>(
      [&]() -> std::optional<hsg::app::GeneratedCase> {
        if (generated_count++ == count) return std::nullopt;
        return generator.next();
      },
      [&](const hsg::app::GeneratedCase& generated) {
        auto answers = hsg::engine::Answers::from_indices(medway.ruleset, generated.options);
        return hsg::app::prepare_allocation(
            medway, {generated.client_ref, generated.assessed_on, generated.assessor},
            answers.value());
      },
      [&](const hsg::app::GeneratedCase&, const hsg::app::PreparedAllocation& prepared) {
        hsg::app::store_allocation(database, stamp, prepared);
      });
  must(transaction.commit());
  return seconds_since(start);
}

// One column value as read, re-bound unchanged (text, integer or NULL).
struct Value {
  bool is_null = false;
  bool is_integer = false;
  std::int64_t integer = 0;
  std::string text;
};

using Row = std::vector<Value>;

Row read_row(SQLite::Statement& select) {
  Row row(static_cast<std::size_t>(select.getColumnCount()));
  for (int c = 0; c < select.getColumnCount(); ++c) {
    const SQLite::Column column = select.getColumn(c);
    Value& value = row[static_cast<std::size_t>(c)];
    value.is_null = column.isNull();
    value.is_integer = column.isInteger();
    if (value.is_integer) value.integer = column.getInt64();
    if (column.isText()) value.text = column.getString();
  }
  return row;
}

void insert_row(SQLite::Statement& insert, const Row& row) {
  for (std::size_t c = 0; c < row.size(); ++c) {
    const int index = static_cast<int>(c) + 1;
    if (row[c].is_null) {
      insert.bind(index);
    } else if (row[c].is_integer) {
      insert.bind(index, row[c].integer);
    } else {
      insert.bindNoCopy(index, row[c].text);
    }
  }
  insert.exec();
  insert.reset();
}

constexpr char kBareSchema[] =
    "CREATE TABLE allocations (id INTEGER PRIMARY KEY, client_ref TEXT NOT NULL, "
    "assessed_on TEXT NOT NULL, assessor TEXT NOT NULL, ruleset_id TEXT NOT NULL, "
    "engine_version TEXT NOT NULL, answers TEXT NOT NULL, calculated_total_pence INTEGER "
    "NOT NULL, upper_limit_pence INTEGER NOT NULL, total_pence INTEGER NOT NULL, cap_applied "
    "INTEGER NOT NULL, trace_sha256 TEXT NOT NULL, outputs_sha256 TEXT NOT NULL) STRICT;"
    "CREATE INDEX allocations_by_client ON allocations (client_ref, assessed_on);"
    "CREATE TABLE audit_events (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT "
    "NULL, action TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, payload "
    "TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;";

// Inserts into a fresh `file` the allocation rows of `source` (and, if `with_events`,
// the audit event that wrote each), timing only the writing.
double insert_bare(const std::filesystem::path& source, const std::filesystem::path& file,
                   bool with_events) {
  SQLite::Database reader(source.string(), SQLite::OPEN_READONLY);
  SQLite::Statement allocations(reader,
                                "SELECT * FROM allocations WHERE id > ? ORDER BY id LIMIT 1024");
  SQLite::Statement events(reader,
                           "SELECT * FROM audit_events WHERE action = 'allocation.record' AND "
                           "seq > ? ORDER BY seq LIMIT 1024");
  SQLite::Database database(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  database.exec(fmt::format(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA "
      "cache_size = -{};",
      hsg::db::kPageCacheKiB));
  database.exec(kBareSchema);
  SQLite::Statement insert_allocation(database,
                                      "INSERT INTO allocations VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                      "?, ?, ?, ?, ?)");
  SQLite::Statement insert_event(database,
                                 "INSERT INTO audit_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  double seconds = 0;
  std::int64_t last_id = 0;
  std::int64_t last_seq = 0;
  auto start = Clock::now();
  SQLite::Transaction transaction(database);
  for (;;) {
    seconds += seconds_since(start);
    std::vector<Row> rows;
    std::vector<Row> written_by;
    allocations.bind(1, last_id);
    while (allocations.executeStep()) rows.push_back(read_row(allocations));
    allocations.reset();
    if (with_events) {
      events.bind(1, last_seq);
      while (events.executeStep()) written_by.push_back(read_row(events));
      events.reset();
    }
    start = Clock::now();
    if (rows.empty()) break;
    last_id = rows.back()[0].integer;
    if (!written_by.empty()) last_seq = written_by.back()[0].integer;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      insert_row(insert_allocation, rows[i]);
      if (with_events) insert_row(insert_event, written_by.at(i));
    }
  }
  transaction.commit();
  return seconds + seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t count = argc > 1 ? std::atoll(argv[1]) : 100000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  const auto directory =
      std::filesystem::temp_directory_path() / fmt::format("hsg-record-bench-{}", getpid());
  double hsg = 1e300;
  double bare = 1e300;
  double rows_only = 1e300;
  double hsg_peak_rss = 0;
  for (int round = 0; round < rounds; ++round) {
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    hsg = std::min(hsg, record_with_hsg(directory / "hsg.db", count));
    // Before any bare loop has run: what hsg alone needed.
    if (round == 0) hsg_peak_rss = peak_rss_mib();
    bare = std::min(bare, insert_bare(directory / "hsg.db", directory / "bare.db", true));
    rows_only =
        std::min(rows_only, insert_bare(directory / "hsg.db", directory / "rows.db", false));
  }
  std::filesystem::remove_all(directory);
  const auto rate = [count](double seconds) { return static_cast<double>(count) / seconds; };
  fmt::print(
      "record_bench N={}: hsg {:.0f} allocations/s (with the audit chain); bare SQLiteCpp "
      "inserting the same rows (allocation + audit event) {:.0f}/s, ratio {:.2f}; "
      "allocation rows alone {:.0f}/s, ratio {:.2f}; best of {} rounds; peak RSS of hsg's "
      "part {:.1f} MiB\n",
      count, rate(hsg), rate(bare), bare / hsg, rate(rows_only), rows_only / hsg, rounds,
      hsg_peak_rss);
  return 0;
}
