// The decision statement a client could be given: how the indicative grant was worked
// out, line by line (R (Savva) v Kensington & Chelsea: a person is entitled to know how
// the sum was calculated).
//
// It shows the rule set (name, version, id), each answer and the points it added, each
// score against its thresholds and how close it is to the next level or the one below
// (the cliff edge), hours × weeks × rate = amount per type with the weekly figure, the
// indicative total, the upper limit if it applied and how each part was scaled, when
// each type will be reviewed, and the right to ask for a review.
#pragma once

#include <optional>
#include <ostream>

#include "engine/allocate.h"
#include "engine/date.h"
#include "rules/ruleset_loader.h"

namespace hsg::cli {

void write_statement(std::ostream& out, const rules::LoadedRuleset& ruleset,
                     const engine::TracedAllocation& traced, engine::Date date);

// The closing paragraph on the right to a review, shared with `hsg show`.
void write_review_rights(std::ostream& out);

}  // namespace hsg::cli
