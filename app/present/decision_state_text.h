// The decision state of an allocation as people read it: in `hsg agree|approve|reject`
// and at the end of `hsg show`, worded the same way everywhere.
//
// Its status and indicative grant; the agreement (amount, by whom, when, why) with what
// it needs (an amount above the upper limit, or one beyond the tolerance, waits for
// someone other than the person who agreed it); then its approval or rejection. Every
// stored text is escaped (engine/text.h), so it prints on one line.
#pragma once

#include <ostream>

#include "db/decisions.h"

namespace hsg::app {

void write_decision_state(std::ostream& out, const db::DecisionState& state);

}  // namespace hsg::app
