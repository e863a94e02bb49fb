#include "app/rules/named_ruleset.h"

#include <fmt/core.h>

#include "app/assessment/ruleset_input.h"
#include "app/refusal.h"

namespace hsg::app {

db::RulesetInfo stored_ruleset_named(db::Database& database, const std::string& text) {
  const RulesOption option = load_rules_option(text, &database);
  auto stored = db::RulesetRepository(database).get(option.loaded.id);
  if (!stored.ok()) {
    throw Refusal(
        fmt::format("the file {} holds rule set {}, which is not stored: add it "
                    "first (hsg rules add {})",
                    option.text, option.loaded.id, option.text));
  }
  return stored.value().info;
}

}  // namespace hsg::app
