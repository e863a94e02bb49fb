// hsg report outcomes: reports for commissioners.
#include <fmt/core.h>

#include <array>

#include "app/outcomes/compile_outcomes_report.h"
#include "app/outcomes/outcomes_report.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
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

constexpr std::array kSubcommands{
    Subcommand{"outcomes", "outcomes --from D --to D [--term short|long]",
               "the Supporting People outcomes table, short- and long-term", outcomes},
};

}  // namespace

int report_command(const Args& args, Io& io) {
  return run_subcommand("report", kSubcommands, args, io);
}

}  // namespace hsg::cli
