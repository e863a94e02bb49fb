#include "app/caseload/caseload_generator.h"

#include <fmt/core.h>

#include <array>
#include <string_view>

namespace hsg::app {

namespace {

// Relative frequencies of primary client groups, roughly as in Supporting People
// caseloads: older people and single homeless people most, some groups rarely.
struct GroupShare {
  std::string_view key;
  std::uint64_t share;
};
constexpr std::array<GroupShare, 18> kGroupShares{{
    {"older_people", 30},
    {"single_homeless", 12},
    {"mental_health", 10},
    {"older_people_mental_health", 5},
    {"learning_disabilities", 6},
    {"young_people_at_risk", 6},
    {"homeless_families", 5},
    {"domestic_violence", 5},
    {"substance_misuse", 4},
    {"offenders", 4},
    {"physical_or_sensory_disability", 3},
    {"young_people_leaving_care", 3},
    {"teenage_parents", 2},
    {"rough_sleepers", 1},
    {"mentally_disordered_offenders", 1},
    {"refugees", 1},
    {"hiv_aids", 1},
    {"travellers", 1},
}};

constexpr std::array<std::string_view, 5> kAssessors{"asha", "ben", "chloe", "dev", "erin"};

}  // namespace

CaseloadGenerator::CaseloadGenerator(const engine::Ruleset& ruleset, std::uint64_t seed,
                                     engine::Date first_day)
    : ruleset_(ruleset), state_(seed), first_day_(first_day) {}

std::uint64_t CaseloadGenerator::random() {
  // splitmix64 (Steele, Lea, Flood 2014): fixed, tiny, and good enough for test data.
  state_ += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t CaseloadGenerator::below(std::uint64_t bound) {
  // Rejection sampling keeps every value equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  std::uint64_t value = random();
  while (value >= limit) value = random();
  return value % bound;
}

GeneratedCase CaseloadGenerator::next() {
  GeneratedCase generated;
  generated.client_ref = fmt::format("G{:06}", ++count_);
  std::uint64_t total_share = 0;
  for (const GroupShare& group : kGroupShares) total_share += group.share;
  std::uint64_t pick = below(total_share);
  for (const GroupShare& group : kGroupShares) {
    if (pick < group.share) {
      generated.group_key = std::string(group.key);
      break;
    }
    pick -= group.share;
  }
  generated.asc_funded = below(5) == 0;
  generated.assessed_on = first_day_.plus_days(static_cast<std::int64_t>(below(365))).value();
  generated.assessor = std::string(kAssessors[below(kAssessors.size())]);
  // Need in percent: the chance that an area needs any help at all.
  const std::uint64_t need_percent = 15 + below(60);
  for (std::size_t q = 0; q < ruleset_.question_count(); ++q) {
    const std::size_t options = ruleset_.option_count(q);
    std::uint64_t option = 0;  // the first option is "no help" in every shipped rule set
    if (options > 1 && below(100) < need_percent) option = 1 + below(options - 1);
    generated.options.push_back(static_cast<std::uint8_t>(option));
  }
  return generated;
}

}  // namespace hsg::app
