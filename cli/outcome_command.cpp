// hsg outcome record | show: Supporting People outcomes returns for a grant.
#include <fmt/core.h>

#include <array>

#include "app/outcomes/outcome_returns.h"
#include "app/present/outcome_json.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "rules/outcomes_loader.h"

namespace hsg::cli {

namespace {

int record(const Args& args, Io& io) {
  CommandLine command_line(
      "outcome record",
      {"hsg outcome record GRANT --date D --file OUTCOMES.toml",
       "Records the client's outcomes at a review or on exit: for every question of the\n"
       "Supporting People outcomes framework (1a ... 5), whether the client needed support\n"
       "with it and whether the outcome was achieved, and whether the service is short- or\n"
       "long-term. Recording the same grant and date again writes a new version; reports\n"
       "count the latest, and every version is kept.",
       "hsg outcome record 1 --date 2025-04-28 --file outcomes-exit.toml"});
  add_grant_argument(command_line);
  command_line.add()("date", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
                     "the date of the review or exit")(
      "file", po::value<std::string>()->required()->value_name("FILE"),
      "the outcomes file (TOML: term and an [outcomes] table)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t grant_id = grant_id_argument(command_line);
  const engine::Date date = required_date(command_line, "date");
  auto loaded = rules::load_outcomes_file(command_line.get<std::string>("file"));
  if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
    throw InputError(*problems);
  }
  rules::LoadedOutcomes outcomes = std::get<rules::LoadedOutcomes>(std::move(loaded));
  db::Database database = open_database(command_line);
  const app::RecordedOutcomes recorded =
      unwrap(app::record_outcomes(database, stamp_of(command_line),
                                  {grant_id, date, outcomes.term, std::move(outcomes.answers)}));
  const db::OutcomeReturn& stored = recorded.stored;
  io.out << fmt::format(
      "Outcomes recorded for grant {} (client {}) on {}, {}-term service, version {}: {} of "
      "{} measures needed, {} achieved\n",
      grant_id, stored.client_ref, date.to_string(), engine::to_string(stored.term), stored.version,
      recorded.needed, stored.answers.size(), recorded.achieved);
  return 0;
}

void write_return(std::ostream& out, const db::OutcomeReturn& stored, bool latest) {
  out << fmt::format("{} {}-term, version {}{} (by {} at {})\n", stored.return_on.to_string(),
                     engine::to_string(stored.term), stored.version, latest ? "" : ", superseded",
                     stored.actor, stored.at);
  for (const engine::OutcomeAnswer& answer : stored.answers) {
    const engine::OutcomeMeasure& measure = *engine::find_outcome_measure(answer.measure);
    out << fmt::format("  {:<6} {:<36} {}\n", measure.key, measure.label,
                       !answer.needed    ? "not needed"
                       : answer.achieved ? "needed, achieved"
                                         : "needed, not achieved");
  }
}

int show(const Args& args, Io& io) {
  CommandLine command_line(
      "outcome show",
      {"hsg outcome show GRANT [--json]",
       "Shows every outcomes return recorded for a grant, by date, every version of each\n"
       "(superseded versions are marked): each measure, whether it was needed and achieved.",
       "hsg outcome show 1"});
  add_grant_argument(command_line);
  command_line.add()("json", "print one JSON object instead of text");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t grant_id = grant_id_argument(command_line);
  db::Database database = open_database_to_read(command_line);
  const auto versions = unwrap(app::outcomes_of_grant(database, grant_id));
  if (command_line.has("json")) {
    io.out << app::grant_outcomes_json(grant_id, versions).dump(2) << "\n";
    return 0;
  }
  io.out << fmt::format("Outcomes of grant {}: {} return(s)\n", grant_id, versions.size());
  for (const app::OutcomeVersion& version : versions) {
    write_return(io.out, version.stored, version.latest);
  }
  return 0;
}

constexpr std::array kSubcommands{
    Subcommand{"record", "record GRANT --date D --file FILE",
               "record outcomes at a review or on exit", record},
    Subcommand{"show", "show GRANT [--json]", "show a grant's outcomes returns", show},
};

}  // namespace

int outcome_command(const Args& args, Io& io) {
  return run_subcommand("outcome", kSubcommands, args, io);
}

}  // namespace hsg::cli
