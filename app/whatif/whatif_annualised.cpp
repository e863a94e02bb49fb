#include "app/whatif/whatif_annualised.h"

#include <numeric>
#include <stdexcept>

namespace hsg::app {

namespace {

engine::Int128 multiply_exactly(engine::Int128 a, engine::Int128 b) {
  engine::Int128 product = 0;
  if (__builtin_mul_overflow(a, b, &product)) {
    throw std::overflow_error("annualised total overflows");
  }
  return product;
}

engine::Int128 add_exactly(engine::Int128 a, engine::Int128 b) {
  engine::Int128 sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw std::overflow_error("annualised total overflows");
  return sum;
}

}  // namespace

void AnnualisedSum::add(engine::Money amount, std::int64_t weeks) {
  if (amount.pence() < 0 || weeks <= 0) {
    throw std::logic_error("an annualised amount must be non-negative over positive weeks");
  }
  for (auto& [entry_weeks, pence] : pence_by_weeks_) {
    if (entry_weeks == weeks) {
      pence += amount.pence();  // at most 2^63 per add: a 128-bit sum cannot overflow here
      return;
    }
  }
  pence_by_weeks_.emplace_back(weeks, amount.pence());
}

engine::Money AnnualisedSum::rounded() const {
  std::int64_t denominator = 1;  // lcm of the weeks: each at most 520, a few of them
  for (const auto& [weeks, pence] : pence_by_weeks_) {
    denominator = engine::checked_mul(denominator / std::gcd(denominator, weeks), weeks);
  }
  engine::Int128 numerator = 0;  // Σ pence × 52 / weeks, over `denominator`
  for (const auto& [weeks, pence] : pence_by_weeks_) {
    numerator = add_exactly(
        numerator, multiply_exactly(multiply_exactly(pence, kWeeksPerYear), denominator / weeks));
  }
  // Half up for a non-negative fraction: floor((2n + d) / 2d).
  const engine::Int128 twice = multiply_exactly(numerator, 2);
  const engine::Int128 rounded =
      add_exactly(twice, denominator) / (engine::Int128{2} * denominator);
  return engine::Money::from_pence(engine::narrow_checked(rounded));
}

}  // namespace hsg::app
