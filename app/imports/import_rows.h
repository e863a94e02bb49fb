// Bulk assessments from a CSV file (`hsg import`): all or nothing, and never twice by
// accident.
//
// Every row is checked before anything is written (app/imports/import_check.h); any
// problem in any row: every problem is returned and nothing is written. Then all rows are
// recorded in one transaction through the same path as a single assessment
// (app/assessment/allocation_pipeline.h), with the import itself (db/imports.h), so a
// crash part-way leaves the store as it was. Rows an earlier import recorded (the same
// rows_sha256, app/imports/rows_sha256.h) are refused, naming that import, and so is each
// row that repeats an earlier row of the file or an assessment already recorded, unless
// `again` says it is meant. The rule sets of the rows are chosen under the write lock.
//
// Requires: a file already read (app/imports/import_file.h), the stamp of the write, and
// today with the reason for any row dated after it (the caller reads the clock). Promises:
// the refusals (an import repeated without `again`, an `again` that repeats nothing, a
// store that refuses) as a Refusal; otherwise the outcome, which is either every problem
// of the rows (nothing written) or the import recorded. Progress is "importing" over the
// rows, started only once there is something to record, finished after the commit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/assessment/future_date_permission.h"
#include "app/imports/import_file.h"
#include "app/progress.h"
#include "app/result.h"
#include "db/database.h"
#include "db/imports.h"
#include "db/stamp.h"

namespace hsg::app {

struct ImportRequest {
  ImportFile file;
  db::Stamp stamp;
  FutureDatePermission future;
  bool again = false;  // record rows already recorded, again, on purpose (a re-import)
};

struct ImportOutcome {
  // Every problem of the header and the rows, each one line, in file order (header
  // first); when there are any, nothing was written.
  std::vector<std::string> problems;
  std::optional<db::Import> recorded;  // when there are no problems
};

Result<ImportOutcome> import_rows(db::Database& database, const ImportRequest& request,
                                  ProgressListener& progress);

}  // namespace hsg::app
