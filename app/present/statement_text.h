// The decision statement a client could be given: how the indicative grant was worked
// out, line by line (R (Savva) v Kensington & Chelsea: a person is entitled to know how
// the sum was calculated).
//
// It shows the rule set (name, version, id), each answer and the points it added, each
// score against its thresholds and how close it is to the next level or the one below
// (the cliff edge), hours × weeks × rate = amount per type with the weekly figure (for a
// fixed allowance: cash a week × weeks, its pot's share, its hours given in kind), the
// indicative total, the upper limit if it applied and how each part was scaled, when
// each type will be reviewed, and the right to ask for a review. An agreed amount above
// the limit is stated with its excess and reason (write_above_limit, used by the
// decision part of `hsg agree`/`approve`/`reject`/`show`).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/allocate.h"
#include "engine/allowance.h"
#include "engine/date.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

void write_statement(std::ostream& out, const rules::LoadedRuleset& ruleset,
                     const engine::TracedAllocation& traced, engine::Date date);

// What a statement says of an agreed amount above the upper limit: by how much, why (the
// agreement's reason), and that it needs approval by someone other than `agreed_by`.
void write_above_limit(std::ostream& out, engine::Money agreed, engine::Money upper_limit,
                       std::string_view reason, std::string_view agreed_by);

// "An equal share of £800.00 a week among 20 places", with the pennies left unallocated
// when the pot does not divide equally; the letter says the same.
std::string pot_sentence(const engine::AllowancePot& pot);

// The closing paragraph on the right to a review, shared with `hsg show`.
void write_review_rights(std::ostream& out);

}  // namespace hsg::app
