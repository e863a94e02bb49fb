// Writing to the ledger (hsg ledger post | reverse): posting the instalments that are
// due, and correcting a posting by reversing it.
//
// Requires an open, writable store. Promises: posting ids come from the grant and
// instalment, so posting through a date again posts nothing twice, and the stored
// instalments are checked before anything is posted; a reversal is a new posting with
// the lines' debit and credit swapped, at most one per posting, not before its date.
// What the store refuses is a Refusal and nothing is written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/result.h"
#include "db/database.h"
#include "db/ledger.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::app {

// Every instalment due on or before `through`, neither posted nor cancelled, posted on
// its due date.
Result<db::PostResult> post_due_instalments(db::Database& database, const db::Stamp& stamp,
                                            engine::Date through);

// What post_due_instalments(through) would post now (read-only): the instalments in
// the order they would be posted, how many and their exact total.
struct PostPreview {
  engine::Date through;
  std::vector<db::DueInstalment> due;
  std::int64_t count = 0;
  engine::Money total;
};

Result<PostPreview> preview_due_instalments(db::Database& database, engine::Date through);

// Posting what a preview showed: the count and total it showed are compared with what
// is due when the write runs, and a difference (someone posted, started or ended a grant
// in between) is a Refusal saying both, nothing posted.
struct PreviewedPost {
  engine::Date through;
  std::int64_t expected_count = 0;
  engine::Money expected_total;
};

Result<db::PostResult> post_previewed_instalments(db::Database& database, const db::Stamp& stamp,
                                                  const PreviewedPost& request);

struct ReversalRequest {
  std::string posting_id;
  engine::Date reversed_on;
  std::string reason;
};

// The reversal's id.
Result<std::string> reverse_posting(db::Database& database, const db::Stamp& stamp,
                                    const ReversalRequest& request);

}  // namespace hsg::app
