// hsg whatif --rules FILE|ID: what a candidate rule set would do to the recorded caseload,
// and with --budget the highest hourly rate that fits. Reads the store, writes nothing
// to it.
#include <fmt/core.h>

#include <optional>

#include "app/whatif/budget_amount.h"
#include "app/whatif/candidate_rules.h"
#include "app/whatif/whatif_output.h"
#include "app/whatif/whatif_report.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "db/client_groups.h"
#include "db/safe_file.h"

namespace hsg::cli {

int whatif_command(const Args& args, Io& io) {
  CommandLine command_line(
      "whatif",
      {"hsg whatif --rules FILE|ID [--as-of D] [--group G] [--budget AMOUNT] [--json] "
       "[--html FILE] [--csv FILE]",
       "Recomputes each client's latest allocation on or before --as-of under a candidate\n"
       "rule set and reports what would change: clients up, down and the same; totals\n"
       "before and after, annualised, by client group and by intervention type; level\n"
       "changes per type; the largest movers; and the clients within one point of a\n"
       "threshold. --budget finds the highest hourly rate whose total fits. Nothing is\n"
       "written to the database.",
       "hsg whatif --rules candidate.toml --as-of 2026-03-31 --budget 4046310"});
  command_line.add()("rules", po::value<std::string>()->required()->value_name("FILE|ID"),
                     "the candidate: a rule-set file, or a stored rule set's id or unique "
                     "prefix")(
      "as-of", po::value<std::string>()->value_name("YYYY-MM-DD"),
      "take each client's latest allocation on or before this day (default: today)")(
      "group", po::value<std::string>()->value_name("GROUP"),
      "only clients of this client group (key or full name)")(
      "budget", po::value<std::string>()->value_name("AMOUNT"),
      "pounds, e.g. 4046310.00: find the highest hourly rate whose total fits")(
      "json", "print one JSON object instead of text")(
      "html", po::value<std::string>()->value_name("FILE"),
      "also write the report as one self-contained HTML page with charts")(
      "csv", po::value<std::string>()->value_name("FILE"),
      "also write every client's before and after, one CSV row each");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;

  // Every argument is checked before the database is opened or a file written.
  const app::CandidateRules named =
      unwrap(app::candidate_rules(command_line.get<std::string>("rules")));
  app::WhatifRequest request;
  request.as_of = date_or_today_option(command_line, "as-of");
  if (command_line.has("group")) {
    const std::string text = command_line.get<std::string>("group");
    const auto key = db::parse_client_group(text);
    if (!key) command_line.fail(db::unknown_client_group_message(text));
    request.group_key = std::string(*key);
  }
  if (command_line.has("budget")) {
    auto budget = app::budget_amount(command_line.get<std::string>("budget"), "--budget");
    if (!budget.ok()) command_line.fail(budget.refusal().what());
    request.budget = budget.value();
  }
  db::Database database = open_database_to_read(command_line);
  const rules::LoadedRuleset candidate = unwrap(app::load_candidate(database, named));

  // Both files are opened before the work and committed after it: each appears whole,
  // and neither appears if anything fails.
  app::WhatifObserver observe;
  std::optional<db::SafeFile> csv;
  if (command_line.has("csv")) {
    csv.emplace(unwrap(db::SafeFile::create(command_line.get<std::string>("csv"))));
    app::write_whatif_csv_header(csv->stream());
    observe = [&csv](const app::WhatifClient& client) {
      app::write_whatif_csv_row(csv->stream(), client);
    };
  }
  std::optional<db::SafeFile> html;
  if (command_line.has("html")) {
    html.emplace(unwrap(db::SafeFile::create(command_line.get<std::string>("html"))));
  }
  const app::WhatifReport report =
      unwrap(app::compute_whatif(database, candidate, request, observe));
  if (html) {
    html->stream() << app::whatif_html(report);
    unwrap(html->commit());
  }
  if (csv) unwrap(csv->commit());
  if (command_line.has("json")) {
    io.out << app::whatif_json(report).dump(2) << "\n";
  } else {
    app::write_whatif_text(io.out, report);
  }
  return 0;
}

}  // namespace hsg::cli
