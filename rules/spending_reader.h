// Reading the [spending] table (rules/spending_config.h) while a rule set is loaded.
// Private to rules/: it speaks toml++, which stays behind rules/'s headers.
#pragma once

#include <toml++/toml.h>
#include <optional>

#include "rules/spending_config.h"
#include "rules/toml_reader.h"

namespace hsg::rules {

// The [spending] table of `root`, if it has one; every problem goes to `reader`.
std::optional<SpendingConfig> read_spending(TomlReader& reader, const toml::table& root);

}  // namespace hsg::rules
