#include "db/record_check.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "db/audit_log.h"
#include "db/guard.h"
#include "engine/text.h"

namespace hsg::db {

namespace {

// Keys spelt as audit events spell them (entity_id), as in audit_log.cpp.
constexpr char kSelectAllocationRows[] =
    "SELECT 'allocations', CAST(id AS TEXT) FROM allocations WHERE id = ?1 "
    "UNION ALL SELECT 'clients', client_ref FROM allocations WHERE id = ?1 "
    "UNION ALL SELECT 'rulesets', ruleset_id FROM allocations WHERE id = ?1 "
    "UNION ALL SELECT 'decisions', CAST(id AS TEXT) FROM decisions WHERE allocation_id = ?1 "
    "UNION ALL SELECT 'grants', CAST(id AS TEXT) FROM grants WHERE allocation_id = ?1 "
    "UNION ALL SELECT 'grant_interventions', grant_id || '/' || intervention "
    "FROM grant_interventions WHERE grant_id IN (SELECT id FROM grants WHERE allocation_id = ?1)";
// As LedgerRepository::post_through chooses them; posting ids as ledger_postings.h makes.
constexpr char kSelectDueRows[] =
    "WITH due AS (SELECT grant_id, intervention, number FROM instalments i WHERE due_on <= ?1 "
    "AND NOT EXISTS (SELECT 1 FROM instalment_cancellations c WHERE c.grant_id = i.grant_id "
    "AND c.intervention = i.intervention AND c.number = i.number) "
    "AND NOT EXISTS (SELECT 1 FROM postings p WHERE p.id = 'I-' || i.grant_id || '-' || "
    "i.intervention || '-' || i.number)) "
    "SELECT 'instalments', grant_id || '/' || intervention || '/' || number FROM due "
    "UNION ALL SELECT DISTINCT 'grant_interventions', grant_id || '/' || intervention FROM due "
    "UNION ALL SELECT DISTINCT 'grants', CAST(grant_id AS TEXT) FROM due";

constexpr char kSelectSpendingRows[] =
    "SELECT 'grants', CAST(id AS TEXT) FROM grants WHERE id = ?1 "
    "UNION ALL SELECT 'grant_interventions', grant_id || '/' || intervention "
    "FROM grant_interventions WHERE grant_id = ?1 "
    "UNION ALL SELECT 'instalments', grant_id || '/' || intervention || '/' || number "
    "FROM instalments WHERE grant_id = ?1 "
    "UNION ALL SELECT 'postings', id FROM postings WHERE grant_id = ?1 "
    "UNION ALL SELECT 'posting_lines', posting_id || '/' || line FROM posting_lines "
    "WHERE grant_id = ?1 "
    "UNION ALL SELECT 'recoveries', grant_id || '/' || number FROM recoveries WHERE grant_id = ?1 "
    "UNION ALL SELECT 'purchases', grant_id || '/' || number FROM purchases WHERE grant_id = ?1 "
    "UNION ALL SELECT 'purchase_decisions', grant_id || '/' || number FROM purchase_decisions "
    "WHERE grant_id = ?1";

constexpr char kSelectUserRows[] =
    "SELECT 'users', name FROM users WHERE name = ?1 "
    "UNION ALL SELECT 'user_role_changes', CAST(id AS TEXT) FROM user_role_changes "
    "WHERE user_name = ?1 "
    "UNION ALL SELECT 'user_passwords', CAST(id AS TEXT) FROM user_passwords WHERE user_name = ?1 "
    "UNION ALL SELECT 'user_status_changes', CAST(id AS TEXT) FROM user_status_changes "
    "WHERE user_name = ?1";

template <typename Bind>
std::vector<RecordRef> rows_named(Connection& connection, const char* sql, Bind bind) {
  std::vector<RecordRef> rows;
  auto select = connection.statement(sql);
  bind(*select);
  while (select->executeStep()) {
    rows.push_back({select->getColumn(0).getString(), select->getColumn(1).getString()});
  }
  return rows;
}

DbResult<Done> check(Database& database, const std::string& what,
                     const std::vector<RecordRef>& rows) {
  const auto checked = AuditLog(database).check_records(rows);
  if (checked.ok()) return checked;
  return DbError{fmt::format("refusing to act on {}: {}; run 'hsg audit verify'", what,
                             checked.error().message)};
}

}  // namespace

DbResult<Done> check_allocation(Database& database, std::int64_t allocation_id) {
  const std::string what = fmt::format("allocation {}", allocation_id);
  auto rows = guarded("cannot check " + what, [&]() -> DbResult<std::vector<RecordRef>> {
    return rows_named(database.connection(), kSelectAllocationRows,
                      [&](SQLite::Statement& select) { select.bind(1, allocation_id); });
  });
  if (!rows.ok()) return rows.error();
  return check(database, what, rows.value());
}

DbResult<Done> check_due_instalments(Database& database, engine::Date through) {
  const std::string what = fmt::format("the instalments due by {}", through.to_string());
  auto rows = guarded("cannot check " + what, [&]() -> DbResult<std::vector<RecordRef>> {
    return rows_named(database.connection(), kSelectDueRows,
                      [&](SQLite::Statement& select) { select.bind(1, through.to_string()); });
  });
  if (!rows.ok()) return rows.error();
  return check(database, what, rows.value());
}

DbResult<Done> check_grant_spending(Database& database, std::int64_t grant_id) {
  const std::string what = fmt::format("grant {}", grant_id);
  auto rows = guarded("cannot check " + what, [&]() -> DbResult<std::vector<RecordRef>> {
    return rows_named(database.connection(), kSelectSpendingRows,
                      [&](SQLite::Statement& select) { select.bind(1, grant_id); });
  });
  if (!rows.ok()) return rows.error();
  return check(database, what, rows.value());
}

DbResult<Done> check_user(Database& database, std::string_view name) {
  const std::string what = fmt::format("user '{}'", engine::excerpt(name));
  auto rows = guarded("cannot check " + what, [&]() -> DbResult<std::vector<RecordRef>> {
    return rows_named(database.connection(), kSelectUserRows,
                      [&](SQLite::Statement& select) { select.bind(1, std::string(name)); });
  });
  if (!rows.ok()) return rows.error();
  return check(database, what, rows.value());
}

DbResult<Done> check_schema(Database& database) { return check(database, "the store", {}); }

}  // namespace hsg::db
