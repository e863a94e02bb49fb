// The engine's version, stored with every allocation so a replay can tell a change in
// the engine from a change in the data. Bump it whenever any output or trace of
// allocate() could change for the same rule set and answers.
#pragma once

#include <string_view>

namespace hsg::engine {

inline constexpr std::string_view kEngineVersion = "1.0.0";

}  // namespace hsg::engine
