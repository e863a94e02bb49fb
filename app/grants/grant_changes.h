// A grant's changes after it starts, other than a review (app/grants/grant_review.h):
// ending it, and recording money returned.
//
// Requires an open, writable store. Promises: an end cancels (by a cancellation record,
// nothing edited) every unposted instalment due after the end date, and posted ones stay
// posted; a recovery is its own balanced posting and never exceeds what the grant paid
// less what was already recovered and what its purchases spent or reserve.
// What the store refuses (an unknown grant, an end before the day before its start, too
// large a recovery) is a Refusal, nothing written.
#pragma once

#include <cstdint>
#include <string>

#include "app/result.h"
#include "db/database.h"
#include "db/grants.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::app {

struct GrantEndRequest {
  std::int64_t grant_id = 0;
  engine::Date end_on;  // the grant's last day
  std::string reason;
};

Result<db::EndResult> end_grant(db::Database& database, const db::Stamp& stamp,
                                const GrantEndRequest& request);

struct RecoveryRequest {
  std::int64_t grant_id = 0;
  engine::Money amount;
  engine::Date recovered_on;
  std::string reason;
};

// The recovery posting's id.
Result<std::string> recover_grant(db::Database& database, const db::Stamp& stamp,
                                  const RecoveryRequest& request);

}  // namespace hsg::app
