// A support plan as people read it: in `hsg plan show`, `hsg grant show` and the
// decision statement (`hsg show`), always worded and laid out the same way.
#pragma once

#include <ostream>

#include "db/plans.h"
#include "engine/money.h"

namespace hsg::app {

// The plan's objectives and uses, and the chargeable total against the grant's
// agreed amount.
void write_support_plan(std::ostream& out, const db::Plan& plan, engine::Money agreed);

}  // namespace hsg::app
