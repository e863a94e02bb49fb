#include "db/client_erasures.h"

#include <fmt/format.h>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxReasonBytes = 4000;

constexpr char kClientExists[] = "SELECT 1 FROM clients WHERE ref = ?1";
constexpr char kNameHeld[] = "SELECT 1 FROM client_personal WHERE ref = ?1";
constexpr char kEraseName[] = "DELETE FROM client_personal WHERE ref = ?1";
// The client's receipts that no other client's purchase names: those stay for the other.
constexpr char kReceiptsOnlyOf[] =
    "SELECT DISTINCT r.sha256 FROM receipts r JOIN purchases p ON p.receipt_sha256 = r.sha256 "
    "JOIN grants g ON g.id = p.grant_id WHERE g.client_ref = ?1 AND NOT EXISTS (SELECT 1 FROM "
    "purchases q JOIN grants h ON h.id = q.grant_id WHERE q.receipt_sha256 = r.sha256 AND "
    "h.client_ref <> ?1) ORDER BY r.sha256";
constexpr char kEraseReceipt[] = "DELETE FROM receipts WHERE sha256 = ?1";
constexpr char kNextNumber[] = "SELECT count(*) + 1 FROM client_erasures WHERE ref = ?1";
constexpr char kInsert[] =
    "INSERT INTO client_erasures (ref, number, reason, name_erased, receipts_erased) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kSelectRow[] =
    "SELECT reason, name_erased, receipts_erased FROM client_erasures WHERE ref = ?1 AND "
    "number = ?2";
constexpr char kSelectOfClient[] =
    "SELECT number, reason, name_erased, receipts_erased FROM client_erasures WHERE ref = ?1 "
    "ORDER BY number";

// The shared receipts test of kReceiptsOnlyOf, per client; the last day as documented in
// the header, or for a client with no dated record the day they were added. A grant's natural end
// is its start plus its longest intervention's weeks, less a day.
constexpr char kHolding[] =
    "WITH own_receipts AS (SELECT g.client_ref AS ref, count(DISTINCT r.sha256) AS n FROM "
    "receipts r JOIN purchases p ON p.receipt_sha256 = r.sha256 JOIN grants g ON g.id = "
    "p.grant_id WHERE NOT EXISTS (SELECT 1 FROM purchases q JOIN grants h ON h.id = q.grant_id "
    "WHERE q.receipt_sha256 = r.sha256 AND h.client_ref <> g.client_ref) GROUP BY g.client_ref), "
    "grant_last AS (SELECT g.client_ref AS ref, coalesce(e.end_on, date(g.start_on, '+' || "
    "((SELECT max(weeks) FROM grant_interventions i WHERE i.grant_id = g.id) * 7 - 1) || "
    "' days')) AS day FROM grants g LEFT JOIN grant_ends e ON e.grant_id = g.id), "
    "days (ref, day) AS (SELECT client_ref, assessed_on FROM allocations "
    "UNION ALL SELECT ref, day FROM grant_last "
    "UNION ALL SELECT g.client_ref, p.posted_on FROM postings p JOIN grants g ON g.id = p.grant_id "
    "UNION ALL SELECT g.client_ref, r.recovered_on FROM recoveries r JOIN grants g ON g.id = "
    "r.grant_id "
    "UNION ALL SELECT g.client_ref, p.purchased_on FROM purchases p JOIN grants g ON g.id = "
    "p.grant_id "
    "UNION ALL SELECT client_ref, return_on FROM outcome_returns) "
    "SELECT c.ref, EXISTS (SELECT 1 FROM client_personal n WHERE n.ref = c.ref), "
    "ifnull((SELECT n FROM own_receipts o WHERE o.ref = c.ref), 0), "
    "coalesce((SELECT max(day) FROM days d WHERE d.ref = c.ref), (SELECT substr(at, 1, 10) FROM "
    "audit_events WHERE entity_type = 'clients' AND entity_id = c.ref AND action = "
    "'client.add')) FROM clients c "
    "WHERE EXISTS (SELECT 1 FROM client_personal n WHERE n.ref = c.ref) "
    "OR EXISTS (SELECT 1 FROM own_receipts o WHERE o.ref = c.ref) ORDER BY c.ref";

std::string joined(const std::vector<std::string>& hashes) {
  std::string text;
  for (const std::string& hash : hashes) text += (text.empty() ? "" : " ") + hash;
  return text;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> hashes;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t space = text.find(' ', start);
    hashes.push_back(text.substr(start, space - start));
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return hashes;
}

std::string payload_of(const ClientErasure& erasure) {
  return CanonicalObject()
      .add("ref", erasure.ref)
      .add("number", erasure.number)
      .add("reason", erasure.reason)
      .add("name_erased", std::int64_t{erasure.name_erased ? 1 : 0})
      .add("receipts_erased", joined(erasure.receipts_erased))
      .str();
}

bool exists(Connection& connection, const char* sql, std::string_view ref) {
  auto select = connection.statement(sql);
  select->bind(1, std::string(ref));
  return select->executeStep();
}

std::vector<std::string> receipts_only_of(Connection& connection, std::string_view ref) {
  std::vector<std::string> hashes;
  auto select = connection.statement(kReceiptsOnlyOf);
  select->bind(1, std::string(ref));
  while (select->executeStep()) hashes.push_back(select->getColumn(0).getString());
  return hashes;
}

