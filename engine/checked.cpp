#include "engine/checked.h"

#include <limits>
#include <stdexcept>

namespace hsg::engine {

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t result = 0;
  if (__builtin_add_overflow(a, b, &result))
    throw std::overflow_error("integer overflow in addition");
  return result;
}

std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t result = 0;
  if (__builtin_sub_overflow(a, b, &result)) {
    throw std::overflow_error("integer overflow in subtraction");
  }
  return result;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t result = 0;
  if (__builtin_mul_overflow(a, b, &result)) {
    throw std::overflow_error("integer overflow in multiplication");
  }
  return result;
}

std::int64_t narrow_checked(Int128 value) {
  if (value > std::numeric_limits<std::int64_t>::max() ||
      value < std::numeric_limits<std::int64_t>::min()) {
    throw std::overflow_error("integer overflow narrowing a 128-bit intermediate");
  }
  return static_cast<std::int64_t>(value);
}

}  // namespace hsg::engine
