// hsg import FILE: bulk assessments from CSV, all or nothing.
//
// Every row is checked before anything is written (client known, date real, assessor
// usable, every area answered with a known option under the rule set in force on the
// row's date); any problem in any row → every problem reported with its line and column,
// nothing written. Then all rows are recorded in one transaction through the same path
// as `hsg allocate`, so a crash part-way leaves the database as it was.
#include <fmt/core.h>

#include <fstream>
#include <map>

#include "cli/allocation_pipeline.h"
#include "cli/csv_reader.h"
#include "cli/future_date_option.h"
#include "cli/progress.h"
#include "cli/record_allocation.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "db/clients.h"
#include "db/write_transaction.h"

namespace hsg::cli {

namespace {

constexpr std::size_t kFixedColumns = 3;  // client_ref, date, assessor

struct ImportRow {
  NewAssessment assessment;
  const rules::LoadedRuleset* ruleset = nullptr;
  std::vector<std::uint8_t> options;
};

class Importer {
 public:
  Importer(std::string file, db::Database& database, FutureDatePermission future)
      : file_(std::move(file)),
        database_(database),
        rulesets_(database),
        future_(std::move(future)) {}

  std::vector<ImportRow> check(std::istream& in);
  const std::vector<std::string>& problems() const { return problems_; }
  StoredRulesets& rulesets() { return rulesets_; }

 private:
  void problem(std::int64_t line, std::size_t column, const std::string& message);
  bool check_header(const std::vector<std::string>& header);
  std::optional<ImportRow> check_row(const std::vector<std::string>& fields, std::int64_t line);
  bool known_client(const std::string& ref);

  std::string file_;
  db::Database& database_;
  StoredRulesets rulesets_;
  FutureDatePermission future_;
  std::vector<std::string> header_;
  std::map<std::string, bool> clients_;
  std::vector<std::string> problems_;
};

void Importer::problem(std::int64_t line, std::size_t column, const std::string& message) {
  if (column == 0) {
    problems_.push_back(fmt::format("{}:{}: {}", file_, line, message));
  } else {
    problems_.push_back(
        fmt::format("{}:{}:{}: {} ({})", file_, line, column, message, header_.at(column - 1)));
  }
}

bool Importer::check_header(const std::vector<std::string>& header) {
  header_ = header;
  if (header.size() <= kFixedColumns || header[0] != "client_ref" || header[1] != "date" ||
      header[2] != "assessor") {
    problems_.push_back(fmt::format(
        "{}:1: the header must be client_ref,date,assessor followed by one column per area",
        file_));
    return false;
  }
  return true;
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
  if (fields.size() != header_.size()) {
    problem(line, 0,
            fmt::format("{} fields where the header has {}", fields.size(), header_.size()));
    return std::nullopt;
  }
  if (!known_client(fields[0])) problem(line, 1, fmt::format("unknown client '{}'", fields[0]));
  const auto date = engine::Date::parse(fields[1]);
  if (!date) problem(line, 2, fmt::format("'{}' is not a real date YYYY-MM-DD", fields[1]));
  if (date) {
    if (auto future = future_date_problem(future_, *date, "the date")) problem(line, 2, *future);
  }
  if (auto bad = db::one_line_problem("assessor", fields[2], 200)) problem(line, 3, *bad);
  if (!date) return std::nullopt;
  const rules::LoadedRuleset* ruleset = nullptr;
  try {
    ruleset = &rulesets_.in_force_on(*date);
  } catch (const InputError& error) {
    problem(line, 2, error.what());
    return std::nullopt;
  }
  std::vector<engine::NamedAnswer> given;
  for (std::size_t column = kFixedColumns; column < fields.size(); ++column) {
    given.push_back({header_[column], fields[column]});
  }
  auto answers = engine::resolve_answers(ruleset->ruleset, given);
  if (!answers.ok()) {
    for (const engine::Problem& found : answers.problems()) {
      const std::string area = found.path.starts_with("answers.") ? found.path.substr(8) : "";
      std::size_t column = 0;
      for (std::size_t i = kFixedColumns; i < header_.size(); ++i) {
        if (header_[i] == area) column = i + 1;
      }
      problem(line, column, found.message);
    }
  }
  if (problems_.size() != before) return std::nullopt;
  const auto options = answers.value().options();
  return ImportRow{{fields[0], *date, fields[2]}, ruleset, {options.begin(), options.end()}};
}

std::vector<ImportRow> Importer::check(std::istream& in) {
  CsvReader reader(in);
  std::vector<ImportRow> rows;
  auto header = reader.next();
  if (!header || !check_header(*header)) return rows;
  while (auto fields = reader.next()) {
    if (!reader.problem().empty()) {
      problem(reader.line(), 0, reader.problem());
      continue;
    }
    if (fields->size() == 1 && fields->front().empty()) continue;  // a blank line
    if (auto row = check_row(*fields, reader.line())) rows.push_back(std::move(*row));
  }
  return rows;
}

}  // namespace

int import_command(const Args& args, Io& io) {
  CommandLine command_line(
      "import",
      {"hsg import FILE [--allow-future REASON] [--db PATH] [--actor NAME]",
       "Records assessments in bulk from a CSV file with the header\n"
       "client_ref,date,assessor,<one column per area>. All or nothing: if any row is bad,\n"
       "every bad row is reported with its line and column and nothing is written. Rows\n"
       "dated after today (the local date) need --allow-future REASON.",
       "hsg import assessments.csv"});
  command_line.add()("file", po::value<std::string>()->required()->value_name("FILE"),
                     "the CSV file");
  command_line.positional("file", 1);
  add_allow_future_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::string path = command_line.get<std::string>("file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("cannot read {}", path));
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  const FutureDatePermission future = future_date_permission(command_line);
  Importer importer(path, database, future);
  const std::vector<ImportRow> rows = importer.check(in);
  if (!importer.problems().empty()) {
    for (const std::string& line : importer.problems()) io.err << line << "\n";
    io.err << fmt::format("hsg: error: {} problems; nothing was imported\n",
                          importer.problems().size());
    return 1;
  }
  db::WriteTransaction transaction = unwrap(db::WriteTransaction::begin_unit(database));
  Progress progress(io.err, io.interactive, "importing", static_cast<std::int64_t>(rows.size()));
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
        const std::int64_t id = store_allocation(database, stamp, prepared);
        note_future_date(database, stamp, future, id, row->assessment.date);
        progress.update(++done);
      });
  unwrap(transaction.commit());
  progress.finish();
  io.out << fmt::format("imported {} assessments from {}\n", rows.size(), path);
  return 0;
}

}  // namespace hsg::cli
