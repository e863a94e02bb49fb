// A synthetic, reproducible caseload recorded (`hsg generate`): N clients, each with one
// assessment (app/caseload/caseload_generator.h), recorded through the same path as adding
// a client and recording an assessment, in one transaction, with the generation itself
// (db/generations.h).
//
// Requires: the stamp of the write; today with the reason for any assessment dated after
// it (the caller reads the clock). Promises: 1 to 10,000,000 clients, and a first day
// whose year (364 days on) is a date hsg handles, or a Refusal (a front end says so in its
// own words first, as it reads them); synthetic clients are not mixed with real ones, so a store
// holding any client a generation did not add is refused unless `force` (and the generation is then
// recorded as forced); an assessment after today without a reason, or a year whose rule sets do not
// share their questions, is refused and nothing is written. The same seed and store give
// the same caseload. Progress is "generating" over the clients, finished after the commit.
#pragma once

#include <cstdint>

#include "app/assessment/future_date_permission.h"
#include "app/progress.h"
#include "app/result.h"
#include "db/database.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::app {

struct GenerateRequest {
  std::int64_t clients = 0;
  std::uint64_t seed = 0;
  engine::Date from;  // the assessments fall on the 365 days from it
  bool force = false;
  FutureDatePermission future;
  db::Stamp stamp;
};

struct GeneratedCaseload {
  std::int64_t clients = 0;
  engine::Money indicative_total;  // of the allocations recorded
  bool forced = false;             // the store held clients a generation did not add
};

Result<GeneratedCaseload> generate_caseload(db::Database& database, const GenerateRequest& request,
                                            ProgressListener& progress);

}  // namespace hsg::app
