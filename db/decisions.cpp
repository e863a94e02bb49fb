#include "db/decisions.h"

#include <fmt/format.h>

#include <charconv>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "engine/checked.h"

namespace hsg::db {

namespace {

// The largest upper limit a rule set may state (engine/ruleset.h), as the bound on
// an agreed amount.
constexpr std::int64_t kMaxAgreedPence = 10'000'000'000;
constexpr std::size_t kMaxReasonBytes = 4000;

#define HSG_DECISION_COLUMNS \
  "id, allocation_id, kind, actor, at, reason, agreed_pence, needs_approval, agreement_id"

constexpr char kSelectById[] = "SELECT " HSG_DECISION_COLUMNS " FROM decisions WHERE id = ?1";
constexpr char kSelectByAllocation[] =
    "SELECT " HSG_DECISION_COLUMNS " FROM decisions WHERE allocation_id = ?1 ORDER BY id";
constexpr char kSelectLatestAgreement[] = "SELECT " HSG_DECISION_COLUMNS
                                          " FROM decisions WHERE allocation_id = ?1 AND "
                                          "kind = 'agree' ORDER BY id DESC LIMIT 1";
constexpr char kSelectResolution[] = "SELECT " HSG_DECISION_COLUMNS
                                     " FROM decisions WHERE allocation_id = ?1 AND "
                                     "agreement_id = ?2 ORDER BY id LIMIT 1";
constexpr char kInsert[] = "INSERT INTO decisions (" HSG_DECISION_COLUMNS
                           ") VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr char kSelectAllocation[] =
    "SELECT a.total_pence, r.adjustment_tolerance_percent, a.upper_limit_pence FROM allocations "
    "a JOIN rulesets r ON r.id = a.ruleset_id WHERE a.id = ?1";
constexpr char kSelectGrant[] = "SELECT id FROM grants WHERE allocation_id = ?1";
// Allocations whose latest agreement is not yet decided, oldest agreement first; those
// within tolerance and limit are dropped by read_state's status.
constexpr char kSelectUndecided[] =
    "SELECT d.allocation_id FROM decisions d WHERE d.kind = 'agree' AND d.id = (SELECT "
    "MAX(l.id) FROM decisions l WHERE l.allocation_id = d.allocation_id AND l.kind = 'agree') "
    "AND NOT EXISTS (SELECT 1 FROM decisions r WHERE r.agreement_id = d.id) ORDER BY d.id";

#undef HSG_DECISION_COLUMNS

std::optional<DecisionKind> parse_kind(std::string_view text) {
  for (DecisionKind kind : {DecisionKind::agree, DecisionKind::approve, DecisionKind::reject}) {
    if (to_string(kind) == text) return kind;
  }
  return std::nullopt;
}

std::optional<std::int64_t> optional_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

Decision read_row(SQLite::Statement& row) {
  const std::string kind_text = row.getColumn(2).getString();
  const auto kind = parse_kind(kind_text);
  if (!kind) throw std::runtime_error("stored decision has unknown kind " + kind_text);
  Decision decision{row.getColumn(0).getInt64(),
                    row.getColumn(1).getInt64(),
                    *kind,
                    row.getColumn(3).getString(),
                    row.getColumn(4).getString(),
                    row.getColumn(5).getString(),
                    std::nullopt,
                    std::nullopt,
                    optional_int(row.getColumn(8))};
  if (auto pence = optional_int(row.getColumn(6)))
    decision.agreed = engine::Money::from_pence(*pence);
  if (auto flag = optional_int(row.getColumn(7))) decision.needs_approval = *flag != 0;
  return decision;
}

std::optional<Decision> select_one(Connection& connection, const char* sql, std::int64_t first,
                                   std::int64_t second = 0) {
  auto select = connection.statement(sql);
  select->bind(1, first);
  if (select->getBindParameterCount() > 1) select->bind(2, second);
  if (!select->executeStep()) return std::nullopt;
  return read_row(*select);
}

std::string payload_of(const Decision& decision) {
  std::optional<std::int64_t> agreed_pence;
  if (decision.agreed) agreed_pence = decision.agreed->pence();
  std::optional<std::int64_t> needs_approval;
  if (decision.needs_approval) needs_approval = *decision.needs_approval ? 1 : 0;
  return CanonicalObject()
      .add("id", decision.id)
      .add("allocation_id", decision.allocation_id)
      .add("kind", to_string(decision.kind))
      .add("actor", decision.actor)
      .add("at", decision.at)
      .add("reason", decision.reason)
      .add("agreed_pence", agreed_pence)
      .add("needs_approval", needs_approval)
      .add("agreement_id", decision.agreement_id)
      .str();
}

void insert(Connection& connection, const Stamp& stamp, Decision& decision) {
  auto statement = connection.statement(kInsert);
  statement->bind(1, decision.allocation_id);
  statement->bind(2, std::string(to_string(decision.kind)));
  statement->bind(3, decision.actor);
  statement->bind(4, decision.at);
  statement->bind(5, decision.reason);
  if (decision.agreed) statement->bind(6, decision.agreed->pence());
  if (decision.needs_approval) statement->bind(7, *decision.needs_approval ? 1 : 0);
  if (decision.agreement_id) statement->bind(8, *decision.agreement_id);
  statement->exec();
  decision.id = connection.sqlite.getLastInsertRowid();
  append_audit_event(connection, stamp, "decision." + std::string(to_string(decision.kind)),
                     "decisions", std::to_string(decision.id), payload_of(decision));
}

std::optional<DecisionState> read_state(Connection& connection, std::int64_t allocation_id) {
  DecisionState state;
  state.allocation_id = allocation_id;
  {
    auto select = connection.statement(kSelectAllocation);
    select->bind(1, allocation_id);
    if (!select->executeStep()) return std::nullopt;
    state.indicative = engine::Money::from_pence(select->getColumn(0).getInt64());
    state.tolerance_percent = select->getColumn(1).getInt64();
    state.upper_limit = engine::Money::from_pence(select->getColumn(2).getInt64());
  }
  state.agreement = select_one(connection, kSelectLatestAgreement, allocation_id);
  if (!state.agreement) return state;
  // An agreement recorded before the upper limit needed approval has needs_approval 0
  // even above the limit; the limit binds it all the same.
  const bool above_limit = *state.agreement->agreed > state.upper_limit;
  if (!*state.agreement->needs_approval && !above_limit) {
    state.status = DecisionStatus::agreed;
    return state;
  }
  state.resolution = select_one(connection, kSelectResolution, allocation_id, state.agreement->id);
  if (!state.resolution) {
    state.status = DecisionStatus::pending_approval;
  } else {
    state.status = state.resolution->kind == DecisionKind::approve ? DecisionStatus::approved
                                                                   : DecisionStatus::rejected;
  }
  return state;
}

// Once a grant pays the allocation its agreement is closed (a change is a review, or an
// end and a new start), so what the grant pays and what the decisions say cannot part.
std::optional<std::string> grant_started_problem(Connection& connection,
                                                 std::int64_t allocation_id) {
  auto select = connection.statement(kSelectGrant);
  select->bind(1, allocation_id);
  if (!select->executeStep()) return std::nullopt;
  const std::int64_t grant = select->getColumn(0).getInt64();
  return fmt::format(
      "grant {} has started on it, so its agreement is closed; a change is a review (hsg grant "
      "review {} ...) or hsg grant end {} and a new grant from a new allocation",
      grant, grant, grant);
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::optional<std::string> reason_problem(std::string_view reason, bool required) {
  if (required && is_blank(reason)) return "a reason is required";
  if (reason.empty()) return std::nullopt;  // an approval's reason is optional
  return one_line_problem("the reason", reason, kMaxReasonBytes);
}

}  // namespace

std::string_view to_string(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::agree:
      return "agree";
    case DecisionKind::approve:
      return "approve";
    case DecisionKind::reject:
      return "reject";
  }
  return "?";
}

std::string_view to_string(DecisionStatus status) {
  switch (status) {
    case DecisionStatus::indicative:
      return "indicative";
    case DecisionStatus::agreed:
      return "agreed";
    case DecisionStatus::pending_approval:
      return "pending_approval";
    case DecisionStatus::approved:
      return "approved";
    case DecisionStatus::rejected:
      return "rejected";
  }
  return "?";
}

bool needs_approval(engine::Money agreed, const DecisionState& state) {
  return agreed > state.upper_limit ||
         exceeds_tolerance(agreed, state.indicative, state.tolerance_percent);
}

bool exceeds_tolerance(engine::Money agreed, engine::Money indicative,
                       std::int64_t tolerance_percent) {
  const engine::Int128 difference = engine::Int128{agreed.pence()} - indicative.pence();
  const engine::Int128 magnitude = difference < 0 ? -difference : difference;
  return 100 * magnitude > engine::Int128{tolerance_percent} * indicative.pence();
}

std::optional<std::string> stored_decision_payload(Connection& connection, std::string_view id) {
  std::int64_t number = 0;
  const auto parsed = std::from_chars(id.data(), id.data() + id.size(), number);
  if (parsed.ec != std::errc() || parsed.ptr != id.data() + id.size()) return std::nullopt;
  auto decision = select_one(connection, kSelectById, number);
  if (!decision) return std::nullopt;
  return payload_of(*decision);
}

DbResult<DecisionState> DecisionRepository::agree(const Stamp& stamp, std::int64_t allocation_id,
                                                  engine::Money agreed, std::string_view reason) {
  const std::string doing = fmt::format("cannot agree an amount for allocation {}", allocation_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = reason_problem(reason, true)) return DbError{doing + ": " + *problem};
  if (agreed.pence() < 0 || agreed.pence() > kMaxAgreedPence) {
    return DbError{fmt::format("{}: the amount must be between 0.00 and {}", doing,
                               engine::Money::from_pence(kMaxAgreedPence).to_string())};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<DecisionState> {
    auto before = read_state(connection, allocation_id);
    if (!before) return DbError{fmt::format("{}: no allocation {}", doing, allocation_id)};
    if (auto problem = grant_started_problem(connection, allocation_id)) {
      return DbError{doing + ": " + *problem};
    }
    Decision decision{0,
                      allocation_id,
                      DecisionKind::agree,
                      stamp.actor,
                      stamp.at,
                      std::string(reason),
                      agreed,
                      needs_approval(agreed, *before),
                      std::nullopt};
    insert(connection, stamp, decision);
    return std::move(*read_state(connection, allocation_id));
  });
}

DbResult<DecisionState> DecisionRepository::approve(const Stamp& stamp, std::int64_t allocation_id,
                                                    std::string_view reason) {
  return resolve(stamp, allocation_id, DecisionKind::approve, reason);
}

DbResult<DecisionState> DecisionRepository::reject(const Stamp& stamp, std::int64_t allocation_id,
                                                   std::string_view reason) {
  return resolve(stamp, allocation_id, DecisionKind::reject, reason);
}

DbResult<DecisionState> DecisionRepository::resolve(const Stamp& stamp, std::int64_t allocation_id,
                                                    DecisionKind kind, std::string_view reason) {
  const std::string doing = fmt::format("cannot {} allocation {}", to_string(kind), allocation_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = reason_problem(reason, kind == DecisionKind::reject)) {
    return DbError{doing + ": " + *problem};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<DecisionState> {
    auto before = read_state(connection, allocation_id);
    if (!before) return DbError{fmt::format("{}: no allocation {}", doing, allocation_id)};
    if (auto problem = grant_started_problem(connection, allocation_id)) {
      return DbError{doing + ": " + *problem};
    }
    if (before->status != DecisionStatus::pending_approval) {
      return DbError{fmt::format("{}: no agreed amount is waiting for approval (it is {})", doing,
                                 to_string(before->status))};
    }
    if (same_actor(before->agreement->actor, stamp.actor)) {
      return DbError{fmt::format("{}: {} agreed this amount, so another person must {} it", doing,
                                 stamp.actor, to_string(kind))};
    }
    Decision decision{0,
                      allocation_id,
                      kind,
                      stamp.actor,
                      stamp.at,
                      std::string(reason),
                      std::nullopt,
                      std::nullopt,
                      before->agreement->id};
    insert(connection, stamp, decision);
    return std::move(*read_state(connection, allocation_id));
  });
}

DbResult<DecisionState> DecisionRepository::state(std::int64_t allocation_id) {
  return guarded("cannot read the decisions", [&]() -> DbResult<DecisionState> {
    auto state = read_state(database_.connection(), allocation_id);
    if (!state) return DbError{fmt::format("no allocation {}", allocation_id)};
    return std::move(*state);
  });
}

DbResult<std::vector<DecisionState>> DecisionRepository::awaiting_approval() {
  return guarded("cannot read the approvals queue", [&]() -> DbResult<std::vector<DecisionState>> {
    Connection& connection = database_.connection();
    std::vector<std::int64_t> undecided;
    {
      auto select = connection.statement(kSelectUndecided);
      while (select->executeStep()) undecided.push_back(select->getColumn(0).getInt64());
    }
    std::vector<DecisionState> waiting;
    for (const std::int64_t allocation_id : undecided) {
      auto state = read_state(connection, allocation_id);
      if (state && state->status == DecisionStatus::pending_approval) {
        waiting.push_back(std::move(*state));
      }
    }
    return waiting;
  });
}

DbResult<std::vector<Decision>> DecisionRepository::history(std::int64_t allocation_id) {
  return guarded("cannot read the decisions", [&]() -> DbResult<std::vector<Decision>> {
    std::vector<Decision> all;
    auto select = database_.connection().statement(kSelectByAllocation);
    select->bind(1, allocation_id);
    while (select->executeStep()) all.push_back(read_row(*select));
    return all;
  });
}

}  // namespace hsg::db
