// hsg rules check FILE | hsg rules show [FILE]  (and, with a database, add and list).
#include <fmt/core.h>

#include <array>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/ruleset_input.h"
#include "cli/ruleset_tables.h"
#include "cli/store_commands.h"
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
  const rules::LoadedRuleset loaded = load_ruleset_or_builtin(path);
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
      {"hsg rules show [FILE]",
       "Prints a rule set as readable tables: settings, intervention types with thresholds,\n"
       "hours and the amount of each level, and every question with its options and points.\n"
       "Without FILE, the built-in medway rule set.",
       "hsg rules show"});
  command_line.add()("file", po::value<std::string>()->value_name("FILE"), "the rule-set file");
  command_line.positional("file", 1);
  if (!command_line.parse(args, io)) return 0;
  std::optional<std::string> path;
  if (command_line.has("file")) path = command_line.get<std::string>("file");
  write_ruleset_tables(io.out, load_ruleset_or_builtin(path));
  return 0;
}

}  // namespace

int rules_command(const Args& args, Io& io) {
  static constexpr std::array kSubcommands{
      Subcommand{"check", "check FILE",
                 "report every problem in a rule-set file, or its id and a summary", check},
      Subcommand{"show", "show [FILE]", "print a rule set as tables (default: the built-in medway)",
                 show},
      Subcommand{"add", "add FILE", "store a rule set in the database", rules_add_command},
      Subcommand{"list", "list", "list the rule sets stored in the database", rules_list_command},
  };
  return run_subcommand("rules", kSubcommands, args, io);
}

}  // namespace hsg::cli
