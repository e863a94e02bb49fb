// hsg report outcomes | savings: reports for commissioners.
#include <fmt/core.h>

#include <array>
#include <optional>

#include "app/outcomes/compile_outcomes_report.h"
#include "app/outcomes/outcomes_report.h"
#include "app/savings/savings_output.h"
#include "app/savings/savings_report.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "db/safe_file.h"
#include "engine/text.h"

namespace hsg::cli {

namespace {

int outcomes(const Args& args, Io& io) {
  CommandLine command_line(
      "report outcomes",
      {"hsg report outcomes --from D --to D [--term short|long] [--json | --csv]",
       "The Supporting People outcomes table for returns dated from --from to --to\n"
       "(both included), the latest version of each: per measure, the number of clients\n"
       "achieving the outcome, that as a % of those who needed support with it and as a %\n"
       "of all returns, whole percent with halves rounded up ('—' where nobody needed it).\n"
       "Short-term and long-term services are separate tables; --term picks one.",
       "hsg report outcomes --from 2025-04-01 --to 2026-03-31 --term short"});
  command_line.add()("from", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
                     "first return date included")(
      "to", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
      "last return date included")("term", po::value<std::string>()->value_name("TERM"),
                                   "short or long (default: both)")(
      "json", "print one JSON object instead of the table")(
      "csv", "print CSV (one row per term and measure) instead of the table");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  app::OutcomesReportRequest request{
      required_date(command_line, "from"),
      required_date(command_line, "to"),
      {engine::OutcomeTerm::short_term, engine::OutcomeTerm::long_term}};
  if (request.to < request.from) {
    command_line.fail(fmt::format("--to {} is before --from {}", request.to.to_string(),
                                  request.from.to_string()));
  }
  if (command_line.has("json") && command_line.has("csv")) {
    command_line.fail("--json and --csv cannot be given together");
  }
  if (command_line.has("term")) {
    const std::string text = command_line.get<std::string>("term");
    const auto term = engine::parse_outcome_term(text);
    if (!term)
      command_line.fail(
          fmt::format("--term '{}' is not one of: short, long", engine::excerpt(text)));
    request.terms = {*term};
  }
  db::Database database = open_database_to_read(command_line);
  const app::OutcomesReport report = unwrap(app::compile_outcomes_report(database, request));
  if (command_line.has("json")) {
    app::write_outcomes_json(io.out, report);
  } else if (command_line.has("csv")) {
    app::write_outcomes_csv(io.out, report);
  } else {
    app::write_outcomes_text(io.out, report);
  }
  return 0;
}

int savings(const Args& args, Io& io) {
  CommandLine command_line(
      "report savings",
      {"hsg report savings --from D --to D [--table FILE] [--spend posted|scheduled] [--json | "
       "--csv | --html FILE]",
       "The savings estimate: spend by client group from --from to --to (both days included)\n"
       "times a table of savings per £1, by row of the table and in total. --spend posted\n"
       "(the default) is the expenditure posted in the ledger in the period; --spend\n"
       "scheduled is the instalments of grants due in it and not cancelled, posted or not.\n"
       "The table is rules/savings-bnes-2011.toml (Bath & North East Somerset, 2011, built\n"
       "in) unless --table names another, such as rules/savings-national-2009.toml (£1.79\n"
       "per £1). A client group several rows name has its spend shared by their\n"
       "investments, pennies by largest remainder; a row's savings is its spend times its\n"
       "ratio, rounded once to the penny; the % and per £1 are 100 × savings / spend rounded\n"
       "to a whole number; all halves away from zero. Client groups no row names are\n"
       "listed with their spend and left out of the total. --html FILE writes a page and\n"
       "prints the text too.",
       "hsg report savings --from 2025-04-01 --to 2026-03-31 --table "
       "rules/savings-national-2009.toml"});
  command_line.add()("from", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
                     "first day included")(
      "to", po::value<std::string>()->required()->value_name("YYYY-MM-DD"), "last day included")(
      "table", po::value<std::string>()->value_name("FILE"),
      "the savings table (default: the built-in rules/savings-bnes-2011.toml)")(
      "spend", po::value<std::string>()->value_name("BASIS"), "posted (default) or scheduled")(
      "json", "print one JSON object instead of the table")(
      "csv", "print CSV (one line per row, the total, and each group with no ratio)")(
      "html", po::value<std::string>()->value_name("FILE"), "also write the report as a web page");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  app::SavingsReportRequest request{required_date(command_line, "from"),
                                    required_date(command_line, "to"), app::SpendBasis::posted};
  if (request.to < request.from) {
    command_line.fail(fmt::format("--to {} is before --from {}", request.to.to_string(),
                                  request.from.to_string()));
  }
  if (command_line.has("spend")) {
    const std::string text = command_line.get<std::string>("spend");
    const auto basis = app::spend_basis_named(text);
    if (!basis) {
      command_line.fail(
          fmt::format("--spend '{}' is not one of: posted, scheduled", engine::excerpt(text)));
    }
    request.basis = *basis;
  }
  const int formats = static_cast<int>(command_line.has("json")) +
                      static_cast<int>(command_line.has("csv")) +
                      static_cast<int>(command_line.has("html"));
  if (formats > 1) command_line.fail("give at most one of --json, --csv and --html");
  std::optional<std::filesystem::path> table_path;
  if (command_line.has("table")) table_path = command_line.get<std::string>("table");
  const app::SavingsTableInput table = unwrap(app::load_savings_table(table_path));
  db::Database database = open_database_to_read(command_line);
  std::optional<db::SafeFile> html;
  if (command_line.has("html")) {
    html.emplace(unwrap(db::SafeFile::create(command_line.get<std::string>("html"))));
  }
  const app::SavingsReport report = unwrap(app::compile_savings_report(database, request, table));
  if (html) {
    html->stream() << app::savings_html(report);
    unwrap(html->commit());
  }
  if (command_line.has("json")) {
    app::write_savings_json(io.out, report);
  } else if (command_line.has("csv")) {
    app::write_savings_csv(io.out, report);
  } else {
    app::write_savings_text(io.out, report);
  }
  return 0;
}

constexpr std::array kSubcommands{
    Subcommand{"outcomes", "outcomes --from D --to D [--term short|long]",
               "the Supporting People outcomes table, short- and long-term", outcomes},
    Subcommand{"savings", "savings --from D --to D [--table FILE] [--spend posted|scheduled]",
               "the savings estimate: spend by client group times savings per £1", savings},
};

}  // namespace

int report_command(const Args& args, Io& io) {
  return run_subcommand("report", kSubcommands, args, io);
}

}  // namespace hsg::cli
