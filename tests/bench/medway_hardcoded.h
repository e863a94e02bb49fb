// The medway rule set of domain.md hard-coded as one function: the fastest an
// allocation could be, and so the limit the engine's speed is measured against.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace hsg::bench {

struct HardcodedResult {
  std::array<std::int64_t, 3> amount_pence{};
  std::int64_t total_pence = 0;
};

// `options`: ten option indices (none, advice, alongside, monitoring) in the order of
// domain.md's questionnaire.
HardcodedResult medway_hardcoded(std::span<const std::uint8_t> options);

}  // namespace hsg::bench
