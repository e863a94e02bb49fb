// hsg client add | show | list | erase | export | due-for-erasure.
#include <fmt/core.h>

#include <array>

#include "app/clients/client_register.h"
#include "app/clients/personal_data.h"
#include "app/present/subject_access_json.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "db/client_groups.h"
#include "db/safe_file.h"
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
       "Shows a client, their allocations, how many records of each kind are held about\n"
       "them (hsg client export gives every one), and their whole audit history, oldest\n"
       "first.",
       "hsg client show C-1001"});
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
  io.out << "\nrecords held\n";
  for (const db::HeldCount& held : unwrap(app::held_record_counts(database, ref))) {
    if (held.table == "clients" || held.rows == 0) continue;
    io.out << fmt::format("  {:<26} {}\n", held.table, held.rows);
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

std::string erased_text(const db::ClientErasure& erasure) {
  std::string text = fmt::format("erased the personal details of client {} (erasure {}):\n",
                                 erasure.ref, erasure.number);
  text += erasure.name_erased ? "  name: erased\n" : "  name: none was held\n";
  text += fmt::format("  receipts: {} erased\n", erasure.receipts_erased.size());
  for (const std::string& hash : erasure.receipts_erased) text += "    " + hash + "\n";
  if (!erasure.log_emptied) {
    text +=
        "  the write-ahead log could not be emptied while another connection was reading: the\n"
        "  old pages go at its next checkpoint (run 'hsg backup' or this again when it is idle)\n";
  }
  return text +
         "kept: the reference, group and every record and audit event, none of which holds\n"
         "the erased details; free text recorded earlier (reasons, descriptions) is part of the\n"
         "hashed history (docs/administrator.md, \"Personal data\")\n";
}

int erase(const Args& args, Io& io) {
  CommandLine command_line(
      "client erase",
      {"hsg client erase REF --reason TEXT",
       "Erases the client's personal details: their name and the receipts of their\n"
       "purchases. The reference, group and the whole pseudonymous history stay, and 'hsg\n"
       "audit verify' still passes. The erasure is itself recorded: that it happened, when,\n"
       "by whom and why, never what was erased. Say why in --reason (a request number), not\n"
       "who: the reason is kept in the audit log for good.",
       "hsg client erase C-1001 --reason 'erasure request DP-2026-014'"});
  command_line.add()("ref", po::value<std::string>()->required()->value_name("REF"),
                     "the client reference")(
      "reason", po::value<std::string>()->required()->value_name("TEXT"),
      "why (a request number): kept in the audit log for good");
  command_line.positional("ref", 1);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line);
  const db::ClientErasure erasure = unwrap(
      app::erase_client(database, stamp_of(command_line), command_line.get<std::string>("ref"),
                        command_line.get<std::string>("reason")));
  io.out << erased_text(erasure);
  return 0;
}

int export_client(const Args& args, Io& io) {
  CommandLine command_line(
      "client export",
      {"hsg client export REF [--format json|html] [--output FILE]",
       "A subject-access report: everything hsg holds about the client (every record of\n"
       "every kind, as stored, and every audit event about them), as JSON (the default) or\n"
       "as a readable HTML page. With --output the file is written owner-only (it holds\n"
       "personal data) and appears only once complete.",
       "hsg client export C-1001 --format html --output C-1001.html"});
  command_line.add()("ref", po::value<std::string>()->required()->value_name("REF"),
                     "the client reference")(
      "format", po::value<std::string>()->value_name("FORMAT"), "json (default) or html")(
      "output", po::value<std::string>()->value_name("FILE"), "write here instead of stdout");
  command_line.positional("ref", 1);
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::string format = optional_text(command_line, "format").value_or("json");
  if (format != "json" && format != "html") {
    command_line.fail(fmt::format("--format must be json or html, not '{}'", format));
  }
  db::Database database = open_database_to_read(command_line);
  const app::SubjectAccess access =
      unwrap(app::subject_access(database, command_line.get<std::string>("ref")));
  const std::string text = format == "html" ? app::subject_access_html(access)
                                            : app::subject_access_json(access).dump(2) + "\n";
  const auto output = optional_text(command_line, "output");
  if (!output) {
    io.out << text;
    return 0;
  }
  db::SafeFile file = unwrap(db::SafeFile::create(*output));
  file.stream() << text;
  unwrap(file.commit());
  io.err << fmt::format("wrote the subject-access report of client {} to {}\n", access.client.ref,
                        *output);
  return 0;
}

int due_for_erasure(const Args& args, Io& io) {
  CommandLine command_line(
      "client due-for-erasure",
      {"hsg client due-for-erasure [--as-of D]",
       "Lists the clients whose personal details (a name, receipts) are still held although\n"
       "their last record is more than the retention period before the date: the [retention]\n"
       "years of the rule set in force that day, or 6 years when it sets none. Erase them\n"
       "with hsg client erase.",
       "hsg client due-for-erasure --as-of 2031-04-01"});
  add_date_option(command_line, "as-of", "the day to judge by (default: today)");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const engine::Date as_of = date_or_today_option(command_line, "as-of");
  db::Database database = open_database_to_read(command_line);
  const app::DueForErasure due = unwrap(app::due_for_erasure(database, as_of));
  io.out << fmt::format("retention: {} years after the last record ({})\n", due.years,
                        due.ruleset_id ? "[retention] of rule set " + due.ruleset_id->substr(0, 12)
                                       : std::string("the default"));
  io.out << fmt::format("{} client(s) due for erasure on {}\n", due.clients.size(),
                        as_of.to_string());
  for (const app::DueClient& client : due.clients) {
    io.out << fmt::format("  {:<16} last record {}, due from {}: {}{} receipt(s)\n", client.ref,
                          client.last_on.to_string(), client.due_on.to_string(),
                          client.name_held ? "name, " : "", client.receipts_held);
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
      Subcommand{"erase", "erase REF --reason TEXT", "erase a client's name and receipts", erase},
      Subcommand{"export", "export REF [--format json|html]",
                 "everything held about a client (subject access)", export_client},
      Subcommand{"due-for-erasure", "due-for-erasure [--as-of D]",
                 "clients past the retention period", due_for_erasure},
  };
  return run_subcommand("client", kSubcommands, args, io);
}

}  // namespace hsg::cli
