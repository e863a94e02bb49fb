#include "db/allocations.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/clients.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "db/sha256.h"

namespace hsg::db {

namespace {

#define HSG_ALLOCATION_COLUMNS                                                            \
  "id, client_ref, assessed_on, assessor, ruleset_id, engine_version, answers, "          \
  "calculated_total_pence, upper_limit_pence, total_pence, cap_applied, outputs_sha256, " \
  "trace_sha256"

constexpr char kSelectById[] = "SELECT " HSG_ALLOCATION_COLUMNS " FROM allocations WHERE id = ?1";
constexpr char kSelectByClient[] = "SELECT " HSG_ALLOCATION_COLUMNS
                                   " FROM allocations WHERE client_ref = ?1 "
                                   "ORDER BY assessed_on, id";
constexpr char kSelectAll[] = "SELECT " HSG_ALLOCATION_COLUMNS " FROM allocations ORDER BY id";
constexpr char kSelectInRange[] = "SELECT " HSG_ALLOCATION_COLUMNS
                                  " FROM allocations WHERE (?1 IS NULL OR assessed_on >= ?1) "
                                  "AND (?2 IS NULL OR assessed_on <= ?2) "
                                  "AND (?3 IS NULL OR client_ref = ?3) ORDER BY id";
constexpr char kCountInRange[] =
    "SELECT count(*) FROM allocations WHERE (?1 IS NULL OR assessed_on >= ?1) "
    "AND (?2 IS NULL OR assessed_on <= ?2) AND (?3 IS NULL OR client_ref = ?3)";
// The subquery walks allocations_by_client backwards from `as_of` for each client.
constexpr char kSelectLatest[] =
    "SELECT a.id, a.client_ref, a.assessed_on, a.assessor, a.ruleset_id, a.engine_version, "
    "a.answers, a.calculated_total_pence, a.upper_limit_pence, a.total_pence, a.cap_applied, "
    "a.outputs_sha256, a.trace_sha256, c.client_group FROM clients c JOIN allocations a ON a.id = "
    "(SELECT b.id FROM allocations b WHERE b.client_ref = c.ref AND b.assessed_on <= ?1 "
    "ORDER BY b.assessed_on DESC, b.id DESC LIMIT 1) "
    "WHERE (?2 IS NULL OR c.client_group = ?2) ORDER BY c.ref";
constexpr char kInsert[] = "INSERT INTO allocations (" HSG_ALLOCATION_COLUMNS
                           ") VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr char kClientExists[] = "SELECT 1 FROM clients WHERE ref = ?1";

#undef HSG_ALLOCATION_COLUMNS

constexpr std::size_t kTypicalAnswerCount = 16;  // medway asks 10

AllocationRow read_row(SQLite::Statement& row) {
  return {row.getColumn(0).getInt64(),  row.getColumn(1).getString(), row.getColumn(2).getString(),
          row.getColumn(3).getString(), row.getColumn(4).getString(), row.getColumn(5).getString(),
          row.getColumn(6).getString(), row.getColumn(7).getInt64(),  row.getColumn(8).getInt64(),
          row.getColumn(9).getInt64(),  row.getColumn(10).getInt64(), row.getColumn(11).getString(),
          row.getColumn(12).getString()};
}

// Every column, in canonical JSON (docs/auditor.md).
std::string payload_of(const AllocationRow& row) {
  return CanonicalObject()
      .add("id", row.id)
      .add("client_ref", row.client_ref)
      .add("assessed_on", row.assessed_on)
      .add("assessor", row.assessor)
      .add("ruleset_id", row.ruleset_id)
      .add("engine_version", row.engine_version)
      .add("answers", row.answers)
      .add("calculated_total_pence", row.calculated_total_pence)
      .add("upper_limit_pence", row.upper_limit_pence)
      .add("total_pence", row.total_pence)
      .add("cap_applied", row.cap_applied)
      .add("outputs_sha256", row.outputs_sha256)
      .add("trace_sha256", row.trace_sha256)
      .str();
}

std::runtime_error damaged(std::int64_t id) {
  return std::runtime_error(
      fmt::format("allocation {} is damaged: unreadable date or answers", id));
}

StoredAllocation to_stored(AllocationRow row) {
  const auto date = engine::Date::parse(row.assessed_on);
  if (!date) throw damaged(row.id);
  StoredAllocation stored{row.id,
                          std::move(row.client_ref),
                          *date,
                          std::move(row.assessor),
                          std::move(row.ruleset_id),
                          std::move(row.engine_version),
                          {},
                          engine::Money::from_pence(row.calculated_total_pence),
                          engine::Money::from_pence(row.upper_limit_pence),
                          engine::Money::from_pence(row.total_pence),
                          row.cap_applied != 0,
                          std::move(row.outputs_sha256),
                          std::move(row.trace_sha256)};
  // Straight into the answers: replay reads a million of these.
  stored.answers.reserve(kTypicalAnswerCount);
  if (!for_each_string_member(row.answers, [&](std::string area, std::string option) {
        stored.answers.push_back({std::move(area), std::move(option)});
      })) {
    throw damaged(row.id);
  }
  return stored;
}

// No answers is a complete set for a rule set that asks nothing (fixed allowances); for
// any other, replay resolves the answers against the rule set and names what is missing.
std::optional<std::string> answers_problem(std::vector<engine::NamedAnswer> answers) {
  std::sort(answers.begin(), answers.end(),
            [](const auto& a, const auto& b) { return a.area < b.area; });
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (i > 0 && answers[i].area == answers[i - 1].area) {
      return "area " + answers[i].area + " is answered twice";
    }
    if (auto problem = one_line_problem("an area id", answers[i].area, 200)) return problem;
    if (auto problem = one_line_problem("option of " + answers[i].area, answers[i].option, 200)) {
      return problem;
    }
  }
  return std::nullopt;
}

std::optional<std::string> totals_problem(const engine::Allocation& allocation) {
  const engine::Money expected = std::min(allocation.calculated_total, allocation.upper_limit);
  if (allocation.total != expected || allocation.total.pence() < 0 ||
      allocation.cap_applied != (allocation.calculated_total > allocation.upper_limit)) {
    return "its totals are inconsistent (total must be min(calculated total, upper limit))";
  }
  return std::nullopt;
}

bool is_sha256_hex(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::optional<std::string> new_allocation_problem(const NewAllocation& allocation) {
  if (auto problem = client_ref_problem(allocation.client_ref)) return problem;
  if (auto problem = one_line_problem("assessor", allocation.assessor, 200)) return problem;
  if (auto problem = one_line_problem("rule set id", allocation.ruleset_id, 64)) return problem;
  if (auto problem = one_line_problem("engine version", allocation.engine_version, 64)) {
    return problem;
  }
  if (!is_sha256_hex(allocation.outputs_sha256)) return "its outputs hash is not a SHA-256";
  if (!is_sha256_hex(allocation.trace_sha256)) return "its trace hash is not a SHA-256";
  if (auto problem = answers_problem(allocation.answers)) return problem;
  return totals_problem(allocation.allocation);
}

std::string canonical_answers(const std::vector<engine::NamedAnswer>& answers) {
  CanonicalObject object;
  for (const engine::NamedAnswer& answer : answers) object.add(answer.area, answer.option);
  return object.str();
}

AllocationRow row_of(const NewAllocation& allocation) {
  const engine::Allocation& totals = allocation.allocation;
  return {0,
          allocation.client_ref,
          allocation.assessed_on.to_string(),
          allocation.assessor,
          allocation.ruleset_id,
          allocation.engine_version,
          canonical_answers(allocation.answers),
          totals.calculated_total.pence(),
          totals.upper_limit.pence(),
          totals.total.pence(),
          totals.cap_applied ? 1 : 0,
          allocation.outputs_sha256,
          allocation.trace_sha256};
}

bool exists(Connection& connection, const char* sql, const std::string& key) {
  auto select = connection.statement(sql);
  select->bindNoCopy(1, key);
  return select->executeStep();
}

std::optional<AllocationRow> find(Connection& connection, std::int64_t id) {
  auto select = connection.statement(kSelectById);
  select->bind(1, id);
  if (!select->executeStep()) return std::nullopt;
  return read_row(*select);
}

}  // namespace

std::optional<std::string> stored_allocation_payload(Connection& connection, std::string_view id) {
  std::int64_t number = 0;
  const auto parsed = std::from_chars(id.data(), id.data() + id.size(), number);
  if (parsed.ec != std::errc() || parsed.ptr != id.data() + id.size()) return std::nullopt;
  auto row = find(connection, number);
  if (!row) return std::nullopt;
  return payload_of(*row);
}

DbResult<CheckedAllocation> CheckedAllocation::check(const NewAllocation& allocation) {
  if (auto problem = new_allocation_problem(allocation)) {
    return DbError{fmt::format("cannot record the allocation for client {}: {}",
                               allocation.client_ref, *problem)};
  }
  AllocationRow row = row_of(allocation);
  // Rendered with id 0, then cut around it: the members are sorted by key and every
  // string value escapes its quotes, so `,"id":0,` occurs exactly once, as the member.
  const std::string payload = payload_of(row);
  constexpr std::string_view kIdMember = ",\"id\":0,";
  const std::size_t at = payload.find(kIdMember);
  if (at == std::string::npos) throw std::logic_error("allocation payload without its id");
  CheckedAllocation checked;
  checked.row_ = std::move(row);
  checked.payload_before_id_ = payload.substr(0, at + kIdMember.size() - 2);
  checked.payload_after_id_ = payload.substr(at + kIdMember.size() - 1);
  return checked;
}

std::int64_t CheckedAllocation::insert(Connection& connection) const {
  auto statement = connection.statement(kInsert);
  statement->bindNoCopy(1, row_.client_ref);
  statement->bindNoCopy(2, row_.assessed_on);
  statement->bindNoCopy(3, row_.assessor);
  statement->bindNoCopy(4, row_.ruleset_id);
  statement->bindNoCopy(5, row_.engine_version);
  statement->bindNoCopy(6, row_.answers);
  statement->bind(7, row_.calculated_total_pence);
  statement->bind(8, row_.upper_limit_pence);
  statement->bind(9, row_.total_pence);
  statement->bind(10, row_.cap_applied);
  statement->bindNoCopy(11, row_.outputs_sha256);
  statement->bindNoCopy(12, row_.trace_sha256);
  statement->exec();
  return connection.sqlite.getLastInsertRowid();
}

DbResult<std::int64_t> AllocationRepository::record(const Stamp& stamp,
                                                    const NewAllocation& allocation) {
  auto checked = CheckedAllocation::check(allocation);
  if (!checked.ok()) return checked.error();
  return record(stamp, checked.value());
}

// The foreign keys check the client and the rule set on insert; only when they fail
// are they looked up, to say which.
DbResult<std::int64_t> AllocationRepository::record(const Stamp& stamp,
                                                    const CheckedAllocation& allocation) {
  const std::string doing =
      fmt::format("cannot record the allocation for client {}", allocation.row_.client_ref);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<std::int64_t> {
    std::int64_t id = 0;
    try {
      id = allocation.insert(connection);
    } catch (const SQLite::Exception& error) {
      if (error.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
      if (!exists(connection, kClientExists, allocation.row_.client_ref)) {
        return DbError{fmt::format("{}: unknown client {}", doing, allocation.row_.client_ref)};
      }
      return DbError{fmt::format("{}: unknown rule set {}", doing, allocation.row_.ruleset_id)};
    }
    const std::string id_text = std::to_string(id);
    std::string payload;
    payload.reserve(allocation.payload_before_id_.size() + id_text.size() +
                    allocation.payload_after_id_.size());
    payload.append(allocation.payload_before_id_).append(id_text);
    payload.append(allocation.payload_after_id_);
    append_audit_event(connection, stamp, "allocation.record", "allocations", id_text,
                       std::move(payload));
    return id;
  });
}

DbResult<StoredAllocation> AllocationRepository::get(std::int64_t id) {
  return guarded("cannot read the allocation", [&]() -> DbResult<StoredAllocation> {
    auto row = find(database_.connection(), id);
    if (!row) return DbError{fmt::format("no allocation {}", id)};
    return to_stored(std::move(*row));
  });
}

DbResult<std::optional<std::int64_t>> AllocationRepository::same_assessment(
    std::string_view client_ref, engine::Date assessed_on, std::string_view assessor,
    std::vector<engine::NamedAnswer> answers) {
  std::sort(
      answers.begin(), answers.end(),
      [](const engine::NamedAnswer& a, const engine::NamedAnswer& b) { return a.area < b.area; });
  return guarded("cannot read allocations", [&]() -> DbResult<std::optional<std::int64_t>> {
    // allocations_by_client (client_ref, assessed_on) makes this a lookup.
    auto select = database_.connection().statement(
        "SELECT id FROM allocations WHERE client_ref = ? AND assessed_on = ? AND "
        "assessor = ? AND answers = ? ORDER BY id LIMIT 1");
    select->bind(1, std::string(client_ref));
    select->bind(2, assessed_on.to_string());
    select->bind(3, std::string(assessor));
    select->bind(4, canonical_answers(answers));
    if (!select->executeStep()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(select->getColumn(0).getInt64());
  });
}

DbResult<std::vector<StoredAllocation>> AllocationRepository::for_client(
    std::string_view client_ref) {
  return guarded("cannot read the client's allocations",
                 [&]() -> DbResult<std::vector<StoredAllocation>> {
                   std::vector<StoredAllocation> all;
                   auto select = database_.connection().statement(kSelectByClient);
                   select->bind(1, std::string(client_ref));
                   while (select->executeStep()) all.push_back(to_stored(read_row(*select)));
                   return all;
                 });
}

DbResult<std::int64_t> AllocationRepository::for_each(
    const std::function<bool(const StoredAllocation&)>& visit) {
  return guarded("cannot read the allocations", [&]() -> DbResult<std::int64_t> {
    std::int64_t visited = 0;
    auto select = database_.connection().statement(kSelectAll);
    while (select->executeStep()) {
      ++visited;
      if (!visit(to_stored(read_row(*select)))) break;
    }
    return visited;
  });
}

namespace {

void bind_range(SQLite::Statement& statement, const AllocationRange& range) {
  if (range.from) statement.bind(1, range.from->to_string());
  if (range.to) statement.bind(2, range.to->to_string());
  if (range.client_ref) statement.bind(3, *range.client_ref);
}

}  // namespace

DbResult<std::int64_t> AllocationRepository::count_in(const AllocationRange& range) {
  return guarded("cannot count the allocations", [&]() -> DbResult<std::int64_t> {
    auto select = database_.connection().statement(kCountInRange);
    bind_range(*select, range);
    select->executeStep();
    return select->getColumn(0).getInt64();
  });
}

DbResult<std::int64_t> AllocationRepository::for_each_in(
    const AllocationRange& range, const std::function<bool(StoredAllocation&)>& visit) {
  return guarded("cannot read the allocations", [&]() -> DbResult<std::int64_t> {
    std::int64_t visited = 0;
    auto select = database_.connection().statement(kSelectInRange);
    bind_range(*select, range);
    while (select->executeStep()) {
      ++visited;
      StoredAllocation stored = to_stored(read_row(*select));
      if (!visit(stored)) break;
    }
    return visited;
  });
}

DbResult<std::int64_t> AllocationRepository::for_each_latest(
    engine::Date as_of, const std::optional<std::string>& group_key,
    const std::function<bool(const StoredAllocation&, std::string_view group_key)>& visit) {
  return guarded("cannot read the latest allocations", [&]() -> DbResult<std::int64_t> {
    std::int64_t visited = 0;
    auto select = database_.connection().statement(kSelectLatest);
    select->bind(1, as_of.to_string());
    if (group_key) select->bind(2, *group_key);
    std::string group;
    while (select->executeStep()) {
      ++visited;
      group = select->getColumn(13).getString();
      if (!visit(to_stored(read_row(*select)), group)) break;
    }
    return visited;
  });
}

}  // namespace hsg::db
