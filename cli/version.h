// "hsg 0.1.0 (engine 1.0.0)": the tool's version (CMake's project version) and the
// engine's, which recorded allocations carry.
#pragma once

#include <string>

namespace hsg::cli {

std::string version_line();

}  // namespace hsg::cli
