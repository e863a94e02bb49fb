#include "app/imports/import_rows.h"

#include <fmt/core.h>

#include <sstream>

#include "app/assessment/allocation_pipeline.h"
#include "app/imports/import_check.h"
#include "app/present/import_text.h"
#include "app/unwrap.h"
#include "db/write_transaction.h"

namespace hsg::app {

namespace {

// The earlier import these rows repeat, when `again` says that is meant; refuses a
// repeat not meant and an `again` that repeats nothing: neither an earlier import of the
// same rows nor any row already recorded.
std::optional<std::int64_t> again_of(const std::string& path, bool again,
                                     const std::optional<db::Import>& earlier,
                                     std::int64_t rows_recorded_before) {
  if (earlier && !again) {
    throw Refusal(fmt::format(
        "the rows of {} were imported already: {}; nothing was imported (to record them "
        "again on purpose, add --again)",
        path, import_summary(*earlier)));
  }
  if (!earlier && again && rows_recorded_before == 0) {
    throw Refusal(
        fmt::format("--again: the rows of {} were never imported or recorded, so they cannot be "
                    "recorded again; leave --again out",
                    path));
  }
  if (earlier) return earlier->id;
  return std::nullopt;
}

// Records `rows` (each checked) in the open transaction, filling in the first and last
// allocation ids of `import`.
void record_rows(db::Database& database, const ImportRequest& request,
                 const std::vector<ImportRow>& rows, db::NewImport& import,
                 ProgressListener& progress) {
  std::int64_t done = 0;
  record_pipelined<const ImportRow*>(
      [&, row = rows.begin()]() mutable -> std::optional<const ImportRow*> {
        if (row == rows.end()) return std::nullopt;
        return &*row++;
      },
      [](const ImportRow* row) {
        const auto answers = engine::Answers::from_indices(row->ruleset->ruleset, row->options);
        return prepare_allocation(*row->ruleset, row->assessment, answers.value());
      },
      [&](const ImportRow* row, const PreparedAllocation& prepared) {
        import.last_allocation_id = store_allocation(database, request.stamp, prepared);
        if (done == 0) import.first_allocation_id = import.last_allocation_id;
        note_future_date(database, request.stamp, request.future, import.last_allocation_id,
                         row->assessment.date);
        progress.advanced(++done);
      });
}

ImportOutcome import_checked(db::Database& database, const ImportRequest& request,
                             ProgressListener& progress) {
  const std::string& path = request.file.name;
  // The rows' rule sets are chosen under the write lock (see record_allocation).
  db::WriteTransaction transaction = unwrap(db::WriteTransaction::begin_unit(database));
  ImportCheck check(path, database, request.future, request.again);
  std::istringstream text(request.file.text);
  const std::vector<ImportRow> rows = check.check(text);
  db::ImportRepository imports(database);
  // The same rows as an earlier import: that is the one thing to say (each row would
  // otherwise be reported as recorded already).
  const std::optional<db::Import> earlier = unwrap(imports.latest_of_rows(check.rows_sha256()));
  if (earlier && !request.again) again_of(path, request.again, earlier, 0);
  if (std::vector<std::string> problems = check.problems(); !problems.empty()) {
    return {std::move(problems), std::nullopt};
  }
  db::NewImport import{
      path, request.file.sha256, check.rows_sha256(), static_cast<std::int64_t>(rows.size()), 0,
      0,    std::nullopt};
  import.again_of = again_of(path, request.again, earlier, check.rows_recorded_before());
  progress.started("importing", static_cast<std::int64_t>(rows.size()));
  record_rows(database, request, rows, import, progress);
  db::Import recorded = unwrap(imports.record(request.stamp, import));
  unwrap(transaction.commit());
  progress.finished();
  return {{}, std::move(recorded)};
}

}  // namespace

Result<ImportOutcome> import_rows(db::Database& database, const ImportRequest& request,
                                  ProgressListener& progress) {
  return attempt([&] { return import_checked(database, request, progress); });
}

}  // namespace hsg::app
