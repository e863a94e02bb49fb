// The rule sets shipped inside the hsg binary, byte for byte as in rules/*.toml, so the
// default works from any directory and its id equals `sha256sum rules/medway.toml`.
#pragma once

#include <string_view>

namespace hsg::rules {

inline constexpr std::string_view kDefaultRulesetName = "medway";

// The exact bytes of rules/medway.toml.
std::string_view medway_toml();

}  // namespace hsg::rules
