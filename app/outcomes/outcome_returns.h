// A grant's Supporting People outcomes returns (hsg outcome record | show): recording one
// at a review or on exit, and reading them back.
//
// Requires an open store (writable to record) and answers already loaded from their file
// (rules/outcomes_loader.h): one per measure of the framework, in its order. Promises:
// recording the same grant and date again writes a new version and keeps every earlier
// one; reading gives every version by date, each marked whether it is the latest of its
// date (the one reports count). What the store refuses is a Refusal, nothing written.
#pragma once

#include <cstdint>
#include <vector>

#include "app/result.h"
#include "db/database.h"
#include "db/outcomes.h"
#include "db/stamp.h"

namespace hsg::app {

struct RecordedOutcomes {
  db::OutcomeReturn stored;
  std::int64_t needed = 0;    // measures the client needed support with
  std::int64_t achieved = 0;  // measures achieved
};

Result<RecordedOutcomes> record_outcomes(db::Database& database, const db::Stamp& stamp,
                                         const db::NewOutcomeReturn& outcome_return);

struct OutcomeVersion {
  db::OutcomeReturn stored;
  bool latest = false;  // no later version of the same date
};

Result<std::vector<OutcomeVersion>> outcomes_of_grant(db::Database& database,
                                                      std::int64_t grant_id);

}  // namespace hsg::app
