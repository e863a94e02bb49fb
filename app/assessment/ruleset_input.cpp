#include "app/assessment/ruleset_input.h"

#include <fmt/core.h>

#include <filesystem>
#include <stdexcept>
#include <variant>

#include "app/refusal.h"
#include "app/unwrap.h"
#include "db/rulesets.h"
#include "rules/sha256.h"
#include "rules/shipped.h"

namespace hsg::app {

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
    throw Refusal(*problems);
  }
  return std::get<rules::LoadedRuleset>(std::move(loaded));
}

bool names_file(const std::string& text) {
  std::error_code error;
  return std::filesystem::is_regular_file(text, error);
}

std::string RulesOption::used() const {
  if (is_file) return fmt::format("--rules {}: the file {} (rule set {})", text, text, loaded.id);
  return fmt::format("--rules {}: the stored rule set {}", text, loaded.id);
}

RulesOption load_rules_option(const std::string& text, db::Database* database) {
  if (names_file(text)) return {text, true, load_ruleset_or_builtin(text)};
  if (!database) {
    throw Refusal(fmt::format(
        "--rules {}: no such file, and naming a stored rule set needs a database (--db)", text));
  }
  db::RulesetRepository repository(*database);
  auto id = repository.resolve(text);
  if (!id.ok()) {
    throw Refusal(fmt::format("--rules {}: no such file, and {}", text, id.error().message));
  }
  const db::StoredRuleset stored = unwrap(repository.get(id.value()));
  if (rules::sha256_hex(stored.bytes) != stored.info.id) {
    throw Refusal(fmt::format(
        "--rules {}: the stored bytes of rule set {} no longer hash to its id; run 'hsg audit "
        "verify'",
        text, stored.info.id));
  }
  auto loaded = rules::load_ruleset_text(stored.bytes, "the stored rule set " + stored.info.id);
  if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
    throw Refusal(fmt::format("stored rule set {} no longer loads: {}", stored.info.id,
                              problems->front().to_string()));
  }
  return {text, false, std::get<rules::LoadedRuleset>(std::move(loaded))};
}

}  // namespace hsg::app
