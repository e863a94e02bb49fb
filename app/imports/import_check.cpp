#include "app/imports/import_check.h"

#include <fmt/core.h>

#include "app/imports/csv_reader.h"
#include "app/refusal.h"
#include "app/unwrap.h"
#include "db/allocations.h"
#include "db/clients.h"
#include "engine/text.h"

namespace hsg::app {

namespace {

constexpr std::size_t kFixedColumns = ImportHeader::kFixedColumns;

}  // namespace

std::vector<std::string> ImportCheck::problems() const {
  std::vector<std::string> all = header_.problems();
  all.insert(all.end(), problems_.begin(), problems_.end());
  return all;
}

void ImportCheck::problem(std::int64_t line, std::size_t column, const std::string& message) {
  if (column == 0) {
    problems_.push_back(fmt::format("{}:{}: {}", file_, line, message));
  } else {
    problems_.push_back(fmt::format("{}:{}:{}: {} ({})", file_, line, column, message,
                                    engine::excerpt(columns().at(column - 1))));
  }
}

bool ImportCheck::known_client(const std::string& ref) {
  auto found = clients_.find(ref);
  if (found == clients_.end()) {
    found = clients_.emplace(ref, db::ClientRepository(database_).get(ref).ok()).first;
  }
  return found->second;
}

std::optional<ImportRow> ImportCheck::check_row(const std::vector<std::string>& fields,
                                                std::int64_t line) {
  const std::size_t before = problems_.size();
  if (fields.size() != columns().size()) {
    problem(line, 0,
            fmt::format("{} fields where the header has {}", fields.size(), columns().size()));
    return std::nullopt;
  }
  if (!known_client(fields[0]))
    problem(line, 1, fmt::format("unknown client '{}'", engine::excerpt(fields[0])));
  const auto date = engine::Date::parse(fields[1]);
  if (!date) {
    problem(line, 2,
            fmt::format("'{}' {}", engine::excerpt(fields[1]), engine::Date::refusal(fields[1])));
  }
  if (date) {
    if (auto future = future_date_problem(future_, *date, "the date")) problem(line, 2, *future);
  }
  // One person, one name: the assessor is stored in its normal form, as --actor is.
  const db::DbResult<std::string> assessor = db::normalise_actor(fields[2]);
  if (!assessor.ok()) problem(line, 3, assessor.error().message);
  if (!date) return std::nullopt;
  const rules::LoadedRuleset* ruleset = nullptr;
  try {
    ruleset = &rulesets_.in_force_on(*date);
  } catch (const Refusal& refusal) {
    problem(line, 2, refusal.what());
    return std::nullopt;
  }
  if (!header_.fits(*ruleset)) return std::nullopt;
  std::vector<engine::NamedAnswer> given;
  for (std::size_t column = kFixedColumns; column < fields.size(); ++column) {
    given.push_back({columns()[column], fields[column]});
  }
  auto answers = engine::resolve_answers(ruleset->ruleset, given);
  if (!answers.ok()) {
    for (const engine::Problem& found : answers.problems()) {
      const std::string area = found.path.starts_with("answers.") ? found.path.substr(8) : "";
      std::size_t column = 0;
      for (std::size_t i = kFixedColumns; i < columns().size(); ++i) {
        if (columns()[i] == area) column = i + 1;
      }
      problem(line, column, found.message);
    }
  }
  if (problems_.size() != before) return std::nullopt;
  const auto options = answers.value().options();
  ImportRow row{{fields[0], *date, assessor.value()}, ruleset, {options.begin(), options.end()}};
  check_repeats(row, fields, line);
  if (problems_.size() != before) return std::nullopt;
  return row;
}

// A row the file already gave, or an assessment already recorded, is not recorded again
// by accident, whatever order the rows or areas come in.
void ImportCheck::check_repeats(const ImportRow& row, const std::vector<std::string>& fields,
                                std::int64_t line) {
  std::vector<std::pair<std::string, std::string>> answers;
  std::vector<engine::NamedAnswer> named;
  for (std::size_t column = kFixedColumns; column < fields.size(); ++column) {
    answers.emplace_back(columns()[column], fields[column]);
    named.push_back({columns()[column], fields[column]});
  }
  const NewAssessment& assessment = row.assessment;
  if (auto earlier = rows_.add(assessment.client_ref, fields[1], assessment.assessor,
                               std::move(answers), line)) {
    problem(line, 0,
            fmt::format("repeats line {}: the same client, date, assessor and answers", *earlier));
    return;
  }
  const auto recorded = unwrap(db::AllocationRepository(database_).same_assessment(
      assessment.client_ref, assessment.date, assessment.assessor, std::move(named)));
  if (!recorded) return;
  if (again_) {
    ++rows_recorded_before_;
    return;
  }
  problem(line, 0,
          fmt::format("this assessment of {} on {} by {} with these answers is recorded "
                      "already, as allocation {} (to record it again on purpose, add --again)",
                      assessment.client_ref, fields[1], assessment.assessor, *recorded));
}

std::vector<ImportRow> ImportCheck::check(std::istream& in) {
  CsvReader reader(in);
  std::vector<ImportRow> rows;
  auto header = reader.next();
  if (!header) {
    header_.empty_file();
    return rows;
  }
  if (!header_.read(*header)) return rows;
  std::int64_t data_rows = 0;
  while (auto fields = reader.next()) {
    if (!reader.problem().empty()) {
      problem(reader.line(), 0, reader.problem());
      continue;
    }
    if (fields->size() == 1 && fields->front().empty()) continue;  // a blank line
    ++data_rows;
    if (auto row = check_row(*fields, reader.line())) rows.push_back(std::move(*row));
  }
  if (data_rows == 0 && problems_.empty()) header_.no_rows();
  return rows;
}

}  // namespace hsg::app
