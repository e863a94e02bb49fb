// The savings table shipped inside the hsg binary (hsg report savings without --table),
// byte for byte as rules/savings-bnes-2011.toml, so the default works from any directory.
#pragma once

#include <string_view>

namespace hsg::rules {

// How diagnostics and the report name the shipped table's text.
inline constexpr const char* kShippedSavingsTableSource = "rules/savings-bnes-2011.toml (built in)";

// The exact bytes of rules/savings-bnes-2011.toml.
std::string_view savings_bnes_2011_toml();

}  // namespace hsg::rules
