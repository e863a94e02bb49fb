// hsg client add | show | list.
#include <fmt/core.h>

#include <array>

#include "app/clients/client_register.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "db/client_groups.h"
#include "engine/text.h"

namespace hsg::cli {

namespace {

std::string groups_help() {
  std::string text = "client group: a key or the full name of a Supporting People group:";
  for (const db::ClientGroup& group : db::client_groups()) {
    text += fmt::format("\n  {} = {}", group.key, group.name);
  }
  return text;
}

int add(const Args& args, Io& io) {
  CommandLine command_line(
      "client add",
      {"hsg client add REF --group GROUP [--asc-funded] [--name NAME]",
       "Records a client under the council's reference, with the Supporting People primary\n"
       "client group and whether they also receive adult social care money. The name is\n"
       "kept apart from everything hashed, so it can be erased later.",
       "hsg client add C-1001 --group older_people --name 'A. Person'"});
  command_line.add()("ref", po::value<std::string>()->required()->value_name("REF"),
                     "the council's client reference")(
      "group", po::value<std::string>()->required()->value_name("GROUP"), groups_help().c_str())(
      "asc-funded", "the client also receives adult social care money")(
      "name", po::value<std::string>()->value_name("NAME"), "the client's name (optional)");
  command_line.positional("ref", 1);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::NewClient client{command_line.get<std::string>("ref"), command_line.get<std::string>("group"),
                       command_line.has("asc-funded"), std::nullopt};
  if (command_line.has("name")) client.name = command_line.get<std::string>("name");
  db::Database database = open_database(command_line);
  const db::Client added = unwrap(app::add_client(database, stamp_of(command_line), client));
  io.out << fmt::format("added client {} ({}{})\n", added.ref, added.group,
                        added.asc_funded ? ", also receives adult social care money" : "");
  return 0;
}

int show(const Args& args, Io& io) {
  CommandLine command_line(
      "client show",
      {"hsg client show REF [--db PATH]",
       "Shows a client and their whole recorded history, oldest first.", "hsg client show C-1001"});
  command_line.add()("ref", po::value<std::string>()->required()->value_name("REF"),
                     "the client reference");
  command_line.positional("ref", 1);
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::string ref = command_line.get<std::string>("ref");
  db::Database database = open_database_to_read(command_line);
  const app::ClientHistory history = unwrap(app::client_history(database, ref));
  const db::Client& client = history.client;
  io.out << fmt::format("client {}\n  group: {}\n  adult social care money: {}\n", client.ref,
                        client.group, client.asc_funded ? "yes" : "no");
  if (client.name) io.out << fmt::format("  name: {}\n", engine::escaped(*client.name));
  io.out << "\nallocations\n";
  for (const app::ClientAllocation& entry : history.allocations) {
    const db::StoredAllocation& allocation = entry.allocation;
    io.out << fmt::format("  #{} on {} by {}: indicative £{} ({})\n", allocation.id,
                          allocation.assessed_on.to_string(), engine::escaped(allocation.assessor),
                          allocation.total.to_grouped_string(), db::to_string(entry.status));
  }
  io.out << "\nhistory\n";
  for (const db::AuditEvent& event : history.events) {
    io.out << fmt::format("  {:>6} {} {:<12} {} {}\n", event.seq, engine::escaped(event.at),
                          engine::escaped(event.actor), engine::escaped(event.action),
                          engine::escaped(event.entity_id));
  }
  return 0;
}

int list(const Args& args, Io& io) {
  CommandLine command_line(
      "client list",
      {"hsg client list [--db PATH]", "Lists every client in reference order.", "hsg client list"});
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database_to_read(command_line);
  for (const db::Client& client : unwrap(app::list_clients(database))) {
    io.out << fmt::format("{:<16} {}{}\n", client.ref, client.group,
                          client.asc_funded ? "  (adult social care money too)" : "");
  }
  return 0;
}

}  // namespace

int client_command(const Args& args, Io& io) {
  static constexpr std::array kSubcommands{
      Subcommand{"add", "add REF --group GROUP [--asc-funded] [--name NAME]", "record a client",
                 add},
      Subcommand{"show", "show REF", "a client and their history", show},
      Subcommand{"list", "list", "every client", list},
  };
  return run_subcommand("client", kSubcommands, args, io);
}

}  // namespace hsg::cli
