// Outcomes returns: for one grant on one date (a review or the client's exit), the
// Supporting People outcomes framework's answers (engine/outcome_questions.h), and the
// report that counts them.
//
// record() checks, in the same transaction as it writes, that the grant exists and the
// date is not before its start, and that the answers are exactly the framework's
// measures in its order, none achieved without being needed. Recording a grant and date
// again writes the next version (1, 2, …) rather than changing the old one; reports
// count only the latest version of each (grant, date). Each row written (the return and
// one answer per measure) gets one audit event carrying its canonical JSON.
//
// report() counts in SQL (GROUP BY measure), so its cost does not depend on loading the
// caseload into memory: for the returns of one term dated from..to inclusive, latest
// versions only, how many there are and, per measure, how many needed support with it
// and how many of those achieved it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "engine/outcome_questions.h"

namespace hsg::db {

struct NewOutcomeReturn {
  std::int64_t grant_id = 0;
  engine::Date return_on;
  engine::OutcomeTerm term = engine::OutcomeTerm::short_term;
  std::vector<engine::OutcomeAnswer> answers;  // every measure, in the framework's order
};

struct OutcomeReturn {
  std::int64_t id = 0;
  std::int64_t grant_id = 0;
  std::string client_ref;
  engine::Date return_on;
  engine::OutcomeTerm term = engine::OutcomeTerm::short_term;
  std::int64_t version = 0;
  std::string actor;
  std::string at;
  std::vector<engine::OutcomeAnswer> answers;  // in the framework's order
};

struct OutcomeTable {
  std::int64_t returns = 0;
  std::vector<engine::OutcomeCounts> counts;  // one per measure, in the framework's order
};

class OutcomeRepository {
 public:
  explicit OutcomeRepository(Database& database) : database_(database) {}

  // The return as stored (its id and version).
  DbResult<OutcomeReturn> record(const Stamp& stamp, const NewOutcomeReturn& outcome_return);
  // Every version of every return of the grant, by date then version; an error if there
  // is no such grant.
  DbResult<std::vector<OutcomeReturn>> of_grant(std::int64_t grant_id);
  DbResult<OutcomeTable> report(engine::Date from, engine::Date to, engine::OutcomeTerm term);

 private:
  Database& database_;
};

}  // namespace hsg::db
