// Imports: each `hsg import` recorded, so that the same rows are not recorded twice by
// accident (docs/assessor.md, "Many assessments at once").
//
// An import is identified by `rows_sha256`, the SHA-256 of its rows as read (the caller
// computes it; docs/auditor.md gives the rule); `file_sha256` is of the file's exact
// bytes. record() runs in the same transaction as the allocations the import wrote
// (first_allocation_id to last_allocation_id, one per row, in order) and refuses, in
// that transaction, rows an earlier import recorded unless `again_of` names the latest
// such import (a deliberate re-import), and `again_of` for rows never imported. So two
// imports of the same rows without again_of cannot both be written. Every row written
// gets one audit event carrying its canonical JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"

namespace hsg::db {

struct NewImport {
  std::string file_name;  // as given on the command line
  std::string file_sha256;
  std::string rows_sha256;
  std::int64_t row_count = 0;
  std::int64_t first_allocation_id = 0;
  std::int64_t last_allocation_id = 0;
  std::optional<std::int64_t> again_of;
};

struct Import {
  std::int64_t id = 0;
  NewImport recorded;
  std::string actor;
  std::string at;
};

class ImportRepository {
 public:
  explicit ImportRepository(Database& database) : database_(database) {}

  // The latest import of these rows, if any.
  DbResult<std::optional<Import>> latest_of_rows(std::string_view rows_sha256);
  DbResult<Import> record(const Stamp& stamp, const NewImport& import);

 private:
  Database& database_;
};

}  // namespace hsg::db
