// Loading a rule set from its TOML text (format: docs/rules.md).
//
// Loading checks everything — TOML syntax, unknown keys, types, decimal precision of
// money and hours, and then every rule of engine::validate — and reports every problem
// with file:line:column. The optional [finance] (rules/finance.h) and [plans]
// (rules/plans_config.h) tables are read too. A loaded rule
// set carries its id: the lowercase hex SHA-256 of the exact file bytes, so `sha256sum FILE` prints
// the same id.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "engine/ruleset.h"
#include "rules/diagnostic.h"
#include "rules/finance.h"
#include "rules/plans_config.h"
#include "rules/retention_config.h"
#include "rules/spending_config.h"

namespace hsg::rules {

struct LoadedRuleset {
  engine::Ruleset ruleset;
  std::string id;                    // SHA-256 of `bytes`, lowercase hex
  std::string bytes;                 // the exact file content
  std::string source;                // file name used in diagnostics
  FinanceConfig finance;             // the [finance] table, defaults where absent (rules/finance.h)
  std::optional<PlansConfig> plans;  // the [plans] table, if any (rules/plans_config.h)
  std::optional<SpendingConfig> spending;  // the [spending] table, if any (rules/spending_config.h)
  std::optional<RetentionConfig> retention;  // [retention], if any (rules/retention_config.h)
};

// `source` names the text in diagnostics (usually its path).
Loaded<LoadedRuleset> load_ruleset_text(std::string bytes, std::string source);
// Reads the file as bytes; an unreadable file is a single diagnostic.
Loaded<LoadedRuleset> load_ruleset_file(const std::filesystem::path& path);

}  // namespace hsg::rules
