// The outcomes report's figures (hsg report outcomes): for each term asked for, the
// table of the latest version of every return dated from `from` to `to`, both included.
//
// Read-only. Requires from <= to and terms in the order they are to be shown (short
// before long). Promises: one table per term, in the order given; written out by
// app/outcomes/outcomes_report.h.
#pragma once

#include <vector>

#include "app/outcomes/outcomes_report.h"
#include "app/result.h"
#include "db/database.h"
#include "engine/date.h"
#include "engine/outcome_questions.h"

namespace hsg::app {

struct OutcomesReportRequest {
  engine::Date from;
  engine::Date to;
  std::vector<engine::OutcomeTerm> terms;
};

Result<OutcomesReport> compile_outcomes_report(db::Database& database,
                                               const OutcomesReportRequest& request);

}  // namespace hsg::app
