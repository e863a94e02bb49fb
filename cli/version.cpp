#include "cli/version.h"

#include <fmt/core.h>

#include "engine/version.h"

namespace hsg::cli {

std::string version_line() {
  return fmt::format("hsg {} (engine {})", HSG_VERSION, engine::kEngineVersion);
}

}  // namespace hsg::cli
