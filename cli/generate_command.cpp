// hsg generate --clients N --seed S: a synthetic, reproducible caseload (the rules:
// app/caseload/generate_caseload.h).
#include <fmt/core.h>

#include "app/caseload/generate_caseload.h"
#include "cli/future_date_option.h"
#include "cli/option_values.h"
#include "cli/progress.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"

namespace hsg::cli {

int generate_command(const Args& args, Io& io) {
  CommandLine command_line(
      "generate",
      {"hsg generate --clients N --seed S [--from D] [--force] [--allow-future REASON] "
       "[--db PATH] [--actor NAME]",
       "Records N synthetic clients (G000001, …) across the client groups, each with one\n"
       "assessment on a day of the year from --from, with a realistic mix of answers. The\n"
       "same seed gives the same caseload. For demos, tests and benchmarks: a database\n"
       "holding any client hsg generate did not add is refused unless --force is given.\n"
       "An assessment that would fall after today (the local date) needs --allow-future\n"
       "REASON, as for hsg allocate.",
       "hsg generate --clients 1000 --seed 7"});
  command_line.add()("clients", po::value<std::int64_t>()->required()->value_name("N"),
                     "how many clients (1 to 10,000,000)")(
      "seed", po::value<std::uint64_t>()->required()->value_name("S"), "random seed")(
      "from", po::value<std::string>()->default_value("2025-04-01")->value_name("YYYY-MM-DD"),
      "first day of the year the assessments fall in")(
      "force", "generate even into a database holding clients hsg generate did not add");
  add_allow_future_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t count = command_line.get<std::int64_t>("clients");
  if (count < 1 || count > 10'000'000) command_line.fail("--clients must be 1 to 10,000,000");
  const engine::Date from = required_date(command_line, "from");
  // The assessments fall on the 365 days from --from.
  if (!from.plus_days(364)) {
    command_line.fail(
        fmt::format("--from {}: the year from it runs past {}, the last date hsg handles",
                    from.to_string(), engine::Date::latest().to_string()));
  }

  const app::FutureDatePermission future = future_date_permission(command_line);
  db::Database database = open_database(command_line);
  const app::GenerateRequest request{.clients = count,
                                     .seed = command_line.get<std::uint64_t>("seed"),
                                     .from = from,
                                     .force = command_line.has("force"),
                                     .future = future,
                                     .stamp = stamp_of(command_line)};
  Progress progress(io.err, io.interactive);
  const app::GeneratedCaseload generated =
      unwrap(app::generate_caseload(database, request, progress));
  io.out << fmt::format("generated {} clients with one allocation each; indicative total £{}\n",
                        generated.clients, generated.indicative_total.to_grouped_string());
  return 0;
}

}  // namespace hsg::cli
