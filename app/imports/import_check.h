// Every row of an import CSV checked before anything is written: the client known, the
// date real and not after today unless a reason is given, the assessor usable, every area
// answered with a known option under the rule set in force on the row's date, and no row
// repeating an earlier row of the file or an assessment already recorded (unless the
// import is meant again).
//
// Requires: the caller holds the write lock (db::WriteTransaction), so the rule sets and
// the recorded assessments it reads are the ones the rows will be recorded against.
// Promises: every problem, each located "FILE:LINE[:COLUMN]: message" with the column's
// name quoted cut; a problem with the header once, at its column, not again for every
// row (app/imports/import_header.h); the rows that passed, ready to record. It writes
// nothing.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/assessment/future_date_permission.h"
#include "app/assessment/record_allocation.h"
#include "app/imports/import_header.h"
#include "app/imports/rows_sha256.h"
#include "db/database.h"

namespace hsg::app {

// A row that passed: the assessment, the rule set in force on its date, its answers.
struct ImportRow {
  NewAssessment assessment;
  const rules::LoadedRuleset* ruleset = nullptr;
  std::vector<std::uint8_t> options;
};

class ImportCheck {
 public:
  // With `again`, rows already recorded (by an import or otherwise) are recorded again.
  ImportCheck(std::string file, db::Database& database, FutureDatePermission future, bool again)
      : file_(std::move(file)),
        database_(database),
        rulesets_(database),
        future_(std::move(future)),
        again_(again),
        header_(file_) {}

  std::vector<ImportRow> check(std::istream& in);
  // The header's problems first (each once), then the rows' in line order.
  std::vector<std::string> problems() const;
  // Of the records read (app/imports/rows_sha256.h).
  std::string rows_sha256() const { return rows_.hex(); }
  // How many rows repeat an allocation already recorded (counted with `again` only).
  std::int64_t rows_recorded_before() const { return rows_recorded_before_; }

 private:
  void problem(std::int64_t line, std::size_t column, const std::string& message);
  std::optional<ImportRow> check_row(const std::vector<std::string>& fields, std::int64_t line);
  bool known_client(const std::string& ref);
  void check_repeats(const ImportRow& row, const std::vector<std::string>& fields,
                     std::int64_t line);
  const std::vector<std::string>& columns() const { return header_.columns(); }

  std::string file_;
  db::Database& database_;
  StoredRulesets rulesets_;
  FutureDatePermission future_;
  bool again_ = false;
  std::int64_t rows_recorded_before_ = 0;
  RowsSha256 rows_;
  ImportHeader header_;
  std::map<std::string, bool> clients_;
  std::vector<std::string> problems_;
};

}  // namespace hsg::app
