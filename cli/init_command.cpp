// hsg init, hsg rules add FILE, hsg rules list: creating a database and its rule sets.
#include <fmt/core.h>

#include <optional>

#include "app/assessment/ruleset_input.h"
#include "app/rules/add_ruleset.h"
#include "app/rules/ruleset_status.h"
#include "app/store/initialise.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"

namespace hsg::cli {

namespace {

void write_added(std::ostream& out, const db::AddedRuleset& added) {
  out << fmt::format("{} rule set {} {} version {}, effective from {}\n",
                     added.added ? "added" : "already stored:", added.info.id, added.info.name,
                     added.info.version, added.info.effective_from.to_string());
}

void write_bootstrap(std::ostream& out, const app::Bootstrap& bootstrap) {
  write_added(out, bootstrap.builtin);
  if (bootstrap.in_force) {
    out << fmt::format("rule set {} is in force from {} (the bootstrap of hsg init)\n",
                       bootstrap.builtin.info.id.substr(0, 12),
                       bootstrap.in_force->from_on.to_string());
  } else {
    out << "no rule set is in force: the database holds allocations, so which rule set is "
           "in force is for an adoption to decide (hsg rules adopt)\n";
  }
}

}  // namespace

int init_command(const Args& args, Io& io) {
  CommandLine command_line(
      "init", {"hsg init [--db PATH] [--actor NAME]",
               "Creates the database (readable by its owner only) if it does not exist, brings\n"
               "an older one up to date, and on a database where no rule set was ever adopted,\n"
               "stores the built-in medway rule set and puts it in force from its\n"
               "effective_from (the bootstrap). Rule sets already adopted are left as they\n"
               "are. Safe to run again.",
               "hsg init --db hsg.db"});
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line, true);
  const db::Stamp stamp = stamp_of(command_line);
  io.out << fmt::format("database {} (schema version {})\n", database.path().string(),
                        database.schema_version());
  const app::Initialised initialised = unwrap(app::initialise(database, stamp));
  if (initialised.bootstrap) {
    write_bootstrap(io.out, *initialised.bootstrap);
    return 0;
  }
  io.out << fmt::format(
      "rule sets kept as adopted (hsg rules list){}\n",
      initialised.builtin_stored
          ? ""
          : fmt::format("; this hsg's built-in medway ({}) is not stored: to use it, hsg "
                        "rules add rules/medway.toml and adopt it",
                        initialised.builtin_id.substr(0, 12)));
  return 0;
}

int rules_add_command(const Args& args, Io& io) {
  CommandLine command_line(
      "rules add", {"hsg rules add FILE [--db PATH] [--actor NAME]",
                    "Checks a rule-set file and stores its exact bytes under their SHA-256, as a\n"
                    "draft: nothing is recorded under it until it is adopted (hsg rules adopt).\n"
                    "Adding the same file again changes nothing.",
                    "hsg rules add docs/examples/small-rules.toml"});
  command_line.add()("file", po::value<std::string>()->required()->value_name("FILE"),
                     "the rule-set file");
  command_line.positional("file", 1);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const rules::LoadedRuleset loaded =
      app::load_ruleset_or_builtin(command_line.get<std::string>("file"));
  db::Database database = open_database(command_line);
  const app::StoredRulesetStatus stored =
      unwrap(app::add_ruleset(database, stamp_of(command_line), loaded));
  write_added(io.out, stored.added);
  io.out << fmt::format("status: {}\n", stored.status);
  return 0;
}

int rules_list_command(const Args& args, Io& io) {
  CommandLine command_line(
      "rules list",
      {"hsg rules list [--db PATH]",
       "Lists the stored rule sets, oldest effective date first, each with its status:\n"
       "draft, pending adoption from D, in force from D, or retired from D.",
       "hsg rules list"});
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database_to_read(command_line);
  const std::vector<app::ListedRuleset> listed = unwrap(app::list_rulesets(database));
  io.out << fmt::format("{:<14} {:<20} {:<16} {:<12}  {}\n", "effective", "name", "version", "id",
                        "status");
  for (const app::ListedRuleset& ruleset : listed) {
    const db::RulesetInfo& info = ruleset.info;
    io.out << fmt::format("{:<14} {:<20} {:<16} {:<12}  {}\n", info.effective_from.to_string(),
                          info.name, info.version, info.id.substr(0, 12), ruleset.status);
  }
  return 0;
}

}  // namespace hsg::cli
