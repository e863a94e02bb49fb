#include "engine/level.h"

namespace hsg::engine {

std::optional<Level> parse_level(std::string_view text) {
  for (const Level level : {Level::none, Level::low, Level::medium, Level::high}) {
    if (to_string(level) == text) return level;
  }
  return std::nullopt;
}

}  // namespace hsg::engine
