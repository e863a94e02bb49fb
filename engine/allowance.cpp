#include "engine/allowance.h"

#include <stdexcept>

#include "engine/checked.h"

namespace hsg::engine {

PotShare share_of(const AllowancePot& pot) {
  if (pot.weeks < 1 || pot.places < 1 || pot.amount < Money{}) {
    throw std::invalid_argument("share_of: a pot needs weeks and places >= 1");
  }
  const std::int64_t shares = checked_mul(pot.weeks, pot.places);
  const std::int64_t each = pot.amount.pence() / shares;
  return {Money::from_pence(each), Money::from_pence(pot.amount.pence() - each * shares)};
}

}  // namespace hsg::engine
