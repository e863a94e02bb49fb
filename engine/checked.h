// Overflow-checked integer arithmetic for money and hours.
//
// Every quantity the engine handles is an int64 count of a smallest unit (pence,
// hundredths of an hour, points). These helpers either return the exact result or
// throw std::overflow_error; they never wrap. A 128-bit intermediate is used where a
// product of two int64 values must be divided back down exactly.
#pragma once

#include <cstdint>

namespace hsg::engine {

__extension__ typedef __int128 Int128;

std::int64_t checked_add(std::int64_t a, std::int64_t b);
std::int64_t checked_sub(std::int64_t a, std::int64_t b);
std::int64_t checked_mul(std::int64_t a, std::int64_t b);

// Narrows a 128-bit value to int64, throwing std::overflow_error if it does not fit.
std::int64_t narrow_checked(Int128 value);

}  // namespace hsg::engine
