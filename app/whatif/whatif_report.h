// What a candidate rule set would do to the caseload (hsg whatif): each client's latest
// allocation on or before a date, recomputed under the candidate and compared with what
// was recorded, using the same engine that pays.
//
// compute_whatif reads the store and writes nothing. "Before" is the recorded indicative
// grant; its per-type amounts and levels are recomputed from the recorded answers under
// the recorded rule set, and a record whose recomputed total differs from the stored one
// is not compared (replay's business; it is listed as not assessable, with both figures).
// "After" is engine::allocate under the candidate with the same answers, mapped by area
// and option id; answers the candidate cannot take are listed with the engine's reasons.
//
// Every figure is exact: money is engine::Money, annualised sums are exact fractions
// rounded once (app/whatif/whatif_annualised.h). Memory does not grow with the number of
// clients: one stored row is held at a time, lists are bounded (kWhatifMovers,
// kWhatifListed), and what the budget search and the distribution keep is bounded by
// the rule sets (level combinations, distinct grant amounts), not by the caseload.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/result.h"
#include "db/allocations.h"
#include "db/database.h"
#include "engine/date.h"
#include "engine/level.h"
#include "engine/money.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

inline constexpr std::size_t kWhatifMovers = 10;
inline constexpr std::size_t kWhatifListed = 20;

struct WhatifRequest {
  engine::Date as_of;
  std::optional<std::string> group_key;  // only this client group
  std::optional<engine::Money> budget;   // search for the highest rate that fits
};

// Before and after, as recorded and under the candidate, plain and annualised.
struct WhatifFigures {
  engine::Money before;
  engine::Money after;
  engine::Money annualised_before;
  engine::Money annualised_after;
};

struct WhatifGroup {
  std::string key;
  std::string name;
  std::int64_t clients = 0;
  WhatifFigures figures;
};

// Clients counted by [level before][level after], indexed by engine::Level.
using LevelMatrix = std::array<std::array<std::int64_t, 4>, 4>;

// An intervention type of the candidate or of a recorded rule set (by key); a type one
// side does not have counts as level none, amount zero, on that side.
struct WhatifType {
  std::string key;
  std::string label;
  WhatifFigures figures;
  LevelMatrix levels{};
  std::int64_t cliff_edges = 0;  // clients at a cliff edge of this type under the candidate
};

struct WhatifMover {
  std::string client_ref;
  std::string group_key;
  std::int64_t allocation_id = 0;
  engine::Money before;
  engine::Money after;
};

// A type whose candidate score is one point below a threshold (one point more raises
// the level) or exactly on one (one point fewer lowers it).
struct WhatifCliffEdge {
  std::string client_ref;
  std::string type_key;
  std::int64_t score = 0;
  engine::Level level = engine::Level::none;
  std::int64_t threshold = 0;  // the threshold the score is at or one below
  bool one_more_raises = false;
};

struct WhatifUnassessable {
  std::string client_ref;
  std::int64_t allocation_id = 0;
  std::string reason;
};

// Clients whose grant falls in the bin, before and after. The first bin holds exactly
// £0.00 (from == to == 0); the others are (from, to], all of one width.
struct WhatifBin {
  engine::Money from;
  engine::Money to;
  std::int64_t before = 0;
  std::int64_t after = 0;
};

// The highest hourly rate, to the penny, whose candidate total is within the budget.
struct WhatifBudget {
  engine::Money budget;
  std::optional<engine::Money> rate;  // none when even the lowest allowed rate is over
  engine::Money total_at_rate;
  // The lowest rate that does not fit (rate + 1p, or the lowest allowed rate when none
  // fits) and its total; none when the highest allowed rate fits.
  std::optional<engine::Money> rate_over;
  engine::Money total_at_rate_over;
};

struct WhatifCandidate {
  std::string id;
  std::string name;
  std::string version;
  std::string source;
  engine::Money hourly_rate;
  engine::Money upper_limit;
};

struct WhatifReport {
  WhatifCandidate candidate;
  engine::Date as_of;
  std::optional<std::string> group_key;
  std::int64_t clients = 0;  // with an allocation on or before as_of
  std::int64_t assessed = 0;
  std::int64_t up = 0;
  std::int64_t down = 0;
  std::int64_t same = 0;
  WhatifFigures totals;  // of the assessed clients
  std::vector<WhatifGroup>
      groups;  // client-group order of db/client_groups.h; only groups with clients
  std::vector<WhatifType> types;    // the candidate's order, then recorded-only types
  std::vector<WhatifMover> movers;  // largest absolute change first, then client reference
  std::int64_t cliff_edge_clients = 0;
  std::vector<WhatifCliffEdge> cliff_edges;  // the first kWhatifListed, by client reference
  std::int64_t unassessable_clients = 0;
  engine::Money unassessable_before;             // their recorded total
  std::vector<WhatifUnassessable> unassessable;  // the first kWhatifListed, by client reference
  engine::Money bin_width;
  std::vector<WhatifBin> distribution;
  std::optional<WhatifBudget> budget;
};

// One client's outcome, for an observer that streams them (hsg whatif --csv). `after`
// is empty, and `reason` says why, when the client cannot be assessed.
struct WhatifClient {
  const db::StoredAllocation& stored;
  std::string_view group_key;
  std::optional<engine::Money> after;
  std::string_view reason;
};

using WhatifObserver = std::function<void(const WhatifClient&)>;

// What the user can fix (an unreadable store) is a Refusal; anything else (an internal
// inconsistency, an overflow) is thrown as it is.
Result<WhatifReport> compute_whatif(db::Database& database, const rules::LoadedRuleset& candidate,
                                    const WhatifRequest& request,
                                    const WhatifObserver& observe = {});

}  // namespace hsg::app
