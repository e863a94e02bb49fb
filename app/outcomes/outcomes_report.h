// The outcomes report (hsg report outcomes) written out: the table of seed 003 for each
// term asked for — per measure, the number achieving the outcome, that as a % of those
// who needed support with it and as a % of all returns — as text, JSON or CSV.
//
// Percentages are whole, halves up (engine::outcome_figures). A percentage of nobody is
// "—" in text, null in JSON and empty in CSV. CSV is RFC 4180 with CRLF line ends and
// columns term, measure, domain, label, returns, needed, achieved, percent_of_needed,
// percent_of_all; no field needs quoting (labels and domains hold no comma or quote).
#pragma once

#include <ostream>
#include <vector>

#include "db/outcomes.h"
#include "engine/date.h"
#include "engine/outcome_questions.h"

namespace hsg::app {

struct OutcomesReport {
  engine::Date from;
  engine::Date to;
  struct Term {
    engine::OutcomeTerm term;
    db::OutcomeTable table;
  };
  std::vector<Term> terms;  // short before long
};

void write_outcomes_text(std::ostream& out, const OutcomesReport& report);
void write_outcomes_json(std::ostream& out, const OutcomesReport& report);
void write_outcomes_csv(std::ostream& out, const OutcomesReport& report);

}  // namespace hsg::app
