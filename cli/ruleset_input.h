// The rule set a command uses: a file given with --rules, or the built-in medway.
#pragma once

#include <optional>
#include <string>

#include "rules/ruleset_loader.h"

namespace hsg::cli {

inline constexpr const char* kBuiltinRulesetSource = "medway (built in)";

// Loads `path`, or the built-in medway rule set when there is none; a file with
// problems is an InputError listing every one of them.
rules::LoadedRuleset load_ruleset_or_builtin(const std::optional<std::string>& path);

}  // namespace hsg::cli
