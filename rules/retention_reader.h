// Reading the [retention] table (rules/retention_config.h) while a rule set is loaded.
// Private to rules/: it speaks toml++, which stays behind rules/'s headers.
#pragma once

#include <toml++/toml.h>
#include <optional>

#include "rules/retention_config.h"
#include "rules/toml_reader.h"

namespace hsg::rules {

// The [retention] table of `root`, if it has one; every problem goes to `reader`.
std::optional<RetentionConfig> read_retention(TomlReader& reader, const toml::table& root);

}  // namespace hsg::rules
