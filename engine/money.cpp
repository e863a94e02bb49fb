#include "engine/money.h"

#include "engine/checked.h"

namespace hsg::engine {

Money Money::operator+(Money other) const { return Money(checked_add(pence_, other.pence_)); }

Money Money::operator-(Money other) const { return Money(checked_sub(pence_, other.pence_)); }

Money& Money::operator+=(Money other) {
  pence_ = checked_add(pence_, other.pence_);
  return *this;
}

Money Money::times(std::int64_t factor) const { return Money(checked_mul(pence_, factor)); }

}  // namespace hsg::engine
