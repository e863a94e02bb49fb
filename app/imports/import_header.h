// The header of an import CSV: client_ref,date,assessor, then one column per area of the
// rule set in force on each row's date (docs/assessor.md, "Many assessments at once").
//
// Its problems are found once for the whole file, not once per row, and each is named at
// its place, "FILE:1:COLUMN: message" (or "FILE:1: message" for the header as a whole),
// with what is allowed there: a fixed column misspelt, a column repeated, an area column
// that no area of the rule set has, an area without a column. A misspelt area column is
// also a missing area, so missing areas are listed only when no column is unknown. The
// same fault found under two rule sets is said once. However long the header, the
// problems are few and found in time linear in its length: more area columns than the
// rule set has areas is one problem, and repeated columns are listed up to
// kMaxRepeatsListed, then counted; a column's name is quoted cut (engine::excerpt).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "rules/ruleset_loader.h"

namespace hsg::app {

class ImportHeader {
 public:
  static constexpr std::size_t kFixedColumns = 3;  // client_ref, date, assessor
  static constexpr std::size_t kMaxRepeatsListed = 10;

  explicit ImportHeader(std::string file) : file_(std::move(file)) {}

  // Takes the first record; false if its fixed columns are wrong or a column repeats.
  bool read(const std::vector<std::string>& header);
  // Whether the area columns are exactly the areas of `ruleset`; checked once each.
  bool fits(const rules::LoadedRuleset& ruleset);
  // A file without even a header, or with no rows after it.
  void empty_file();
  void no_rows();

  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  void problem(std::size_t column, const std::string& message);
  bool too_many_columns(const rules::LoadedRuleset& ruleset, const std::vector<std::string>& areas);

  std::string file_;
  std::vector<std::string> columns_;
  std::map<std::string, bool> fits_;  // by rule-set id
  std::vector<std::string> problems_;
};

}  // namespace hsg::app
