// record_pipelined: cases are stored one at a time, in the order they were given, with
// what was prepared for each; a failure anywhere stops it and reaches the caller, and
// nothing after the failing case is stored.
#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/assessment/allocation_pipeline.h"
#include "app/assessment/ruleset_input.h"

namespace {

using hsg::app::PreparedAllocation;

constexpr int kCases = 1000;  // several batches of kPipelineBatch, some in flight at once

struct Pipeline {
  const hsg::rules::LoadedRuleset medway = hsg::app::load_ruleset_or_builtin(std::nullopt);
  int given = 0;
  std::vector<std::string> stored;

  // Runs the pipeline; prepare throws at case `prepare_fails`, store at `store_fails`.
  void run(int prepare_fails = -1, int store_fails = -1) {
    const auto answers =
        hsg::engine::Answers::from_indices(medway.ruleset, std::vector<std::uint8_t>(10, 0));
    hsg::app::record_pipelined<int>(
        [&]() -> std::optional<int> {
          if (given == kCases) return std::nullopt;
          return given++;
        },
        [&](int index) {
          if (index == prepare_fails) throw std::runtime_error("prepare failed");
          return hsg::app::prepare_allocation(
              medway,
              {"C-" + std::to_string(index), *hsg::engine::Date::from_ymd(2025, 4, 1), "asha"},
              answers.value());
        },
        [&](int index, const hsg::app::PreparedAllocation& prepared) {
          if (index == store_fails) throw std::runtime_error("store failed");
          REQUIRE(prepared.allocation.client_ref() == "C-" + std::to_string(index));
          stored.push_back(prepared.allocation.client_ref());
        });
  }
};

std::vector<std::string> first(int count) {
  std::vector<std::string> refs;
  for (int i = 0; i < count; ++i) refs.push_back("C-" + std::to_string(i));
  return refs;
}

}  // namespace

TEST_CASE("the allocation pipeline stores every case once, in the order given") {
  Pipeline pipeline;
  pipeline.run();
  CHECK(pipeline.stored == first(kCases));
}

TEST_CASE("the allocation pipeline stops at a failed store, storing nothing after it") {
  Pipeline pipeline;
  CHECK_THROWS_WITH(pipeline.run(-1, 600), "store failed");
  CHECK(pipeline.stored == first(600));
}

TEST_CASE("the allocation pipeline stops at a failed preparation, before its batch") {
  Pipeline pipeline;
  CHECK_THROWS_WITH(pipeline.run(300, -1), "prepare failed");
  // Case 300 is in the second batch of 256: only the whole first batch was stored.
  CHECK(pipeline.stored == first(256));
}
