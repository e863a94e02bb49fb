// hsg import FILE: bulk assessments from CSV, all or nothing, and never twice by accident.
//
// Every row is checked before anything is written (client known, date real, assessor
// usable, every area answered with a known option under the rule set in force on the
// row's date); any problem in any row → every problem reported with its line and column,
// nothing written. A problem with the header is reported once, at its column, not again
// for every row. Then all rows are recorded in one transaction through the same path
// as `hsg allocate`, with the import itself (db/imports.h), so a crash part-way leaves
// the database as it was. Rows an earlier import recorded (the same rows_sha256,
// app/imports/rows_sha256.h) are refused, naming that import, and so is each row that repeats
// an earlier row of the file or an assessment already recorded, unless --again says it
// is meant. The rule sets of the rows are chosen under the write lock.
#include <fmt/core.h>

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "app/assessment/allocation_pipeline.h"
#include "app/assessment/record_allocation.h"
#include "app/imports/csv_reader.h"
#include "app/imports/import_header.h"
#include "app/imports/rows_sha256.h"
#include "cli/future_date_option.h"
#include "cli/progress.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "db/clients.h"
#include "db/imports.h"
#include "db/write_transaction.h"
#include "engine/text.h"
#include "rules/diagnostic.h"
#include "rules/sha256.h"

namespace hsg::cli {

namespace {

constexpr std::size_t kFixedColumns = app::ImportHeader::kFixedColumns;
// What Excel's "CSV UTF-8" puts before the first byte of text.
constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

struct ImportRow {
  app::NewAssessment assessment;
  const rules::LoadedRuleset* ruleset = nullptr;
  std::vector<std::uint8_t> options;
};

class Importer {
 public:
  // With `again`, rows already recorded (by an import or otherwise) are recorded again.
  Importer(std::string file, db::Database& database, FutureDatePermission future, bool again)
      : file_(std::move(file)),
        database_(database),
        rulesets_(database),
        future_(std::move(future)),
        again_(again),
        header_(file_) {}

