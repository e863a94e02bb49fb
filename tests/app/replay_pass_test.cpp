// The replay pass itself (app/audit/replay_pass.h), on a store built in process through
// the use cases (no binary): however the batches fall between the reading thread and the
// workers, the summary is the same.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "app/audit/replay_pass.h"
#include "app/caseload/generate_caseload.h"
#include "tests/app/app_fixture.h"

namespace {

// Wants the total, so the pass counts first; records what it was told.
struct Watcher : hsg::app::ProgressListener {
  std::string label;
  std::int64_t total = -1;
  std::int64_t last = 0;
  int finished_count = 0;
  bool wants_total() const override { return true; }
  void started(std::string_view name, std::int64_t count) override {
    label = std::string(name);
    total = count;
  }
  void advanced(std::int64_t done) override { last = done; }
  void finished() override { ++finished_count; }
};

}  // namespace

TEST_CASE("replay pass: many batches on 2, 3 and 8 threads give the same summary") {
  // 6,001 allocations are 24 batches of 256, more than the 16 the queue holds, so the
  // reading thread also replays some; changed rows are in the first, a middle and the
  // last (partial) batch. Which thread replays which batch varies from run to run; the
  // summary must not.
  //
  // The worked example is allocation 1 and the generated caseload 2 to 6001, as when the
  // end-to-end fixture's store met `hsg generate --clients 6000 --seed 5 --force`.
  hsg::test::AppStore store;
  store.add_worked_example();
  const hsg::app::GenerateRequest request{.clients = 6000,
                                          .seed = 5,
                                          .from = *hsg::engine::Date::from_ymd(2025, 4, 1),
                                          .force = true,
                                          .future = {hsg::test::today(), std::nullopt},
                                          .stamp = hsg::test::stamp()};
  const hsg::app::GeneratedCaseload generated = hsg::test::ok(
      hsg::app::generate_caseload(store.database(), request, hsg::app::no_progress()));
  CHECK(generated.clients == 6000);
  CHECK(generated.forced);
  store.tamper(
      "DROP TRIGGER allocations_no_update; UPDATE allocations SET total_pence = total_pence + 1 "
      "WHERE id IN (2, 3100, 6001);");
  for (unsigned threads : {2U, 3U, 8U}) {
    INFO(threads << " threads");
    Watcher watcher;
    const hsg::app::ReplaySummary summary =
        hsg::app::replay_range(store.database(), {}, watcher, threads);
    CHECK(summary.replayed == 6001);
    CHECK(summary.identical == 5998);
    REQUIRE(summary.different.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      const std::int64_t expected_ids[] = {2, 3100, 6001};
      CHECK(summary.different[i].allocation_id == expected_ids[i]);
      REQUIRE(summary.different[i].differences.size() == 1);
      CHECK(summary.different[i].differences[0].field == "total_pence");
    }
    CHECK(watcher.label == "replaying");
    CHECK(watcher.total == 6001);
    CHECK(watcher.last == 6001);
    CHECK(watcher.finished_count == 1);
  }
}
