// hsg rules check FILE | hsg rules show [FILE]  (and, with a database, add and list).
#include <fmt/core.h>

#include <array>

#include "app/assessment/ruleset_input.h"
#include "app/present/ruleset_tables.h"
#include "app/rules/ruleset_status.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"

namespace hsg::cli {

namespace {

int check(const Args& args, Io& io) {
  CommandLine command_line("rules check",
                           {"hsg rules check FILE",
                            "Loads a rule set exactly as every other command does and reports "
                            "every problem\nat file:line:column (exit 1), or its id and a summary.",
                            "hsg rules check rules/medway.toml"});
  command_line.add()("file", po::value<std::string>()->required()->value_name("FILE"),
                     "the rule-set file");
  command_line.positional("file", 1);
  if (!command_line.parse(args, io)) return 0;
  const std::string path = command_line.get<std::string>("file");
  const rules::LoadedRuleset loaded = app::load_ruleset_or_builtin(path);
  const engine::RulesetSpec& spec = loaded.ruleset.spec();
  io.out << fmt::format("{}: ok\n", path) << fmt::format("id:             {}\n", loaded.id)
         << fmt::format("name:           {}\n", spec.name)
         << fmt::format("version:        {}\n", spec.version)
         << fmt::format("effective from: {}\n", spec.effective_from.to_string())
         << fmt::format("types:          {}\n", spec.interventions.size())
         << fmt::format("questions:      {}\n", spec.questions.size());
  return 0;
}

int show(const Args& args, Io& io) {
  CommandLine command_line(
      "rules show",
      {"hsg rules show [FILE|ID] [--db PATH]",
       "Prints a rule set as readable tables: settings, intervention types with thresholds,\n"
       "hours and the amount of each level, and every question with its options and points.\n"
       "Without FILE, the built-in medway rule set; with the id (or a unique prefix) of a\n"
       "stored rule set, that one and its status (draft, pending adoption, in force, retired).",
       "hsg rules show"});
  command_line.add()("file", po::value<std::string>()->value_name("FILE|ID"),
                     "the rule-set file, or a stored rule set's id");
  command_line.positional("file", 1);
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  if (!command_line.has("file")) {
    app::write_ruleset_tables(io.out, app::load_ruleset_or_builtin(std::nullopt));
    return 0;
  }
  const std::string text = command_line.get<std::string>("file");
  if (app::names_file(text)) {
    app::write_ruleset_tables(io.out, app::load_ruleset_or_builtin(text));
    return 0;
  }
  db::Database database = open_database_to_read(command_line);
  const app::RulesOption option = app::load_rules_option(text, &database);
  io.out << fmt::format("Status: {}\n\n", unwrap(app::ruleset_status(database, option.loaded.id)));
  app::write_ruleset_tables(io.out, option.loaded);
  return 0;
}

}  // namespace

int rules_command(const Args& args, Io& io) {
  static constexpr std::array kSubcommands{
      Subcommand{"check", "check FILE",
                 "report every problem in a rule-set file, or its id and a summary", check},
      Subcommand{"show", "show [FILE|ID]",
                 "print a rule set as tables (default: the built-in medway)", show},
      Subcommand{"add", "add FILE", "store a rule set in the database, as a draft",
                 rules_add_command},
      Subcommand{"list", "list", "list the stored rule sets and whether each is in force",
                 rules_list_command},
      Subcommand{"adopt", "adopt ID --from D --reason TEXT",
                 "propose putting a stored rule set in force from a date", rules_adopt_command},
      Subcommand{"approve-adoption", "approve-adoption ID",
                 "approve a proposed adoption (another person)", rules_approve_adoption_command},
      Subcommand{"reject-adoption", "reject-adoption ID --reason TEXT",
                 "reject a proposed adoption (another person)", rules_reject_adoption_command},
      Subcommand{"retire", "retire ID --from D --reason TEXT",
                 "end a rule set in force from a date", rules_retire_command},
  };
  return run_subcommand("rules", kSubcommands, args, io);
}

}  // namespace hsg::cli
