// Replay: recompute a recorded allocation from what was stored, and compare.
//
// A Replayer takes a stored allocation, loads the rule set stored under its id (checking
// that the stored bytes still hash to that id), resolves the stored answers, runs the
// engine again and compares every stored output with the recomputation: the total
// columns, the SHA-256 of every output's text and the SHA-256 of the trace. Nothing but the store
// and the engine is consulted: no default rule set, no clock. Each rule set is loaded once.
//
// The engine version that computed the stored allocation is reported next to the
// current one, so a difference after an engine upgrade reads as such, not as tampering.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "db/allocations.h"
#include "db/database.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

struct FieldDifference {
  std::string field;     // a column: total_pence, outputs_sha256, trace_sha256 …
  std::string stored;    // as stored, in JSON notation
  std::string replayed;  // as recomputed, in the same notation
};

struct ReplayResult {
  std::int64_t allocation_id = 0;
  std::string client_ref;
  std::string stored_engine_version;
  // Why the allocation could not be recomputed at all (its rule set's bytes no longer
  // hash to its id, or no longer load, or its answers no longer resolve); empty if it
  // was recomputed.
  std::string problem;
  std::vector<FieldDifference> differences;

  bool identical() const { return problem.empty() && differences.empty(); }
  bool engine_changed() const;
};

// A stored rule set ready to recompute with, or why it cannot be used (its bytes no
// longer hash to its id, or no longer load).
using ReplayRuleset = std::variant<rules::LoadedRuleset, std::string>;

// Stored rule sets, each read, re-hashed and loaded once. Reads the database, so it is
// used from one thread; what it returns is immutable and may be shared.
class ReplayRulesets {
 public:
  explicit ReplayRulesets(db::Database& database) : database_(database) {}
  const ReplayRuleset& get(const std::string& id);

 private:
  db::Database& database_;
  std::map<std::string, ReplayRuleset, std::less<>> rulesets_;
};

// Recomputes `stored` under `ruleset` (the one stored under stored.ruleset_id) and
// compares. Pure: safe to call from several threads at once.
ReplayResult replay_allocation(const db::StoredAllocation& stored, const ReplayRuleset& ruleset);

class Replayer {
 public:
  explicit Replayer(db::Database& database) : rulesets_(database) {}
  ReplayResult replay(const db::StoredAllocation& stored) {
    return replay_allocation(stored, rulesets_.get(stored.ruleset_id));
  }

 private:
  ReplayRulesets rulesets_;
};

}  // namespace hsg::app
