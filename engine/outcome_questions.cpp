#include "engine/outcome_questions.h"

#include <array>
#include <stdexcept>

#include "engine/rounding.h"

namespace hsg::engine {

namespace {

using enum OutcomeDomain;

// Seed 003's short-term table, row by row. The question is the seed's wording with the
// row's own part of a split question in brackets, as the seed's brackets give it.
constexpr std::array<OutcomeMeasure, 21> kMeasures{{
    {"1a", economic_wellbeing, "maximise income",
     "Did the client need support to maximise their income, including receipt of the correct "
     "welfare benefits?"},
    {"1b", economic_wellbeing, "reduce overall debt",
     "Did the client need support to reduce their overall debt?"},
    {"1ci", economic_wellbeing, "paid work (after leaving)",
     "Did the client need support to obtain paid work? (after left)"},
    {"1cii", economic_wellbeing, "paid work (while in service)",
     "Did the client need support to obtain paid work? (while in service)"},
    {"2ai", enjoy_and_achieve, "training/education (participated)",
     "Did the client need support to participate in training and/or education? "
     "(participated)"},
    {"2aii", enjoy_and_achieve, "training/education (qualification)",
     "Did the client need support to participate in training and/or education? (achieved a "
     "qualification)"},
    {"2b", enjoy_and_achieve, "leisure/culture/faith/learning",
     "Did the client need support to participate in leisure / cultural / faith and/or "
     "informal learning activities?"},
    {"2c", enjoy_and_achieve, "work-like activities",
     "Did the client need support to participate in any work-like activities, e.g. unpaid "
     "work/work experience/work-like experience/ voluntary work?"},
    {"2di", enjoy_and_achieve, "contact with external services",
     "Did the client need support to establish contact with external services?"},
    {"2dii", enjoy_and_achieve, "contact with friends & family",
     "Did the client need support to establish contact with friends & family?"},
    {"3a", be_healthy, "physical health",
     "Did the client need support to better manage their physical health?"},
    {"3b", be_healthy, "mental health",
     "Did the client need support to better manage their mental health?"},
    {"3c", be_healthy, "substance misuse",
     "Did the client need support to better manage their substance misuse issues?"},
    {"3d", be_healthy, "assistive technology/aids",
     "Is assistive technology / aids and adaptations helping the client to maintain their "
     "independence?"},
    {"4ai", stay_safe, "maintain accommodation",
     "Did the client need support to maintain their accommodation and avoid eviction?"},
    {"4aii", stay_safe, "obtain settled accommodation",
     "Did the client need support to secure / obtain settled accommodation?"},
    {"4b", stay_safe, "comply with statutory orders",
     "Did the client need support to comply with statutory orders and related processes, in "
     "relation to offending behaviour?"},
    {"4ci", stay_safe, "manage self harm",
     "Did the client need support to better manage self harm?"},
    {"4cii", stay_safe, "avoid harm to others",
     "Did the client need support to avoid causing harm to others?"},
    {"4ciii", stay_safe, "minimise harm from others",
     "Did the client need support to minimise harm/risk of harm from others?"},
    {"5", positive_contribution, "choice/control/involvement",
     "Did the client need support in developing confidence and ability to have greater "
     "choice and/or control and/or involvement?"},
}};

std::optional<std::int64_t> percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return divide_rounded(Int128{part} * 100, whole, RoundingMode::half_up);
}

}  // namespace

std::string_view to_string(OutcomeDomain domain) {
  switch (domain) {
    case economic_wellbeing:
      return "Economic wellbeing";
    case enjoy_and_achieve:
      return "Enjoy & achieve";
    case be_healthy:
      return "Be healthy";
    case stay_safe:
      return "Stay safe";
    case positive_contribution:
      return "Making a positive contribution";
  }
  throw std::logic_error("unknown outcome domain");
}

std::span<const OutcomeMeasure> outcome_measures() { return kMeasures; }

const OutcomeMeasure* find_outcome_measure(std::string_view key) {
  for (const OutcomeMeasure& measure : kMeasures) {
    if (measure.key == key) return &measure;
  }
  return nullptr;
}

std::string_view to_string(OutcomeTerm term) {
  return term == OutcomeTerm::short_term ? "short" : "long";
}

std::optional<OutcomeTerm> parse_outcome_term(std::string_view text) {
  if (text == "short") return OutcomeTerm::short_term;
  if (text == "long") return OutcomeTerm::long_term;
  return std::nullopt;
}

OutcomeFigures outcome_figures(const OutcomeCounts& counts) {
  if (counts.achieved < 0 || counts.achieved > counts.needed || counts.needed > counts.returns) {
    throw std::invalid_argument("outcome counts must satisfy 0 <= achieved <= needed <= returns");
  }
  return {counts.achieved, percent(counts.achieved, counts.needed),
          percent(counts.achieved, counts.returns)};
}

}  // namespace hsg::engine
