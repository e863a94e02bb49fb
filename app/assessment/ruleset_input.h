// The rule set a command uses: --rules, or the built-in medway.
//
// --rules TEXT means the same in every command: the file TEXT when a file of that name
// exists, else the stored rule set whose id starts with TEXT (a unique prefix of at
// least 4 hex digits, as git names commits), which needs the database. Commands that
// print what they used say which of the two it was (RulesOption::used).
#pragma once

#include <optional>
#include <string>

#include "db/database.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

inline constexpr const char* kBuiltinRulesetSource = "medway (built in)";

// Loads `path`, or the built-in medway rule set when there is none; a file with
// problems is an Refusal listing every one of them.
rules::LoadedRuleset load_ruleset_or_builtin(const std::optional<std::string>& path);

// Whether --rules TEXT names a file (rather than a stored rule set's id).
bool names_file(const std::string& text);

struct RulesOption {
  std::string text;  // as given
  bool is_file = false;
  rules::LoadedRuleset loaded;
  // "--rules X: the file X (rule set ID)" or "--rules X: the stored rule set ID".
  std::string used() const;
};

// --rules TEXT loaded; `database` may be null only when TEXT names a file. A stored rule
// set is loaded from its stored bytes (re-hashed: they must still hash to its id).
RulesOption load_rules_option(const std::string& text, db::Database* database);

}  // namespace hsg::app