  std::vector<ImportRow> check(std::istream& in);
  // The header's problems first (each once), then the rows' in line order.
  std::vector<std::string> problems() const;
  app::StoredRulesets& rulesets() { return rulesets_; }
  // Of the records read (app/imports/rows_sha256.h).
  std::string rows_sha256() const { return rows_.hex(); }
  // How many rows repeat an allocation already recorded (counted with --again only).
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
  app::StoredRulesets rulesets_;
  FutureDatePermission future_;
  bool again_ = false;
  std::int64_t rows_recorded_before_ = 0;
  app::RowsSha256 rows_;
  app::ImportHeader header_;
  std::map<std::string, bool> clients_;
  std::vector<std::string> problems_;
};

std::vector<std::string> Importer::problems() const {
  std::vector<std::string> all = header_.problems();
  all.insert(all.end(), problems_.begin(), problems_.end());
  return all;
}

void Importer::problem(std::int64_t line, std::size_t column, const std::string& message) {
  if (column == 0) {
    problems_.push_back(fmt::format("{}:{}: {}", file_, line, message));
  } else {
    problems_.push_back(fmt::format("{}:{}:{}: {} ({})", file_, line, column, message,
                                    engine::excerpt(columns().at(column - 1))));
  }
}

bool Importer::known_client(const std::string& ref) {
  auto found = clients_.find(ref);
  if (found == clients_.end()) {
    found = clients_.emplace(ref, db::ClientRepository(database_).get(ref).ok()).first;
  }
  return found->second;
}

std::optional<ImportRow> Importer::check_row(const std::vector<std::string>& fields,
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
  } catch (const InputError& error) {
    problem(line, 2, error.what());
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
void Importer::check_repeats(const ImportRow& row, const std::vector<std::string>& fields,
                             std::int64_t line) {
  std::vector<std::pair<std::string, std::string>> answers;
  std::vector<engine::NamedAnswer> named;
  for (std::size_t column = kFixedColumns; column < fields.size(); ++column) {
    answers.emplace_back(columns()[column], fields[column]);
    named.push_back({columns()[column], fields[column]});
  }
  const app::NewAssessment& assessment = row.assessment;
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

std::vector<ImportRow> Importer::check(std::istream& in) {
  app::CsvReader reader(in);
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

// The file's bytes, and a stream of its text without a byte-order mark.
struct ImportFile {
  std::string sha256;
  std::istringstream text;
};

ImportFile read_import_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("cannot read {}", path));
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw InputError(fmt::format("cannot read {}", path));
  ImportFile file{rules::sha256_hex(text), {}};
  if (text.starts_with(kUtf8ByteOrderMark)) text.erase(0, kUtf8ByteOrderMark.size());
  if (auto encoding = rules::utf8_problem(text, path)) throw InputError({*encoding});
  file.text.str(std::move(text));
  return file;
}

std::string import_summary(const db::Import& import) {
  const db::NewImport& recorded = import.recorded;
  return fmt::format(
      "import {} ({}, {} {}: allocations {} to {}) at {} by {}", import.id, recorded.file_name,
      recorded.row_count, recorded.row_count == 1 ? "assessment" : "assessments",
      recorded.first_allocation_id, recorded.last_allocation_id, import.at, import.actor);
}

// The earlier import these rows repeat, when --again says that is meant; refuses a
// repeat not meant and an --again that repeats nothing: neither an earlier import of the
// same rows nor any row already recorded.
std::optional<std::int64_t> again_of(const std::string& path, bool again,
                                     const std::optional<db::Import>& earlier,
                                     std::int64_t rows_recorded_before) {
  if (earlier && !again) {
    throw InputError(fmt::format(
        "the rows of {} were imported already: {}; nothing was imported (to record them "
        "again on purpose, add --again)",
        path, import_summary(*earlier)));
  }
  if (!earlier && again && rows_recorded_before == 0) {
    throw InputError(
        fmt::format("--again: the rows of {} were never imported or recorded, so they cannot be "
                    "recorded again; leave --again out",
                    path));
  }
  if (earlier) return earlier->id;
  return std::nullopt;
}

}  // namespace

int import_command(const Args& args, Io& io) {
  CommandLine command_line(
      "import",
      {"hsg import FILE [--again] [--allow-future REASON] [--db PATH] [--actor NAME]",
       "Records assessments in bulk from a CSV file (UTF-8, with or without a byte-order\n"
       "mark) with the header client_ref,date,assessor,<one column per area>. All or\n"
       "nothing: if any row is bad, every bad row is reported with its line and column and\n"
       "nothing is written. Rows imported before (the same rows, however the file was\n"
       "saved) are refused, naming that import, unless --again is given. Rows dated after\n"
       "today (the local date) need --allow-future REASON.",
       "hsg import assessments.csv"});
  command_line.add()("file", po::value<std::string>()->required()->value_name("FILE"),
                     "the CSV file")(
      "again", "record rows an earlier import recorded, again, on purpose (a re-import)");
  command_line.positional("file", 1);
  add_allow_future_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::string path = command_line.get<std::string>("file");
  ImportFile file = read_import_file(path);
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  const FutureDatePermission future = future_date_permission(command_line);
  // The rows' rule sets are chosen under the write lock (see allocate).
  db::WriteTransaction transaction = unwrap(db::WriteTransaction::begin_unit(database));
  const bool again = command_line.has("again");
  Importer importer(path, database, future, again);
  const std::vector<ImportRow> rows = importer.check(file.text);
  db::ImportRepository imports(database);
  // The same rows as an earlier import: that is the one thing to say (each row would
  // otherwise be reported as recorded already).
  const std::optional<db::Import> earlier = unwrap(imports.latest_of_rows(importer.rows_sha256()));
  if (earlier && !again) again_of(path, again, earlier, 0);
  if (const std::vector<std::string> problems = importer.problems(); !problems.empty()) {
    for (const std::string& line : problems) io.err << engine::escaped(line) << "\n";
    io.err << fmt::format("hsg: error: {} {}; nothing was imported\n", problems.size(),
                          problems.size() == 1 ? "problem" : "problems");
    return 1;
  }
  db::NewImport import{
      path, file.sha256, importer.rows_sha256(), static_cast<std::int64_t>(rows.size()), 0,
      0,    std::nullopt};
  import.again_of = again_of(path, again, earlier, importer.rows_recorded_before());
  Progress progress(io.err, io.interactive, "importing", static_cast<std::int64_t>(rows.size()));
  std::int64_t done = 0;
  app::record_pipelined<const ImportRow*>(
      [&, row = rows.begin()]() mutable -> std::optional<const ImportRow*> {
        if (row == rows.end()) return std::nullopt;
        return &*row++;
      },
      [](const ImportRow* row) {
        const auto answers = engine::Answers::from_indices(row->ruleset->ruleset, row->options);
        return app::prepare_allocation(*row->ruleset, row->assessment, answers.value());
      },
      [&](const ImportRow* row, const app::PreparedAllocation& prepared) {
        import.last_allocation_id = app::store_allocation(database, stamp, prepared);
        if (done == 0) import.first_allocation_id = import.last_allocation_id;
        note_future_date(database, stamp, future, import.last_allocation_id, row->assessment.date);
        progress.advanced(++done);
      });
  const db::Import recorded = unwrap(imports.record(stamp, import));
  unwrap(transaction.commit());
  progress.finished();
  io.out << fmt::format("imported {} {} from {} as import {}", rows.size(),
                        rows.size() == 1 ? "assessment" : "assessments", path, recorded.id);
  if (recorded.recorded.again_of) {
    io.out << fmt::format(", again (the same rows as import {})", *recorded.recorded.again_of);
  }
  io.out << "\n";
  return 0;
}

}  // namespace hsg::cli
