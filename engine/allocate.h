// allocate(): answers → scores → levels → hours → money, exactly, as domain.md says.
//
//   score of a type  = Σ over questions of weight × points of the chosen option;
//   level            = the highest level whose threshold the score meets (else none);
//   amount of a type = hours/week × weeks × rate, rounded once to the penny;
//   total            = Σ amounts, or the upper limit if that is less, in which case each
//                      type's amount is scaled in proportion by largest remainder (ties to
//                      the type listed first) so the parts sum to the limit exactly.
//
// Both functions are pure and deterministic; allocate() allocates no memory.
// allocate_traced() computes the same Allocation (one implementation serves both) and
// also the Trace that explains it.
#pragma once

#include "engine/allocation.h"
#include "engine/answers.h"
#include "engine/ruleset.h"
#include "engine/trace.h"

namespace hsg::engine {

Allocation allocate(const Ruleset& ruleset, const Answers& answers);

struct TracedAllocation {
  Allocation allocation;
  Trace trace;
};

TracedAllocation allocate_traced(const Ruleset& ruleset, const Answers& answers);

}  // namespace hsg::engine
