// The four-eyes rule as the server enforces it before a decision is written: approving or
// rejecting an agreement is refused with 403 when the signed-in user made it (the store
// refuses it too, db/decisions.h; the server says so as a permission, not a problem with
// the form).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "web/exchange.h"

namespace hsg::web {

// Why the signed-in user may not decide on allocation `allocation_id`'s agreement, or
// nothing.
std::optional<std::string> own_agreement_problem(Exchange& exchange, std::int64_t allocation_id);

}  // namespace hsg::web
