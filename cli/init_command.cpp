// hsg init, hsg rules add FILE, hsg rules list: creating a database and its rule sets.
#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "app/assessment/ruleset_input.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "db/ruleset_adoptions.h"
#include "db/rulesets.h"
#include "db/write_transaction.h"
#include "rules/shipped.h"

namespace hsg::cli {

namespace {

db::AddedRuleset add_ruleset(db::Database& database, const db::Stamp& stamp,
                             const rules::LoadedRuleset& loaded, Io& io) {
  db::RulesetRepository repository(database);
  db::AddedRuleset added = unwrap(repository.add(stamp, loaded.bytes, loaded.ruleset));
  io.out << fmt::format("{} rule set {} {} version {}, effective from {}\n",
                        added.added ? "added" : "already stored:", added.info.id, added.info.name,
                        added.info.version, added.info.effective_from.to_string());
  return added;
}

// A new database: the built-in medway, in force from its effective_from (the bootstrap,
// docs/rules.md). A database that already holds allocations is not given a rule set in
// force by init: that is a decision (hsg rules adopt).
void bootstrap(db::Database& database, const db::Stamp& stamp, const rules::LoadedRuleset& builtin,
               Io& io) {
  auto transaction = unwrap(db::WriteTransaction::begin(database));
  const db::AddedRuleset added = add_ruleset(database, stamp, builtin, io);
  const auto adopted = unwrap(db::AdoptionRepository(database).bootstrap(stamp, added.info.id));
  unwrap(transaction.commit());
  if (adopted) {
    io.out << fmt::format("rule set {} is in force from {} (the bootstrap of hsg init)\n",
                          added.info.id.substr(0, 12), adopted->from_on.to_string());
  } else {
    io.out << "no rule set is in force: the database holds allocations, so which rule set is "
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
  const rules::LoadedRuleset builtin = app::load_ruleset_or_builtin(std::nullopt);
  if (unwrap(db::AdoptionRepository(database).all()).empty()) {
    bootstrap(database, stamp, builtin, io);
    return 0;
  }
  const bool stored = db::RulesetRepository(database).get(builtin.id).ok();
  io.out << fmt::format(
      "rule sets kept as adopted (hsg rules list){}\n",
      stored ? ""
             : fmt::format("; this hsg's built-in medway ({}) is not stored: to use it, hsg "
                           "rules add rules/medway.toml and adopt it",
                           builtin.id.substr(0, 12)));
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
  const db::AddedRuleset added = add_ruleset(database, stamp_of(command_line), loaded, io);
  io.out << fmt::format(
      "status: {}\n",
      db::adoption_status(unwrap(db::AdoptionRepository(database).all()), added.info.id));
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
  db::Database database = open_database(command_line);
  const std::vector<db::Adoption> adoptions = unwrap(db::AdoptionRepository(database).all());
  io.out << fmt::format("{:<14} {:<20} {:<16} {:<12}  {}\n", "effective", "name", "version", "id",
                        "status");
  for (const db::RulesetInfo& info : unwrap(db::RulesetRepository(database).list())) {
    io.out << fmt::format("{:<14} {:<20} {:<16} {:<12}  {}\n", info.effective_from.to_string(),
                          info.name, info.version, info.id.substr(0, 12),
                          db::adoption_status(adoptions, info.id));
  }
  return 0;
}

}  // namespace hsg::cli
