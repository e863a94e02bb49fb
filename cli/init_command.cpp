// hsg init, hsg rules add FILE, hsg rules list: creating a database and its rule sets.
#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "cli/ruleset_input.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "db/rulesets.h"
#include "rules/shipped.h"

namespace hsg::cli {

namespace {

void add_ruleset(db::Database& database, const db::Stamp& stamp, const rules::LoadedRuleset& loaded,
                 Io& io) {
  db::RulesetRepository repository(database);
  const db::AddedRuleset added = unwrap(repository.add(stamp, loaded.bytes, loaded.ruleset));
  io.out << fmt::format("{} rule set {} {} version {}, effective from {}\n",
                        added.added ? "added" : "already stored:", added.info.id, added.info.name,
                        added.info.version, added.info.effective_from.to_string());
}

// When `builtin` is not stored yet, a stored rule set effective the day it is: a
// database made by an older hsg holds that hsg's built-in medway, and storing this one
// too would leave two equally in force.
std::optional<db::RulesetInfo> same_day_ruleset(db::Database& database,
                                                const rules::LoadedRuleset& builtin) {
  const std::vector<db::RulesetInfo> stored = unwrap(db::RulesetRepository(database).list());
  const auto is_builtin = [&](const db::RulesetInfo& info) { return info.id == builtin.id; };
  if (std::any_of(stored.begin(), stored.end(), is_builtin)) return std::nullopt;
  const auto same_day = std::find_if(stored.begin(), stored.end(), [&](const auto& info) {
    return info.effective_from == builtin.ruleset.spec().effective_from;
  });
  if (same_day == stored.end()) return std::nullopt;
  return *same_day;
}

}  // namespace

int init_command(const Args& args, Io& io) {
  CommandLine command_line(
      "init", {"hsg init [--db PATH] [--actor NAME]",
               "Creates the database (readable by its owner only) if it does not exist, brings\n"
               "an older one up to date, and stores the built-in medway rule set in it, unless\n"
               "it already holds another rule set effective the same day (one from an older\n"
               "hsg), which it keeps. Safe to run again.",
               "hsg init --db hsg.db"});
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line, true);
  const db::Stamp stamp = stamp_of(command_line);
  io.out << fmt::format("database {} (schema version {})\n", database.path().string(),
                        database.schema_version());
  const rules::LoadedRuleset builtin = load_ruleset_or_builtin(std::nullopt);
  if (const auto older = same_day_ruleset(database, builtin)) {
    io.out << fmt::format(
        "kept rule set {} {} version {}, effective from {}: this hsg's built-in {} ({}) is "
        "effective the same day, and two rule sets in force together would have to be named "
        "on every command; to change the rules in force, add a rule set effective from a "
        "later date (docs/rules.md)\n",
        older->id, older->name, older->version, older->effective_from.to_string(),
        builtin.ruleset.spec().name, builtin.id.substr(0, 12));
    return 0;
  }
  add_ruleset(database, stamp, builtin, io);
  return 0;
}

int rules_add_command(const Args& args, Io& io) {
  CommandLine command_line(
      "rules add", {"hsg rules add FILE [--db PATH] [--actor NAME]",
                    "Checks a rule-set file and stores its exact bytes under their SHA-256. "
                    "Adding the\nsame file again changes nothing.",
                    "hsg rules add docs/examples/small-rules.toml"});
  command_line.add()("file", po::value<std::string>()->required()->value_name("FILE"),
                     "the rule-set file");
  command_line.positional("file", 1);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const rules::LoadedRuleset loaded =
      load_ruleset_or_builtin(command_line.get<std::string>("file"));
  db::Database database = open_database(command_line);
  add_ruleset(database, stamp_of(command_line), loaded, io);
  return 0;
}

int rules_list_command(const Args& args, Io& io) {
  CommandLine command_line(
      "rules list", {"hsg rules list [--db PATH]",
                     "Lists the stored rule sets, oldest effective date first.", "hsg rules list"});
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line);
  db::RulesetRepository repository(database);
  io.out << fmt::format("{:<14} {:<20} {:<10} {}\n", "effective", "name", "version", "id");
  for (const db::RulesetInfo& info : unwrap(repository.list())) {
    io.out << fmt::format("{:<14} {:<20} {:<10} {}\n", info.effective_from.to_string(), info.name,
                          info.version, info.id);
  }
  return 0;
}

}  // namespace hsg::cli
