#include "cli/ruleset_input.h"

#include <stdexcept>
#include <variant>

#include "cli/input_error.h"
#include "rules/shipped.h"

namespace hsg::cli {

rules::LoadedRuleset load_ruleset_or_builtin(const std::optional<std::string>& path) {
  if (!path) {
    auto builtin =
        rules::load_ruleset_text(std::string(rules::medway_toml()), kBuiltinRulesetSource);
    if (!std::holds_alternative<rules::LoadedRuleset>(builtin)) {
      throw std::logic_error("the built-in medway rule set does not load");
    }
    return std::get<rules::LoadedRuleset>(std::move(builtin));
  }
  auto loaded = rules::load_ruleset_file(*path);
  if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
    throw InputError(*problems);
  }
  return std::get<rules::LoadedRuleset>(std::move(loaded));
}

}  // namespace hsg::cli
