// A recorded allocation as `hsg show` prints it (app/decisions/show_allocation.h): who it
// is for and who assessed it, why it is dated after its recording if it is, the decision
// statement recomputed from what was stored, every decision on it and, once its grant
// has one, the support plan.
#pragma once

#include <ostream>

#include "app/decisions/show_allocation.h"

namespace hsg::app {

void write_shown_allocation(std::ostream& out, const ShownAllocation& shown);

}  // namespace hsg::app
