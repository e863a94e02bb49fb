// What was finally agreed for an allocation, and who approved it (four eyes).
//
// The assessor may agree an amount different from the indicative grant, with a
// mandatory reason. If it differs by more than the rule set's adjustment tolerance —
// exactly, in integers: 100 × |agreed − indicative| > tolerance% × indicative — or is
// above the allocation's upper limit (whatever the tolerance), it waits for approval,
// which must come from a different person than the one who agreed (compared by
// same_actor, db/stamp.h), as must a rejection (whose reason is mandatory too). Once a
// grant has started on the allocation, agree, approve and reject are refused: a change
// is then a review or an end and a new start (db/grants.h). Decisions are only ever appended; a new
// agreement supersedes the previous one, and the state is derived from the latest:
//
//   no agreement                                   → indicative
//   latest agreement within tolerance and limit    → agreed
//   beyond tolerance or above the upper limit,
//   not yet decided                                → pending_approval → approved | rejected
//
// The upper limit is applied to the amount whatever the stored needs_approval says, so an
// agreement recorded before the limit needed approval waits for approval too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"
#include "engine/money.h"

namespace hsg::db {

enum class DecisionKind { agree, approve, reject };
std::string_view to_string(DecisionKind kind);

struct Decision {
  std::int64_t id = 0;
  std::int64_t allocation_id = 0;
  DecisionKind kind = DecisionKind::agree;
  std::string actor;
  std::string at;
  std::string reason;                        // may be empty only for an approval
  std::optional<engine::Money> agreed;       // agree only
  std::optional<bool> needs_approval;        // agree only
  std::optional<std::int64_t> agreement_id;  // approve/reject: the agreement decided
  bool operator==(const Decision&) const = default;
};

enum class DecisionStatus { indicative, agreed, pending_approval, approved, rejected };
std::string_view to_string(DecisionStatus status);

struct DecisionState {
  std::int64_t allocation_id = 0;
  DecisionStatus status = DecisionStatus::indicative;
  engine::Money indicative;
  std::int64_t tolerance_percent = 0;
  engine::Money upper_limit;           // the allocation's, as recorded
  std::optional<Decision> agreement;   // the latest agreement
  std::optional<Decision> resolution;  // its approval or rejection
};

class DecisionRepository {
 public:
  explicit DecisionRepository(Database& database) : database_(database) {}

  DbResult<DecisionState> agree(const Stamp& stamp, std::int64_t allocation_id,
                                engine::Money agreed, std::string_view reason);
  DbResult<DecisionState> approve(const Stamp& stamp, std::int64_t allocation_id,
                                  std::string_view reason);
  DbResult<DecisionState> reject(const Stamp& stamp, std::int64_t allocation_id,
                                 std::string_view reason);

  DbResult<DecisionState> state(std::int64_t allocation_id);
  // Every allocation whose latest agreement waits for approval (pending_approval), the
  // oldest agreement first: the approvals queue.
  DbResult<std::vector<DecisionState>> awaiting_approval();
  // Every decision on the allocation, oldest first.
  DbResult<std::vector<Decision>> history(std::int64_t allocation_id);

 private:
  DbResult<DecisionState> resolve(const Stamp& stamp, std::int64_t allocation_id, DecisionKind kind,
                                  std::string_view reason);
  Database& database_;
};

// Whether agreeing `agreed` needs approval: beyond tolerance or above the upper limit.
bool needs_approval(engine::Money agreed, const DecisionState& state);
// Whether `agreed` differs from `indicative` by more than `tolerance_percent`.
bool exceeds_tolerance(engine::Money agreed, engine::Money indicative,
                       std::int64_t tolerance_percent);

}  // namespace hsg::db
