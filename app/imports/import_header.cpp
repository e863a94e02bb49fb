#include "app/imports/import_header.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "engine/text.h"

namespace hsg::app {

namespace {

using engine::excerpt;

constexpr std::array<std::string_view, ImportHeader::kFixedColumns> kFixedNames{"client_ref",
                                                                                "date", "assessor"};
constexpr std::string_view kHeaderRule =
    "the header is client_ref,date,assessor followed by one column per area";

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

void ImportHeader::problem(std::size_t column, const std::string& message) {
  const std::string line = column == 0 ? fmt::format("{}:1: {}", file_, message)
                                       : fmt::format("{}:1:{}: {}", file_, column, message);
  if (std::find(problems_.begin(), problems_.end(), line) == problems_.end()) {
    problems_.push_back(line);
  }
}

bool ImportHeader::read(const std::vector<std::string>& header) {
  columns_ = header;
  for (std::size_t column = 0; column < kFixedColumns; ++column) {
    if (column >= header.size()) {
      problem(0,
              fmt::format("the header has no column '{}': {}", kFixedNames[column], kHeaderRule));
    } else if (header[column] != kFixedNames[column]) {
      problem(column + 1, fmt::format("column '{}' should be '{}': {}", excerpt(header[column]),
                                      kFixedNames[column], kHeaderRule));
    }
  }
  // No area columns is right for a rule set that asks no questions (fixed allowances);
  // for any other, fits() names the areas missing, against the rule set of the row's date.
  std::set<std::string_view> seen;
  std::size_t repeats = 0;
  for (std::size_t column = kFixedColumns; column < header.size(); ++column) {
    if (seen.insert(header[column]).second) continue;
    if (++repeats <= kMaxRepeatsListed) {
      problem(column + 1, fmt::format("column '{}' appears twice", excerpt(header[column])));
    }
  }
  if (repeats > kMaxRepeatsListed) {
    problem(0, fmt::format("{} more columns repeat an earlier one", repeats - kMaxRepeatsListed));
  }
  return problems_.empty();
}

bool ImportHeader::fits(const rules::LoadedRuleset& ruleset) {
  const auto known = fits_.find(ruleset.id);
  if (known != fits_.end()) return known->second;
  const engine::RulesetSpec& spec = ruleset.ruleset.spec();
  std::vector<std::string> areas;
  for (const engine::QuestionSpec& question : spec.questions) areas.push_back(question.id);
  if (columns_.size() - kFixedColumns > areas.size()) return too_many_columns(ruleset, areas);
  bool fits = true;
  for (std::size_t column = kFixedColumns; column < columns_.size(); ++column) {
    if (std::find(areas.begin(), areas.end(), columns_[column]) != areas.end()) continue;
    fits = false;
    problem(column + 1,
            fmt::format("unknown column '{}'; the columns are client_ref, date, "
                        "assessor and one per area of rule set {} {}: {}",
                        excerpt(columns_[column]), spec.name, spec.version, joined(areas)));
  }
  std::vector<std::string> missing;
  for (const std::string& area : areas) {
    if (std::find(columns_.begin(), columns_.end(), area) == columns_.end()) {
      missing.push_back(area);
    }
  }
  if (fits && !missing.empty()) {
    fits = false;
    problem(0, fmt::format("the header has no column for area {} of rule set {} {}",
                           joined(missing), spec.name, spec.version));
  }
  fits_.emplace(ruleset.id, fits);
  return fits;
}

bool ImportHeader::too_many_columns(const rules::LoadedRuleset& ruleset,
                                    const std::vector<std::string>& areas) {
  const engine::RulesetSpec& spec = ruleset.ruleset.spec();
  std::string first_unknown;
  for (std::size_t column = kFixedColumns; column < columns_.size(); ++column) {
    if (std::find(areas.begin(), areas.end(), columns_[column]) != areas.end()) continue;
    first_unknown =
        fmt::format("; column {} '{}' is not one of them", column + 1, excerpt(columns_[column]));
    break;
  }
  problem(0, fmt::format("the header has {} area columns but rule set {} {} has {} areas, one "
                         "column each: {}{}",
                         columns_.size() - kFixedColumns, spec.name, spec.version, areas.size(),
                         joined(areas), first_unknown));
  fits_.emplace(ruleset.id, false);
  return false;
}

void ImportHeader::empty_file() {
  problem(0, fmt::format("the file is empty: {}, then one row per assessment", kHeaderRule));
}

void ImportHeader::no_rows() {
  problem(0, "no assessments to import: the file has a header but no rows");
}

}  // namespace hsg::app
