// Need level of one intervention type: none < low < medium < high.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hsg::engine {

enum class Level : std::uint8_t { none = 0, low = 1, medium = 2, high = 3 };

// The three levels a rule set gives thresholds and hours for, in order.
inline constexpr std::array<Level, 3> kRatedLevels{Level::low, Level::medium, Level::high};

constexpr std::string_view to_string(Level level) {
  constexpr std::array<std::string_view, 4> names{"none", "low", "medium", "high"};
  return names[static_cast<std::size_t>(level)];
}

// Index 0..2 of a rated level into per-level arrays; `level` must not be none.
constexpr std::size_t rated_index(Level level) { return static_cast<std::size_t>(level) - 1; }

std::optional<Level> parse_level(std::string_view text);

}  // namespace hsg::engine
