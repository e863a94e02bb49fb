// hsg provider add | list | end: providers and the dates they are accredited.

#include <array>

#include "app/present/provider_text.h"
#include "app/providers/provider_register.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"

namespace hsg::cli {

namespace {

void add_name_argument(CommandLine& command_line) {
  command_line.add()("name", po::value<std::string>()->required()->value_name("NAME"),
                     "the provider's name, exactly as plans will name it");
  command_line.positional("name", 1);
}

int add(const Args& args, Io& io) {
  CommandLine command_line(
      "provider add",
      {"hsg provider add NAME --accredited-from D [--until D] [--kind generalist|specialist]",
       "Puts a provider on the accredited list from a date, until a date (inclusive) or with\n"
       "no end. Adding a provider already on the list records another accreditation period;\n"
       "nothing earlier is changed. Route 4 of a support plan (generalist support services)\n"
       "and an individual service fund need a provider accredited on the plan's date.",
       "hsg provider add 'Medway Housing Support Ltd' --accredited-from 2024-04-01"});
  add_name_argument(command_line);
  command_line.add()(
      "accredited-from", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
      "first day of accreditation")("until", po::value<std::string>()->value_name("YYYY-MM-DD"),
                                    "last day of accreditation (default: no end)")(
      "kind", po::value<std::string>()->value_name("KIND"),
      "generalist (route 4, the default) or specialist (route 5)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::NewAccreditation accreditation{
      command_line.get<std::string>("name"),
      command_line.has("kind") ? command_line.get<std::string>("kind") : "generalist",
      required_date(command_line, "accredited-from"), std::nullopt};
  if (command_line.has("until")) accreditation.until = required_date(command_line, "until");
  db::Database database = open_database(command_line);
  const std::int64_t number =
      unwrap(app::accredit_provider(database, stamp_of(command_line), accreditation));
  io.out << app::accredited_line(accreditation, number) << "\n";
  return 0;
}

int list(const Args& args, Io& io) {
  CommandLine command_line(
      "provider list",
      {"hsg provider list [--on D]",
       "Lists providers by name with every accreditation period and end; with --on, only\n"
       "those accredited on that day.",
       "hsg provider list --on 2025-02-03"});
  command_line.add()("on", po::value<std::string>()->value_name("YYYY-MM-DD"),
                     "only providers accredited on this day");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::optional<engine::Date> on = optional_date(command_line, "on");
  db::Database database = open_database_to_read(command_line);
  for (const db::Provider& provider : unwrap(app::list_providers(database, on))) {
    io.out << app::provider_line(provider) << "\n";
  }
  return 0;
}

int end(const Args& args, Io& io) {
  CommandLine command_line(
      "provider end",
      {"hsg provider end NAME --date D",
       "Ends a provider's accreditation: D is its last accredited day. The accreditation\n"
       "periods stay as they were, so plans made before D still read as they were made.",
       "hsg provider end 'Medway Housing Support Ltd' --date 2025-06-30"});
  add_name_argument(command_line);
  command_line.add()("date", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
                     "the last day the provider is accredited");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::string name = command_line.get<std::string>("name");
  const engine::Date date = required_date(command_line, "date");
  db::Database database = open_database(command_line);
  unwrap(app::end_provider(database, stamp_of(command_line), {name, date}));
  io.out << app::ended_line(name, date) << "\n";
  return 0;
}

constexpr std::array kSubcommands{
    Subcommand{"add", "add NAME --accredited-from D [--until D] [--kind KIND]",
               "accredit a provider from a date", add},
    Subcommand{"list", "list [--on D]", "list providers and their accreditation", list},
    Subcommand{"end", "end NAME --date D", "end a provider's accreditation on a date", end},
};

}  // namespace

int provider_command(const Args& args, Io& io) {
  return run_subcommand("provider", kSubcommands, args, io);
}

}  // namespace hsg::cli
