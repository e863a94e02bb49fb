// Allocations per second: the engine with the shipped medway rule set, and in the same
// run the same inputs through a function hard-coding medway's numbers (the limit).
//
//   allocate_bench [count=1000000] [seed=20261125] [rounds=5]
//
// Both are timed alternately over the same pre-built answers, best of `rounds`, so a
// noisy neighbour affects both alike. The totals of both are compared: a benchmark of
// a wrong engine is worthless.
#include <fmt/core.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "engine/allocate.h"
#include "rules/ruleset_loader.h"
#include "rules/shipped.h"
#include "tests/bench/medway_hardcoded.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<hsg::engine::Answers> random_answers(const hsg::engine::Ruleset& ruleset,
                                                 std::size_t count, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<hsg::engine::Answers> all;
  all.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<std::uint8_t> options(ruleset.question_count());
    for (std::size_t q = 0; q < options.size(); ++q) {
      options[q] = static_cast<std::uint8_t>(random() % ruleset.option_count(q));
    }
    all.push_back(hsg::engine::Answers::from_indices(ruleset, std::move(options)).value());
  }
  return all;
}

// Runs `body` once; returns its wall time and stores its result in `checksum`.
template <typename Body>
double timed_seconds(std::int64_t& checksum, Body body) {
  const auto start = Clock::now();
  checksum = body();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t count = argc > 1 ? std::stoul(argv[1]) : 1'000'000;
  const std::uint64_t seed = argc > 2 ? std::stoull(argv[2]) : 20261125;
  const int rounds = argc > 3 ? std::stoi(argv[3]) : 5;

  auto loaded = hsg::rules::load_ruleset_text(std::string(hsg::rules::medway_toml()), "medway");
  if (!std::holds_alternative<hsg::rules::LoadedRuleset>(loaded)) {
    fmt::print(stderr, "the shipped medway rule set does not load\n");
    return 2;
  }
  const hsg::engine::Ruleset& ruleset = std::get<hsg::rules::LoadedRuleset>(loaded).ruleset;
  const auto answers = random_answers(ruleset, count, seed);

  std::int64_t engine_sum = 0;
  std::int64_t hardcoded_sum = 0;
  double engine_seconds = 1e300;
  double hardcoded_seconds = 1e300;
  for (int round = 0; round < rounds; ++round) {
    engine_seconds = std::min(engine_seconds, timed_seconds(engine_sum, [&] {
                                std::int64_t sum = 0;
                                for (const auto& a : answers)
                                  sum += hsg::engine::allocate(ruleset, a).total.pence();
                                return sum;
                              }));
    hardcoded_seconds = std::min(hardcoded_seconds, timed_seconds(hardcoded_sum, [&] {
                                   std::int64_t sum = 0;
                                   for (const auto& a : answers)
                                     sum += hsg::bench::medway_hardcoded(a.options()).total_pence;
                                   return sum;
                                 }));
  }
  if (engine_sum != hardcoded_sum) {
    fmt::print(stderr, "totals differ: engine {} hard-coded {}\n", engine_sum, hardcoded_sum);
    return 1;
  }
  const double engine_rate = static_cast<double>(count) / engine_seconds;
  const double hardcoded_rate = static_cast<double>(count) / hardcoded_seconds;
  fmt::print("allocations: {} (seed {}, best of {} rounds, one core)\n", count, seed, rounds);
  fmt::print("engine (medway.toml): {:>12.0f} allocations/s  ({:.1f} ns each)\n", engine_rate,
             1e9 / engine_rate);
  fmt::print("hard-coded medway:    {:>12.0f} allocations/s  ({:.1f} ns each)\n", hardcoded_rate,
             1e9 / hardcoded_rate);
  fmt::print(
      "engine time / hard-coded time: {:.2f}x (target <= 2.00x); engine target >= 5,000,000/s\n",
      engine_seconds / hardcoded_seconds);
  fmt::print("checksum of totals (pence): {}\n", engine_sum);
  return 0;
}