void delete_by_key(Connection& connection, const char* sql, const std::string& key) {
  auto erase = connection.statement(sql);
  erase->bind(1, key);
  erase->exec();
}

void insert(Connection& connection, const Stamp& stamp, const ClientErasure& erasure) {
  auto insert = connection.statement(kInsert);
  insert->bind(1, erasure.ref);
  insert->bind(2, erasure.number);
  insert->bind(3, erasure.reason);
  insert->bind(4, std::int64_t{erasure.name_erased ? 1 : 0});
  insert->bind(5, joined(erasure.receipts_erased));
  insert->exec();
  append_audit_event(connection, stamp, "client.erase", "client_erasures",
                     fmt::format("{}/{}", erasure.ref, erasure.number), payload_of(erasure));
}

DbResult<ClientErasure> erase_in(Connection& connection, const Stamp& stamp,
                                 const std::string& doing, ClientErasure erasure) {
  if (!exists(connection, kClientExists, erasure.ref)) return DbError{doing + ": unknown client"};
  erasure.name_erased = exists(connection, kNameHeld, erasure.ref);
  erasure.receipts_erased = receipts_only_of(connection, erasure.ref);
  if (!erasure.name_erased && erasure.receipts_erased.empty()) {
    return DbError{doing +
                   ": no name or receipt of theirs is held (already erased, or never given)"};
  }
  if (erasure.name_erased) delete_by_key(connection, kEraseName, erasure.ref);
  for (const std::string& hash : erasure.receipts_erased) {
    delete_by_key(connection, kEraseReceipt, hash);
  }
  auto next = connection.statement(kNextNumber);
  next->bind(1, erasure.ref);
  next->executeStep();
  erasure.number = next->getColumn(0).getInt64();
  insert(connection, stamp, erasure);
  return erasure;
}

// After the erasure commits: copy the WAL into the file and truncate it, so the earlier
// page images holding the details go too. Busy while another connection reads.
bool empty_the_log(Connection& connection) {
  auto checkpoint = connection.sqlite.execAndGet("PRAGMA wal_checkpoint(TRUNCATE)");
  return checkpoint.getInt64() == 0;
}

}  // namespace

DbResult<ClientErasure> ClientErasures::erase(const Stamp& stamp, std::string_view ref,
                                              std::string_view reason) {
  const std::string doing = fmt::format("cannot erase the personal details of client {}", ref);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (reason.find_first_not_of(" \t") == std::string_view::npos) {
    return DbError{doing + ": a reason is required (say why, never what is erased)"};
  }
  if (auto problem = one_line_problem("the reason", reason, kMaxReasonBytes)) {
    return DbError{doing + ": " + *problem};
  }
  ClientErasure erasure{std::string(ref), 0, std::string(reason), false, {}, false};
  auto erased = guarded_write(database_, doing, [&](Connection& connection) {
    return erase_in(connection, stamp, doing, erasure);
  });
  if (!erased.ok()) return erased;
  erasure = std::move(erased.value());
  auto emptied =
      guarded(doing, [&]() -> DbResult<bool> { return empty_the_log(database_.connection()); });
  if (!emptied.ok()) return emptied.error();
  erasure.log_emptied = emptied.value();
  return erasure;
}

DbResult<std::vector<HeldPersonalDetails>> ClientErasures::holding_personal_details() {
  return guarded(
      "cannot list the clients' personal details",
      [&]() -> DbResult<std::vector<HeldPersonalDetails>> {
        std::vector<HeldPersonalDetails> held;
        auto select = database_.connection().statement(kHolding);
        while (select->executeStep()) {
          held.push_back(
              {select->getColumn(0).getString(), select->getColumn(1).getInt64() != 0,
               select->getColumn(2).getInt64(),
               select->getColumn(3).isNull() ? std::string() : select->getColumn(3).getString()});
        }
        return held;
      });
}

DbResult<std::vector<ClientErasure>> ClientErasures::of_client(std::string_view ref) {
  return guarded("cannot read the erasures", [&]() -> DbResult<std::vector<ClientErasure>> {
    std::vector<ClientErasure> erasures;
    auto select = database_.connection().statement(kSelectOfClient);
    select->bind(1, std::string(ref));
    while (select->executeStep()) {
      erasures.push_back({std::string(ref), select->getColumn(0).getInt64(),
                          select->getColumn(1).getString(), select->getColumn(2).getInt64() != 0,
                          split(select->getColumn(3).getString()), false});
    }
    return erasures;
  });
}

std::optional<std::string> stored_client_erasure_payload(Connection& connection,
                                                         std::string_view id) {
  const auto slash = id.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto number = parse_entity_number(id.substr(slash + 1));
  if (!number) return std::nullopt;
  const std::string ref(id.substr(0, slash));
  auto select = connection.statement(kSelectRow);
  select->bind(1, ref);
  select->bind(2, *number);
  if (!select->executeStep()) return std::nullopt;
  return payload_of({ref, *number, select->getColumn(0).getString(),
                     select->getColumn(1).getInt64() != 0, split(select->getColumn(2).getString()),
                     false});
}

}  // namespace hsg::db
