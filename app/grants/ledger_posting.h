// Writing to the ledger (hsg ledger post | reverse): posting the instalments that are
// due, and correcting a posting by reversing it.
//
// Requires an open, writable store. Promises: posting ids come from the grant and
// instalment, so posting through a date again posts nothing twice, and the stored
// instalments are checked before anything is posted; a reversal is a new posting with
// the lines' debit and credit swapped, at most one per posting, not before its date.
// What the store refuses is a Refusal and nothing is written.
#pragma once

#include <string>

#include "app/result.h"
#include "db/database.h"
#include "db/ledger.h"
#include "db/stamp.h"
#include "engine/date.h"

namespace hsg::app {

// Every instalment due on or before `through`, neither posted nor cancelled, posted on
// its due date.
Result<db::PostResult> post_due_instalments(db::Database& database, const db::Stamp& stamp,
                                            engine::Date through);

struct ReversalRequest {
  std::string posting_id;
  engine::Date reversed_on;
  std::string reason;
};

// The reversal's id.
Result<std::string> reverse_posting(db::Database& database, const db::Stamp& stamp,
                                    const ReversalRequest& request);

}  // namespace hsg::app
