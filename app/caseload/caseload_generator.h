// A synthetic, reproducible caseload for demos, tests and benchmarks (`hsg generate`).
//
// The same seed and rule set always give the same cases, on any machine: randomness
// comes from splitmix64, not from <random>'s distributions, whose results the standard
// leaves to each library. Each case is a client (reference G000001, …; a client group
// drawn with Supporting People-like frequencies; about one in five also receiving
// adult social care money) with one assessment on a day of the year from `first_day`,
// by one of a few assessors, whose answers follow a realistic mix: most areas need no
// help, and a client with more need tends to need more in every area.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/date.h"
#include "engine/ruleset.h"

namespace hsg::app {

struct GeneratedCase {
  std::string client_ref;
  std::string group_key;
  bool asc_funded = false;
  engine::Date assessed_on;
  std::string assessor;
  std::vector<std::uint8_t> options;  // one chosen option index per question
};

class CaseloadGenerator {
 public:
  CaseloadGenerator(const engine::Ruleset& ruleset, std::uint64_t seed, engine::Date first_day);
  GeneratedCase next();

 private:
  std::uint64_t random();
  // Uniform in [0, bound), bound > 0.
  std::uint64_t below(std::uint64_t bound);

  const engine::Ruleset& ruleset_;
  std::uint64_t state_;
  engine::Date first_day_;
  std::uint64_t count_ = 0;
};

}  // namespace hsg::app
