// The budget of a what-if as a person writes it (hsg whatif --budget, the web's what-if
// form): pounds with at most two decimals ("4046310" or "4046310.00"), more than 0.00.
//
// Both front ends read it here so they accept and refuse the same texts with the same
// words; `what` names the field in the refusal ("--budget" on the command line).
#pragma once

#include <string>
#include <string_view>

#include "app/result.h"
#include "engine/money.h"

namespace hsg::app {

Result<engine::Money> budget_amount(const std::string& text, std::string_view what);

}  // namespace hsg::app
