// The Supporting People outcomes framework (seed 003, Bath & North East Somerset,
// "Achieving positive outcomes"): the questions a support worker and client answer
// together at review or on exit, and the arithmetic of the table that reports them.
//
// The measures are data, in the seed's order, each keyed as the seed prints it ("1a",
// "4ai", "4ciii", "5"). Where the seed splits one question over two rows without
// numbering them (1c paid work, 2a training or education, 2d contact), the rows are
// numbered i and ii the way it numbers 4a and 4c, in the order the seed lists them.
// For each measure a return says whether the client needed support with it and whether
// the outcome was achieved; an outcome can only be achieved where there was a need.
//
// outcome_figures() turns counts into the seed's two percentages, in whole percent,
// halves rounded up, by integer arithmetic. A percentage of nobody is no figure at all
// (nothing, shown as "—" or null), never 0%.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hsg::engine {

enum class OutcomeDomain : std::uint8_t {
  economic_wellbeing,
  enjoy_and_achieve,
  be_healthy,
  stay_safe,
  positive_contribution,
};

// "Economic wellbeing", "Enjoy & achieve", … as the seed heads its sections.
std::string_view to_string(OutcomeDomain domain);

struct OutcomeMeasure {
  std::string_view key;  // "1a"
  OutcomeDomain domain;
  std::string_view label;     // a few words for a table: "maximise income"
  std::string_view question;  // the seed's question
};

// Every measure, in the seed's order (21 of them).
std::span<const OutcomeMeasure> outcome_measures();
// The measure with this key, if there is one.
const OutcomeMeasure* find_outcome_measure(std::string_view key);

enum class OutcomeTerm : std::uint8_t { short_term, long_term };
std::string_view to_string(OutcomeTerm term);  // "short" | "long"
std::optional<OutcomeTerm> parse_outcome_term(std::string_view text);

// One row of the report: of `returns` returns, `needed` said the client needed support
// with the measure and `achieved` of those achieved it. achieved <= needed <= returns.
struct OutcomeCounts {
  std::int64_t returns = 0;
  std::int64_t needed = 0;
  std::int64_t achieved = 0;
};

struct OutcomeFigures {
  std::int64_t achieved = 0;
  std::optional<std::int64_t> percent_of_needed;  // none when nobody needed it
  std::optional<std::int64_t> percent_of_all;     // none when there are no returns
};

// One measure of one return, as recorded.
struct OutcomeAnswer {
  std::string measure;  // an OutcomeMeasure key
  bool needed = false;
  bool achieved = false;  // only where needed
  bool operator==(const OutcomeAnswer&) const = default;
};

// Throws std::invalid_argument if the counts break achieved <= needed <= returns or
// are negative.
OutcomeFigures outcome_figures(const OutcomeCounts& counts);

}  // namespace hsg::engine
